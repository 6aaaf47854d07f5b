#include "publish/output_dir.h"

#include "base/test_hooks.h"

#include <fcntl.h>
#include <pthread.h>
#include <linux/fs.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace qd {

namespace fs = std::filesystem;

namespace {

// The output path without a trailing slash, absolute and normal.
std::string normal(const std::string& path) {
  fs::path p = fs::absolute(path).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  return p.string();
}

// True when a kept build's name looks like <date>-<n> (not .lock or .staging).
bool is_kept_name(const std::string& name) { return !name.empty() && name[0] != '.'; }

// The build lock's descriptor, closed in every child process: a child that
// outlives a killed build (a worker, a converter) must not keep the lock.
int g_lock_fd = -1;

// pthread_atfork's child handler.
void close_lock_in_child() {
  if (g_lock_fd >= 0) ::close(g_lock_fd);
  g_lock_fd = -1;
}

// Syncs a folder's entries to disk (after renames in it).
void sync_dir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

OutputDir::OutputDir(std::string output, int keep)
    : output_(normal(output)),
      builds_(output_ + ".builds"),
      staging_(builds_ + "/.staging"),
      keep_(std::max(0, keep)) {}

// Releases the lock. The pid is cleared first, so that only a build that
// died holding the lock leaves its pid behind for the next one to report.
OutputDir::~OutputDir() {
  if (lock_fd_ < 0) return;
  if (g_lock_fd == lock_fd_) g_lock_fd = -1;
  if (::ftruncate(lock_fd_, 0) != 0) {
    // Left as it is: the next build then reports a stale lock, nothing worse.
  }
  ::close(lock_fd_);  // releases the flock
}

Status OutputDir::lock(int* stale_pid) {
  std::error_code ec;
  fs::create_directories(builds_, ec);
  if (ec) return make_error(Place{builds_}, "无法创建构建目录：" + ec.message());
  std::string path = builds_ + "/.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return make_error(Place{path}, std::string("无法打开构建锁：") + std::strerror(errno));
  char buf[32] = {0};
  ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  int holder = n > 0 ? std::atoi(buf) : 0;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    std::string who = holder > 0 ? "（进程 " + std::to_string(holder) + "）" : "";
    return make_error(Place{path}, "另一个构建正在进行" + who + "，本次构建未运行；请等它结束后再试");
  }
  // We hold the lock: a pid still written there belongs to a build that died
  // without releasing it (flock dies with its process), so the lock was stale.
  if (stale_pid) *stale_pid = (holder > 0 && holder != ::getpid()) ? holder : 0;
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    ::close(fd);
    return make_error(Place{path}, "无法写入构建锁");
  }
  lock_fd_ = fd;
  static const bool registered = (::pthread_atfork(nullptr, nullptr, close_lock_in_child), true);
  (void)registered;
  g_lock_fd = fd;
  return Ok{};
}

Result<std::string> OutputDir::begin_staging() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
  if (ec) return make_error(Place{staging_}, "无法清理上次未完成的构建：" + ec.message());
  fs::create_directories(staging_, ec);
  if (ec) return make_error(Place{staging_}, "无法创建输出目录：" + ec.message());
  return staging_;
}

Status exchange_or_rename(const std::string& from, const std::string& to) {
  std::error_code ec;
  if (!fs::exists(to, ec)) {
    if (::rename(from.c_str(), to.c_str()) != 0)
      return make_error(Place{to}, std::string("无法发布输出目录：") + std::strerror(errno));
    return Ok{};
  }
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0)
    return Ok{};
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return make_error(Place{to}, std::string("无法替换输出目录：") + std::strerror(errno));
  // No atomic exchange here: move the old folder aside, then the new one in.
  std::string aside = from + ".old";
  fs::remove_all(aside, ec);
  if (::rename(to.c_str(), aside.c_str()) != 0)
    return make_error(Place{to}, std::string("无法替换输出目录：") + std::strerror(errno));
  if (::rename(from.c_str(), to.c_str()) != 0) {
    int e = errno;
    ::rename(aside.c_str(), to.c_str());
    return make_error(Place{to}, std::string("无法发布输出目录：") + std::strerror(e));
  }
  if (::rename(aside.c_str(), from.c_str()) != 0) fs::remove_all(aside, ec);
  return Ok{};
}

Status OutputDir::publish(const std::string& previous_name) {
  std::error_code ec;
  bool had_output = fs::exists(output_, ec);
  QD_TRY(exchange_or_rename(staging_, output_));
  crash_point("exchanged");
  sync_dir(fs::path(output_).parent_path().string());
  if (had_output) {
    // The staging path now holds the previous build: keep it under its name.
    std::string kept = builds_ + "/" + previous_name;
    for (int n = 2; fs::exists(kept, ec); ++n) kept = builds_ + "/" + previous_name + "." + std::to_string(n);
    fs::rename(staging_, kept, ec);
    if (ec) fs::remove_all(staging_, ec);
    sync_dir(builds_);
  }
  std::vector<std::string> old = kept();
  for (size_t i = 0; i + keep_ < old.size(); ++i) fs::remove_all(builds_ + "/" + old[i], ec);
  return Ok{};
}

void OutputDir::abandon() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

std::vector<std::string> OutputDir::kept() const {
  std::vector<std::pair<fs::file_time_type, std::string>> found;
  std::error_code ec;
  for (auto it = fs::directory_iterator(builds_, ec); !ec && it != fs::end(it); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory(ec) && is_kept_name(name))
      found.push_back({fs::last_write_time(it->path(), ec), name});
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& f : found) out.push_back(f.second);
  return out;
}

}  // namespace qd
