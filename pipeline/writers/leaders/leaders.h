// The leaders' report, reports/领导汇报.pdf: cover, headline figures,
// charts, review state, submission status and the changes since the last
// list version with what to reprint (report.h), then the county's
// compiled 办事指南 booklet appended, with one bookmark tree. It reads the
// booklet the guides writer wrote into the same build's output folder, so it
// runs after it.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"
#include "pdf/document.h"
#include "writers/writer.h"

namespace qd {


// What the writer makes: one file, made from the catalog and the county
// booklet (relative paths under the output folder).
struct LeadersPlan {
  std::string path;     // "reports/领导汇报.pdf"
  std::string booklet;  // "guides/<县>政务服务事项办事指南汇编.pdf"; "" when nothing is published
};

// The plan for a catalog whose outputs go to `paths`.
LeadersPlan plan_leaders(const Catalog& catalog, const OutputPaths& paths);

// The title of the appended booklet's bookmark ("附件：办事指南汇编").
inline constexpr const char* kBookletBookmark = "附件：政务服务事项办事指南汇编";

// The bookmark tree of the joined file: the report's sections, then one
// node for the booklet (at `booklet_first`, 0-based) holding its own tree
// (departments → items) shifted by that many pages.
std::vector<pdf::Outline> joined_outlines(const std::vector<pdf::Outline>& report,
                                          const std::vector<pdf::Outline>& booklet,
                                          int booklet_first);

// Renders the plan's one file into ctx.output_dir; the booklet is appended
// when the plan names one and that file exists.
Status render_leaders(const Catalog& catalog, const OutputContext& ctx, const LeadersPlan& plan);

// One part (phase 1, after the booklet), made from the catalog (with its
// changes), the reprint list and the departments carried over: planned
// after the printed parts, when Catalog::reprints is known.
Result<std::vector<Part>> plan_leaders_parts(const Catalog& catalog, const OutputContext& ctx,
                                             const Digests& digests);

// The writer of the output table: plan, then render.
Status write_leaders(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written);

}  // namespace qd
