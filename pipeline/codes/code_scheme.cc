#include "codes/code_scheme.h"

#include <regex>

#include "codes/item_code.h"

namespace qd {

struct CompiledPattern {
  std::regex re;
};

namespace {

// Checks a provincial code against its rule; `kind` names it in reasons.
bool provincial_valid(std::string_view code, const CodeScheme& scheme, const CodeRule& rule,
                      std::string_view kind, std::string* why) {
  auto fail = [&](std::string reason) {
    if (why) *why = std::move(reason);
    return false;
  };
  for (size_t i = 0; i < code.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(code[i]);
    if (c >= 0x80)
      return fail(std::string(kind) + "含有全角或其他非 ASCII 字符，应只用半角数字、大写字母和“-”");
    if (scheme.characters.find(static_cast<char>(c)) == std::string::npos)
      return fail(std::string(kind) + "含有不允许的字符 " + std::string(1, static_cast<char>(c)) +
                  "（第 " + std::to_string(i + 1) + " 位），只能使用 " + scheme.characters);
  }
  if (code.size() < rule.min_length || code.size() > rule.max_length) {
    std::string want = rule.min_length == rule.max_length
                           ? std::to_string(rule.min_length)
                           : std::to_string(rule.min_length) + "–" + std::to_string(rule.max_length);
    return fail(std::string(kind) + "长度应为 " + want + " 位，实为 " + std::to_string(code.size()) + " 位");
  }
  if (rule.compiled && !std::regex_match(code.begin(), code.end(), rule.compiled->re))
    return fail(std::string(kind) + "不符合本省编码规则（" + rule.pattern + "）");
  return true;
}

}  // namespace

CodeScheme national_scheme() {
  CodeScheme s;
  s.basic.min_length = s.basic.max_length = kBasicCodeLength;
  s.impl.min_length = s.impl.max_length = kImplCodeLength;
  return s;
}

bool make_code_rule(size_t min_length, size_t max_length, const std::string& pattern,
                    CodeRule* rule, std::string* why) {
  if (min_length < 1 || max_length < min_length || max_length > 64) {
    if (why) *why = "长度范围应为 1–64 之间的两个数，且前者不大于后者";
    return false;
  }
  rule->min_length = min_length;
  rule->max_length = max_length;
  rule->pattern = pattern;
  rule->compiled.reset();
  if (pattern.empty()) return true;
  try {
    rule->compiled = std::make_shared<const CompiledPattern>(
        CompiledPattern{std::regex(pattern, std::regex::ECMAScript)});
  } catch (const std::regex_error&) {
    if (why) *why = "正则表达式“" + pattern + "”无效";
    return false;
  }
  return true;
}

bool basic_code_valid(std::string_view code, const CodeScheme& scheme, std::string* why) {
  if (!scheme.provincial) return basic_code_valid(code, why);
  return provincial_valid(code, scheme, scheme.basic, "基本编码", why);
}

bool impl_code_valid(std::string_view code, const CodeScheme& scheme, std::string* why) {
  if (!scheme.provincial) return impl_code_valid(code, why);
  return provincial_valid(code, scheme, scheme.impl, "实施编码", why);
}

size_t min_basic_length(const CodeScheme& scheme) {
  return scheme.provincial ? scheme.basic.min_length : kBasicCodeLength;
}

size_t min_impl_length(const CodeScheme& scheme) {
  return scheme.provincial ? scheme.impl.min_length : kImplCodeLength;
}

}  // namespace qd
