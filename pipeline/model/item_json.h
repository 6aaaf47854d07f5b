// An item's published content as canonical JSON: every element, material,
// step, fee and FAQ by its key (elements.md), without the cells it came from.
// The registry keeps it so a later build can keep the last approved version
// (沿用上期) and say what changed; its digest is what an output made from the
// item depends on.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"

namespace qd {

// The canonical JSON of an item's content (keys sorted, no places, no
// build state): equal content gives equal bytes.
std::string item_content_json(const Item& item);

// Rebuilds an item from its content JSON. Places are empty; the file is
// `origin` (where the content was kept, e.g. the registry).
Result<Item> item_from_content_json(const std::string& json, const std::string& origin);

// The differences between two versions of an item's content, in element
// order then sub-table order; empty when the content is equal.
std::vector<FieldChange> item_changes(const Item& before, const Item& after);

}  // namespace qd
