// One department's fill-in workbook (forms/<部门名>.xlsx): what the office
// hands out and the pipeline's own reader reads back.
#pragma once

#include "writers/writer.h"

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

// Writes the form of one registered department.
Status write_department_form(const Catalog& catalog, const OutputContext& ctx,
                             const DepartmentInfo& dept, std::vector<std::string>* written);

}  // namespace qd
