// The reprint list (待重印清单): which printed files a hall must print again.
// A build records the digest of every printed part it published with the
// published list in the registry; the next build that makes a new list
// version compares its own printed parts with them.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"
#include "registry/registry.h"

namespace qd {

// A printed part of tonight's build (see writers/writer.h Part::reprint).
struct PrintedPart {
  std::string id;         // the part's id: the path of its file
  std::string made_from;  // the digest of what it is made from
  std::string kind;       // kReprintPoster, kReprintNotice, kReprintGuide
  std::string where;      // the hall or department it is printed for
};

// The printed parts whose digest differs from the ones recorded with the
// last published build (all of them when none were recorded).
std::vector<Reprint> reprints_since(const Registry& registry, const std::vector<PrintedPart>& parts);

// Records tonight's printed parts with the published list; the registry
// commits them with the build (publish/publish.h).
Status record_printed_parts(Registry& registry, const std::vector<PrintedPart>& parts);

}  // namespace qd
