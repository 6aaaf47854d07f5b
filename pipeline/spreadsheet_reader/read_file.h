// Reading a whole input file into memory, refusing files over a size limit
// before reading them.
#pragma once

#include <cstddef>
#include <string>

#include "base/error.h"

namespace qd {

// Reads the file at `path` into `out`, refusing files over `max_bytes`.
// Errors name the file and tell the clerk what to do.
Status read_file_limited(const std::string& path, size_t max_bytes, std::string* out);

}  // namespace qd
