#include "support/county.h"

#include <cstdio>
#include <cstdlib>

#include "codes/assign.h"
#include "ingest/ingest.h"
#include "ingest/settings.h"
#include "merge/merge.h"
#include "registry/registry.h"
#include "validate/validate.h"

namespace qd::testing {

Catalog read_county(const std::string& input_dir, Date build_date) {
  auto settings = read_settings(input_dir + "/county.toml");
  if (!settings.ok()) {
    std::fprintf(stderr, "%s\n", settings.error().str().c_str());
    std::abort();
  }
  Catalog catalog;
  catalog.settings = std::move(settings.value());
  catalog.build_date = build_date;
  ingest(input_dir, catalog);
  validate(catalog);
  merge(catalog);
  return catalog;
}

void give_codes(Catalog& catalog) {
  auto reg = Registry::open(":memory:");
  if (!reg.ok() || !reg.value()->begin().ok() || !assign_codes(catalog, *reg.value()).ok()) {
    std::fprintf(stderr, "code registry failed\n");
    std::abort();
  }
  fill_known_codes(catalog, *reg.value());
}

}  // namespace qd::testing
