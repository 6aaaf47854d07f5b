#include "writers/leaders/figures.h"

#include <cstdio>
#include <optional>

#include "validate/rules.h"
#include "model/counts.h"

namespace qd {

namespace {

using vrules::Limit;
using vrules::LimitUnit;

// A 办结时限 in working days (即办 = 0), or nullopt when it is counted in
// other units or cannot be read. A bare 日/天 is working days for 行政许可.
std::optional<int> working_days(const std::string& text, bool licence) {
  std::optional<Limit> l = vrules::parse_limit(text);
  if (!l) return std::nullopt;
  switch (l->unit) {
    case LimitUnit::Instant: return 0;
    case LimitUnit::WorkingDays: return l->n;
    case LimitUnit::Days: return licence ? std::optional<int>(l->n) : std::nullopt;
    default: return std::nullopt;
  }
}

// The code of a coded element's value ("" when empty or unknown).
std::string code_of(const Item& item, El e, const CodeTable& table) {
  const CodeValue* v = table.find(item.get(e));
  return v ? std::string(v->code) : std::string();
}

// Counts one item read for a department into its review state.
void count_state(DepartmentFigures& d, const Item& it) {
  ++d.read;
  switch (it.state) {
    case ItemState::Published:
      ++d.published;
      (it.is_power() ? d.power : d.public_service) += 1;
      break;
    case ItemState::Rejected: ++d.rejected; break;
    case ItemState::Pending: ++d.pending; break;
    case ItemState::Retired: ++d.retired; break;
  }
}

}  // namespace

std::string percent(int n, int total) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", total > 0 ? 100.0 * n / total : 0.0);
  return buf;
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string short_of(const DepartmentInfo& d, const std::string& county) {
  if (!d.short_name.empty()) return d.short_name;
  if (d.name.starts_with(county) && d.name.size() > county.size()) return d.name.substr(county.size());
  return d.name;
}

Date data_date(const Catalog& catalog) {
  Date latest;
  auto take = [&](const Date& d) {
    if (!d.valid() || (catalog.build_date.valid() && d > catalog.build_date)) return;
    if (!latest.valid() || d > latest) latest = d;
  };
  for (const Submission& s : catalog.submissions) take(s.date);
  for (const Decision& d : catalog.decisions) take(d.date);
  return latest.valid() ? latest : catalog.as_of();
}

Figures compute_figures(const Catalog& catalog) {
  Figures f;
  f.version = catalog.version();
  f.deadline = catalog.settings.deadline;

  // Published items.
  for (std::string_view k : kSummaryTypes) f.by_kind.push_back({std::string(k), 0});
  for (const CodeValue& v : online_depths().values) f.by_depth.push_back({std::string(v.label), 0});
  f.by_depth.push_back({"未填写", 0});
  long legal_sum = 0, promised_sum = 0;
  for (const Item* it : catalog.published()) {
    ++f.published;
    (it->is_power() ? f.power : f.public_service) += 1;
    ++f.by_kind[static_cast<size_t>(summary_column(*it))].n;
    const std::string depth = code_of(*it, El::OnlineDepth, online_depths());
    const size_t d = depth.empty() ? 4 : static_cast<size_t>(depth[0] - '1');
    ++f.by_depth[d < 4 ? d : 4].n;
    const std::string& basis = it->get(El::Basis);
    if (vrules::basis_has_title(basis) && vrules::basis_has_article(basis)) ++f.with_basis;
    const bool licence = it->type_code() == "01";
    auto legal = working_days(it->get(El::LegalLimit), licence);
    auto promised = working_days(it->get(El::PromisedLimit), licence);
    if (legal && promised) {
      ++f.timed;
      legal_sum += *legal;
      promised_sum += *promised;
    }
    if (code_of(*it, El::CaseType, case_types()) == "1") ++f.instant;
    const std::string visits = code_of(*it, El::Visits, visit_counts());
    if (visits == "0") ++f.zero_visits;
    if (visits == "0" || visits == "1") ++f.at_most_one_visit;
    bool shareable = false;
    for (const Material& m : it->materials) {
      ++f.materials;
      const CodeValue* src = material_sources().find(m.source.text);
      if (src && src->code == "2") {
        ++f.shareable_materials;
        shareable = true;
      }
    }
    if (shareable) ++f.items_with_shareable;
  }
  if (f.timed > 0) {
    f.legal_days = static_cast<double>(legal_sum) / f.timed;
    f.promised_days = static_cast<double>(promised_sum) / f.timed;
  }

  // Departments: review state and submission.
  const std::vector<SubmissionStatus> status = submission_status(catalog);
  for (size_t i = 0; i < catalog.settings.departments.size(); ++i) {
    const DepartmentInfo& info = catalog.settings.departments[i];
    DepartmentFigures d;
    d.name = info.name;
    d.short_name = short_of(info, catalog.settings.county);
    if (i < status.size()) d.submission = status[i];
    f.departments.push_back(std::move(d));
  }
  DepartmentFigures other;
  other.name = other.short_name = "未登记部门";
  other.submission.state = "未登记";
  for (const Item& it : catalog.items) {
    DepartmentFigures* d = &other;
    for (size_t i = 0; i < catalog.settings.departments.size(); ++i)
      if (catalog.settings.departments[i].name == it.department) d = &f.departments[i];
    count_state(*d, it);
  }
  if (other.read > 0) f.departments.push_back(std::move(other));
  for (const DepartmentFigures& d : f.departments) {
    f.read += d.read;
    f.rejected += d.rejected;
    f.pending += d.pending;
    f.retired += d.retired;
  }
  f.submissions = submission_totals(status);
  return f;
}

}  // namespace qd
