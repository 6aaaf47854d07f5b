// A titled, print-ready table on one worksheet: a merged title row, a bold
// header row, bordered wrapped body rows, an optional total row, frozen
// panes below the header, an autofilter and widths that fit Chinese text.
// Printed, the title is in the first row only (not in the page header as
// well) and the table is readable: one page wide when it fits at 六号 or
// larger, else in bands of columns with its first columns repeated
// (print_bands()).
#pragma once

#include <string>
#include <vector>

#include "xlsx_writer/book.h"
#include "xlsx_writer/print.h"

namespace qd::xlsx {

// One column of a table.
struct Column {
  std::string label;
  double min_width = 6;
  double max_width = 40;
  bool text = false;     // number format "@" (codes, phones)
  bool numeric = false;  // digit-only cells are written as numbers
  bool center = false;
};

// A table and how to lay it out.
struct Table {
  std::string title;  // row 1, merged over the columns; empty: no title row
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> total;  // bold last row when not empty
  std::string empty_note;          // written under the header when there are no rows
  int freeze_cols = 0;             // columns kept visible when scrolling right
  int repeat_cols = -1;            // printed in every band of a wide table; -1: freeze_cols
  bool autofilter = true;
  bool print = true;               // print setup, header row repeated
  uint8_t paper = kPaperA3;        // turned to landscape, in bands, when too wide
  bool landscape = true;
};

// Writes `table` from row 0 of `ws`; returns the first row after it.
int write_table(Book& book, lxw_worksheet* ws, const Table& table);

// The column labels of a table as Columns with default widths.
std::vector<Column> columns(const std::vector<std::string>& labels);

}  // namespace qd::xlsx
