// One department's fill-in workbook (forms/<部门名>.xlsx): what the office
// hands out and the pipeline's own reader reads back.
#pragma once

#include <map>

#include "writers/writer.h"
#include "xlsx_writer/book.h"

namespace qd {

// Rows under the header that are formatted, validated and text-typed in
// every sheet (at least this many; more when the prefilled rows need it).
inline constexpr int kFormRows = 500;
// Blank rows left after the prefilled ones.
inline constexpr int kFormBlankRows = 200;

// The elements that are columns of the form's 实施清单 sheet (every
// element that is not a sub-table), in element order.
std::vector<El> form_elements();

// True for the columns the department may not change (the codes).
bool locked_element(El e);

// The header of an element's column: its label, "*" when required.
std::string form_header(const ElementInfo& e);

// The items prefilled in a department's form: its items that are not
// retired, in input order.
std::vector<const Item*> form_items(const Catalog& catalog, std::string_view department);

// The date of a department's form (its document properties): the version of
// its form_items().
Date form_date(const Catalog& catalog, const std::vector<const Item*>& items);

// A cell of a form: its sheet, row and column (zero-based).
struct FormCell {
  std::string sheet;
  int row = 0;
  int col = 0;

  auto operator<=>(const FormCell&) const = default;
};

// What a form marks on a cell for the department: a fill colour and a
// comment (a returned form's findings and decisions, writers/forms/returns.h).
struct CellMark {
  uint32_t fill = 0;     // RGB, 0 for none
  std::string comment;   // "" for none
  bool unlock = false;   // may be changed although its column is locked
};

// What a fill-in form is prefilled with, row by row: the cells are written
// in this order, so a row's place in the form is its index here plus one.
struct FormContent {
  std::vector<const Item*> items;  // 实施清单, one row each
  // The rows of each sheet of form_sub_tables(), in that order; each row
  // holds one value per column of its SubTableInfo.
  std::vector<std::vector<std::vector<std::string>>> sub_rows;
  // 填报信息: 填报人, 联系电话, 报送日期 (blank when empty or invalid).
  std::string filler, phone;
  Date date;
  // The marked cells, and the author their comments are signed with.
  std::map<FormCell, CellMark> marks;
  std::string comment_author;
  // What the prefilled rows are, for the instructions (a returned form's
  // own line); "" for the usual one.
  std::string prefilled_note;
};

// The sub-table sheets of a form (申请材料, 办理流程, 收费项目, 常见问题), in order.
const std::vector<const SubTableInfo*>& form_sub_tables();

// The 实施清单 row of an item: one value per column of form_elements(),
// coded values by their label.
std::vector<std::string> form_item_row(const Item& item);

// The content of a department's fill-in form: its form_items() and their
// sub-table rows, item by item.
FormContent form_content(const Catalog& catalog, const DepartmentInfo& dept);

// Adds the sheets of a fill-in form with `content` to `book`: 填写说明,
// 填报信息, 实施清单 (protected: the codes locked), the sub-tables and the
// hidden 代码表, with their drop-downs, and the marks.
void add_form_sheets(xlsx::Book& book, const Catalog& catalog, const DepartmentInfo& dept,
                     const FormContent& content);

// Writes the form of one registered department.
Status write_department_form(const Catalog& catalog, const OutputContext& ctx,
                             const DepartmentInfo& dept, std::vector<std::string>* written);

}  // namespace qd
