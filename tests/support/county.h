// The sample county (or any input folder) read as a build reads it, for
// tests and benchmarks that lay out or render without running `qingdan`.
#pragma once

#include <string>

#include "model/catalog.h"

namespace qd::testing {

// Reads DIR/county.toml and every workbook of DIR, then validates and
// merges: the catalog the writers see, without codes. Aborts the test (or
// benchmark) with the settings' error when they cannot be read.
Catalog read_county(const std::string& input_dir, Date build_date);

// Gives every item about to be published its codes from a registry in
// memory, as `qingdan build` does on its first night.
void give_codes(Catalog& catalog);

}  // namespace qd::testing
