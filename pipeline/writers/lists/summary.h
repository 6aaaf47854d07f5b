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

// The summary's columns after 部门, in order; the last before 合计 is
// 公共服务. Power types outside the county's five go to 其他行政权力.
inline constexpr std::string_view kSummaryTypes[] = {"行政许可", "行政征收", "行政给付",
                                                     "行政确认", "其他行政权力", "公共服务"};

// The summary column (index into kSummaryTypes) of an item.
int summary_column(const Item& item);

// "涿鹿县政务服务事项目录清单（2017年9月30日）", dated by the list version.
std::string list_title(const Catalog& catalog, std::string_view list);

// Document properties of an output of the office, made on `date` (the
// list version or the data's date: never the build's, so that an unchanged
// output keeps its bytes from night to night).
xlsx::DocInfo doc_info(const Catalog& catalog, std::string title, Date date);

// Writes the 汇总 sheet: per registered department the published items by
// type, and a 合计 row.
void write_summary_sheet(xlsx::Book& book, const Catalog& catalog, const std::string& title);

// Adds the sheet of one department: its full name, or the short name when
// the full one is too long or invalid.
lxw_worksheet* add_department_sheet(xlsx::Book& book, const DepartmentInfo& dept);

}  // namespace qd
