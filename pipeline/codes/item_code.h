// Item codes of the national government-service platform (codes.md):
//   基本编码 (12)       RR TT MMMMM SSS
//   实施编码 (31)       <18-char credit code><行使层级 digit><基本编码>
//   业务办理项编码 (33)  <实施编码><2-digit variant 01–99>
#pragma once

#include <string>
#include <string_view>

namespace qd {

inline constexpr size_t kBasicCodeLength = 12;
inline constexpr size_t kImplCodeLength = 31;
inline constexpr size_t kBusinessCodeLength = 33;

// SSS of an item that has no sub-items.
inline constexpr std::string_view kSubNone = "000";
// SSS of a main item that has sub-items.
inline constexpr std::string_view kSubParent = "00Y";

// Checks a 12-character 基本编码; on failure writes a Chinese reason to `why`.
bool basic_code_valid(std::string_view code, std::string* why);

// Checks a 31-character 实施编码 (credit code + level 1–7 + 基本编码).
bool impl_code_valid(std::string_view code, std::string* why);

// Checks a 33-character 业务办理项编码 (实施编码 + 01–99).
bool business_code_valid(std::string_view code, std::string* why);

// True for a 事项类型 code: "01".."10" or "20".
bool item_type_code_valid(std::string_view type_code);

// Main-item sequence (the last 3 characters of MMMMM). The scheme is a
// bijection between 1..kMaxSequence and 3-character strings:
//   1..999       -> "001".."999"
//   1000..21180  -> the strings whose first character is a letter, in
//                   base-31 order over 0-9 A-Z without I O S V Z:
//                   1000 -> "A00", 1001 -> "A01", …, 1009 -> "A09",
//                   1010 -> "A0A", …, 21180 -> "YYY".
// Because the charset is in ASCII order, string order equals numeric order,
// and every lettered sequence sorts after "999". Strings that start with a
// digit but contain a letter ("0A1") are never produced (decode gives -1).
inline constexpr int kMaxSequence = 999 + 21 * 31 * 31;

// Encodes 1..kMaxSequence; empty if out of range.
std::string encode_sequence(int n);

// Decodes a 3-character sequence; -1 if it is not one encode_sequence makes.
int decode_sequence(std::string_view s);

// Sub-item sequence (SSS): 1..999 -> "001".."999"; empty if out of range.
// "000" (no sub-items) and "00Y" (main item with sub-items) are kSubNone
// and kSubParent, not sequences.
std::string encode_sub_sequence(int n);

// Decodes "001".."999" to 1..999; -1 for anything else, including "000"/"00Y".
int decode_sub_sequence(std::string_view s);

// Builds a 基本编码 from region "13", type "01", department number "05",
// main-item sequence `seq` (encode_sequence) and `sub`, the 3-character SSS
// (kSubNone, kSubParent or encode_sub_sequence(k)). Empty on bad input.
std::string make_basic_code(std::string_view region, std::string_view type_code,
                            std::string_view dept_number, int seq, std::string_view sub);

// Builds a 实施编码 from the agency's credit code, level digit and 基本编码.
// Empty if the result would not be valid.
std::string make_impl_code(std::string_view credit, std::string_view level_digit,
                           std::string_view basic);

// Builds a 业务办理项编码: 实施编码 + two digits of n (1..99). Empty on bad input.
std::string make_business_code(std::string_view impl, int n);

}  // namespace qd
