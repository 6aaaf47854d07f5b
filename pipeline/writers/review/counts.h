// Counts the review outputs share (审核报告.xlsx, 报送情况.xlsx and the .docx
// reports): findings by severity and items by state per department, findings
// per rule, and the totals of the submission status.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "writers/review/submissions.h"

namespace qd {

struct ReviewCounts {
  std::array<long, 4> findings{};  // by Severity: 错误, 警告, 建议, 通报
  long items = 0, published = 0, rejected = 0, pending = 0, retired = 0;

  // {错误, 警告, 建议, 通报, 读取事项, 公布, 退回, 待审核, 取消}
  std::vector<long> row() const;
  ReviewCounts& operator+=(const ReviewCounts& o);
};

// The counts of one department ("" = the findings without a department).
ReviewCounts review_counts(const Catalog& catalog, std::string_view department);

// Findings of one rule.
struct RuleCount {
  std::string rule;
  Severity severity = Severity::Error;  // of its first finding
  long findings = 0;
  long departments = 0;  // distinct departments (without "")
  long items = 0;        // distinct (department, item) pairs with an item
};

// One entry per rule, by severity (错误 first), then rule id.
std::vector<RuleCount> rule_counts(const Catalog& catalog);

// Totals of submission_status(): submitted = on_time + late + undated, and
// departments = submitted + missing + unreadable.
struct SubmissionTotals {
  int departments = 0, submitted = 0, on_time = 0, late = 0, undated = 0, missing = 0, unreadable = 0;

  // "（按时a个，逾期b个）", with "，报送日期不详c个" when there are such.
  std::string submitted_breakdown() const;
};
SubmissionTotals submission_totals(const std::vector<SubmissionStatus>& status);

}  // namespace qd
