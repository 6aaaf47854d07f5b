// 统一社会信用代码 (GB 32100—2015): the 18-character code of an organisation,
// used here as the 实施主体编码 at the head of every 实施编码.
#pragma once

#include <string>
#include <string_view>

namespace qd {

// The 31 characters of the code, valued 0–30 in this order (no I O S V Z).
inline constexpr std::string_view kCreditCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Value 0–30 of a credit-code character, or -1 if it is not one.
int credit_char_value(char c);

// Checks an 18-character credit code: length, character set, the GB 11714
// check character at position 17 and the GB 32100 check character at
// position 18. On failure writes a Chinese reason to `why` (if not null).
bool credit_code_valid(std::string_view code, std::string* why);

// The check character (position 18) for the first 17 characters, or '\0'
// if they are not 17 characters of the credit charset.
char credit_check_char(std::string_view first17);

// The GB 11714 check character (position 17) for the 8-character
// organisation code body (positions 9–16), or '\0' if it is not 8 of 0-9 A-Z.
char org_check_char(std::string_view org8);

// Appends the check character to 17 characters; empty on bad input.
std::string make_credit_code(std::string_view first17);

// Builds a whole code from positions 1–8 and the organisation code body
// (positions 9–16): computes position 17, then position 18. Empty on bad input.
std::string make_credit_code_from_org(std::string_view prefix8, std::string_view org8);

}  // namespace qd
