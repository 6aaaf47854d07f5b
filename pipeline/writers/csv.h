// CSV for people who open it in a spreadsheet. Every CSV the build writes
// (review/findings.csv, portal/data/*.csv) is double-clicked by a clerk in
// Excel or WPS sooner or later, so each one is written through here:
//   * UTF-8 with a byte order mark (without it Excel on a Chinese Windows
//     reads the file as GB18030), RFC 4180 quoting, CRLF line ends;
//   * a field a spreadsheet would run as a formula (first character = + - @,
//     tab or CR, OWASP's list) starts with an apostrophe, so it stays text;
//   * a code or phone that a spreadsheet would read as a number (all digits,
//     or digits with a decimal point or an exponent such as 0001170E1000)
//     ends in a tab, so it stays text: no leading zero dropped, no 31-digit
//     实施编码 turned into 1.11307314046419E+30. A trailing tab, not ="…":
//     the file holds no formula at all, and a program reading it strips white
//     space. (A leading tab would itself be a formula trigger.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qd::csv {

// The UTF-8 byte order mark that makes Excel read a CSV as UTF-8.
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

// What a column holds, for how a spreadsheet must read it.
enum class Column {
  Text,  // free text
  Code,  // codes and phones: text, even when all digits
};

// True if a spreadsheet would take the field as a formula: it starts with
// '=', '+', '-', '@', a tab or a carriage return.
bool formula_like(std::string_view s);

// True if a spreadsheet would read the field as a number: digits, with at
// most one decimal point and an optional exponent (E, e, with a sign).
bool number_like(std::string_view s);

// The field as a spreadsheet should show it (before quoting): "'" before a
// formula-like text; a tab after a number-like value of a Code column.
std::string spreadsheet_text(std::string_view s, Column column);

// Quotes a field per RFC 4180 when it holds a comma, quote or line break,
// and also a tab (so that a reader that trims bare fields keeps it).
std::string quote(std::string_view s);

// One CRLF-terminated row: each cell made spreadsheet-safe and quoted.
// `columns` gives each cell's kind (Text when missing or shorter).
std::string row(const std::vector<std::string>& cells, const std::vector<Column>& columns = {});

}  // namespace qd::csv
