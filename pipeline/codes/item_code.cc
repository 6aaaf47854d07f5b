#include "codes/item_code.h"

#include "base/text.h"
#include "codes/credit_code.h"

namespace qd {

namespace {

constexpr int kBase = 31;
// Base-31 value of "A00", the first lettered sequence.
constexpr int kFirstLettered = 10 * kBase * kBase;

// Sets *why when the caller asked for a reason; returns false for chaining.
bool fail(std::string* why, std::string reason) {
  if (why) *why = std::move(reason);
  return false;
}

// True for an ASCII digit.
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length check shared by the three code kinds, counting code points so that
// a stray full-width character gives a sensible number.
bool check_length(std::string_view code, size_t want, std::string_view kind, std::string* why) {
  size_t n = utf8_length(code);
  if (n == want && code.size() == want) return true;
  if (n == want) {
    return fail(why, std::string(kind) + "含有全角或其他非 ASCII 字符，应只用半角数字和大写字母");
  }
  return fail(why, std::string(kind) + "长度应为 " + std::to_string(want) + " 位，实为 " +
                       std::to_string(n) + " 位");
}

// Chinese description of a non-charset character for reasons.
std::string bad_char(std::string_view code, size_t i) {
  std::string c(1, code[i]);
  return "含有不允许的字符 " + c + "（第 " + std::to_string(i + 1) + " 位）";
}

}  // namespace

bool item_type_code_valid(std::string_view t) {
  if (t.size() != 2 || !is_digit(t[0]) || !is_digit(t[1])) return false;
  int v = (t[0] - '0') * 10 + (t[1] - '0');
  return (v >= 1 && v <= 10) || v == 20;
}

bool basic_code_valid(std::string_view code, std::string* why) {
  if (!check_length(code, kBasicCodeLength, "基本编码", why)) return false;
  for (size_t i = 0; i < 6; ++i) {
    if (i == 2 || i == 3) continue;
    if (!is_digit(code[i])) {
      return fail(why, "基本编码" + bad_char(code, i) + "，第 1–2 位区划与第 5–6 位部门编号应为数字");
    }
  }
  if (!is_digit(code[2]) || !is_digit(code[3])) {
    return fail(why, "基本编码" + bad_char(code, is_digit(code[2]) ? 3 : 2) + "，第 3–4 位事项类型应为数字");
  }
  if (!item_type_code_valid(code.substr(2, 2))) {
    return fail(why, "基本编码第 3–4 位事项类型代码 " + std::string(code.substr(2, 2)) +
                         " 不在 01–10、20 之内");
  }
  for (size_t i = 6; i < 9; ++i) {
    if (credit_char_value(code[i]) < 0) {
      return fail(why, "基本编码" + bad_char(code, i) + "，主项序号只能用数字和大写字母（不含 I O Z S V）");
    }
  }
  std::string_view sss = code.substr(9, 3);
  if (sss != kSubNone && sss != kSubParent && decode_sub_sequence(sss) < 0) {
    return fail(why, "基本编码第 10–12 位子项编码应为 000、00Y 或 001–999，实为 " + std::string(sss));
  }
  return true;
}

bool impl_code_valid(std::string_view code, std::string* why) {
  if (!check_length(code, kImplCodeLength, "实施编码", why)) return false;
  std::string inner;
  if (!credit_code_valid(code.substr(0, 18), &inner)) {
    return fail(why, "实施编码第 1–18 位实施主体编码（统一社会信用代码）" + inner);
  }
  char level = code[18];
  if (level < '1' || level > '7') {
    return fail(why, std::string("实施编码第 19 位行使层级应为 1–7，实为 ") + level);
  }
  if (!basic_code_valid(code.substr(19), &inner)) {
    return fail(why, "实施编码第 20–31 位：" + inner);
  }
  return true;
}

bool business_code_valid(std::string_view code, std::string* why) {
  if (!check_length(code, kBusinessCodeLength, "业务办理项编码", why)) return false;
  std::string inner;
  if (!impl_code_valid(code.substr(0, 31), &inner)) {
    return fail(why, "业务办理项编码第 1–31 位：" + inner);
  }
  std::string_view nn = code.substr(31);
  if (!is_digit(nn[0]) || !is_digit(nn[1]) || nn == "00") {
    return fail(why, "业务办理项编码第 32–33 位应为 01–99，实为 " + std::string(nn));
  }
  return true;
}

std::string encode_sequence(int n) {
  if (n < 1 || n > kMaxSequence) return {};
  if (n <= 999) return encode_sub_sequence(n);
  int v = kFirstLettered + (n - 1000);
  std::string out(3, '0');
  for (int i = 2; i >= 0; --i) {
    out[i] = kCreditCharset[v % kBase];
    v /= kBase;
  }
  return out;
}

int decode_sequence(std::string_view s) {
  if (s.size() != 3) return -1;
  if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2])) {
    int n = decode_sub_sequence(s);
    return n;  // "000" gives -1
  }
  if (is_digit(s[0])) return -1;  // "0A1": not produced by the scheme
  int v = 0;
  for (char c : s) {
    int d = credit_char_value(c);
    if (d < 0) return -1;
    v = v * kBase + d;
  }
  return 1000 + (v - kFirstLettered);
}

std::string encode_sub_sequence(int n) {
  if (n < 1 || n > 999) return {};
  std::string out(3, '0');
  out[0] = static_cast<char>('0' + n / 100);
  out[1] = static_cast<char>('0' + n / 10 % 10);
  out[2] = static_cast<char>('0' + n % 10);
  return out;
}

int decode_sub_sequence(std::string_view s) {
  if (s.size() != 3 || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2])) return -1;
  int n = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
  return n == 0 ? -1 : n;
}

std::string make_basic_code(std::string_view region, std::string_view type_code,
                            std::string_view dept_number, int seq, std::string_view sub) {
  std::string s = encode_sequence(seq);
  if (s.empty()) return {};
  std::string code;
  code.append(region).append(type_code).append(dept_number).append(s).append(sub);
  if (!basic_code_valid(code, nullptr)) return {};
  return code;
}

std::string make_impl_code(std::string_view credit, std::string_view level_digit,
                           std::string_view basic) {
  std::string code;
  code.append(credit).append(level_digit).append(basic);
  if (!impl_code_valid(code, nullptr)) return {};
  return code;
}

std::string make_business_code(std::string_view impl, int n) {
  if (n < 1 || n > 99) return {};
  std::string code(impl);
  code.push_back(static_cast<char>('0' + n / 10));
  code.push_back(static_cast<char>('0' + n % 10));
  if (!business_code_valid(code, nullptr)) return {};
  return code;
}

}  // namespace qd
