// The windows of the service halls and the published items each handles:
// what the window posters print, and which windows have nothing to print
// (no poster; the review and the build log say so).
#pragma once

#include <vector>

#include "model/catalog.h"

namespace qd {

// The published items handled at a window of a hall: with explicit item
// names, those items (and their sub-items) of the window's departments (of
// any department when it lists none); otherwise every published item of its
// departments except those another window of the hall lists by name.
// Departments in the window's order, items in input order.
std::vector<const Item*> window_items(const Catalog& catalog, const Hall& hall, const Window& window);

// A window of a hall.
struct HallWindow {
  const Hall* hall = nullptr;
  const Window* window = nullptr;
};

// The windows, in settings order, that handle no published item (a window
// listed twice in a hall counts once).
std::vector<HallWindow> empty_windows(const Catalog& catalog);

}  // namespace qd
