// The build's progress: lines for the terminal and the build log
// (<output>.builds/build.log), a status line that overwrites itself on a
// terminal, and the time each stage took.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace qd {

class BuildLog {
 public:
  // `quiet`: nothing on the terminal (the log file still gets every line).
  explicit BuildLog(bool quiet);
  ~BuildLog();
  BuildLog(const BuildLog&) = delete;
  BuildLog& operator=(const BuildLog&) = delete;

  // Appends to the build log at `path` from now on.
  void open(const std::string& path);
  // A line for the terminal and the log.
  void line(const std::string& text);
  // Ends the stage that has been running since the last call (or since the
  // log was made) under `name`; times() lists them.
  void stage(std::string_view name);
  // "读取 0.31，审核 0.12 …" (seconds per stage), for the last log line.
  const std::string& times() const { return times_; }
  // A status line that the next one overwrites (terminals only).
  void status(const std::string& text);

 private:
  // Clears an open status line.
  void end_status();

  bool quiet_;
  bool tty_;
  bool open_status_ = false;
  std::FILE* file_ = nullptr;
  std::chrono::steady_clock::time_point mark_ = std::chrono::steady_clock::now();
  std::string times_;
};

}  // namespace qd
