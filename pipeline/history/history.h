// The history stage, between codes and writers: compares tonight's published
// items with the published list the registry kept from the last build.
//
// - Unchanged content keeps its list version (the date it was first
//   published), so unchanged documents stay byte-identical night to night.
//   Each item also has a poster version: the list version at which what a
//   window poster prints of it last changed (Item::poster_version).
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
#include "registry/registry.h"
#include "model/catalog.h"

namespace qd {

// What a window poster prints of an item (writers/posters/poster.h's
// poster_fields): the history stage compares it between the published and
// tonight's content to set Item::poster_version, without knowing the layout.
using PosterFields = std::string (*)(const Item& item);

// Applies the last published list to the catalog and saves tonight's. When
// nothing changed tonight, Catalog::changes, changes_version and reprints
// are those of the current list version, as the night that made it saved
// them (so the change report is the same from night to night).
// Poster versions: a new item's is tonight; unchanged content and carried-over
// items keep theirs; changed content keeps its own when `poster_fields` gives
// the same for the published and the new content, else it is tonight.
// Returns true when tonight made a new list version (changes not empty).
Result<bool> apply_history(Catalog& catalog, Registry& registry, PosterFields poster_fields);

// Saves the catalog's changes and reprints as the current version's change
// log (after the build has computed the reprints).
Status save_change_log(const Catalog& catalog, Registry& registry);

}  // namespace qd
