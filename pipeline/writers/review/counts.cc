#include "writers/review/counts.h"

#include <algorithm>
#include <map>
#include <set>

namespace qd {

std::vector<long> ReviewCounts::row() const {
  return {findings[0], findings[1], findings[2], findings[3], items,
          published,   rejected,    pending,     retired};
}

ReviewCounts& ReviewCounts::operator+=(const ReviewCounts& o) {
  for (size_t i = 0; i < findings.size(); ++i) findings[i] += o.findings[i];
  items += o.items;
  published += o.published;
  rejected += o.rejected;
  pending += o.pending;
  retired += o.retired;
  return *this;
}

ReviewCounts review_counts(const Catalog& catalog, std::string_view department) {
  ReviewCounts n;
  for (const Finding& f : catalog.findings)
    if (f.department == department) ++n.findings[static_cast<int>(f.severity)];
  for (const Item& it : catalog.items) {
    if (it.department != department) continue;
    ++n.items;
    switch (it.state) {
      case ItemState::Published: ++n.published; break;
      case ItemState::Rejected: ++n.rejected; break;
      case ItemState::Pending: ++n.pending; break;
      case ItemState::Retired: ++n.retired; break;
    }
  }
  return n;
}

std::vector<RuleCount> rule_counts(const Catalog& catalog) {
  std::map<std::string, RuleCount> by_rule;
  std::map<std::string, std::set<std::string>> depts;
  std::map<std::string, std::set<std::pair<std::string, std::string>>> items;
  for (const Finding& f : catalog.findings) {
    auto [it, fresh] = by_rule.try_emplace(f.rule);
    if (fresh) {
      it->second.rule = f.rule;
      it->second.severity = f.severity;
    }
    ++it->second.findings;
    if (!f.department.empty()) depts[f.rule].insert(f.department);
    if (!f.item.empty()) items[f.rule].insert({f.department, f.item});
  }
  std::vector<RuleCount> out;
  for (auto& [rule, rc] : by_rule) {
    rc.departments = static_cast<long>(depts[rule].size());
    rc.items = static_cast<long>(items[rule].size());
    out.push_back(rc);
  }
  std::stable_sort(out.begin(), out.end(), [](const RuleCount& a, const RuleCount& b) {
    return a.severity < b.severity;
  });
  return out;
}

SubmissionTotals submission_totals(const std::vector<SubmissionStatus>& status) {
  SubmissionTotals t;
  for (const SubmissionStatus& s : status) {
    ++t.departments;
    if (s.state == "已报送") ++t.submitted;
    if (s.state == "未报送") ++t.missing;
    if (s.state == "文件无法读取") ++t.unreadable;
    if (s.on_time == "按时") ++t.on_time;
    if (s.on_time.starts_with("逾期")) ++t.late;
    if (s.state == "已报送" && s.on_time == "日期不详") ++t.undated;
  }
  return t;
}

std::string SubmissionTotals::submitted_breakdown() const {
  std::string out = "（按时" + std::to_string(on_time) + "个，逾期" + std::to_string(late) + "个";
  if (undated > 0) out += "，报送日期不详" + std::to_string(undated) + "个";
  return out + "）";
}

}  // namespace qd
