// The 办事指南 booklets (layout.md "办事指南 booklet"): guides/<部门全称>.pdf for
// every registered department with published items, and the county's
// compilation guides/<县>政务服务事项办事指南汇编.pdf (OutputPaths decides both).
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"
#include "writers/writer.h"
#include "pdf/fonts.h"
#include "writers/writer.h"

namespace qd {

// One part per department booklet and one for the compilation; each
// booklet carries the list version of its items (Catalog::version_of).
Result<std::vector<Part>> plan_guides(const Catalog& catalog, const OutputContext& ctx,
                                      const Digests& digests);

Status write_guides(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written);

}  // namespace qd
