// The published output folder and the builds kept beside it:
//
//   output/                     the last complete build (a real folder)
//   output.builds/.lock         held (flock) by the running build; its pid
//   output.builds/.staging/     the build in progress
//   output.builds/<date>-<n>/   earlier builds, the newest `keep` of them
//
// A build renders into .staging, then swaps it with output/ in one atomic
// rename (renameat2 RENAME_EXCHANGE), so output/ is always one whole build,
// whatever moment the build is killed at.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace qd {

class OutputDir {
 public:
  // `output` is the published folder; `keep` how many earlier builds to keep.
  OutputDir(std::string output, int keep);
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // Takes the build lock. Fails when a live process holds it; a lock left by
  // a dead process is taken over, and `stale_pid` set to that process.
  Status lock(int* stale_pid = nullptr);
  // Creates an empty staging folder (removing what a killed build left).
  Result<std::string> begin_staging();
  // Publishes the staging folder as output/ and keeps the previous output as
  // output.builds/<name>; then removes the oldest kept builds beyond `keep`.
  Status publish(const std::string& previous_name);
  // Removes the staging folder (a failed build).
  void abandon();

  const std::string& output() const { return output_; }
  const std::string& builds() const { return builds_; }
  const std::string& staging() const { return staging_; }
  // The kept earlier builds, oldest first.
  std::vector<std::string> kept() const;

 private:
  std::string output_, builds_, staging_;
  int keep_;
  int lock_fd_ = -1;
};

// Renames `from` to `to` when `to` does not exist, else exchanges the two
// atomically (falling back to two renames on file systems without
// RENAME_EXCHANGE).
Status exchange_or_rename(const std::string& from, const std::string& to);

}  // namespace qd
