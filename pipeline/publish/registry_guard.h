// Keeps the code registry and the published output in step, so that a
// published 实施编码 never names another item:
//
// - A build commits the registry (codes and published list) before it swaps
//   its output in, and keeps a journal of what the commit replaced in the
//   published list until the swap is done. At the next start the journal is
//   dropped when the output is that build's, and undone when it is not (the
//   build was killed in between); codes stay given either way.
// - Every build carries a consistent copy of the registry as it stood after
//   that build (registry/registry.sqlite, listed in its manifest with its
//   digest), and manifest.json records the registry's build generation.
// - A build refuses a registry that is missing, empty or older than the one
//   the published output was made with (exit 2), unless told to start a new
//   one (--new-registry); `qingdan registry restore` puts back the copy of
//   the latest build, losing nothing.
#pragma once

#include <memory>
#include <string>

#include "base/error.h"
#include "registry/registry.h"
#include "paths/output_paths.h"
#include "publish/manifest.h"

namespace qd {

// Its part in the manifest.
inline constexpr const char* kRegistryPart = "registry";

// What a build folder's manifest says about the registry it was made with.
struct PublishedBuild {
  bool exists = false;                // the folder holds a build (a manifest)
  std::string folder;                 // the build folder
  std::string build_date;             // YYYY-MM-DD
  long long registry_generation = 0;  // 0: not recorded (older builds)
  const ManifestFile* copy = nullptr; // its registry copy, when listed
  Manifest manifest;
};

// Reads a build folder's manifest (output/ or a kept build).
PublishedBuild read_published_build(const std::string& folder);

// Opens the registry for a build whose published output is `published`:
// refuses (an error) a registry that is missing, empty or older than the
// published one unless `new_registry`; then undoes or drops the journal a
// killed build left. `log` receives a line for what was done, if anything.
Result<std::unique_ptr<Registry>> open_registry_for_build(const std::string& path,
                                                          const PublishedBuild& published,
                                                          bool new_registry, std::string* log);

// Restores the registry at `path` from the copy in build folder `from`
// (checked against its manifest). Refuses when the registry there is not
// older than the copy. Returns a line saying what was restored.
Result<std::string> restore_registry(const std::string& path, const std::string& from);

// A few lines on the registry at `path` and the build folder `output`
// (`qingdan registry status`).
std::string registry_status(const std::string& path, const std::string& output);

}  // namespace qd
