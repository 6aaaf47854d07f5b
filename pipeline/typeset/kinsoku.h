// 禁则 character classes (layout.md; W3C clreq; GB/T 15834—2011 §5.1) used by
// the break tailoring and by line filling. The public predicates
// no_line_start, no_line_end and squeezable are declared in layout.h.
#pragma once

#include <string_view>

namespace qd::ts {

// True for characters that form unbreakable runs: printable ASCII except
// the space (words, numbers, phone numbers, URLs, codes), full-width Latin
// letters and digits, and Latin letters with diacritics.
bool latin_run_char(char32_t cp);

// True for an ASCII or full-width decimal digit.
bool is_digit(char32_t cp);

// True for a Han character (CJK Unified Ideographs, extensions, compatibility).
bool is_han(char32_t cp);

// True for characters that are set 1 em wide in Chinese text (Han, kana,
// CJK symbols and punctuation, full-width forms): used to allow a break
// before “‘ and after ”’ next to Chinese text (ICU 72's LB19 forbids it).
bool is_wide_cjk(char32_t cp);

// True for a character that may follow a number as its unit (个, 日, 年, 元,
// %, ℃ …): every Han character, and the percent/permille/degree signs.
bool unit_after_number(char32_t cp);

// The length of the unit of several characters that `rest` starts with
// when it follows a number (个工作日, 个月, 小时, 周岁, 平方米 …), 0 when
// none: a number and its unit stay on one line ("20个工作日", never
// "20个／工作日").
size_t unit_length(std::u32string_view rest);

// True for the characters inside a date written with 年 月 日 after which a
// number follows (2017年9月30日): no line breaks inside a date.
bool date_part(char32_t cp);

// True for a dash or ellipsis that is written doubled (——, ……, ⋯⋯); the two
// halves of a pair must stay on one line.
bool doubled_punctuation(char32_t cp);

// True for a character that hangs into the margin at a line end and takes
// no width there (the ASCII space).
bool hangs_at_line_end(char32_t cp);

// True for a mandatory line break (LF, CR, VT, FF, NEL, LS, PS).
bool mandatory_break(char32_t cp);

// True for a full-width opening bracket or quote (（〔［｛【〖《〈「『“‘):
// its glyph is half space on the leading side, half ink (W3C clreq 3.1.6).
bool opening_bracket(char32_t cp);

// True for a full-width closing bracket or quote (）〕］｝】〗》〉」』”’):
// half ink, half space on the trailing side.
bool closing_bracket(char32_t cp);

// True if a break before text[k] (0 < k < size) forced inside an
// unbreakable run would at least respect the punctuation 禁则.
bool acceptable_forced_break(std::u32string_view text, size_t k, bool strict);

}  // namespace qd::ts
