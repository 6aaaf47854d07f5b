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

std::string too_many_rows_message(std::string_view sheet, int limit) {
  return "工作表“" + std::string(sheet) + "”中有内容的行超过 " + std::to_string(limit) +
         " 行（一个部门清单的上限），已拒绝读取该文件。请检查是否误粘贴了大量无关内容，删除后重新保存再报送。";
}

std::string too_many_cells_message(size_t limit) {
  return "工作簿中有内容的单元格超过 " + std::to_string(limit) +
         " 个（一个部门清单的上限），已拒绝读取该文件。请删除无关的工作表或内容后重新保存再报送。";
}

}  // namespace qd
