// The 一次性告知单: notices/<部门>/<事项>.pdf for every published item (at the
// path OutputPaths gives it; the portal links each item page to its notice). plan_notices() lists the files, render_notice()
// makes one; each file depends only on its item, the settings, the fonts and
// the build date, so files can be rendered separately or in parallel.
#pragma once

#include <string>
#include <vector>

#include "model/catalog.h"
#include "pdf/fonts.h"
#include "writers/writer.h"

namespace qd {

// One notice file and what it is made from.
struct NoticeJob {
  std::string path;  // relative to the output folder
  const Item* item = nullptr;
};

// Every notice of the build: published items, departments in settings
// order, each at its own path (OutputPaths::notice).
std::vector<NoticeJob> plan_notices(const Catalog& catalog, const OutputPaths& paths);

// The PDF of one notice.
Result<std::string> render_notice(const Catalog& catalog, const NoticeJob& job,
                                  const pdf::FontLibrary& fonts, Date date);

// One part per notice, made from its item.
Result<std::vector<Part>> plan_notice_parts(const Catalog& catalog, const OutputContext& ctx,
                                            const Digests& digests);

Status write_notices(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written);

}  // namespace qd
