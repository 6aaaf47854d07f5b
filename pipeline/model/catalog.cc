#include "model/catalog.h"

#include <algorithm>
#include <tuple>

namespace qd {

const DepartmentInfo* Settings::department(std::string_view name) const {
  for (const DepartmentInfo& d : departments)
    if (d.name == name) return &d;
  return nullptr;
}

const DepartmentInfo* Settings::department_of_unit(std::string_view unit_name) const {
  for (const DepartmentInfo& d : departments)
    for (const UnitInfo& u : d.units)
      if (u.name == unit_name) return &d;
  return nullptr;
}

const DepartmentInfo* Settings::owner_of_credit_code(std::string_view credit_code) const {
  if (credit_code.empty()) return nullptr;
  for (const DepartmentInfo& d : departments) {
    if (d.credit_code == credit_code) return &d;
    for (const UnitInfo& u : d.units)
      if (u.credit_code == credit_code) return &d;
  }
  return nullptr;
}

std::string Item::type_code() const {
  const CodeValue* v = item_types().find(get(El::Type));
  return v ? std::string(v->code) : std::string();
}

bool Item::is_power() const { return is_power_type(type_code()); }

std::string_view severity_label(Severity s) {
  switch (s) {
    case Severity::Error: return "错误";
    case Severity::Warning: return "警告";
    case Severity::Hint: return "建议";
    case Severity::Report: return "通报";
  }
  return "";
}

std::string_view severity_id(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Hint: return "hint";
    case Severity::Report: return "report";
  }
  return "";
}

std::string_view change_label(ItemChange::Kind kind) {
  switch (kind) {
    case ItemChange::Kind::Added: return "新增";
    case ItemChange::Kind::Changed: return "变更";
    case ItemChange::Kind::Retired: return "取消";
  }
  return "";
}

namespace {

// The message of a file's FINDINGS-LIMIT finding.
std::string left_out_message(long long n) {
  return "本文件的问题超过 " + std::to_string(kMaxFindingsPerFile) + " 个，另有 " + std::to_string(n) +
         " 个未逐一列出（多为整行缺少必填项或格式错误）。请先改正已列出的问题，重新报送后再看其余问题；"
         "如文件中有误粘贴的大量无关内容，请删除。";
}

}  // namespace

void Catalog::report(Finding f, Item* item) {
  if (item) {
    if (f.item.empty()) f.item = item->get(El::Name);
    if (f.department.empty()) f.department = item->department;
    if (f.severity == Severity::Error) ++item->errors;
    if (f.severity == Severity::Warning) ++item->warnings;
  }
  if (!f.at.file.empty()) {
    int& listed = findings_per_file_[f.at.file];
    if (listed >= kMaxFindingsPerFile) {
      if (findings_left_out[f.at.file]++ == 0) {
        Finding limit;
        limit.at = Place{f.at.file, "", ""};
        limit.rule = "FINDINGS-LIMIT";
        limit.severity = Severity::Error;
        limit.department = f.department;
        findings.push_back(std::move(limit));  // its message is set by sort_findings()
      }
      return;
    }
    ++listed;
  }
  findings.push_back(std::move(f));
}

std::vector<const Item*> Catalog::published(std::string_view department) const {
  std::vector<const Item*> out;
  for (const Item& it : items)
    if (it.state == ItemState::Published && it.department == department) out.push_back(&it);
  return out;
}

std::vector<const Item*> Catalog::published() const {
  std::vector<const Item*> out;
  for (const DepartmentInfo& d : settings.departments) {
    auto part = published(d.name);
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

Date Catalog::version_of(const std::vector<const Item*>& items) const {
  Date latest;
  for (const Item* it : items)
    if (it->version.valid() && it->version > latest) latest = it->version;
  return latest.valid() ? latest : as_of();
}

Date Catalog::as_of() const {
  Date latest;
  auto take = [&](const Date& d, bool capped) {
    if (!d.valid() || (capped && build_date.valid() && d > build_date)) return;
    if (!latest.valid() || d > latest) latest = d;
  };
  for (const Item& it : items) take(it.version, false);
  take(changes_version, false);
  for (const Submission& s : submissions) take(s.date, true);
  for (const Decision& d : decisions) take(d.date, true);
  return latest.valid() ? latest : build_date;
}

bool cell_less(std::string_view a, std::string_view b) {
  int ra = -1, ca = -1, rb = -1, cb = -1;
  bool pa = parse_cell_ref(a, &ra, &ca), pb = parse_cell_ref(b, &rb, &cb);
  if (pa && pb) return std::tie(ra, ca) < std::tie(rb, cb);
  if (pa != pb) return !pa;  // whole-file findings (no cell) first
  return a < b;
}

void Catalog::sort_findings() {
  for (Finding& f : findings)
    if (f.rule == "FINDINGS-LIMIT")
      if (auto n = findings_left_out.find(f.at.file); n != findings_left_out.end())
        f.message = left_out_message(n->second);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& x, const Finding& y) {
    if (x.at.file != y.at.file) return x.at.file < y.at.file;
    if (x.at.sheet != y.at.sheet) return x.at.sheet < y.at.sheet;
    if (x.at.cell != y.at.cell) return cell_less(x.at.cell, y.at.cell);
    if (x.rule != y.rule) return x.rule < y.rule;
    return x.message < y.message;
  });
}

}  // namespace qd
