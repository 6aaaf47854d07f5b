// The in-memory form of a spreadsheet as the readers hand it on: workbooks
// of sheets of typed cells, plus the limits that keep hostile files harmless.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <string>
#include <vector>

namespace qd {

// What kind of value a cell holds.
enum class CellType { Empty, String, Number, Boolean, Date, Error };

// One cell value. `text` always holds the value as text (see the field
// comments); `number` holds the numeric value of Number, Date and Boolean.
struct Cell {
  CellType type = CellType::Empty;
  // String: the text (rich-text runs concatenated, line breaks kept as LF,
  // not trimmed); Number: canonical decimal ("130731", "0.5"); Boolean:
  // "TRUE"/"FALSE"; Date: ISO "2017-08-30"; Error: "#N/A" etc.
  std::string text;
  double number = 0;
  // True if this value was copied from the top-left cell of a merged range.
  bool from_merge = false;
};

// A rectangle of cells, zero-based and inclusive.
struct CellRange {
  int first_row, first_col, last_row, last_col;
};

// One worksheet: rows of cells (ragged: trailing empty cells and rows are
// not stored), the merged ranges and whether the sheet is hidden.
struct Sheet {
  std::string name;
  std::vector<std::vector<Cell>> rows;
  std::vector<CellRange> merged;
  bool hidden = false;

  // Returns the cell at zero-based (row, col), or a static empty cell when
  // the position is outside the stored rows.
  const Cell& at(int row, int col) const;
  // Number of stored rows (the last non-empty row plus one).
  int row_count() const;
};

// A whole workbook: its sheets in workbook order.
struct Workbook {
  std::string path;
  std::vector<Sheet> sheets;

  // Finds a sheet by name, comparing both names after trimming white space.
  // Returns nullptr if there is none.
  const Sheet* find(std::string_view name) const;
};

// Limits that a reader enforces so that a broken or hostile file is
// rejected with a clear error instead of exhausting memory or time.
struct ReadLimits {
  size_t max_file_bytes = 64u << 20;    // compressed file size
  // Uncompressed: one zip entry, and all entries read. A real department's
  // sheet is a few MB; these bound what reading a hostile file can cost.
  size_t max_entry_bytes = 64u << 20;
  size_t max_total_bytes = 192u << 20;
  double max_ratio = 200;  // uncompressed/compressed per entry (entries > 1 MiB)
  int max_entries = 10000;
  int max_xml_depth = 64;
  size_t max_cell_chars = 32767;  // Excel's own cell limit, in code points
  int max_rows = 1048576, max_cols = 16384;  // cell references (Excel's sheet)
  // What one department's list can hold: far more than any real list (the
  // largest real ones have a few thousand rows of materials), and little
  // enough that a county build with several hostile files stays small.
  int max_data_rows = 10'000;      // rows holding a value, per sheet
  size_t max_cells = 1'000'000;    // cells holding a value, per file
};

// The message for a sheet with more rows of data than `limit`.
std::string too_many_rows_message(std::string_view sheet, int limit);
// The message for a file with more cells holding a value than `limit`.
std::string too_many_cells_message(size_t limit);

}  // namespace qd
