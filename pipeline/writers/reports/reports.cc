#include "writers/reports/reports.h"

#include <filesystem>

#include "base/sha256.h"
#include "writers/lists/summary.h"

namespace qd {

namespace {

// Saves a document under output_dir/rel.
Status save(const docx::Document& doc, const OutputContext& ctx, const std::string& rel,
            std::vector<std::string>* written) {
  QD_TRY(docx::save(doc, (std::filesystem::path(ctx.output_dir) / rel).string()));
  if (written) written->push_back(rel);
  return Ok{};
}

// The booklet template's field table (so the .docx and the PDF agree).
Result<GuideTemplate> field_template(const OutputContext& ctx) {
  namespace fs = std::filesystem;
  if (ctx.templates_dir.empty()) return GuideTemplate::defaults();
  fs::path path = fs::path(ctx.templates_dir) / "guide.xml";
  if (!fs::exists(path)) return GuideTemplate::defaults();
  return read_guide_template(path.string());
}

}  // namespace

Result<std::vector<Part>> plan_reports(const Catalog& catalog, const OutputContext& ctx,
                                       const Digests& digests) {
  std::vector<Part> parts;
  const Catalog* c = &catalog;
  const auto paths = paths_of(ctx, catalog);
  // The review report and the notice speak of the catalog as it stands
  // (as_of()), whatever night they are made.
  Part review;
  review.id = kReviewDocxPath;
  review.made_from = Sha256().field(digests.catalog).field("reports").hex();
  review.cost = 5;
  review.render = [c](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
    const Date date = c->as_of();
    const ReportSettings rs = ReportSettings::defaults(*c);
    QD_TRY(save(review_document(*c, date, rs), ctx, kReviewDocxPath, written));
    return save(notice_document(*c, date, rs), ctx, kNoticeDocxPath, written);
  };
  parts.push_back(std::move(review));
  // The editable guides carry their items' list version.
  for (const DepartmentInfo& dept : catalog.settings.departments) {
    auto items = catalog.published(dept.name);
    if (items.empty()) continue;
    Part p;
    p.id = paths->guide_docx(dept);
    p.made_from = digests.of("reports", p.id, items, dept.name);
    p.cost = static_cast<double>(items.size()) / 4;
    p.department = dept.name;
    const DepartmentInfo* d = &dept;
    p.render = [c, d, path = p.id](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
      auto tmpl = field_template(ctx);
      if (!tmpl.ok()) return tmpl.error();
      const Date version = c->version_of(c->published(d->name));
      return save(guide_document(*c, *d, tmpl->fields, version, ReportSettings::defaults(*c)), ctx,
                  path, written);
    };
    parts.push_back(std::move(p));
  }
  return parts;
}

Status write_reports(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written) {
  return render_parts(plan_reports(catalog, ctx, Digests{}), ctx, written);
}

}  // namespace qd
