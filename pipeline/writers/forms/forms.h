// The "forms" output (run by `qingdan forms`): one fill-in workbook per
// registered department.
#pragma once

#include "writers/writer.h"

namespace qd {

// Writes forms/<部门名>.xlsx for every registered department.
// One part per department's form.
Result<std::vector<Part>> plan_forms(const Catalog& catalog, const OutputContext& ctx,
                                     const Digests& digests);

Status write_forms(const Catalog& catalog, const OutputContext& ctx,
                   std::vector<std::string>* written);

}  // namespace qd
