#include "writers/notices/notices.h"

#include "writers/notices/notice.h"
#include "print/sheet.h"
#include "print/fonts.h"

namespace qd {

std::vector<NoticeJob> plan_notices(const Catalog& catalog, const OutputPaths& paths) {
  std::vector<NoticeJob> jobs;
  for (const Item* it : catalog.published()) {
    std::string path = paths.notice(*it);
    if (!path.empty()) jobs.push_back({std::move(path), it});
  }
  return jobs;
}

Result<std::string> render_notice(const Catalog& catalog, const NoticeJob& job,
                                  const pdf::FontLibrary& fonts, Date date) {
  auto notice = lay_out_notice(catalog, *job.item, print::metrics(fonts), date);
  if (!notice.ok()) return notice.error();
  return print::render_sheets(notice->sheets, notice->info, fonts);
}

Result<std::vector<Part>> plan_notice_parts(const Catalog& catalog, const OutputContext& ctx,
                                            const Digests& digests) {
  std::vector<Part> parts;
  const Catalog* c = &catalog;
  for (NoticeJob& job : plan_notices(catalog, *paths_of(ctx, catalog))) {
    Part p;
    p.id = job.path;
    p.made_from = digests.of("notices", job.path, {job.item});
    p.cost = 1;
    p.department = job.item->department;
    p.reprint = kReprintNotice;
    p.where = job.item->department;
    p.render = [c, job](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
      auto lib = print::fonts(ctx.fonts_config);
      if (!lib.ok()) return lib.error();
      // A notice carries its item's list version.
      return print::write_rendered(ctx.output_dir, job.path,
                                   render_notice(*c, job, *lib.value(), c->version_of({job.item})),
                                   written);
    };
    parts.push_back(std::move(p));
  }
  return parts;
}

Status write_notices(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written) {
  return render_parts(plan_notice_parts(catalog, ctx, Digests{}), ctx, written);
}

}  // namespace qd
