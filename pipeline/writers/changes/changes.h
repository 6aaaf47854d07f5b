// The change report (动态调整) reports/变更情况.xlsx: items added, changed
// (every changed value, old → new) and retired since the last published
// build, and the 待重印清单 — the posters, notices and booklets that changed
// and must be printed again, with their hall or department.
#pragma once

#include "writers/writer.h"

namespace qd {


// Writes reports/变更情况.xlsx.
Status write_changes(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written);

// One part, made from the changes and the reprint list (planned last).
Result<std::vector<Part>> plan_changes(const Catalog& catalog, const OutputContext& ctx,
                                       const Digests& digests);

}  // namespace qd
