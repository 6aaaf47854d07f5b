// UTF-8 text helpers shared by every stage: trimming, width folding,
// code-point iteration and spreadsheet cell references.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qd {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string utf8_decode(std::string_view s);

// Encodes one code point as UTF-8 and appends it to `out`.
void utf8_append(std::string& out, char32_t cp);

// Encodes code points as UTF-8.
std::string utf8_encode(std::u32string_view s);

// Number of code points in a UTF-8 string.
size_t utf8_length(std::string_view s);

// True if `s` is valid UTF-8.
bool utf8_valid(std::string_view s);

// True for a code point XML 1.0 allows in text: tab, line feed, carriage
// return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF.
bool xml_char(char32_t cp);

// The text with every character XML 1.0 does not allow removed (invalid
// UTF-8 becomes U+FFFD). Every XML writer (.xlsx, .docx, HTML) passes its
// text through it, so no input can make an output unreadable.
std::string xml_text(std::string_view s);

// Removes leading and trailing white space, including U+3000 and U+00A0.
std::string trim(std::string_view s);

// Folds full-width ASCII forms (！ to ～) and U+3000 to their half-width forms.
std::string fold_width(std::string_view s);

// Normalises a column header: trims, folds width, drops a trailing "*" or
// "(必填)", and trims again. Used to match headers to element labels.
std::string normalize_header(std::string_view s);

// Splits on any of the given separators (each a UTF-8 string), trimming the
// parts and dropping empty ones. Used for multi-valued cells like "1、2".
std::vector<std::string> split_any(std::string_view s,
                                   const std::vector<std::string_view>& seps);

// Converts a zero-based column index to letters: 0 -> "A", 27 -> "AB".
std::string column_name(int col);

// Formats a zero-based (row, col) as an A1 reference: (0, 0) -> "A1".
std::string cell_ref(int row, int col);

// Parses an A1 reference ("AB12", also "$AB$12") into zero-based row and
// column. Returns false if it is not one.
bool parse_cell_ref(std::string_view ref, int* row, int* col);

// True if every byte of `s` is an ASCII digit (and s is not empty).
bool all_digits(std::string_view s);

// A calendar date without time of day or time zone.
struct Date {
  int year = 0, month = 0, day = 0;

  bool valid() const;
  // "2017-09-30"
  std::string iso() const;
  // "2017年9月30日" (GB/T 9704: Arabic numerals, no zero padding)
  std::string chinese() const;
  // Days since 1970-01-01.
  long days_since_epoch() const;
  auto operator<=>(const Date&) const = default;
};

// Parses "2017-09-30", "2017/9/30", "2017.9.30" or "2017年9月30日".
bool parse_date(std::string_view s, Date* out);

// Converts an Excel 1900-system serial day number to a date.
Date date_from_excel_serial(double serial);

// Converts days since 1970-01-01 to a date.
Date date_from_days(long days);

}  // namespace qd
