#include "xlsx_writer/widths.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"

namespace qd::xlsx {

namespace {

// Units of one wide character, and the padding added to every column.
constexpr double kWideUnits = 2.1;
constexpr double kPadding = 2.0;

}  // namespace

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
         c == 0x2026 || c == 0x2014 || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x2160 || (c >= 0x2160 && c <= 0x216B);
}

double text_width(std::string_view text) {
  double widest = 0, line = 0;
  for (char32_t c : utf8_decode(text)) {
    if (c == U'\n') {
      widest = std::max(widest, line);
      line = 0;
      continue;
    }
    line += is_wide(c) ? kWideUnits : 1.0;
  }
  return std::max(widest, line);
}

int wrapped_lines(std::string_view text, double width) {
  // A little less than the column: cell padding, and words that move whole
  // to the next line.
  double usable = std::max(width - 1.5, 2.0);
  int lines = 0;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    std::string_view para = text.substr(start, end == std::string_view::npos ? end : end - start);
    double w = text_width(para);
    lines += std::max(1, static_cast<int>(std::ceil(w / usable)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

double row_height(const std::vector<std::string>& cells, const Widths& widths, int first_col,
                  double font_pt) {
  int lines = 1;
  for (size_t i = 0; i < cells.size(); ++i)
    if (!cells[i].empty())
      lines = std::max(lines, wrapped_lines(cells[i], widths.get(first_col + static_cast<int>(i))));
  // CJK fonts need about 1.35 em per line; Excel caps rows at 409 pt.
  return std::min(409.0, lines * font_pt * 1.35 + 4);
}

Widths::Widths(int count, double min, double max)
    : width_(static_cast<size_t>(std::max(count, 0)), min),
      cap_(static_cast<size_t>(std::max(count, 0)), max),
      min_(min) {}

void Widths::fit(int col, std::string_view text) {
  if (col < 0 || col >= static_cast<int>(width_.size())) return;
  double w = std::min(text_width(text) + kPadding, cap_[col]);
  width_[col] = std::max(width_[col], w);
}

void Widths::at_least(int col, double width) {
  if (col < 0 || col >= static_cast<int>(width_.size())) return;
  width_[col] = std::max(width_[col], width);
}

void Widths::cap(int col, double width) {
  if (col < 0 || col >= static_cast<int>(width_.size())) return;
  cap_[col] = width;
  width_[col] = std::min(width_[col], width);
}

double Widths::get(int col) const {
  return col >= 0 && col < static_cast<int>(width_.size()) ? width_[col] : min_;
}

lxw_error Widths::apply(lxw_worksheet* ws, lxw_format* f) const {
  for (size_t c = 0; c < width_.size(); ++c) {
    lxw_error err = worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                         width_[c], f);
    if (err != LXW_NO_ERROR) return err;
  }
  return LXW_NO_ERROR;
}

}  // namespace qd::xlsx
