// lists/实施清单.xlsx: the published implementation list, county-wide,
// with the county-wide sub-tables.
#pragma once

#include "writers/writer.h"

namespace qd {

// The file's path under the output folder.

// The elements shown as columns: the 36, then each extension that some
// published item fills in.
std::vector<El> impl_list_elements(const Catalog& catalog);

// Writes 汇总, one sheet per registered department (序号 + the elements,
// 申请材料 and 办理流程 as numbered text), then 申请材料, 办理流程 and
// 收费项目 with 部门, 事项名称, 实施编码 and the sub-table columns.
Status write_impl_list(const Catalog& catalog, const OutputContext& ctx,
                       std::vector<std::string>* written);

}  // namespace qd
