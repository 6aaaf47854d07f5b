// Runs the parts of a build: copies the unchanged ones from the last build
// (same id, same digest, files still there) and renders the others, on
// `jobs` worker processes. Each part writes only its own files, so the result
// does not depend on the order or the number of workers.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/error.h"
#include "publish/manifest.h"
#include "writers/writer.h"

namespace qd {

// A part and the writer it belongs to.
struct PlannedPart {
  std::string writer;
  Part part;
};

struct ScheduleOptions {
  int jobs = 1;                      // worker processes (1: in this process)
  std::string previous_dir;          // the last published output/, or ""
  const Manifest* previous = nullptr;  // its manifest, or nullptr
  bool full = false;                 // render every part (--full)
  // Further builds to copy unchanged parts from (the outputs of shards).
  std::vector<std::pair<std::string, const Manifest*>> sources;
  // Called as parts finish: done so far, total, the part, rendered or copied.
  std::function<void(int done, int total, const PlannedPart&, bool rendered)> on_done;
};

// What the writers did, per writer (name → count or seconds).
struct ScheduleResult {
  std::vector<ManifestPart> parts;        // in plan order, with their files
  std::vector<bool> copied;               // per part: copied from an earlier build
  int rendered = 0, reused = 0;
  std::map<std::string, int> rendered_by_writer, reused_by_writer, files_by_writer;
  std::map<std::string, double> seconds_by_writer;  // summed rendering time
};

// Runs every part into ctx.output_dir (which must be empty of their files).
// The first failing part's error is returned after every worker has ended.
Result<ScheduleResult> run_parts(const std::vector<PlannedPart>& parts, const OutputContext& ctx,
                                 const ScheduleOptions& options);

// Runs n tasks on `jobs` forked worker processes (in this process when jobs
// is 1), biggest first as given by `order`; returns each task's result.
// A task returns the files it wrote; a crashed worker's task gets an error.
std::vector<Result<std::vector<std::string>>> run_tasks(
    int n, int jobs, const std::vector<int>& order,
    const std::function<Result<std::vector<std::string>>(int task)>& task,
    const std::function<void(int task, double seconds)>& finished);

}  // namespace qd
