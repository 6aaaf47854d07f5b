// Computes the digests of what the outputs are made from (writer.h's
// Digests). The program's identity (its build ID) stands for its version, so
// a new build of qingdan renders everything again.
#pragma once

#include <string>
#include <vector>

#include "writers/writer.h"

namespace qd {

// What the digests read besides the catalog.
struct DigestInputs {
  std::string program;               // program_identity()
  std::string templates_dir;         // every file in it
  std::string fonts_config;          // fonts/fonts.toml
  std::vector<std::string> font_files;  // resolved font files: path, size and mtime
};

// What identifies the running program: its build ID, or the SHA-256 of the
// executable when it was linked without one.
std::string program_identity();

// The digests of one build.
Digests compute_digests(const Catalog& catalog, const DigestInputs& in);

// The digest of every regular file under `dir` (relative path and bytes),
// in path order; "" for a missing folder.
std::string tree_digest(const std::string& dir);

}  // namespace qd
