#include "app/version.h"

#include <CLI/Version.hpp>
#include <gnu/libc-version.h>
#include <hb.h>
#include <hpdf.h>
#include <nlohmann/json_fwd.hpp>
#include <openssl/crypto.h>
#include <podofo/base/PdfDefines.h>
#include <qrencode.h>
#include <sqlite3.h>
#include <tinyxml2.h>
#include <toml++/impl/version.h>
#include <unicode/uversion.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "base/build_id.h"

#ifndef QD_VERSION
#error "QD_VERSION is set by pipeline/app/CMakeLists.txt"
#endif

namespace qd {

namespace {

// "a.b.c" from three numbers.
std::string dotted(long a, long b, long c) {
  return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c);
}

// ICU's version as "72.1".
std::string icu_version() {
  UVersionInfo v;
  u_getVersion(v);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(v, text);
  return text;
}

// OpenSSL's "3.0.15" (OpenSSL_version() says "OpenSSL 3.0.15 3 Sep 2024").
std::string openssl_version() {
  std::string v = OpenSSL_version(OPENSSL_VERSION);
  if (v.starts_with("OpenSSL ")) v = v.substr(8);
  return v.substr(0, v.find(' '));
}

}  // namespace

std::string program_version() { return QD_VERSION; }

std::vector<std::pair<std::string, std::string>> library_versions() {
  return {
      {"SQLite", sqlite3_libversion()},
      {"libzip", zip_libzip_version()},
      {"ICU", icu_version()},
      {"HarfBuzz", hb_version_string()},
      {"libharu", HPDF_GetVersion()},
      {"PoDoFo", dotted(PODOFO_VERSION_MAJOR, PODOFO_VERSION_MINOR, PODOFO_VERSION_PATCH)},
      {"libqrencode", QRcode_APIVersionString()},
      {"libxlsxwriter", lxw_version()},
      {"tinyxml2", dotted(TIXML2_MAJOR_VERSION, TIXML2_MINOR_VERSION,
                          TIXML2_PATCH_VERSION)},
      {"OpenSSL", openssl_version()},
      {"toml++", dotted(TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH)},
      {"nlohmann/json", dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                               NLOHMANN_JSON_VERSION_PATCH)},
      {"CLI11", CLI11_VERSION},
      {"glibc", gnu_get_libc_version()},
  };
}

std::string version_text() {
  std::string id = program_build_id();
  std::string out = "qingdan " + program_version() + "\n";
  out += "构建标识：" + (id.empty() ? std::string("（无）") : id) + "\n";
#if defined(__clang__)
  out += "编译器：Clang " __clang_version__ "\n";
#elif defined(__GNUC__)
  out += "编译器：GCC " __VERSION__ "\n";
#endif
  out += "库：\n";
  for (const auto& [name, version] : library_versions()) out += "  " + name + " " + version + "\n";
  return out;
}

}  // namespace qd
