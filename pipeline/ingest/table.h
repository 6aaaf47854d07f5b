// A sheet seen as a table: finds the header row by an anchor label
// (事项名称, 部门 …), maps header texts to columns after normalize_header(),
// and hands out rows with the place of every cell.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/error.h"
#include "spreadsheet_reader/workbook.h"

namespace qd {

class TableView {
 public:
  // Looks for the first row (within the first 20) holding a cell equal to
  // `anchor` after normalisation. ok() is false when there is none.
  TableView(const Sheet& sheet, std::string file, std::string_view anchor);

  bool ok() const { return header_row_ >= 0; }
  int header_row() const { return header_row_; }
  // Normalised header text -> zero-based column (first occurrence wins).
  const std::map<std::string, int>& columns() const { return columns_; }
  // Column of a label, or -1.
  int column(std::string_view label) const;
  // Data rows: every row below the header that is not entirely empty.
  const std::vector<int>& rows() const { return rows_; }
  // The cell at (row, col); an empty cell when col is -1.
  const Cell& cell(int row, int col) const;
  // Trimmed text of a cell; "" when col is -1.
  std::string text(int row, int col) const;
  // Trimmed text of the cell under `label` in `row`.
  std::string text(int row, std::string_view label) const { return text(row, column(label)); }
  // The place of a cell (col -1: the first column of the row).
  Place place(int row, int col) const;
  const Sheet& sheet() const { return sheet_; }
  const std::string& file() const { return file_; }

 private:
  const Sheet& sheet_;
  std::string file_;
  int header_row_ = -1;
  std::map<std::string, int> columns_;
  std::vector<int> rows_;
};

}  // namespace qd
