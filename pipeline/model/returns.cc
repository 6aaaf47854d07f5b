#include "model/returns.h"

#include <algorithm>

namespace qd {

namespace {

// True if decision `a` is later than `b`: by date, then by file and row
// (the order merge/merge.cc takes the latest by).
bool later(const Decision& a, const Decision& b) {
  if (a.date != b.date) return a.date > b.date;
  if (a.at.file != b.at.file) return a.at.file > b.at.file;
  return cell_less(b.at.cell, a.at.cell);
}

// The decisions in force that return `item`, from `decisions` (those of
// its department).
std::vector<const Decision*> returning(const Item& item, const std::vector<const Decision*>& decisions) {
  const Decision* latest = nullptr;
  const Decision* legal = nullptr;
  for (const Decision* d : decisions) {
    if (d->department != item.department || d->item != item.get(El::Name)) continue;
    if (!latest || later(*d, *latest)) latest = d;
    if (d->unit == "法制办" && (!legal || later(*d, *legal))) legal = d;
  }
  std::vector<const Decision*> out;
  if (latest && latest->verdict == "退回") out.push_back(latest);
  if (legal && legal != latest && legal->verdict == "退回") out.push_back(legal);
  return out;
}

// The decisions about items of department `item_department`.
std::vector<const Decision*> decisions_of(const Catalog& c, std::string_view item_department) {
  std::vector<const Decision*> out;
  for (const Decision& d : c.decisions)
    if (d.department == item_department) out.push_back(&d);
  return out;
}

}  // namespace

bool asks_department(const Finding& f) {
  if (f.severity != Severity::Error && f.severity != Severity::Warning) return false;
  return f.rule != "CONTENT-UNAPPROVED" && f.rule != "DECISION-ORPHAN";
}

bool names_department(std::string_view name, const DepartmentInfo& dept) {
  return !name.empty() && (name == dept.name || (!dept.short_name.empty() && name == dept.short_name));
}

std::vector<const Decision*> returning_decisions(const Catalog& catalog, const Item& item) {
  return returning(item, decisions_of(catalog, item.department));
}

DepartmentReturn department_return(const Catalog& c, const DepartmentInfo& dept) {
  DepartmentReturn r;
  r.department = &dept;
  for (const Item& it : c.items)
    if (!it.carried_over && names_department(it.department, dept)) r.items.push_back(&it);
  if (r.items.empty()) {
    r.kept = true;
    for (const Item& it : c.items)
      if (it.carried_over && names_department(it.department, dept)) r.items.push_back(&it);
    if (r.items.empty()) r.kept = false;
  }
  for (const LooseRow& row : c.loose_rows)
    if (names_department(row.department, dept)) r.loose_rows.push_back(&row);
  for (const Submission& s : c.submissions)
    if (names_department(s.department, dept)) r.submissions.push_back(&s);
  // A finding is the department's by its department, or, when it names
  // none (a date the reader could not read), by the file it is in.
  for (const Finding& f : c.findings) {
    bool own = names_department(f.department, dept);
    if (!own && f.department.empty() && !f.at.file.empty())
      own = std::any_of(r.submissions.begin(), r.submissions.end(),
                        [&](const Submission* s) { return s->file == f.at.file; });
    if (own) r.findings.push_back(&f);
  }
  if (!r.kept) {
    std::vector<std::string_view> names;  // the department's names on its items
    std::vector<std::vector<const Decision*>> by_name;
    for (const Item* it : r.items) {
      auto at = std::find(names.begin(), names.end(), it->department);
      if (at == names.end()) {
        names.push_back(it->department);
        by_name.push_back(decisions_of(c, it->department));
        at = names.end() - 1;
      }
      for (const Decision* d : returning(*it, by_name[static_cast<size_t>(at - names.begin())]))
        r.decisions.push_back({it, d});
    }
  }
  return r;
}

bool is_returned(const DepartmentReturn& r) {
  return !r.decisions.empty() ||
         std::any_of(r.findings.begin(), r.findings.end(), [](const Finding* f) { return asks_department(*f); });
}

std::vector<DepartmentReturn> department_returns(const Catalog& catalog) {
  std::vector<DepartmentReturn> out;
  for (const DepartmentInfo& d : catalog.settings.departments) {
    DepartmentReturn r = department_return(catalog, d);
    if (is_returned(r)) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace qd
