#include "writers/guides/guides.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

#include "base/files.h"
#include "base/test_hooks.h"
#include "writers/guides/booklet.h"
#include "print/guide_template.h"
#include "print/fonts.h"

namespace qd {

namespace fs = std::filesystem;

namespace {

// Writes a booklet. Half a file, then (in the crash tests) a kill: a torn
// PDF in staging.
Status write_booklet(const std::string& path, const std::string& bytes) {
  return write_file(path, bytes, "mid-pdf");
}

}  // namespace

namespace {

// What every booklet of a build shares: the template and the fonts.
struct GuideKit {
  GuideTemplate tmpl;
  const pdf::FontLibrary* fonts = nullptr;
  layout::Fonts metrics;
};

// Reads the template and the (process-wide cached) fonts.
Result<GuideKit> guide_kit(const OutputContext& ctx) {
  auto tmpl = read_guide_template((fs::path(ctx.templates_dir) / "guide.xml").string());
  if (!tmpl.ok()) return tmpl.error();
  auto lib = print::fonts(ctx.fonts_config);
  if (!lib.ok()) return lib.error();
  GuideKit kit{std::move(tmpl.value()), lib.value(), {}};
  kit.metrics = print::metrics(*kit.fonts);
  return kit;
}

// The booklet template's field table, for the editable guide (so that the
// .docx and the PDF agree); the defaults without a template folder.
Result<GuideTemplate> field_template(const OutputContext& ctx) {
  if (ctx.templates_dir.empty()) return GuideTemplate::defaults();
  fs::path path = fs::path(ctx.templates_dir) / "guide.xml";
  if (!fs::exists(path)) return GuideTemplate::defaults();
  return read_guide_template(path.string());
}

// Renders one booklet to `rel` (relative to the output folder).
Status write_booklet(Booklet b, const GuideKit& kit, const OutputContext& ctx,
                     const std::string& rel, std::vector<std::string>* written) {
  const fs::path path = fs::path(ctx.output_dir) / rel;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return make_error(Place{path.parent_path().string()}, "无法创建办事指南文件夹：" + ec.message());
  auto bytes = render_booklet(std::move(b), kit.tmpl.frame, *kit.fonts);
  if (!bytes.ok()) return bytes.error();
  QD_TRY(write_booklet(path.string(), bytes.value()));
  written->push_back(rel);
  return Ok{};
}

}  // namespace

Result<std::vector<Part>> plan_guides(const Catalog& catalog, const OutputContext& ctx,
                                      const Digests& digests) {
  std::vector<Part> parts;
  const Catalog* c = &catalog;
  const auto paths = paths_of(ctx, catalog);
  for (const DepartmentInfo& dept : catalog.settings.departments) {
    auto items = catalog.published(dept.name);
    if (items.empty()) continue;
    const std::string name = paths->guide(dept);
    Part p;
    p.id = name;
    p.made_from = digests.of("guides", p.id, items, dept.name + "\t" + dept.short_name);
    p.cost = static_cast<double>(items.size());
    p.department = dept.name;
    p.reprint = kReprintGuide;
    p.where = dept.name;
    const DepartmentInfo* d = &dept;
    p.render = [c, d, name](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
      auto kit = guide_kit(ctx);
      if (!kit.ok()) return kit.error();
      const Date version = c->version_of(c->published(d->name));
      return write_booklet(lay_out_department(*c, *d, kit->tmpl, kit->metrics, version), *kit, ctx,
                           name, written);
    };
    parts.push_back(std::move(p));
  }
  auto all = catalog.published();
  if (!all.empty()) {
    Part p;
    const std::string name = paths->county_booklet();
    p.id = name;
    p.reprint = kReprintGuide;
    p.where = catalog.settings.county + "政务服务事项办事指南汇编";
    p.made_from = digests.of("guides", p.id, all);
    p.cost = static_cast<double>(all.size());
    p.render = [c, name](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
      auto kit = guide_kit(ctx);
      if (!kit.ok()) return kit.error();
      return write_booklet(lay_out_county(*c, kit->tmpl, kit->metrics, c->version()), *kit, ctx,
                           name, written);
    };
    parts.push_back(std::move(p));
  }
  // The editable guides.
  for (const DepartmentInfo& dept : catalog.settings.departments) {
    auto items = catalog.published(dept.name);
    if (items.empty()) continue;
    Part p;
    p.id = paths->guide_docx(dept);
    p.made_from = digests.of("guides", p.id, items, dept.name);
    p.cost = static_cast<double>(items.size()) / 4;
    p.department = dept.name;
    const DepartmentInfo* d = &dept;
    p.render = [c, d, path = p.id](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
      auto tmpl = field_template(ctx);
      if (!tmpl.ok()) return tmpl.error();
      const Date version = c->version_of(c->published(d->name));
      ReportSettings rs = ReportSettings::defaults(*c);
      rs.title_metrics = print::role_metrics(ctx.fonts_config, Role::Title);
      return office::save(guide_document(*c, *d, tmpl->fields, version, rs), ctx.output_dir, path, written);
    };
    parts.push_back(std::move(p));
  }
  return parts;
}

Status write_guides(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written) {
  return render_parts(plan_guides(catalog, ctx, Digests{}), ctx, written);
}

}  // namespace qd
