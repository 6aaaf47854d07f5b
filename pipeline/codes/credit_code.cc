#include "codes/credit_code.h"

#include "base/text.h"

namespace qd {

namespace {

// Weights 3^i mod 31 for positions 1–17 (GB 32100).
constexpr int kCreditWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// Weights for positions 9–16 (GB 11714).
constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

// Value 0–35 of 0-9 A-Z for GB 11714, or -1.
int org_char_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

// Renders "实为 X" for one code point of the input, so reasons show what was typed.
std::string show_char(std::u32string_view cps, size_t i) {
  std::string out;
  utf8_append(out, cps[i]);
  return out;
}

// Sets *why when the caller asked for a reason; returns false for chaining.
bool fail(std::string* why, std::string reason) {
  if (why) *why = std::move(reason);
  return false;
}

}  // namespace

int credit_char_value(char c) {
  size_t p = kCreditCharset.find(c);
  return p == std::string_view::npos ? -1 : static_cast<int>(p);
}

char credit_check_char(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int v = credit_char_value(first17[i]);
    if (v < 0) return '\0';
    sum += v * kCreditWeights[i];
  }
  return kCreditCharset[(31 - sum % 31) % 31];
}

char org_check_char(std::string_view org8) {
  if (org8.size() != 8) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    int v = org_char_value(org8[i]);
    if (v < 0) return '\0';
    sum += v * kOrgWeights[i];
  }
  int c = 11 - sum % 11;
  if (c == 11) return '0';
  if (c == 10) return 'X';
  return static_cast<char>('0' + c);
}

bool credit_code_valid(std::string_view code, std::string* why) {
  std::u32string cps = utf8_decode(code);
  if (cps.size() != 18) {
    return fail(why, "长度应为 18 位，实为 " + std::to_string(cps.size()) + " 位");
  }
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c >= 0x80 || credit_char_value(static_cast<char>(c)) < 0) {
      std::string reason = "含有不允许的字符 " + show_char(cps, i) + "（第 " + std::to_string(i + 1) + " 位）";
      if (c >= 'a' && c <= 'z') reason += "，字母应为大写";
      return fail(why, reason);
    }
  }
  // All 18 code points are ASCII now, so bytes and positions agree.
  char org = org_check_char(code.substr(8, 8));
  if (org == '\0') {
    return fail(why, "第 9–16 位不是有效的组织机构代码");
  }
  if (code[16] != org) {
    return fail(why, std::string("第 17 位组织机构代码校验码应为 ") + org + "，实为 " + code[16]);
  }
  char check = credit_check_char(code.substr(0, 17));
  if (code[17] != check) {
    return fail(why, std::string("第 18 位校验码应为 ") + check + "，实为 " + code[17]);
  }
  return true;
}

std::string make_credit_code(std::string_view first17) {
  char c = credit_check_char(first17);
  if (c == '\0') return {};
  std::string out(first17);
  out += c;
  return out;
}

std::string make_credit_code_from_org(std::string_view prefix8, std::string_view org8) {
  if (prefix8.size() != 8) return {};
  char c = org_check_char(org8);
  if (c == '\0') return {};
  std::string first17;
  first17.append(prefix8).append(org8).push_back(c);
  return make_credit_code(first17);
}

}  // namespace qd
