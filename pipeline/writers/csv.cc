#include "writers/csv.h"

namespace qd::csv {

bool formula_like(std::string_view s) {
  if (s.empty()) return false;
  switch (s.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
  }
}

bool number_like(std::string_view s) {
  size_t i = 0, digits = 0;
  auto run = [&] {
    size_t n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++n;
    return n;
  };
  digits += run();
  if (i < s.size() && s[i] == '.') {
    ++i;
    digits += run();
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'E' || s[i] == 'e')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (run() == 0) return false;
  }
  return i == s.size();
}

std::string spreadsheet_text(std::string_view s, Column column) {
  if (formula_like(s)) return "'" + std::string(s);
  if (column == Column::Code && number_like(s)) return std::string(s) + "\t";
  return std::string(s);
}

std::string quote(std::string_view s) {
  if (s.find_first_of(",\"\r\n\t") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string row(const std::vector<std::string>& cells, const std::vector<Column>& columns) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += quote(spreadsheet_text(cells[i], i < columns.size() ? columns[i] : Column::Text));
  }
  return out + "\r\n";
}

}  // namespace qd::csv
