#include "codes/assign.h"

#include <set>

#include "merge/merge.h"

namespace qd {

Status assign_codes(Catalog& catalog, Registry& registry) {
  const std::string date = catalog.build_date.iso();

  // Main items that have sub-items (SSS = 00Y), per department.
  std::set<std::pair<std::string, std::string>> parents;
  for (const Item& item : catalog.items)
    if (!item.get(El::Parent).empty()) parents.insert({item.department, item.get(El::Parent)});

  for (Item* item : publication_order(catalog)) {
    const DepartmentInfo* dep = catalog.settings.department(item->department);
    CodeRequest req;
    req.department = item->department;
    req.dept_number = dep ? dep->number : "";
    req.name = item->get(El::Name);
    req.parent = item->get(El::Parent);
    req.has_children = parents.count({item->department, req.name}) > 0;
    req.type_code = item->type_code();
    req.region = catalog.settings.region_code;
    req.agency_code = item->get(El::AgencyCode);
    const CodeValue* level = levels().find(split_values(item->get(El::Level)).empty()
                                               ? ""
                                               : split_values(item->get(El::Level)).front());
    req.level_code = level ? std::string(level->code) : catalog.settings.level_code;
    req.basic_code = item->get(El::BasicCode);
    req.impl_code = item->get(El::ImplCode);

    auto grant = registry.assign(req, date);
    if (!grant.ok()) {
      std::string_view rule = code_error_rule(grant.error());
      if (rule.empty()) return grant.error();
      Finding f;
      f.at = item->field(req.impl_code.empty() ? El::BasicCode : El::ImplCode).at;
      f.rule = std::string(rule);
      f.severity = Severity::Error;
      f.message = grant.error().message;
      catalog.report(std::move(f), item);
      item->state = ItemState::Rejected;
      continue;
    }
    item->field(El::BasicCode).text = grant->basic_code;
    item->field(El::ImplCode).text = grant->impl_code;
    item->renamed = grant->renamed;
    item->old_name = grant->old_name;
  }

  // Retired items keep their codes reserved for ever.
  for (Item& item : catalog.items) {
    if (item.state != ItemState::Retired) continue;
    std::string impl = item.get(El::ImplCode);
    if (impl.empty()) {
      if (auto e = registry.find_by_name(item.department, item.get(El::Name))) impl = e->impl_code;
    }
    if (impl.empty() || !registry.find(impl)) continue;
    item.field(El::ImplCode).text = impl;
    QD_TRY(registry.retire(impl, date));
  }
  return Ok{};
}

}  // namespace qd

namespace qd {

void fill_known_codes(Catalog& catalog, const Registry& registry) {
  for (Item& item : catalog.items) {
    if (!item.get(El::ImplCode).empty()) continue;
    auto e = registry.find_by_name(item.department, item.get(El::Name));
    if (!e || e->status == kStatusRetired) continue;
    item.field(El::ImplCode).text = e->impl_code;
    item.field(El::BasicCode).text = e->basic_code;
  }
}

}  // namespace qd
