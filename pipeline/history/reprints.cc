// The reprint list (see reprints.h).
#include "history/reprints.h"

#include <nlohmann/json.hpp>

namespace qd {

namespace {

// The registry's key for the printed parts of the last published build: an
// object, part id → digest. Kept with the published list, so tomorrow's
// reprint list compares with what was really published (not with an output
// a crash left uncommitted).
constexpr const char* kPrintedPartsKey = "printed_parts";

}  // namespace

std::vector<Reprint> reprints_since(const Registry& registry, const std::vector<PrintedPart>& parts) {
  nlohmann::json was = nlohmann::json::parse(registry.state(kPrintedPartsKey).value_or(""), nullptr, false);
  if (!was.is_object()) was = nlohmann::json::object();
  std::vector<Reprint> out;
  for (const PrintedPart& p : parts) {
    auto old = was.find(p.id);
    if (old != was.end() && old->is_string() && old->get<std::string>() == p.made_from) continue;
    out.push_back({p.kind, p.id, p.where});
  }
  return out;
}

Status record_printed_parts(Registry& registry, const std::vector<PrintedPart>& parts) {
  nlohmann::json o = nlohmann::json::object();
  for (const PrintedPart& p : parts) o[p.id] = p.made_from;
  return registry.set_state(kPrintedPartsKey, o.dump());
}

}  // namespace qd
