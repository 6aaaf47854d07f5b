// The table of outputs (pandoc-style): every writer is a function of the
// Catalog, the templates and the build date, nothing else. Adding an output
// is one writer and one row in writers().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"
#include "paths/output_paths.h"

namespace qd {

// What a writer may use besides the catalog.
struct OutputContext {
  std::string output_dir;     // the build's output folder (files go in subfolders)
  std::string templates_dir;  // templates/ of the source tree or install
  Date build_date;            // the one build timestamp
  std::string fonts_config;   // fonts/fonts.toml: font files by role
  // Where each output goes (paths/output_paths.h), made from the catalog
  // once per build; every writer takes its paths from here.
  std::shared_ptr<const OutputPaths> paths;
};

// The paths of the build's outputs: ctx.paths, or, for a context made by
// hand (tests), the paths made from the catalog now.
std::shared_ptr<const OutputPaths> paths_of(const OutputContext& ctx, const Catalog& catalog);

// Writes one kind of output; appends the paths it wrote (relative to
// output_dir) to `written`.
using WriteFn = Status (*)(const Catalog& catalog, const OutputContext& ctx,
                           std::vector<std::string>* written);

// What outputs are made from, as SHA-256 digests (see digests.h): the
// nightly build compares a part's digest with last night's and copies the
// files instead of rendering them again when it is unchanged.
struct Digests {
  // The program, the templates, the fonts and the county settings.
  std::string base;
  // Everything: base, the build date, every input file, every item's codes,
  // version and state. What a whole-county output (lists, review) is made from.
  std::string catalog;
  // One item's published content, codes, version and state (not its cells).
  std::map<const Item*, std::string> items;
  // Catalog::as_of(): the date a part made of no items is dated by.
  std::string as_of;

  // The digest of an item (empty for an item not in the catalog).
  const std::string& item(const Item* it) const;
  // The digest of a part made from these items, the base and `extra`
  // (anything else it prints: a department's name, a hall's hours …).
  std::string of(std::string_view writer, std::string_view part,
                 const std::vector<const Item*>& items, std::string_view extra = {}) const;
};

// One unit of output: a file (or a few files made together) with the digest
// of what it is made from. Parts render independently of each other, in any
// order and in parallel worker processes.
struct Part {
  std::string id;         // unique in the build: the (first) path it writes
  std::string made_from;  // Digests: equal digest, equal files
  int phase = 0;          // 1: runs after all phase-0 parts (reads their files)
  double cost = 1;        // rough rendering cost (pages); big parts start first
  std::string department; // the department it belongs to (a shard renders
                          // only its departments' parts); "" for the county
  // A printed part (a hall prints it again when it changes): its kind as the
  // 待重印清单 names it (kReprintPoster, kReprintNotice, kReprintGuide) and
  // the hall or department it is printed for; "" for the other parts.
  std::string reprint;
  std::string where;
  std::function<Status(const OutputContext&, std::vector<std::string>* written)> render;
};

// Splits one kind of output into parts.
using PlanFn = Result<std::vector<Part>> (*)(const Catalog& catalog, const OutputContext& ctx,
                                             const Digests& digests);

// One row of the output table.
struct WriterInfo {
  std::string_view name;     // "lists", "review", "forms" …
  std::string_view summary;  // Chinese, for --help and logs
  WriteFn write;             // the whole output at once
  bool in_build;             // run by `qingdan build` (forms has its own command)
  PlanFn plan = nullptr;     // its parts; none: one part, `write`, made from
                             // Digests::catalog
  int phase = 0;             // the phase of the single part when plan is none
  bool plan_last = false;    // planned after the others (reads Catalog::reprints)
};

// Renders a plan's parts one after another in this process: the WriteFn of a
// writer that has a plan.
Status render_parts(const Result<std::vector<Part>>& parts, const OutputContext& ctx,
                    std::vector<std::string>* written);

// The parts of a writer: its plan, or one part that runs `write`.
Result<std::vector<Part>> plan_parts(const WriterInfo& writer, const Catalog& catalog,
                                     const OutputContext& ctx, const Digests& digests);

// Every output, in the order a build runs them.
std::span<const WriterInfo> writers();
// The writer of that name, or nullptr.
const WriterInfo* find_writer(std::string_view name);

}  // namespace qd
