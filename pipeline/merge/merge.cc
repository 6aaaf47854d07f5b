#include "merge/merge.h"

#include <map>
#include <tuple>

namespace qd {

namespace {

using Key = std::pair<std::string, std::string>;  // (department, item name)

// True if decision `a` is later than `b`: by date, then by file and row.
bool later(const Decision& a, const Decision& b) {
  if (a.date != b.date) return a.date > b.date;
  if (a.at.file != b.at.file) return a.at.file > b.at.file;
  return cell_less(b.at.cell, a.at.cell);
}

}  // namespace

void merge(Catalog& catalog) {
  // Latest decision overall and latest by 法制办, per item.
  std::map<Key, const Decision*> latest, latest_legal;
  for (const Decision& d : catalog.decisions) {
    Key k{d.department, d.item};
    auto& slot = latest[k];
    if (!slot || later(d, *slot)) slot = &d;
    if (d.unit == "法制办") {
      auto& legal = latest_legal[k];
      if (!legal || later(d, *legal)) legal = &d;
    }
  }

  std::map<Key, bool> seen;
  for (Item& item : catalog.items) {
    Key k{item.department, item.get(El::Name)};
    seen[k] = true;
    auto it = latest.find(k);
    item.decision = it == latest.end() ? nullptr : it->second;
    auto legal = latest_legal.find(k);
    bool legal_block = legal != latest_legal.end() && legal->second->verdict == "退回";

    if (item.get(El::Status) == "取消" || (item.decision && item.decision->verdict == "取消")) {
      item.state = ItemState::Retired;
    } else if (item.errors > 0 || !catalog.settings.department(item.department)) {
      item.state = ItemState::Rejected;
    } else if (!item.decision) {
      item.state = ItemState::Pending;
    } else if (legal_block || item.decision->verdict != "通过") {
      item.state = ItemState::Rejected;
    } else {
      item.state = ItemState::Published;
    }
  }

  for (const Decision& d : catalog.decisions) {
    if (seen.count({d.department, d.item})) continue;
    Finding f;
    f.at = d.at;
    f.rule = "DECISION-ORPHAN";
    f.severity = Severity::Warning;
    f.message = "审核意见针对的事项“" + d.item + "”（" + d.department +
                "）不在本次报送的清单中，请核对部门和事项名称";
    f.department = d.department;
    f.item = d.item;
    catalog.report(std::move(f));
  }
}

std::vector<Item*> publication_order(Catalog& catalog) {
  std::vector<Item*> mains, subs;
  for (const DepartmentInfo& dep : catalog.settings.departments) {
    for (Item& item : catalog.items) {
      if (item.department != dep.name || item.state != ItemState::Published) continue;
      (item.get(El::Parent).empty() ? mains : subs).push_back(&item);
    }
  }
  mains.insert(mains.end(), subs.begin(), subs.end());
  return mains;
}

}  // namespace qd
