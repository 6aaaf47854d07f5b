// Reads the county settings file (input/county.toml): the county, its
// registered departments, halls and windows, the submission deadline and
// where the code registry lives.
#pragma once

#include <string>

#include "base/error.h"
#include "model/catalog.h"

namespace qd {

// Parses settings from TOML text. `path` names the file in messages and
// anchors the relative registry path.
Result<Settings> parse_settings(std::string_view toml_text, const std::string& path);

// Reads and parses the settings file at `path`.
Result<Settings> read_settings(const std::string& path);

}  // namespace qd
