// The 一次性告知单: notices/<部门>/<事项>.pdf for every published item (names
// made safe as the guides and the portal make them; the portal links each
// item page to its notice). plan_notices() lists the files, render_notice()
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

// "notices/<部门>/<事项>.pdf" for an item (the path the portal looks for).
std::string notice_path(const Item& item);

// Every notice of the build: published items, departments in settings order
// (an item whose path another item took already is left out).
std::vector<NoticeJob> plan_notices(const Catalog& catalog);

// The PDF of one notice.
Result<std::string> render_notice(const Catalog& catalog, const NoticeJob& job,
                                  const pdf::FontLibrary& fonts, Date date);

// One part per notice, made from its item.
Result<std::vector<Part>> plan_notice_parts(const Catalog& catalog, const OutputContext& ctx,
                                            const Digests& digests);

Status write_notices(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written);

}  // namespace qd
