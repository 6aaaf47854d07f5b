// Column widths that fit Chinese text. Excel measures widths in units of
// the default font's digit; a CJK character (East Asian Wide/Fullwidth)
// is about two of them. Widths are computed from the text and capped, and
// long text wraps.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

namespace qd::xlsx {

// True for code points that East Asian fonts draw two columns wide.
bool is_wide(char32_t cp);

// Width of the widest line of `text` in Excel width units.
double text_width(std::string_view text);

// Lines `text` takes in a wrapped column `width` units wide (at least 1).
int wrapped_lines(std::string_view text, double width);

// A row height in points that shows every cell of `cells` whole, given
// the column widths (cells[i] sits in column first_col + i).
double row_height(const std::vector<std::string>& cells, const class Widths& widths,
                  int first_col = 0, double font_pt = 11);

// Collects the widest text per column and sets the column widths.
class Widths {
 public:
  // `count` columns, each between `min` and `max` units.
  explicit Widths(int count, double min = 6, double max = 50);

  // Widens column `col` to fit `text` (up to the cap).
  void fit(int col, std::string_view text);
  // Makes column `col` at least `width` units (may exceed the cap).
  void at_least(int col, double width);
  // Caps column `col` at `width` units.
  void cap(int col, double width);
  // The width of column `col`.
  double get(int col) const;
  // Sets every column's width on `ws`, with format `f` (may be null).
  lxw_error apply(lxw_worksheet* ws, lxw_format* f = nullptr) const;

 private:
  std::vector<double> width_, cap_;
  double min_;
};

}  // namespace qd::xlsx
