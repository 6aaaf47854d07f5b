// output/manifest.json: every file of a build with its size and SHA-256,
// the part that made it and the digest of what that part is made from, and
// the list version. A hall compares a print's version with it; the next build
// reads it to reuse the parts whose digest has not changed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/error.h"

namespace qd {

struct ManifestFile {
  std::string path;       // relative to output/
  long long size = 0;
  std::string sha256;
  std::string part;       // the part's id
};

struct ManifestPart {
  std::string id;
  std::string writer;
  std::string made_from;  // digest of what it is made from
  std::vector<std::string> files;
};

struct Manifest {
  std::string county;
  std::string build_date;  // YYYY-MM-DD
  std::string version;     // the list version (清单版本)
  // The build generation of the registry the build was made with (and left
  // behind); 0 when not recorded.
  long long registry_generation = 0;
  std::vector<ManifestPart> parts;
  std::vector<ManifestFile> files;  // sorted by path

  // The part of that id, or nullptr.
  const ManifestPart* part(const std::string& id) const;
  // The file of that path, or nullptr.
  const ManifestFile* file(const std::string& path) const;
};

// Serializes a manifest (stable key order, files sorted by path).
std::string manifest_json(const Manifest& m);
// Reads a manifest; an error when the file is missing or broken.
Result<Manifest> read_manifest(const std::string& path);

}  // namespace qd
