// The output table: every writer with its name and summary.
#include "writers/writer.h"

#include "base/sha256.h"

#include "writers/changes/changes.h"
#include "writers/forms/forms.h"
#include "writers/forms/returns.h"
#include "writers/guides/guides.h"
#include "writers/leaders/leaders.h"
#include "writers/lists/lists.h"
#include "writers/notices/notices.h"
#include "writers/posters/posters.h"
#include "writers/portal/portal.h"
#include "writers/review/review.h"
#include "writers/submissions/submissions.h"

namespace qd {

namespace {

const WriterInfo kWriters[] = {
    {"lists", "公布的目录清单和实施清单（.xlsx）", write_lists, true},
    {"review", "审核报告（.xlsx、.docx）和问题清单（findings.csv）", write_review, true},
    {"submissions", "报送情况（.xlsx）和报送情况通报（.docx）", write_submissions, true},
    {"forms", "各部门预填的填报表格（.xlsx）", write_forms, true, plan_forms},
    {"returns", "退回修改：有问题或审核退回的部门的填报表，问题批注在单元格上（.xlsx）", write_returns, true, plan_returns},
    {"guides", "各部门办事指南和汇编（.pdf）", write_guides, true, plan_guides},
    // Phase 1: appends the county booklet this build wrote. Planned last: it
    // counts the printed files to reprint.
    {"leaders", "领导汇报：主要数据、图表、审核、报送和变更情况，附办事指南汇编（.pdf）", write_leaders,
     true, plan_leaders_parts, /*phase=*/1, /*plan_last=*/true},
    {"posters", "各大厅窗口的事项公示海报（.pdf）", write_posters, true, plan_poster_parts},
    {"notices", "各事项的一次性告知单（.pdf）", write_notices, true, plan_notice_parts},
    {"changes", "变更情况和待重印清单（.xlsx）", write_changes, true, plan_changes, 0,
     /*plan_last=*/true},
    // Phase 1 (set by its parts): links the booklets and notices in.
    {"portal", "门户网站：事项页面、搜索和开放数据", write_portal, true, plan_portal},
};

}  // namespace

std::span<const WriterInfo> writers() { return kWriters; }

const std::string& Digests::item(const Item* it) const {
  static const std::string kNone;
  auto found = items.find(it);
  return found == items.end() ? kNone : found->second;
}

std::string Digests::of(std::string_view writer, std::string_view part,
                        const std::vector<const Item*>& list, std::string_view extra) const {
  Sha256 h;
  h.field(base).field(writer).field(part).field(extra);
  for (const Item* it : list) h.field(item(it));
  if (list.empty()) h.field(as_of);  // version_of() of no items
  return h.hex();
}

Status render_parts(const Result<std::vector<Part>>& parts, const OutputContext& ctx,
                    std::vector<std::string>* written) {
  if (!parts.ok()) return parts.error();
  for (const Part& p : parts.value()) QD_TRY(p.render(ctx, written));
  return Ok{};
}

Result<std::vector<Part>> plan_parts(const WriterInfo& w, const Catalog& catalog,
                                     const OutputContext& ctx, const Digests& digests) {
  if (w.plan) return w.plan(catalog, ctx, digests);
  Part p;
  p.id = std::string(w.name);
  p.made_from = Sha256().field(digests.catalog).field(w.name).hex();
  p.phase = w.phase;
  p.cost = 10;
  WriteFn write = w.write;
  const Catalog* c = &catalog;
  p.render = [write, c](const OutputContext& ctx, std::vector<std::string>* written) {
    return write(*c, ctx, written);
  };
  return std::vector<Part>{std::move(p)};
}

std::shared_ptr<const OutputPaths> paths_of(const OutputContext& ctx, const Catalog& catalog) {
  return ctx.paths ? ctx.paths : std::make_shared<const OutputPaths>(catalog);
}

const WriterInfo* find_writer(std::string_view name) {
  for (const WriterInfo& w : kWriters)
    if (w.name == name) return &w;
  return nullptr;
}

}  // namespace qd
