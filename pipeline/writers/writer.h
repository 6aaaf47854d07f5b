// The table of outputs (pandoc-style): every writer is a function of the
// Catalog, the templates and the build date, nothing else. Adding an output
// is one writer and one row in writers().
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"

namespace qd {

// What a writer may use besides the catalog.
struct OutputContext {
  std::string output_dir;     // the build's output folder (files go in subfolders)
  std::string templates_dir;  // templates/ of the source tree or install
  Date build_date;            // the one build timestamp
  std::string fonts_config;   // fonts/fonts.toml: font files by role
};

// Writes one kind of output; appends the paths it wrote (relative to
// output_dir) to `written`.
using WriteFn = Status (*)(const Catalog& catalog, const OutputContext& ctx,
                           std::vector<std::string>* written);

// One row of the output table.
struct WriterInfo {
  std::string_view name;     // "lists", "review", "forms" …
  std::string_view summary;  // Chinese, for --help and logs
  WriteFn write;
  bool in_build;             // run by `qingdan build` (forms has its own command)
};

// Every output, in the order a build runs them.
std::span<const WriterInfo> writers();
// The writer of that name, or nullptr.
const WriterInfo* find_writer(std::string_view name);

}  // namespace qd
