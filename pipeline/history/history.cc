#include "history/history.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "model/item_json.h"

namespace qd {

namespace {

// The finding that says an item's last published version stays published.
void report_carried(Catalog& c, const Item& kept, const std::string& why) {
  Finding f;
  f.at = Place{kept.file};
  f.rule = "CARRIED-OVER";
  f.severity = Severity::Report;
  f.department = kept.department;
  f.item = kept.get(El::Name);
  f.message = "沿用上期：" + why + "，继续公布" + kept.version.chinese() + "版本的「" +
              kept.get(El::Name) + "」（实施编码 " + kept.get(El::ImplCode) + "）。";
  c.report(std::move(f));
}

// The last published version of an item, rebuilt from the registry; its
// place is `file` (its department's workbook tonight, or "": never a path of
// this machine, which findings and outputs would show).
Result<Item> kept_item(const PublishedRecord& r, const std::string& file) {
  auto item = item_from_content_json(r.content, file);
  if (!item.ok()) return item.error();
  Item& it = item.value();
  if (it.department.empty()) it.department = r.department;
  if (it.get(El::ImplCode).empty()) it.field(El::ImplCode).text = r.impl_code;
  it.state = ItemState::Published;
  it.carried_over = true;
  parse_date(r.version, &it.version);
  parse_date(r.poster_version, &it.poster_version);
  return item;
}

// The registry key of the change log.
constexpr const char* kChangeLogKey = "change_log";

// The changes and reprints of a list version as JSON.
std::string change_log_json(const Catalog& c) {
  using json = nlohmann::ordered_json;
  json changes = json::array();
  for (const ItemChange& ch : c.changes) {
    json fields = json::array();
    for (const FieldChange& f : ch.fields) fields.push_back({f.label, f.before, f.after});
    changes.push_back({{"kind", static_cast<int>(ch.kind)}, {"code", ch.impl_code},
                       {"department", ch.department}, {"name", ch.name}, {"fields", fields}});
  }
  json reprints = json::array();
  for (const Reprint& r : c.reprints) reprints.push_back({r.kind, r.path, r.where});
  return json{{"version", c.changes_version.iso()}, {"changes", changes}, {"reprints", reprints}}.dump();
}

// Reads a change log back into the catalog; a broken log is ignored.
void load_change_log(Catalog& c, const std::string& text) {
  using json = nlohmann::json;
  json o = json::parse(text, nullptr, false);
  if (!o.is_object()) return;
  try {
    parse_date(o.at("version").get<std::string>(), &c.changes_version);
    for (const json& ch : o.at("changes")) {
      ItemChange x;
      x.kind = static_cast<ItemChange::Kind>(ch.at("kind").get<int>());
      x.impl_code = ch.at("code").get<std::string>();
      x.department = ch.at("department").get<std::string>();
      x.name = ch.at("name").get<std::string>();
      for (const json& f : ch.at("fields"))
        x.fields.push_back({f.at(0).get<std::string>(), f.at(1).get<std::string>(), f.at(2).get<std::string>()});
      c.changes.push_back(std::move(x));
    }
    for (const json& r : o.at("reprints"))
      c.reprints.push_back({r.at(0).get<std::string>(), r.at(1).get<std::string>(), r.at(2).get<std::string>()});
  } catch (const json::exception&) {
    c.changes.clear();
    c.reprints.clear();
    c.changes_version = {};
  }
}

}  // namespace

Status save_change_log(const Catalog& c, Registry& reg) {
  return reg.set_state(kChangeLogKey, change_log_json(c));
}

namespace {

// Compares tonight's published items with the registry's list (see history.h).
Status compare_with_published(Catalog& c, Registry& reg, PosterFields poster_fields) {
  const std::string tonight = c.build_date.iso();
  // Where a kept item is reported: its department's file as handed in tonight.
  std::map<std::string, std::string> file_of;
  for (const Submission& s : c.submissions) file_of.emplace(s.department, s.file);
  auto origin_of = [&](const std::string& department) {
    auto it = file_of.find(department);
    return it == file_of.end() ? std::string() : it->second;
  };
  std::map<std::string, PublishedRecord> before;
  for (PublishedRecord& r : reg.published_items()) before.emplace(r.impl_code, std::move(r));

  // Departments whose file failed, or whose items all failed.
  std::set<std::string> failed;
  for (const Submission& s : c.submissions)
    if (!s.readable) failed.insert(s.department);
  std::map<std::string, std::pair<int, int>> tally;  // department → (items, published)
  for (const Item& it : c.items) {
    auto& t = tally[it.department];
    ++t.first;
    t.second += it.state == ItemState::Published;
  }
  for (const auto& [dept, t] : tally)
    if (t.first > 0 && t.second == 0) failed.insert(dept);

  std::set<std::string> seen;      // impl codes published or retired tonight
  std::vector<Item> carried;
  for (Item& it : c.items) {
    const std::string& code = it.get(El::ImplCode);
    if (code.empty()) continue;
    if (it.state == ItemState::Retired) {
      if (before.count(code)) {
        seen.insert(code);
        c.changes.push_back({ItemChange::Kind::Retired, code, it.department, it.get(El::Name), {}});
        QD_TRY(reg.unpublish(code));
      }
      continue;
    }
    if (it.state != ItemState::Published) continue;
    seen.insert(code);
    const std::string content = item_content_json(it);
    const std::string approved = it.decision ? it.decision->date.iso() : tonight;
    auto old = before.find(code);
    if (old == before.end()) {
      it.version = c.build_date;
      it.poster_version = c.build_date;
      c.changes.push_back({ItemChange::Kind::Added, code, it.department, it.get(El::Name), {}});
    } else if (old->second.content == content) {
      parse_date(old->second.version, &it.version);
      parse_date(old->second.poster_version, &it.poster_version);
      continue;  // nothing to save
    } else if (approved > old->second.approved) {
      it.version = c.build_date;
      auto was = item_from_content_json(old->second.content, it.file);
      // The poster version stays when the posters show the item as before.
      it.poster_version = c.build_date;
      if (was.ok() && poster_fields && poster_fields(was.value()) == poster_fields(it))
        parse_date(old->second.poster_version, &it.poster_version);
      std::vector<FieldChange> fields;
      if (was.ok()) fields = item_changes(was.value(), it);
      c.changes.push_back({ItemChange::Kind::Changed, code, it.department, it.get(El::Name),
                           std::move(fields)});
    } else {
      // Changed, but the latest approval is the one the kept version had.
      it.state = ItemState::Pending;
      Finding f;
      f.at = it.at;
      f.rule = "CONTENT-UNAPPROVED";
      f.severity = Severity::Warning;
      f.message = "内容与已公布的版本不同，需重新审核通过后才能公布；本期沿用上期版本。";
      c.report(std::move(f), &it);
      auto kept = kept_item(old->second, it.file);
      if (!kept.ok()) return kept.error();
      report_carried(c, kept.value(), "修改后的内容尚未审核通过");
      carried.push_back(std::move(kept.value()));
      continue;
    }
    QD_TRY(reg.save_published({code, it.department, it.get(El::Name), content,
                               it.version.iso(), approved, it.poster_version.iso()}));
  }

  // Published before, not tonight: kept, unless retired.
  for (const auto& entry : before) {
    // Named copies: clang 14 cannot capture structured bindings in lambdas.
    const auto& code = entry.first;
    const auto& r = entry.second;
    if (seen.count(code)) continue;
    if (std::any_of(carried.begin(), carried.end(),
                    [&](const Item& k) { return k.get(El::ImplCode) == code; }))
      continue;
    auto kept = kept_item(r, origin_of(r.department));
    if (!kept.ok()) return kept.error();
    std::string why = failed.count(r.department)
                          ? (std::any_of(c.submissions.begin(), c.submissions.end(),
                                         [&](const Submission& s) {
                                           return s.department == r.department && !s.readable;
                                         })
                                 ? "本部门本期的填报文件无法读取"
                                 : "本部门本期的事项均未通过审核")
                          : "本期该事项未通过审核或未填报";
    report_carried(c, kept.value(), why);
    carried.push_back(std::move(kept.value()));
  }
  for (Item& k : carried) c.items.push_back(std::move(k));
  c.failed_departments.assign(failed.begin(), failed.end());
  return Ok{};
}

}  // namespace

Result<bool> apply_history(Catalog& c, Registry& reg, PosterFields poster_fields) {
  QD_TRY(compare_with_published(c, reg, poster_fields));
  if (!c.changes.empty()) {
    c.changes_version = c.build_date;
    return true;
  }
  if (auto log = reg.state(kChangeLogKey)) load_change_log(c, *log);
  return false;
}

}  // namespace qd
