// The publish stage: splits every output into parts (writers/writer.h),
// renders them or reuses last night's (publish/scheduler.h), checks that
// every file is whole, writes the manifest, commits the registry and swaps
// the new output in (publish/output_dir.h). Nothing is published unless all
// of it is; the registry never holds less than the published output shows.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"
#include "publish/build_log.h"
#include "publish/output_dir.h"
#include "registry/registry.h"

namespace qd {

// How to publish.
struct PublishOptions {
  std::string templates_dir;  // templates/ of the source tree or install
  std::string fonts_config;   // fonts/fonts.toml
  int jobs = 1;               // worker processes for rendering
  bool full = false;          // render everything, reuse nothing
  // A shard renders only the parts of departments d (settings order) with
  // d % shards == shard, and never commits the registry.
  int shard = 0, shards = 1;
  // Outputs (of shards) whose parts are copied when their digest is equal.
  std::vector<std::string> reuse_dirs;
  // Empty: every writer of a build. Else only that writer (`qingdan forms`),
  // with the rest of the last output carried over unchanged.
  std::string only;
};

// What was published.
struct Published {
  int rendered = 0, reused = 0;      // parts rendered / copied from the last build
  std::vector<std::string> written;  // files, relative to the output folder
};

// Publishes the catalog's outputs into `out`. `registry`: the registry of a
// build (nullptr for forms): it records the printed parts and is committed
// before the swap (undone when the swap does not happen). `new_version`:
// tonight made a new list version, so the reprint list is computed and saved
// with its change log (else the current version's, read by the history
// stage, stands).
Result<Published> publish_outputs(Catalog& catalog, const PublishOptions& options, OutputDir& out,
                                  BuildLog& log, Registry* registry = nullptr, bool new_version = false);

}  // namespace qd
