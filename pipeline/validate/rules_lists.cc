// POWER-MISMATCH, POWER-OMITTED, PUBLIC-FEWER (the items against the county's
// reference lists) and DUPLICATE (the items against each other).
#include <map>
#include <set>

#include "validate/rules.h"

namespace qd::vrules {

namespace {

// Keys of the items and power-list entries, computed once: a county has
// thousands of both, and name/department keys decode UTF-8.
struct Index {
  std::vector<std::string> item_dept, item_name;     // per item
  std::vector<std::string> entry_dept;               // per power entry
  std::multimap<std::string, size_t> entries_by_name;  // main or sub name -> entry
  std::multimap<std::pair<std::string, std::string>, size_t> items_by_name;  // (dept, name) -> item
  std::set<std::pair<std::string, std::string>> listed;  // (dept, name) named by a reference list

  explicit Index(const Catalog& c) {
    std::map<std::string, std::string> dept_cache;
    auto dk = [&](const std::string& d) -> const std::string& {
      auto it = dept_cache.find(d);
      if (it == dept_cache.end()) it = dept_cache.emplace(d, dept_key(c.settings, d)).first;
      return it->second;
    };
    for (size_t i = 0; i < c.items.size(); ++i) {
      item_dept.push_back(dk(c.items[i].department));
      item_name.push_back(name_key(c.items[i].get(El::Name)));
      items_by_name.emplace(std::make_pair(item_dept[i], item_name[i]), i);
    }
    for (size_t i = 0; i < c.power_list.size(); ++i) {
      const PowerEntry& e = c.power_list[i];
      entry_dept.push_back(dk(e.department));
      std::string main = name_key(e.name), sub = name_key(e.sub_name);
      entries_by_name.emplace(main, i);
      listed.emplace(entry_dept[i], main);
      if (!sub.empty() && sub != main) {
        entries_by_name.emplace(sub, i);
        listed.emplace(entry_dept[i], sub);
      }
    }
    for (const PublicEntry& e : c.public_list) listed.emplace(dk(e.department), name_key(e.name));
  }
};

// The label of a 事项类型 code, for messages.
std::string type_label(std::string_view code) {
  const CodeValue* v = item_types().find(code);
  return v ? std::string(v->label) : std::string(code);
}

// Department keys that handed in a readable workbook.
std::set<std::string> submitted_departments(const Catalog& c) {
  std::set<std::string> out;
  for (const Submission& s : c.submissions)
    if (s.readable) out.insert(dept_key(c.settings, s.department));
  return out;
}

// The name to show for a department: its registered full name when known.
std::string dept_display(const Settings& s, const std::string& name) {
  const DepartmentInfo* d = find_department(s, name);
  return d ? d->name : name;
}

// Every power item must be in the power list, under its department, with its type.
void check_power_items(Catalog& c, const Index& ix) {
  for (size_t i = 0; i < c.items.size(); ++i) {
    Item& item = c.items[i];
    if (is_retired(item)) continue;
    const std::string type = item.type_code();
    if (type.empty()) continue;  // ENUM-VALUE / REQ-MISSING already
    const std::string& key = ix.item_name[i];
    if (key.empty()) continue;
    const std::string& dk = ix.item_dept[i];
    const PowerEntry* same_type = nullptr;
    const PowerEntry* other_type = nullptr;
    const PowerEntry* elsewhere = nullptr;
    for (auto [it, end] = ix.entries_by_name.equal_range(key); it != end; ++it) {
      const PowerEntry& e = c.power_list[it->second];
      if (ix.entry_dept[it->second] != dk) {
        if (!elsewhere) elsewhere = &e;
      } else if (e.type_code == type || !item_types().find(e.type_code)) {  // no usable type: any
        same_type = &e;
      } else if (!other_type) {
        other_type = &e;
      }
    }
    if (same_type) continue;
    if (other_type) {
      add(c, item, place_of(item, El::Type), "POWER-MISMATCH", Severity::Error,
          "“事项类型”为" + q(type_label(type)) + "，而权力清单（" + other_type->at.str() + "）中该事项为" +
              q(type_label(other_type->type_code)) + "：事项类型须与权力清单完全一致，请改为" +
              q(type_label(other_type->type_code)) + "。");
      continue;
    }
    if (!is_power_type(type)) continue;  // a public service not in the power list is fine
    std::string msg;
    if (elsewhere)
      msg = "权力清单中" + q(item.get(El::Name)) + "属于" + q(dept_display(c.settings, elsewhere->department)) +
            "（" + elsewhere->at.str() + "），不属于本部门：请核实主管部门，或按程序先调整权力清单。";
    else
      msg = "权力清单中没有本部门的" + q(item.get(El::Name)) +
            "：行政权力事项的部门、名称和类型须与权力清单完全一致，请按权力清单核对事项名称；如属新增事项，请先按程序调整权力清单。";
    add(c, item, place_of(item, El::Name), "POWER-MISMATCH", Severity::Error, std::move(msg));
  }
}

// Every power-list entry of a department that submitted must be among its
// items. A 主项 row is also complete when the department submitted every
// 子项 the list gives it (and no row for the 主项 itself, as real lists
// do); when it submitted some of them, the missing 子项 are reported, not
// the 主项.
void check_power_omitted(Catalog& c, const Index& ix, const std::set<std::string>& submitted) {
  // Whether the department has an item under either name of an entry
  // (*retired: only a retired one).
  auto present = [&](size_t i, bool* retired) {
    const PowerEntry& e = c.power_list[i];
    bool found = false;
    for (const std::string& key : {name_key(e.name), name_key(e.sub_name)}) {
      if (key.empty()) continue;
      for (auto [it, end] = ix.items_by_name.equal_range({ix.entry_dept[i], key}); it != end; ++it)
        (is_retired(c.items[it->second]) ? *retired : found) = true;
    }
    return found;
  };
  // The 子项 rows of each (department, 主项).
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> subs;
  for (size_t i = 0; i < c.power_list.size(); ++i) {
    const PowerEntry& e = c.power_list[i];
    if (!name_key(e.sub_name).empty() && name_key(e.sub_name) != name_key(e.name))
      subs[{ix.entry_dept[i], name_key(e.name)}].push_back(i);
  }
  for (size_t i = 0; i < c.power_list.size(); ++i) {
    const PowerEntry& e = c.power_list[i];
    const std::string& dk = ix.entry_dept[i];
    if (!submitted.count(dk)) continue;  // SUBMISSION-LATE covers departments that did not submit
    bool retired = false;
    bool found = present(i, &retired);
    if (!found && name_key(e.sub_name).empty()) {
      auto own = subs.find({dk, name_key(e.name)});
      if (own != subs.end()) {
        bool sub_retired = false;
        for (size_t k : own->second) found = present(k, &sub_retired) || found;
      }
    }
    if (found) continue;
    std::string name = e.sub_name.empty() ? e.name : e.name + "（" + e.sub_name + "）";
    std::string msg =
        retired ? "权力清单中的" + q(name) +
                      "在本部门实施清单中被标为“取消”：权力清单仍列有此项，不得自行取消；如确需取消，请先按程序调整权力清单。"
                : "权力清单中的" + q(name) + "（" + type_label(e.type_code) +
                      "）本部门没有报送（漏报）：请在“实施清单”中补报该事项，名称与权力清单一致。";
    add_free(c, e.at, "POWER-OMITTED", Severity::Error, std::move(msg),
             dept_display(c.settings, e.department), e.name);
  }
}

// A department may not list fewer public services than its public-service list.
void check_public_fewer(Catalog& c, const Index& ix, const std::set<std::string>& submitted) {
  std::map<std::string, std::vector<const PublicEntry*>> by_dept;
  std::vector<std::string> order;
  for (const PublicEntry& e : c.public_list) {
    std::string dk = dept_key(c.settings, e.department);
    if (!by_dept.count(dk)) order.push_back(dk);
    by_dept[dk].push_back(&e);
  }
  for (const std::string& dk : order) {
    if (!submitted.count(dk)) continue;
    const auto& entries = by_dept[dk];
    std::set<std::string> names;
    size_t count = 0;
    for (size_t i = 0; i < c.items.size(); ++i) {
      const Item& item = c.items[i];
      if (ix.item_dept[i] != dk || is_retired(item) || item.type_code() != "20") continue;
      ++count;
      names.insert(ix.item_name[i]);
    }
    if (count >= entries.size()) continue;
    std::string missing;
    const PublicEntry* first_missing = nullptr;
    for (const PublicEntry* e : entries) {
      if (names.count(name_key(e->name))) continue;
      if (!first_missing) first_missing = e;
      if (!missing.empty()) missing += "、";
      missing += e->name;
    }
    const PublicEntry* at = first_missing ? first_missing : entries.front();
    std::string dept = dept_display(c.settings, entries.front()->department);
    std::string msg = dept + "报送的公共服务事项只有" + std::to_string(count) + "项，少于公共服务事项清单中的" +
                      std::to_string(entries.size()) + "项";
    msg += missing.empty() ? "，请核对后补报。" : "；未报送：" + missing + "。请在“实施清单”中补报这些事项（事项类型填“公共服务”）。";
    add_free(c, at->at, "PUBLIC-FEWER", Severity::Error, std::move(msg), dept);
  }
}

}  // namespace

// The items against the power list (POWER-MISMATCH, POWER-OMITTED; skipped
// when no power list was read) and the public-service list (PUBLIC-FEWER).
void check_lists(Catalog& c) {
  std::set<std::string> submitted = submitted_departments(c);
  Index ix(c);
  if (!c.power_list.empty()) {
    check_power_items(c, ix);
    check_power_omitted(c, ix, submitted);
  }
  check_public_fewer(c, ix, submitted);
}

// The same (name, 主项名称) twice in one department, or claimed by two
// departments; reported at the second occurrence. An item that the second
// department's own power or public list names is not a duplicate claim.
void check_duplicates(Catalog& c) {
  Index ix(c);
  std::map<std::pair<std::string, std::string>, const Item*> in_dept_seen;  // (dept|name, parent)
  std::map<std::pair<std::string, std::string>, size_t> county_seen;        // (name, parent) -> item
  for (size_t i = 0; i < c.items.size(); ++i) {
    Item& item = c.items[i];
    if (is_retired(item)) continue;
    const std::string& key = ix.item_name[i];
    if (key.empty()) continue;
    const std::string parent = name_key(item.get(El::Parent));
    const std::string& dk = ix.item_dept[i];
    auto [it, fresh] = in_dept_seen.try_emplace({dk + "\x1f" + key, parent}, &item);
    if (!fresh) {
      add(c, item, place_of(item, El::Name), "DUPLICATE", Severity::Error,
          "本部门已填报过事项" + q(item.get(El::Name)) + "（" + it->second->at.str() +
              "）：同一事项只能填报一次，请删除重复的行；如为不同子项，请在“主项名称”中写明所属主项并使用子项名称。");
      continue;
    }
    auto [ct, cfresh] = county_seen.try_emplace({key, parent}, i);
    if (cfresh) continue;
    const Item& first = c.items[ct->second];
    if (ix.item_dept[ct->second] == dk) continue;
    if (ix.listed.count({dk, key})) continue;
    add(c, item, place_of(item, El::Name), "DUPLICATE", Severity::Error,
        "事项" + q(item.get(El::Name)) + "已由" + q(dept_display(c.settings, first.department)) + "填报（" +
            first.at.str() + "）：同一事项不能由两个部门同时认领，请与该部门核实主管部门后，由不负责的一方删除。");
  }
}

}  // namespace qd::vrules
