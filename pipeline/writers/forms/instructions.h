// The 填写说明 sheet of the fill-in forms: deadline, how to add and retire
// items, which columns are locked, and every column with its help and
// allowed values.
#pragma once

#include "model/catalog.h"
#include "xlsx_writer/book.h"

namespace qd {

inline constexpr std::string_view kInstructionSheet = "填写说明";

// The numbered instructions, in Chinese.
std::vector<std::string> form_instructions(const Catalog& catalog, const DepartmentInfo& dept,
                                           int prefilled);

// Writes the 填写说明 sheet (first sheet of the form).
void write_instructions(xlsx::Book& book, const Catalog& catalog, const DepartmentInfo& dept,
                        int prefilled);

}  // namespace qd
