#include "writers/leaders/leaders.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/sha256.h"
#include "pdf/podofo_adapter.h"
#include "print/guide_template.h"
#include "writers/leaders/figures.h"
#include "writers/leaders/report.h"
#include "print/fonts.h"

namespace qd {

namespace fs = std::filesystem;

namespace {

// Shifts every page of a bookmark tree by `by`.
std::vector<pdf::Outline> shifted(std::vector<pdf::Outline> list, int by) {
  for (pdf::Outline& o : list) {
    o.page += by;
    o.children = shifted(std::move(o.children), by);
  }
  return list;
}

// Reads a whole file.
Result<std::string> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Place{path.string()}, "无法读取文件");
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) return make_error(Place{path.string()}, "无法读取文件");
  return s.str();
}

}  // namespace

LeadersPlan plan_leaders(const Catalog& catalog, const OutputPaths& paths) {
  LeadersPlan p;
  p.path = kLeadersReportPath;
  if (!catalog.published().empty()) p.booklet = paths.county_booklet();
  return p;
}

std::vector<pdf::Outline> joined_outlines(const std::vector<pdf::Outline>& report,
                                          const std::vector<pdf::Outline>& booklet,
                                          int booklet_first) {
  std::vector<pdf::Outline> out = report;
  out.push_back({kBookletBookmark, booklet_first, shifted(booklet, booklet_first)});
  return out;
}

Status render_leaders(const Catalog& catalog, const OutputContext& ctx, const LeadersPlan& plan) {
  auto tmpl = read_guide_template((fs::path(ctx.templates_dir) / "guide.xml").string());
  if (!tmpl.ok()) return tmpl.error();
  auto lib = print::fonts(ctx.fonts_config);
  if (!lib.ok()) return lib.error();
  const pdf::FontLibrary& fonts = *lib.value();
  const layout::Fonts metrics = print::metrics(fonts);
  const Date date = data_date(catalog);

  const Figures figures = compute_figures(catalog);
  const Report report = lay_out_report({catalog, figures, tmpl.value(), metrics, date});
  auto bytes = render_report(report, tmpl->frame, fonts);
  if (!bytes.ok()) return bytes.error();

  std::vector<std::string> parts{std::move(bytes.value())};
  const fs::path booklet = fs::path(ctx.output_dir) / plan.booklet;
  std::error_code ec;
  if (!plan.booklet.empty() && fs::exists(booklet, ec)) {
    auto b = read_bytes(booklet);
    if (!b.ok()) return b.error();
    parts.push_back(std::move(b.value()));
  }
  // The booklet's own tree is read as it is appended (it is parsed once).
  auto join = [&](const std::vector<pdf::JoinedPart>& joined) {
    if (joined.size() < 2) return report.outlines;
    return joined_outlines(report.outlines, joined[1].outlines, joined[1].first_page);
  };

  const fs::path out = fs::path(ctx.output_dir) / plan.path;
  fs::create_directories(out.parent_path(), ec);
  if (ec) return make_error(Place{out.parent_path().string()}, "无法创建文件夹：" + ec.message());
  return pdf::write_appended_pdf(out.string(), parts, join, report.info);
}

Result<std::vector<Part>> plan_leaders_parts(const Catalog& catalog, const OutputContext&,
                                             const Digests& digests) {
  Sha256 h;
  h.field(digests.catalog).field("leaders");
  for (const Reprint& r : catalog.reprints) h.field(r.kind).field(r.path).field(r.where);
  for (const std::string& d : catalog.failed_departments) h.field(d);
  Part p;
  p.id = "leaders";
  p.made_from = h.hex();
  p.phase = 1;
  p.cost = 10;
  const Catalog* c = &catalog;
  p.render = [c](const OutputContext& ctx, std::vector<std::string>* written) {
    return write_leaders(*c, ctx, written);
  };
  return std::vector<Part>{std::move(p)};
}

Status write_leaders(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written) {
  const LeadersPlan plan = plan_leaders(catalog, *paths_of(ctx, catalog));
  QD_TRY(render_leaders(catalog, ctx, plan));
  written->push_back(plan.path);
  return Ok{};
}

}  // namespace qd
