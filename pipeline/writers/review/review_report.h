// review/审核报告.xlsx: the review report for the office and departments.
#pragma once

#include "writers/writer.h"

namespace qd {


// Departments the review concerns: the registered ones in settings order,
// then unregistered ones seen in items, findings or submissions, in order
// of appearance; "" last when some finding has no department.
std::vector<std::string> review_departments(const Catalog& catalog);

// Writes 汇总 (per department: 错误, 警告, 建议, 通报 and items 读取, 公布,
// 退回, 待审核, 取消), one sheet per department with its findings (位置, 规则,
// 级别, 事项, 说明) and 全部问题 with every finding.
Status write_review_report(const Catalog& catalog, const OutputContext& ctx,
                           std::vector<std::string>* written);

}  // namespace qd
