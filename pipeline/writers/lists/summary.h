// Parts both published lists share: the 汇总 sheet (published items per
// department and item type), one sheet per department, the file's
// document properties.
#pragma once

#include <string>
#include <string_view>

#include "model/catalog.h"
#include "writers/writer.h"
#include "xlsx_writer/book.h"

namespace qd {

// "涿鹿县政务服务事项目录清单（2017年9月30日）", dated by the list version.
std::string list_title(const Catalog& catalog, std::string_view list);

// Writes the 汇总 sheet: per registered department the published items by
// type, and a 合计 row.
void write_summary_sheet(xlsx::Book& book, const Catalog& catalog, const std::string& title);

// Adds the sheet of one department: its full name, or the short name when
// the full one is too long or invalid.
lxw_worksheet* add_department_sheet(xlsx::Book& book, const DepartmentInfo& dept);

}  // namespace qd
