#include "writers/posters/posters.h"

#include <algorithm>
#include <set>

#include "base/sha256.h"
#include "writers/posters/poster.h"
#include "print/sheet.h"
#include "print/fonts.h"

namespace qd {

namespace {

// The digest of what a poster prints: the base (program, templates, fonts,
// settings: halls, hours, short names, the guide URL), the window, and per
// item what the poster shows of it and its poster version — not the item's
// whole content, so a change the poster does not print (受理条件 …) leaves
// the poster, and the 待重印清单, as they were.
std::string poster_digest(const Catalog& catalog, const PosterJob& job, const Digests& digests) {
  Sha256 h;
  h.field(digests.base).field("posters").field(job.path);
  h.field(job.hall->name).field(job.window->number).field(job.window->name);
  const Date version = poster_version_of(catalog, job.items);  // the version line
  h.field(version.valid() ? version.iso() : "");
  for (const Item* it : job.items)
    h.field(poster_fields(*it)).field(it->poster_version.valid() ? it->poster_version.iso() : "");
  return h.hex();
}

}  // namespace

std::vector<PosterJob> plan_posters(const Catalog& catalog, const OutputPaths& output_paths) {
  std::vector<PosterJob> jobs;
  std::set<std::string> paths;
  for (const Hall& hall : catalog.settings.halls)
    for (const Window& w : hall.windows) {
      const std::string path = output_paths.poster(hall, w);
      if (!paths.insert(path).second) continue;  // the same window listed twice
      std::vector<const Item*> items = window_items(catalog, hall, w);
      if (items.empty()) continue;  // nothing to print: no poster (empty_windows())
      jobs.push_back({path, &hall, &w, std::move(items)});
    }
  return jobs;
}

Result<std::string> render_poster(const Catalog& catalog, const PosterJob& job,
                                  const pdf::FontLibrary& fonts, Date date) {
  auto poster = lay_out_poster(catalog, *job.hall, *job.window, job.items, poster_paper(catalog.settings),
                               print::metrics(fonts), date);
  if (!poster.ok()) return poster.error();
  return print::render_sheets(poster->sheets, poster->info, fonts);
}

Result<std::vector<Part>> plan_poster_parts(const Catalog& catalog, const OutputContext& ctx,
                                            const Digests& digests) {
  std::vector<Part> parts;
  const Catalog* c = &catalog;
  for (PosterJob& job : plan_posters(catalog, *paths_of(ctx, catalog))) {
    Part p;
    p.id = job.path;
    p.reprint = kReprintPoster;
    p.where = job.hall->name;
    p.made_from = poster_digest(catalog, job, digests);
    p.cost = 1 + static_cast<double>(job.items.size()) / 10;
    p.render = [c, job](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
      auto lib = print::fonts(ctx.fonts_config);
      if (!lib.ok()) return lib.error();
      // A poster carries the poster version of its items.
      return print::write_rendered(ctx.output_dir, job.path,
                                   render_poster(*c, job, *lib.value(), poster_version_of(*c, job.items)),
                                   written);
    };
    parts.push_back(std::move(p));
  }
  return parts;
}

Status write_posters(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written) {
  return render_parts(plan_poster_parts(catalog, ctx, Digests{}), ctx, written);
}

}  // namespace qd
