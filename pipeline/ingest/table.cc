#include "ingest/table.h"

#include "base/text.h"

namespace qd {

TableView::TableView(const Sheet& sheet, std::string file, std::string_view anchor)
    : sheet_(sheet), file_(std::move(file)) {
  std::string want = normalize_header(anchor);
  int limit = std::min(sheet.row_count(), 20);
  for (int r = 0; r < limit && header_row_ < 0; ++r) {
    const auto& row = sheet.rows[r];
    for (size_t c = 0; c < row.size(); ++c) {
      if (row[c].type == CellType::String && normalize_header(row[c].text) == want) {
        header_row_ = r;
        break;
      }
    }
  }
  if (header_row_ < 0) return;
  const auto& header = sheet.rows[header_row_];
  for (size_t c = 0; c < header.size(); ++c) {
    if (header[c].type == CellType::Empty) continue;
    std::string h = normalize_header(header[c].text);
    if (!h.empty()) columns_.emplace(h, static_cast<int>(c));
  }
  for (int r = header_row_ + 1; r < sheet.row_count(); ++r) {
    bool empty = true;
    for (const Cell& cell : sheet.rows[r]) {
      if (cell.type != CellType::Empty && !trim(cell.text).empty()) {
        empty = false;
        break;
      }
    }
    if (!empty) rows_.push_back(r);
  }
}

int TableView::column(std::string_view label) const {
  auto it = columns_.find(normalize_header(label));
  return it == columns_.end() ? -1 : it->second;
}

const Cell& TableView::cell(int row, int col) const {
  static const Cell kEmpty;
  return col < 0 ? kEmpty : sheet_.at(row, col);
}

std::string TableView::text(int row, int col) const {
  const Cell& c = cell(row, col);
  return c.type == CellType::Empty ? std::string() : trim(c.text);
}

Place TableView::place(int row, int col) const {
  return Place{file_, sheet_.name, cell_ref(row, col < 0 ? 0 : col)};
}

}  // namespace qd
