// What `qingdan --version` prints: the program's version, its GNU build ID
// (the identity the nightly digests use, see base/build_id.h), the compiler,
// and the version of every library it runs with, read from the loaded
// library where the library can say (SQLite, libzip, ICU, HarfBuzz, libharu,
// libqrencode, libxlsxwriter, OpenSSL, glibc) and as compiled in otherwise
// (PoDoFo, tinyxml2 and the header-only toml++, nlohmann/json, CLI11).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace qd {

// The project's version (CMake's project(VERSION)).
std::string program_version();

// (name, version) of every library, in a fixed order.
std::vector<std::pair<std::string, std::string>> library_versions();

// The whole text, one item per line, in Chinese.
std::string version_text();

}  // namespace qd
