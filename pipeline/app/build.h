// The stages of one run, in order: settings → ingest → validate → merge →
// codes → writers. `qingdan build`, `forms` and `check` are thin wrappers.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"

namespace qd {

// What a command was asked to do.
struct BuildOptions {
  std::string input_dir = "input";
  std::string output_dir = "output";
  std::string settings_path;   // default: <input_dir>/county.toml (settings_path())
  std::string templates_dir;   // default: templates/ of resource_dir()
  std::string fonts_config;    // default: fonts/fonts.toml of resource_dir()
  std::string registry_path;   // overrides the settings when set
  Date build_date;
  bool quiet = false;
  int jobs = 1;                // worker processes for rendering
  bool full = false;           // render everything, reuse nothing
  int keep_builds = 7;         // earlier builds kept in <output>.builds/
  // --shard I/N: render only the parts of the departments d (settings
  // order, 0-based) with d % N == I; the registry is read, never written.
  int shard = 0, shards = 1;
  // --reuse DIR: outputs (of shards) to copy parts with the same digest from.
  std::vector<std::string> reuse_dirs;
  // --new-registry: start from a missing, empty or older registry although
  // the output was published with another (codes may then move).
  bool new_registry = false;
};

// What a run did, for the exit code and the summary line.
struct BuildReport {
  int exit_code = 0;  // 0 done, 1 some input unreadable, 2 usage/configuration
  int files = 0, unreadable = 0;
  int items = 0, published = 0;
  int errors = 0, warnings = 0;
  std::vector<std::string> written;  // output files, relative to output_dir
  int rendered = 0, reused = 0;      // parts rendered / copied from the last build
  std::vector<std::string> failed_departments;  // kept their last published items
  int returned = -1;  // departments whose form goes back (退回修改); -1: not a build
  std::string message;               // a configuration error, if any
};

// The folder holding templates/ and fonts/fonts.toml, found from where the
// running binary is (/proc/self/exe), whatever the working directory:
// <prefix>/share/qingdan of an installed tree (<prefix>/bin/qingdan, moved
// anywhere), else the source tree the binary was built in (build/qingdan →
// ..), else the current directory.
std::string resource_dir();

// The settings file a run reads: --settings, else <input>/county.toml.
std::string settings_path(const BuildOptions& options);

// Runs every stage and every build writer.
BuildReport run_build(const BuildOptions& options);

// Reads the input and the registry, then writes the fill-in forms.
BuildReport run_forms(const BuildOptions& options);

// Reads and validates department workbooks on their own; prints findings.
// Uses options.input_dir (reference lists), the settings (when there are
// none, no registered departments are known) and options.build_date.
BuildReport run_check(const std::vector<std::string>& files, const BuildOptions& options);

// `qingdan registry restore`: puts back the registry from the copy kept in a
// build folder (`from`, default the output folder), under the build lock;
// `qingdan registry status`: says where the registry and the output stand.
// `action` is "restore" or "status"; the result's message holds what was done.
BuildReport run_registry(const std::string& action, const BuildOptions& options,
                         const std::string& from);

// One line for a finding, as the terminal shows it: "place: 错误 [RULE] message".
std::string format_finding(const Finding& f);

}  // namespace qd
