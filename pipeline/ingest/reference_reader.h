// Reads the office's reference material: the county power list
// (权力清单), the departments' public-service lists (公共服务事项清单) and the
// review decisions (审核意见).
#pragma once

#include <string>

#include "model/catalog.h"
#include "spreadsheet_reader/workbook.h"

namespace qd {

// Adds the entries of a 权力清单 workbook to catalog.power_list.
void read_power_list(const Workbook& wb, const std::string& file, Catalog& catalog);

// Adds the entries of a 公共服务事项清单 workbook to catalog.public_list.
void read_public_list(const Workbook& wb, const std::string& file, Catalog& catalog);

// Adds the rows of a review workbook's 审核意见 sheet to catalog.decisions.
void read_decisions(const Workbook& wb, const std::string& file, Catalog& catalog);

}  // namespace qd
