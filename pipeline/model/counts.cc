#include "model/counts.h"

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

std::vector<SubmissionStatus> submission_status(const Catalog& catalog) {
  std::vector<SubmissionStatus> out;
  const Date deadline = catalog.settings.deadline;
  for (const DepartmentInfo& d : catalog.settings.departments) {
    SubmissionStatus st;
    st.department = d.name;
    const Submission* latest = nullptr;
    bool any = false;
    for (const Submission& s : catalog.submissions) {
      if (s.department != d.name) continue;
      any = true;
      if (!s.readable) continue;
      if (!latest || (s.date.valid() && (!latest->date.valid() || latest->date < s.date)))
        latest = &s;
    }
    if (latest) {
      st.state = "已报送";
      st.date = latest->date;
      st.filler = latest->filler;
      st.phone = latest->phone;
      if (!st.date.valid() || !deadline.valid()) {
        st.on_time = "日期不详";
      } else {
        long late = st.date.days_since_epoch() - deadline.days_since_epoch();
        st.on_time = late > 0 ? "逾期" + std::to_string(late) + "天" : "按时";
      }
    } else {
      st.state = any ? "文件无法读取" : "未报送";
      st.on_time = "未报送";
    }
    for (const Item& it : catalog.items)
      if (it.department == d.name) ++st.items;
    for (const Finding& f : catalog.findings) {
      if (f.department != d.name) continue;
      if (f.severity == Severity::Error) ++st.errors;
      if (f.severity == Severity::Warning) ++st.warnings;
    }
    out.push_back(std::move(st));
  }
  return out;
}

int summary_column(const Item& item) {
  std::string code = item.type_code();
  if (code == "01") return 0;
  if (code == "04") return 1;
  if (code == "05") return 2;
  if (code == "07") return 3;
  if (code == "20") return 5;
  return 4;
}

ChangeCounts count_changes(const std::vector<ItemChange>& changes) {
  ChangeCounts n;
  for (const ItemChange& ch : changes) {
    n.added += ch.kind == ItemChange::Kind::Added;
    n.changed += ch.kind == ItemChange::Kind::Changed;
    n.retired += ch.kind == ItemChange::Kind::Retired;
  }
  return n;
}

Date changes_version_of(const Catalog& c) {
  return c.changes_version.valid() ? c.changes_version : c.as_of();
}

}  // namespace qd
