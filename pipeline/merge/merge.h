// The merge stage: attaches each item's review decisions and decides what is
// published. An item is published when it has no error, its department is
// registered, and its latest decision is 通过 — unless 法制办's latest word on
// it is 退回 (legality), which blocks publication whatever else says.
#pragma once

#include "model/catalog.h"

namespace qd {

// Attaches to every item its latest decision and sets a provisional state:
// Retired (取消), Rejected (errors, 退回, unregistered department), Pending
// (no decision) or Published (approved; codes still to be assigned).
// Decisions naming no item are reported (DECISION-ORPHAN).
void merge(Catalog& catalog);

// Items the codes stage must give codes to, main items before sub-items,
// departments in settings order: the order that keeps codes deterministic.
std::vector<Item*> publication_order(Catalog& catalog);

}  // namespace qd
