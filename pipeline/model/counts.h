// What the documents count and print of the catalog: findings by severity
// and items by state per department, findings per rule, the submission
// status of every department and its totals, the type columns items are
// counted under, and the changes of a list version. The review report, the
// submission notice, the lists and the leaders' report print the same
// numbers because they take them from here.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace qd {

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

// The summary's columns after 部门, in order; the last before 合计 is
// 公共服务. Power types outside the county's five go to 其他行政权力.
inline constexpr std::string_view kSummaryTypes[] = {"行政许可", "行政征收", "行政给付",
                                                     "行政确认", "其他行政权力", "公共服务"};

// The summary column (index into kSummaryTypes) of an item.
int summary_column(const Item& item);

// How many items the changes add, change and retire.
struct ChangeCounts {
  int added = 0, changed = 0, retired = 0;
};
ChangeCounts count_changes(const std::vector<ItemChange>& changes);

// The list version the changes made: Catalog::changes_version, or the build
// date when none is set.
Date changes_version_of(const Catalog& catalog);

// Findings by severity and items by state of one department.
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
