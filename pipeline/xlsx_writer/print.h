// Print setup shared by the printed lists: A3 landscape, one page wide,
// the header row repeated on every page, the sheet title in the page
// header and "第 N 页，共 M 页" in the footer.
#pragma once

#include <string>

#include "xlsx_writer/book.h"

namespace qd::xlsx {

// Paper sizes of worksheet_set_paper().
inline constexpr uint8_t kPaperA4 = 9;
inline constexpr uint8_t kPaperA3 = 8;

struct PrintSetup {
  std::string title;         // shown centred in the page header
  int repeat_first = -1;     // rows repeated on every page (zero-based), -1 for none
  int repeat_last = -1;
  bool landscape = true;
  uint8_t paper = kPaperA3;
  int last_row = -1;         // print area rows 0..last_row (-1: the used range)
  int last_col = -1;
};

// Escapes "&" for Excel header/footer codes and cuts to fit their limit.
std::string header_text(std::string_view title);

// Applies the print setup to `ws`; errors are recorded in `book`.
void setup_print(Book& book, lxw_worksheet* ws, const PrintSetup& setup);

}  // namespace qd::xlsx
