// review/报送情况.xlsx: who handed in the forms, when, and whether on time
// (the basis of the office's 通报).
#pragma once

#include "writers/writer.h"

namespace qd {

inline constexpr const char* kSubmissionsPath = "review/报送情况.xlsx";

// What one registered department handed in, summed up.
struct SubmissionStatus {
  std::string department;
  std::string state;     // 已报送 / 未报送 / 文件无法读取
  Date date;             // latest 报送日期 of its readable files
  std::string on_time;   // 按时 / 逾期N天 / 未报送 / 日期不详
  std::string filler, phone;
  int items = 0, errors = 0, warnings = 0;
};

// The status of every registered department, in settings order.
std::vector<SubmissionStatus> submission_status(const Catalog& catalog);

// Writes 报送情况 (序号, 部门, 是否报送, 报送日期, 截止日期, 是否按时, 填报人,
// 联系电话, 事项数, 错误数, 警告数, and a count line) and 未登记部门.
Status write_submissions(const Catalog& catalog, const OutputContext& ctx,
                         std::vector<std::string>* written);

}  // namespace qd
