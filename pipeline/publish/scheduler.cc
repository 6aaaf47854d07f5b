#include "publish/scheduler.h"

#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include "base/sha256.h"
#include "base/test_hooks.h"

namespace qd {

namespace fs = std::filesystem;

namespace {

constexpr char kSep = '\x1f';
// The error of a task no worker got to (they all ended abnormally).
constexpr const char* kNotRun = "未运行：渲染进程异常结束";

// Makes a message safe for the one-line records between processes.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\t' || c == kSep) c = ' ';
  return s;
}

// Splits on the record separator.
std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// Seconds since `start`.
double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Encodes a task's result as one line: "ok\ti\tseconds\tfiles" or
// "err\ti\tseconds\tfile␟sheet␟cell␟message".
std::string record(int i, double seconds, const Result<std::vector<std::string>>& r) {
  std::string line = (r.ok() ? "ok\t" : "err\t") + std::to_string(i) + "\t" + std::to_string(seconds) + "\t";
  if (r.ok()) {
    for (size_t k = 0; k < r->size(); ++k) line += (k ? std::string(1, kSep) : "") + one_line(r.value()[k]);
  } else {
    const Error& e = r.error();
    line += one_line(e.place.file) + kSep + one_line(e.place.sheet) + kSep + one_line(e.place.cell) +
            kSep + one_line(e.message);
  }
  return line + "\n";
}

// True for a path that stays inside the output folder: relative, with no
// empty, "." or ".." component.
bool inside(const std::string& rel) {
  if (rel.empty() || rel.front() == '/') return false;
  for (const auto& part : fs::path(rel)) {
    const std::string p = part.string();
    if (p.empty() || p == "." || p == "..") return false;
  }
  return true;
}

// Links (or copies) a file of the last build into the new one.
Status reuse_file(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  fs::create_hard_link(from, to, ec);
  if (ec) {
    ec.clear();
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  }
  if (ec) return make_error(Place{to.string()}, "无法沿用上次构建的文件：" + ec.message());
  return Ok{};
}

}  // namespace

