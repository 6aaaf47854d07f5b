// The codes stage: gives every item about to be published its 基本编码 and
// 实施编码 from the registry (kept when they came with the input), retires
// the codes of cancelled items, and turns registry conflicts into findings.
#pragma once

#include "registry/registry.h"
#include "model/catalog.h"

namespace qd {

// Assigns codes to the items merge() marked Published, in
// publication_order(). An item whose codes conflict gets a CODE-CONFLICT
// (or CODE-FORMAT / CREDIT-CODE) finding and is not published. Registry
// failures that are not about one item are returned as errors.
Status assign_codes(Catalog& catalog, Registry& registry);

}  // namespace qd

namespace qd {

// Fills in the codes the registry already holds for items that came without
// them (an item published last night, read again from a form without its
// codes). Never allocates. Used before writing the fill-in forms.
void fill_known_codes(Catalog& catalog, const Registry& registry);

}  // namespace qd
