// The history stage, between codes and writers: compares tonight's published
// items with the published list the registry kept from the last build.
//
// - Unchanged content keeps its list version (the date it was first
//   published), so unchanged documents stay byte-identical night to night.
// - New or changed content approved by a decision newer than the kept one is
//   published with tonight's date as its version.
// - Changed content without a newer approval is not published: the approved
//   version stays (沿用上期) until the change is approved.
// - An item published before that is missing tonight — its department's file
//   could not be read, its items all failed, it was rejected or left out —
//   stays published in its last version (沿用上期) unless it was retired (取消).
// Every kept item is a CARRIED-OVER finding in the review report; the
// differences go to Catalog::changes; the new list is saved in the registry
// (inside the build's transaction).
#pragma once

#include "base/error.h"
#include "codes/registry.h"
#include "model/catalog.h"

namespace qd {

// Applies the last published list to the catalog and saves tonight's. When
// nothing changed tonight, Catalog::changes, changes_version and reprints
// are those of the current list version, as the night that made it saved
// them (so the change report is the same from night to night).
// Returns true when tonight made a new list version (changes not empty).
Result<bool> apply_history(Catalog& catalog, Registry& registry);

// Saves the catalog's changes and reprints as the current version's change
// log (after the build has computed the reprints).
Status save_change_log(const Catalog& catalog, Registry& registry);

}  // namespace qd
