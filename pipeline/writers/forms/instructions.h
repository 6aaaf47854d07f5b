// The 填写说明 sheet of the fill-in forms: deadline, how to add and retire
// items, which columns are locked, and every column with its help and
// allowed values.
#pragma once

#include "model/catalog.h"
#include "xlsx_writer/book.h"

namespace qd {

inline constexpr std::string_view kInstructionSheet = "填写说明";

// The numbered instructions, in Chinese. `prefilled_note`, when not empty,
// says what the prefilled rows are instead of the usual line (a form sent
// back for correction holds what the department submitted).
std::vector<std::string> form_instructions(const Catalog& catalog, const DepartmentInfo& dept,
                                           int prefilled, const std::string& prefilled_note = {});

// Writes the 填写说明 sheet (the first sheet of a fill-in form).
void write_instructions(xlsx::Book& book, const Catalog& catalog, const DepartmentInfo& dept,
                        int prefilled, const std::string& prefilled_note = {});

}  // namespace qd
