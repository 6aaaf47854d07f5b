// The public portal (output/portal/): a static site made from the same
// catalog as the printed lists and guides — an index of departments and item
// kinds, a page per department and per kind, a page per published item with
// its full 办事指南 at item/<实施编码>.html (the URL the posters' QR codes
// carry), an offline search, and the open data under data/. Page frame, CSS
// and script come from templates/portal/ (restyled without recompiling).
#pragma once

#include <string>
#include <vector>

#include "writers/writer.h"

namespace qd {

// Writes the whole site into ctx.output_dir/portal (removing an older one).
Status write_portal(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written);

// The site in parts for the nightly build: one per department (its page,
// its items' pages, its booklet and notices linked in; dated by its items'
// list version) and the county's (index, kind pages, search, open data,
// assets; dated by the list version). Phase 1: they link files of phase 0.
Result<std::vector<Part>> plan_portal(const Catalog& catalog, const OutputContext& ctx,
                                      const Digests& digests);

namespace portal {

// The inline SVG flow chart of an item's steps (boxes with the step name and
// its time limit, arrows between them); "" without steps.
std::string flow_chart_svg(const Item& item);

}  // namespace portal
}  // namespace qd
