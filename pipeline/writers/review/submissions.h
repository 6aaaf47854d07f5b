// review/报送情况.xlsx: who handed in the forms, when, and whether on time
// (the basis of the office's 通报).
#pragma once

#include "writers/writer.h"

namespace qd {

inline constexpr const char* kSubmissionsPath = "review/报送情况.xlsx";

// Writes 报送情况 (序号, 部门, 是否报送, 报送日期, 截止日期, 是否按时, 填报人,
// 联系电话, 事项数, 错误数, 警告数, and a count line) and 未登记部门.
Status write_submissions(const Catalog& catalog, const OutputContext& ctx,
                         std::vector<std::string>* written);

}  // namespace qd