std::vector<Result<std::vector<std::string>>> run_tasks(
    int n, int jobs, const std::vector<int>& order,
    const std::function<Result<std::vector<std::string>>(int)>& task,
    const std::function<void(int, double)>& finished) {
  std::vector<Result<std::vector<std::string>>> results(
      n, Result<std::vector<std::string>>(make_error(Place{}, kNotRun)));
  if (n == 0) return results;
  jobs = std::max(1, std::min(jobs, n));
  if (jobs == 1) {
    for (int i : order) {
      auto start = std::chrono::steady_clock::now();
      results[i] = task(i);
      if (finished) finished(i, since(start));
    }
    return results;
  }

  // The next task to take, shared by the workers.
  auto* next = static_cast<std::atomic<int>*>(
      mmap(nullptr, sizeof(std::atomic<int>), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  if (next == MAP_FAILED) return run_tasks(n, 1, order, task, finished);
  new (next) std::atomic<int>(0);
  // Hand the free pages of the heap back before forking. A worker's malloc
  // would otherwise carve its memory out of free chunks on pages it shares
  // with this process, and every first write to such a page is a
  // copy-on-write fault (a page copy and a TLB flush: 12-17 us on a VM).
  // Returned pages fault in as fresh zero pages instead.
  malloc_trim(0);
  std::fflush(nullptr);
  std::cout.flush();
  std::cerr.flush();

  struct Worker {
    pid_t pid = -1;
    int fd = -1;
    std::string buffer;
    int current = -1;  // the task it announced last
  };
  std::vector<Worker> workers;
  const pid_t parent = ::getpid();
  for (int j = 0; j < jobs; ++j) {
    int fds[2];
    if (pipe(fds) != 0) break;
    pid_t pid = fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      break;
    }
    if (pid == 0) {
      // A worker dies with the build that forked it: a killed build leaves
      // no worker rendering on (and holding the build folder) behind it.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) _exit(3);  // the parent died before prctl
      // A worker: takes tasks until none is left, reports each on its pipe.
      ::close(fds[0]);
      auto say = [&](const std::string& line) {
        for (size_t off = 0; off < line.size();) {
          ssize_t w = ::write(fds[1], line.data() + off, line.size() - off);
          if (w <= 0) _exit(3);
          off += static_cast<size_t>(w);
        }
      };
      for (;;) {
        int k = next->fetch_add(1);
        if (k >= n) break;
        int i = order[k];
        say("start\t" + std::to_string(i) + "\n");
        auto t0 = std::chrono::steady_clock::now();
        auto r = task(i);
        say(record(i, since(t0), r));
      }
      std::fflush(nullptr);
      _exit(0);
    }
    ::close(fds[1]);
    workers.push_back({pid, fds[0], "", -1});
  }
  if (workers.empty()) {
    munmap(next, sizeof(std::atomic<int>));
    return run_tasks(n, 1, order, task, finished);
  }

  // Reads the workers' records until every pipe is closed.
  auto handle = [&](Worker& w, const std::string& line) {
    auto cols = split(line, '\t');
    if (cols.size() < 2) return;
    int i = std::atoi(cols[1].c_str());
    if (i < 0 || i >= n) return;
    if (cols[0] == "start") {
      w.current = i;
      crash_point("working");  // (tests) the build dies while its workers render
      return;
    }
    if (cols.size() < 4) return;
    double seconds = std::atof(cols[2].c_str());
    if (cols[0] == "ok") {
      std::vector<std::string> files;
      if (!cols[3].empty()) files = split(cols[3], kSep);
      results[i] = files;
    } else {
      auto f = split(cols[3], kSep);
      f.resize(4);
      results[i] = make_error(Place{f[0], f[1], f[2]}, f[3]);
    }
    w.current = -1;
    if (finished) finished(i, seconds);
  };
  size_t open = workers.size();
  while (open > 0) {
    std::vector<pollfd> fds;
    for (Worker& w : workers)
      if (w.fd >= 0) fds.push_back({w.fd, POLLIN, 0});
    if (poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) break;
    for (Worker& w : workers) {
      if (w.fd < 0) continue;
      bool ready = false;
      for (const pollfd& p : fds)
        if (p.fd == w.fd && p.revents) ready = true;
      if (!ready) continue;
      char buf[65536];
      ssize_t got = ::read(w.fd, buf, sizeof buf);
      if (got <= 0) {
        ::close(w.fd);
        w.fd = -1;
        --open;
        continue;
      }
      w.buffer.append(buf, static_cast<size_t>(got));
      size_t nl;
      while ((nl = w.buffer.find('\n')) != std::string::npos) {
        std::string line = w.buffer.substr(0, nl);
        w.buffer.erase(0, nl + 1);
        handle(w, line);
      }
    }
  }
  for (Worker& w : workers) {
    int status = 0;
    waitpid(w.pid, &status, 0);
    if (w.current >= 0) {
      std::string how = WIFSIGNALED(status) ? "被信号 " + std::to_string(WTERMSIG(status)) + " 终止"
                                            : "退出码 " + std::to_string(WEXITSTATUS(status));
      results[w.current] = make_error(Place{}, "渲染进程异常结束（" + how + "）");
    }
  }
  munmap(next, sizeof(std::atomic<int>));
  return results;
}

Result<ScheduleResult> run_parts(const std::vector<PlannedPart>& parts, const OutputContext& ctx,
                                 const ScheduleOptions& o) {
  ScheduleResult result;
  const int total = static_cast<int>(parts.size());
  int done = 0;
  result.parts.resize(parts.size());
  result.copied.assign(parts.size(), false);
  std::vector<bool> pending(parts.size(), false);
  std::set<std::string> claimed;  // files copied so far: one part each

  // Reuse what has not changed.
  for (size_t i = 0; i < parts.size(); ++i) {
    const PlannedPart& p = parts[i];
    ManifestPart& mp = result.parts[i];
    mp.id = p.part.id;
    mp.writer = p.writer;
    mp.made_from = p.part.made_from;
    // The last build first, then the shards' outputs. A shard's files are
    // taken only when their bytes are those its manifest lists; the last
    // build's (this program's own output) when their sizes are.
    std::vector<std::pair<std::string, const Manifest*>> from;
    if (o.previous && !o.previous_dir.empty()) from.push_back({o.previous_dir, o.previous});
    from.insert(from.end(), o.sources.begin(), o.sources.end());
    const ManifestPart* before = nullptr;
    std::string source_dir;
    for (size_t k = 0; k < from.size(); ++k) {
      const auto& [dir, manifest] = from[k];
      if (o.full || !manifest) break;
      const bool shard = !(o.previous && k == 0 && dir == o.previous_dir);
      const ManifestPart* candidate = manifest->part(p.part.id);
      if (!candidate || candidate->made_from != p.part.made_from) continue;
      bool whole = true;
      std::error_code ec;
      for (const std::string& f : candidate->files) {
        const ManifestFile* mf = manifest->file(f);
        if (!mf || !inside(f) || claimed.count(f)) {
          whole = false;
          break;
        }
        auto size = fs::file_size(fs::path(dir) / f, ec);
        if (ec || static_cast<long long>(size) != mf->size) whole = false;
        else if (shard && sha256_file((fs::path(dir) / f).string()) != mf->sha256) whole = false;
        if (!whole) break;
      }
      if (whole) {
        before = candidate;
        source_dir = dir;
        break;
      }
    }
    if (!before) {
      pending[i] = true;
      continue;
    }
    for (const std::string& f : before->files) {
      claimed.insert(f);
      QD_TRY(reuse_file(fs::path(source_dir) / f, fs::path(ctx.output_dir) / f));
    }
    mp.files = before->files;
    result.copied[i] = true;
    ++result.reused;
    ++result.reused_by_writer[p.writer];
    result.files_by_writer[p.writer] += static_cast<int>(mp.files.size());
    if (o.on_done) o.on_done(++done, total, p, false);
  }

  // Render the rest, phase by phase, the costliest first.
  for (int phase = 0; phase <= 1; ++phase) {
    std::vector<int> index;  // task → part
    for (size_t i = 0; i < parts.size(); ++i)
      if (pending[i] && parts[i].part.phase == phase) index.push_back(static_cast<int>(i));
    std::vector<int> order(index.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return parts[index[a]].part.cost > parts[index[b]].part.cost;
    });
    auto results = run_tasks(
        static_cast<int>(index.size()), o.jobs, order,
        [&](int t) -> Result<std::vector<std::string>> {
          std::vector<std::string> written;
          Status s = parts[index[t]].part.render(ctx, &written);
          if (!s.ok()) return s.error();
          return written;
        },
        [&](int t, double seconds) {
          const PlannedPart& p = parts[index[t]];
          result.seconds_by_writer[p.writer] += seconds;
          if (o.on_done) o.on_done(++done, total, p, true);
        });
    // The first real error (a task that ran and failed) before any task
    // that never ran.
    for (int pass = 0; pass < 2; ++pass)
      for (size_t t = 0; t < index.size(); ++t) {
        if (results[t].ok() || (pass == 0 && results[t].error().message == kNotRun)) continue;
        Error e = results[t].error();
        if (e.place.file.empty()) e.place.file = parts[index[t]].part.id;
        return e;
      }
    for (size_t t = 0; t < index.size(); ++t) {
      const PlannedPart& p = parts[index[t]];
      result.parts[index[t]].files = results[t].value();
      ++result.rendered;
      ++result.rendered_by_writer[p.writer];
      result.files_by_writer[p.writer] += static_cast<int>(results[t]->size());
    }
  }
  return result;
}

}  // namespace qd
