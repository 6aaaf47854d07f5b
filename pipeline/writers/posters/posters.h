// The window posters: posters/<大厅>/<窗口号>-<窗口名>.pdf for every window of
// every hall in the settings. plan_posters() lists the files, render_poster()
// makes one of them; each file depends only on the catalog, the fonts and
// the build date, so files can be rendered separately or in parallel.
#pragma once

#include <string>
#include <vector>

#include "model/catalog.h"
#include "pdf/fonts.h"
#include "writers/writer.h"

namespace qd {

// One poster file and what it is made from.
struct PosterJob {
  std::string path;  // relative to the output folder
  const Hall* hall = nullptr;
  const Window* window = nullptr;
  std::vector<const Item*> items;  // the published items handled at the window
};

// The published items handled at a window of a hall: with explicit item
// names, those items (and their sub-items) of the window's departments (of
// any department when it lists none); otherwise every published item of its
// departments except those another window of the hall lists by name.
// Departments in the window's order, items in input order.
std::vector<const Item*> window_items(const Catalog& catalog, const Hall& hall, const Window& window);

// Every poster of the build, in settings order (a window listed twice in a
// hall is one poster).
std::vector<PosterJob> plan_posters(const Catalog& catalog, const OutputPaths& paths);

// The PDF of one poster.
Result<std::string> render_poster(const Catalog& catalog, const PosterJob& job,
                                  const pdf::FontLibrary& fonts, Date date);

// One part per poster, made from its items and its window.
Result<std::vector<Part>> plan_poster_parts(const Catalog& catalog, const OutputContext& ctx,
                                            const Digests& digests);

Status write_posters(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written);

}  // namespace qd
