#include "model/windows.h"

#include <algorithm>

namespace qd {

namespace {

// True when `item` is named by the list (itself or its main item).
bool named(const Item& item, const std::vector<std::string>& names) {
  for (const std::string& n : names)
    if (n == item.get(El::Name) || (!item.get(El::Parent).empty() && n == item.get(El::Parent)))
      return true;
  return false;
}

// True when `v` holds `s`.
bool listed(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

std::vector<const Item*> window_items(const Catalog& catalog, const Hall& hall, const Window& window) {
  std::vector<const Item*> all = catalog.published();
  std::vector<const Item*> out;
  auto mine = [&](const Item* it) {
    if (!window.items.empty())
      return (window.departments.empty() || listed(window.departments, it->department)) &&
             named(*it, window.items);
    if (!listed(window.departments, it->department)) return false;
    // Another window of the hall that names the item takes it.
    for (const Window& other : hall.windows)
      if (&other != &window && !other.items.empty() &&
          (other.departments.empty() || listed(other.departments, it->department)) &&
          named(*it, other.items))
        return false;
    return true;
  };
  if (window.departments.empty()) {
    for (const Item* it : all)
      if (mine(it)) out.push_back(it);
    return out;
  }
  for (const std::string& d : window.departments)
    for (const Item* it : all)
      if (it->department == d && mine(it)) out.push_back(it);
  return out;
}

std::vector<HallWindow> empty_windows(const Catalog& catalog) {
  std::vector<HallWindow> out;
  for (const Hall& hall : catalog.settings.halls)
    for (const Window& w : hall.windows) {
      // The same window listed twice is one window.
      bool seen = false;
      for (const HallWindow& e : out)
        seen = seen || (e.hall == &hall && e.window->number == w.number && e.window->name == w.name);
      if (!seen && window_items(catalog, hall, w).empty()) out.push_back({&hall, &w});
    }
  return out;
}

}  // namespace qd
