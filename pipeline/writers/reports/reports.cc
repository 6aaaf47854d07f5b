#include "writers/reports/reports.h"

#include <filesystem>

#include "writers/lists/summary.h"

namespace qd {

Status write_reports(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written) {
  namespace fs = std::filesystem;
  const Date date = build_date(catalog, ctx);
  const ReportSettings rs = ReportSettings::defaults(catalog);
  auto save = [&](const docx::Document& doc, const std::string& rel) -> Status {
    QD_TRY(docx::save(doc, (fs::path(ctx.output_dir) / rel).string()));
    if (written) written->push_back(rel);
    return Ok{};
  };
  QD_TRY(save(review_document(catalog, date, rs), kReviewDocxPath));
  QD_TRY(save(notice_document(catalog, date, rs), kNoticeDocxPath));

  // The field table follows the booklet template, so the .docx and the PDF agree.
  GuideTemplate tmpl = GuideTemplate::defaults();
  if (!ctx.templates_dir.empty()) {
    fs::path path = fs::path(ctx.templates_dir) / "guide.xml";
    if (fs::exists(path)) {
      auto t = read_guide_template(path.string());
      if (!t.ok()) return t.error();
      tmpl = std::move(t.value());
    }
  }
  for (const DepartmentInfo& dept : catalog.settings.departments) {
    if (catalog.published(dept.name).empty()) continue;
    QD_TRY(save(guide_document(catalog, dept, tmpl.fields, date, rs), guide_docx_path(dept)));
  }
  return Ok{};
}

}  // namespace qd
