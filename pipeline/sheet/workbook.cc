#include "sheet/workbook.h"

#include "base/text.h"

namespace qd {

const Cell& Sheet::at(int row, int col) const {
  static const Cell kEmpty;
  if (row < 0 || col < 0 || row >= static_cast<int>(rows.size())) return kEmpty;
  const std::vector<Cell>& r = rows[row];
  if (col >= static_cast<int>(r.size())) return kEmpty;
  return r[col];
}

int Sheet::row_count() const { return static_cast<int>(rows.size()); }

const Sheet* Workbook::find(std::string_view name) const {
  std::string want = trim(name);
  for (const Sheet& s : sheets)
    if (trim(s.name) == want) return &s;
  return nullptr;
}

}  // namespace qd
