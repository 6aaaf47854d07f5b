// The "returns" output (退回修改): after every build, each registered
// department that has a finding to act on or an item returned by a review
// decision gets its form back, returns/<部门>.xlsx (writers/forms/
// returned_form.h), to correct in place and hand in again as its
// submission. One part per department, made from everything the form
// prints: it is made again only when its findings, decisions or
// submission change. A department whose form is right gets none.
#pragma once

#include "writers/writer.h"

namespace qd {

// One part per returned department.
Result<std::vector<Part>> plan_returns(const Catalog& catalog, const OutputContext& ctx,
                                       const Digests& digests);

// Writes every returned department's form.
Status write_returns(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written);

}  // namespace qd
