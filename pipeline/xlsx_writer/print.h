// Print setup shared by the printed workbooks: paper and orientation, the
// header row repeated on every page, "第 N 页，共 M 页" in the footer, and
// either one page wide or, for a sheet too wide to be read at one page
// width, its columns in bands of pages at a fixed scale (print_bands()).
#pragma once

#include <string>
#include <vector>

#include "xlsx_writer/book.h"

namespace qd::xlsx {

// Paper sizes of worksheet_set_paper().
inline constexpr uint8_t kPaperA4 = 9;
inline constexpr uint8_t kPaperA3 = 8;

// The smallest printed size of body text (六号, layout.md) and the body
// size of the workbooks' cells.
inline constexpr double kMinPrintedPt = 7.5;
inline constexpr double kCellPt = 11;

struct PrintSetup {
  // Shown centred in the page header on every page; empty for none (a
  // sheet whose first row is its title prints the title once, there).
  std::string title;
  int repeat_first = -1;     // rows repeated on every page (zero-based), -1 for none
  int repeat_last = -1;
  bool landscape = true;
  uint8_t paper = kPaperA3;
  int last_row = -1;         // print area rows 0..last_row (-1: the used range)
  int last_col = -1;
  // Columns 0..repeat_cols-1 are printed on every page (print titles).
  int repeat_cols = 0;
  // 0: fit to one page wide. Otherwise a fixed scale in percent, with a
  // page break before each column of `col_breaks`, pages printed across
  // then down (each block of rows band by band).
  int scale = 0;
  std::vector<int> col_breaks;
};

// How a sheet's columns go onto pages: one page wide at `scale` (0: fit to
// the page width), or bands of columns at a fixed scale with breaks.
struct PrintBands {
  uint8_t paper = kPaperA3;
  bool landscape = true;
  int scale = 0;                // percent; 0 = fit to one page wide
  std::vector<int> col_breaks;  // first column of each band after the first
};

// The printable width of a page in points (the margins of setup_print()).
double printable_width_pt(uint8_t paper, bool landscape);

// The printed width in points, at 100 %, of a column `units` wide, as the
// widest of the programs that print it sets it. A width unit is the digit
// width of the workbook's default font (Calibri 11): 7 px in Excel, but
// LibreOffice without Calibri or Carlito measures it in DejaVu Sans, 9.33
// px — its columns are a third wider (a sheet planned at 75 % printed at
// 64 %, 7.1 pt). So: 9.4 px a unit and 5 px of padding.
double column_pt(double units);

// Puts columns of `widths` (Excel units) onto pages so that text of
// kCellPt prints at kMinPrintedPt or larger. The paper: with `paper` 0,
// A4 landscape when the sheet fits one A4 width at 80 % or more, else A3
// landscape; otherwise `paper` in `landscape`, turned to landscape when
// the sheet is too wide. One page wide (fit to width) when the sheet fits
// at kMinPrintedPt; else the fewest bands of columns (the first
// `repeat_cols` columns printed in every band) that fit at that size, as
// even as they go, at the largest whole-percent scale (at most 100) at
// which the widest band fits.
PrintBands print_bands(const std::vector<double>& widths, int repeat_cols, uint8_t paper = 0,
                       bool landscape = true);

// Copies `bands` into `setup` (paper, orientation, scale, breaks).
void apply_bands(PrintSetup& setup, const PrintBands& bands, int repeat_cols);

// Escapes "&" for Excel header/footer codes and cuts to fit their limit.
std::string header_text(std::string_view title);

// Applies the print setup to `ws`; errors are recorded in `book`.
void setup_print(Book& book, lxw_worksheet* ws, const PrintSetup& setup);

}  // namespace qd::xlsx
