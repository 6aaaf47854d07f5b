// Reads one department's filled-in workbook into the catalog: its
// submission (填报信息), its items (实施清单) and their sub-tables. Problems of
// form — a missing sheet or column, an unknown column, a sub-table row for an
// item that does not exist, a code typed as a number — are reported here;
// the content rules run later in validate.
#pragma once

#include <string>

#include "model/catalog.h"
#include "spreadsheet_reader/workbook.h"

namespace qd {

// Adds the workbook's submission, items and findings to `catalog`. `file`
// names the workbook in places; `fallback_department` (usually the file
// name) is used when 填报信息 names no department.
void read_department(const Workbook& workbook, const std::string& file,
                     const std::string& fallback_department, Catalog& catalog);

}  // namespace qd
