// The code scheme an office uses for 基本编码 and 实施编码 (county.toml
// [codes]): the national one of codes.md (12 / 31 characters, assigned by the
// registry when an item comes without codes), or the province's own codes
// taken as given (e.g. 511A0014100002, E-000004-001): checked only for their
// characters, length bounds and an optional pattern, never made up here.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace qd {

// A compiled pattern (a std::regex, kept out of this header: the settings
// and so the whole pipeline include it).
struct CompiledPattern;

// Length bounds and an optional pattern for one kind of provincial code.
struct CodeRule {
  size_t min_length = 0, max_length = 0;      // in characters (ASCII)
  std::string pattern;                         // ECMAScript regex the whole code matches; "" = any
  std::shared_ptr<const CompiledPattern> compiled;  // `pattern`, compiled by make_code_rule
};

// Which codes the office's items carry.
struct CodeScheme {
  bool provincial = false;  // false: the national scheme of codes.md
  // The characters a provincial code may use.
  std::string characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";
  CodeRule basic, impl;
};

// The national scheme (codes.md).
CodeScheme national_scheme();

// Builds a rule; an error message (Chinese) in *why when the bounds are
// wrong or the pattern is not a valid regular expression.
bool make_code_rule(size_t min_length, size_t max_length, const std::string& pattern,
                    CodeRule* rule, std::string* why);

// Checks a 基本编码 under the scheme: the national rules (basic_code_valid)
// or the province's characters, length bounds and pattern.
bool basic_code_valid(std::string_view code, const CodeScheme& scheme, std::string* why);

// Checks a 实施编码 under the scheme, as basic_code_valid.
bool impl_code_valid(std::string_view code, const CodeScheme& scheme, std::string* why);

// The fewest characters a 基本编码 / 实施编码 of the scheme has (12 / 31
// nationally): a code typed as a number with fewer digits lost leading zeros.
size_t min_basic_length(const CodeScheme& scheme);
size_t min_impl_length(const CodeScheme& scheme);

}  // namespace qd
