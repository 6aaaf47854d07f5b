#include "validate/validate.h"

#include "validate/rules.h"

namespace qd {

namespace vrules {

// The value's cell, or the fallback when it has none.
Place place_of(const Field& f, const Place& fallback) {
  return f.at.cell.empty() ? fallback : f.at;
}

// The cell of an element of an item, or the item's row.
Place place_of(const Item& item, El e) { return place_of(item.field(e), item.at); }

// Records a finding about an item (counted against it).
void add(Catalog& c, Item& item, Place at, std::string_view rule, Severity sev, std::string msg) {
  Finding f;
  f.at = std::move(at);
  f.rule = std::string(rule);
  f.severity = sev;
  f.message = std::move(msg);
  c.report(std::move(f), &item);
}

// Records a finding about no single item.
void add_free(Catalog& c, Place at, std::string_view rule, Severity sev, std::string msg,
              std::string department, std::string item) {
  Finding f;
  f.at = std::move(at);
  f.rule = std::string(rule);
  f.severity = sev;
  f.message = std::move(msg);
  f.department = std::move(department);
  f.item = std::move(item);
  c.report(std::move(f));
}

// Wraps text in Chinese quotation marks.
std::string q(std::string_view s) { return "“" + std::string(s) + "”"; }

// Trimmed, width-folded form of a name for comparisons.
std::string name_key(std::string_view s) { return trim(fold_width(s)); }

// Finds a registered department by full name, then by short name.
const DepartmentInfo* find_department(const Settings& s, std::string_view name) {
  std::string k = name_key(name);
  if (k.empty()) return nullptr;
  for (const DepartmentInfo& d : s.departments)
    if (name_key(d.name) == k) return &d;
  for (const DepartmentInfo& d : s.departments)
    if (!d.short_name.empty() && name_key(d.short_name) == k) return &d;
  return nullptr;
}

// One key per department, whichever name the input used.
std::string dept_key(const Settings& s, std::string_view name) {
  const DepartmentInfo* d = find_department(s, name);
  return d ? name_key(d->name) : name_key(name);
}

// True for 事项状态 = 取消.
bool is_retired(const Item& item) {
  const CodeValue* v = item_statuses().find(item.get(El::Status));
  return v && v->label == "取消";
}

// The table code of a coded element's value.
std::string code_of(const Item& item, El e) {
  const CodeTable* t = element(e).table;
  if (!t) return {};
  const CodeValue* v = t->find(item.get(e));
  return v ? std::string(v->code) : std::string();
}

}  // namespace vrules

// Runs every rule family in order: characters, codes tables, item rules,
// then the cross-item rules (lists, duplicates) and the submissions.
void validate(Catalog& catalog) {
  using namespace vrules;
  check_text_lists(catalog);
  check_list_enums(catalog);
  for (Item& item : catalog.items) {
    // Characters first, so positions refer to the text as typed.
    check_text(catalog, item);
    check_formulas(catalog, item);
    check_enums(catalog, item);
    // A retired item (事项状态 = 取消) is only kept on record: it need not be complete.
    if (is_retired(item)) continue;
    check_required(catalog, item);
    check_basis(catalog, item);
    check_codes(catalog, item);
    check_limits(catalog, item);
    check_fees(catalog, item);
    check_online(catalog, item);
    check_phones(catalog, item);
    check_subtables(catalog, item);
  }
  check_lists(catalog);
  check_duplicates(catalog);
  check_unique_codes(catalog);
  check_submissions(catalog);
}

}  // namespace qd
