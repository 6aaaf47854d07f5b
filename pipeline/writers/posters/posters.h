// The window posters: posters/<大厅>/<窗口号>-<窗口名>.pdf for every window of
// every hall in the settings that handles a published item (a window with
// none gets no poster: model/windows.h lists those, and the review and the
// build log name them). plan_posters() lists the files, render_poster()
// makes one of them; each file depends only on the catalog, the fonts and
// the build date, so files can be rendered separately or in parallel.
#pragma once

#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/windows.h"
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

// Every poster of the build, in settings order: one per window that
// handles a published item (window_items(); a window listed twice in a hall
// is one poster).
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
