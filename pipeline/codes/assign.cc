#include "codes/assign.h"

#include <map>
#include <set>

#include "codes/item_code.h"
#include "merge/merge.h"

namespace qd {

namespace {

// "「部门」的事项「名称」（文件 工作表!单元格）" for messages.
std::string describe(const Item& item) {
  return "「" + item.department + "」的事项「" + item.get(El::Name) + "」（" + item.at.str() + "）";
}

// The 实施编码 an item's input codes stand for ("" when it has none, or they
// are not valid: the registry then says why). A province's 基本编码 alone
// stands for no code yet: the registry may hold the one the province gave.
std::string input_impl_code(const CodeRequest& req) {
  if (!req.impl_code.empty()) return req.impl_code;
  if (req.scheme.provincial) return "";
  if (req.basic_code.empty() || !basic_code_valid(req.basic_code, nullptr)) return "";
  return make_impl_code(req.agency_code, req.level_code, req.basic_code);
}

// Rejects an item whose codes cannot be given: a finding at its code cell.
void reject(Catalog& catalog, Item* item, bool at_impl, std::string rule, std::string message) {
  Finding f;
  f.at = item->field(at_impl ? El::ImplCode : El::BasicCode).at;
  if (f.at.file.empty()) f.at = item->at;
  f.rule = std::move(rule);
  f.severity = Severity::Error;
  f.message = std::move(message);
  catalog.report(std::move(f), item);
  item->state = ItemState::Rejected;
}

}  // namespace

Status assign_codes(Catalog& catalog, Registry& registry) {
  const std::string date = catalog.build_date.iso();

  // Main items that have sub-items (SSS = 00Y), per department; and every
  // name in each department's input (an input code registered under one of
  // them belongs to that item).
  std::set<std::pair<std::string, std::string>> parents;
  std::map<std::string, std::set<std::string>> names;
  for (const Item& item : catalog.items) {
    if (!item.get(El::Parent).empty()) parents.insert({item.department, item.get(El::Parent)});
    names[item.department].insert(item.get(El::Name));
  }
  // The codes given tonight, and to which item: one code, one item.
  std::map<std::string, const Item*> granted;

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
    req.department_names = &names[item->department];
    req.scheme = catalog.settings.codes;

    const bool at_impl = !req.impl_code.empty();
    if (auto taken = granted.find(input_impl_code(req)); taken != granted.end()) {
      reject(catalog, item, at_impl, "CODE-CONFLICT",
             std::string(kConflictPrefix) + "实施编码 " + taken->first + " 本期已由" +
                 describe(*taken->second) + "使用，不能再用于事项「" + req.name +
                 "」；请核对该行的编码（新事项请留空，由系统赋码）");
      continue;
    }
    auto grant = registry.assign(req, date);
    if (!grant.ok()) {
      std::string_view rule = code_error_rule(grant.error());
      if (rule.empty()) return grant.error();
      reject(catalog, item, at_impl, std::string(rule), grant.error().message);
      continue;
    }
    if (auto [at, fresh] = granted.emplace(grant->impl_code, item); !fresh) {
      // Found by name under a code another row carried: never two items.
      reject(catalog, item, at_impl, "CODE-CONFLICT",
             std::string(kConflictPrefix) + "实施编码 " + grant->impl_code + " 本期已由" +
                 describe(*at->second) + "使用，不能再用于事项「" + req.name + "」");
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
