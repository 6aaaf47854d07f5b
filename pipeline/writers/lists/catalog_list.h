// lists/目录清单.xlsx: the published catalog list, county-wide.
#pragma once

#include "writers/writer.h"

namespace qd {

// The file's path under the output folder.

// Writes 汇总 and one sheet per registered department with its published
// items: 序号, 事项名称, 基本编码, 设定依据, 事项类型, 行使层级, 主管部门,
// 主项名称, 公共服务类别.
Status write_catalog_list(const Catalog& catalog, const OutputContext& ctx,
                          std::vector<std::string>* written);

}  // namespace qd
