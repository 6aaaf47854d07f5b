// The build's progress on the terminal and in the build log (see build_log.h).
#include "publish/build_log.h"

#include <unistd.h>

#include <iostream>

namespace qd {

BuildLog::BuildLog(bool quiet) : quiet_(quiet), tty_(!quiet && isatty(STDERR_FILENO)) {}

BuildLog::~BuildLog() {
  if (file_) std::fclose(file_);
}

void BuildLog::open(const std::string& path) {
  file_ = std::fopen(path.c_str(), "a");
  if (file_) std::fprintf(file_, "---- qingdan build（进程 %d）\n", static_cast<int>(getpid()));
}

void BuildLog::line(const std::string& text) {
  end_status();
  if (!quiet_) std::cerr << text << '\n';
  if (file_) std::fprintf(file_, "%s\n", text.c_str()), std::fflush(file_);
}

void BuildLog::stage(std::string_view name) {
  auto now = std::chrono::steady_clock::now();
  char t[32];
  std::snprintf(t, sizeof t, " %.2f", std::chrono::duration<double>(now - mark_).count());
  times_ += (times_.empty() ? "" : "，") + std::string(name) + t;
  mark_ = now;
}

void BuildLog::status(const std::string& text) {
  if (!tty_) return;
  std::cerr << "\r\033[K" << text << std::flush;
  open_status_ = true;
}

void BuildLog::end_status() {
  if (open_status_) std::cerr << "\r\033[K";
  open_status_ = false;
}

}  // namespace qd
