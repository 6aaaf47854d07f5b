#include "app/build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>

#include "base/sha256.h"
#include "base/test_hooks.h"
#include "codes/assign.h"
#include "history/history.h"
#include "publish/manifest.h"
#include "publish/output_dir.h"
#include "publish/registry_guard.h"
#include "publish/scheduler.h"
#include "writers/digests.h"
#include "registry/registry.h"
#include "ingest/ingest.h"
#include "ingest/settings.h"
#include "merge/merge.h"
#include "model/returns.h"
#include "validate/validate.h"
#include "writers/guides/guides.h"
#include "writers/posters/poster.h"
#include "writers/writer.h"
#include "print/fonts.h"

namespace fs = std::filesystem;

namespace qd {

namespace {

// Prints a progress line unless quiet.
void progress(const BuildOptions& o, const std::string& line) {
  if (!o.quiet) std::cerr << line << '\n';
}

// Loads the settings (--settings, else the input folder's county.toml) into
// a fresh catalog.
Result<Catalog> load(const BuildOptions& o) {
  auto settings = read_settings(settings_path(o));
  if (!settings.ok()) return settings.error();
  Catalog catalog;
  catalog.settings = std::move(settings.value());
  if (!o.registry_path.empty()) catalog.settings.registry_path = o.registry_path;
  catalog.build_date = o.build_date;
  return catalog;
}

// Opens the registry, creating its folder.
Result<std::unique_ptr<Registry>> open_registry(const std::string& path) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  auto reg = Registry::open(path);
  if (!reg.ok()) return make_error({path}, "无法打开编码库：" + reg.error().message);
  return reg;
}

// Counts the catalog's findings and items into the report.
void count(const Catalog& catalog, BuildReport* r) {
  r->items = static_cast<int>(catalog.items.size());
  for (const Item& it : catalog.items) r->published += it.state == ItemState::Published;
  for (const Finding& f : catalog.findings) {
    r->errors += f.severity == Severity::Error;
    r->warnings += f.severity == Severity::Warning;
  }
}

// Where the templates live when not given.
std::string templates_dir(const BuildOptions& o) {
  if (!o.templates_dir.empty()) return o.templates_dir;
  return (fs::path(resource_dir()) / "templates").string();
}

// Where the font configuration lives when not given.
std::string fonts_config(const BuildOptions& o) {
  if (!o.fonts_config.empty()) return o.fonts_config;
  return (fs::path(resource_dir()) / "fonts" / "fonts.toml").string();
}

// Writes the build's progress to the terminal (unless quiet) and the log.
class Log {
 public:
  Log(const BuildOptions& o) : o_(o), tty_(!o.quiet && isatty(STDERR_FILENO)) {}
  ~Log() {
    if (file_) std::fclose(file_);
  }
  // Appends to the build log beside the output folder from now on.
  void open(const std::string& path) {
    file_ = std::fopen(path.c_str(), "a");
    if (file_) std::fprintf(file_, "---- qingdan build（进程 %d）\n", static_cast<int>(getpid()));
  }
  // A line for the terminal and the log.
  void line(const std::string& text) {
    end_status();
    if (!o_.quiet) std::cerr << text << '\n';
    if (file_) std::fprintf(file_, "%s\n", text.c_str()), std::fflush(file_);
  }
  // Ends the stage that has been running since the last call (or since the
  // log was made) under `name`; times() lists them.
  void stage(std::string_view name) {
    auto now = std::chrono::steady_clock::now();
    char t[32];
    std::snprintf(t, sizeof t, " %.2f", std::chrono::duration<double>(now - mark_).count());
    times_ += (times_.empty() ? "" : "，") + std::string(name) + t;
    mark_ = now;
  }
  // "读取 0.31，审核 0.12 …" (seconds per stage), for the last log line.
  const std::string& times() const { return times_; }
  // A status line that the next one overwrites (terminals only).
  void status(const std::string& text) {
    if (!tty_) return;
    std::cerr << "\r\033[K" << text << std::flush;
    open_status_ = true;
  }

 private:
  void end_status() {
    if (open_status_) std::cerr << "\r\033[K";
    open_status_ = false;
  }
  const BuildOptions& o_;
  bool tty_;
  bool open_status_ = false;
  std::FILE* file_ = nullptr;
  std::chrono::steady_clock::time_point mark_ = std::chrono::steady_clock::now();
  std::string times_;
};

// The font files the outputs are drawn with (for the digests).
std::vector<std::string> font_files(const std::string& config) {
  std::vector<std::string> out;
  auto fonts = print::fonts(config);
  if (fonts.ok())
    for (const auto& f : fonts.value()->fonts()) out.push_back(f.path + "#" + std::to_string(f.index));
  return out;
}

// The printed parts of a build (posters, notices, guides) by id, with the
// digest of what each is made from, as JSON: the registry keeps it with the
// published list, so tomorrow's reprint list compares with what was really
// published (not with an output a crash left uncommitted).
constexpr const char* kPrintedPartsKey = "printed_parts";
std::string printed_parts_json(const std::vector<PlannedPart>& parts) {
  nlohmann::json o = nlohmann::json::object();
  for (const PlannedPart& p : parts)
    if (!p.part.reprint.empty()) o[p.part.id] = p.part.made_from;
  return o.dump();
}

// Which printed outputs a hall must reprint: the printed parts whose digest
// differs from the last published build's (`before`: printed_parts_json).
std::vector<Reprint> reprints(const std::vector<PlannedPart>& parts, const std::string& before) {
  nlohmann::json was = nlohmann::json::parse(before, nullptr, false);
  if (!was.is_object()) was = nlohmann::json::object();
  std::vector<Reprint> out;
  for (const PlannedPart& p : parts) {
    if (p.part.reprint.empty()) continue;
    auto old = was.find(p.part.id);
    if (old != was.end() && old->is_string() && old->get<std::string>() == p.part.made_from) continue;
    out.push_back({p.part.reprint, p.part.id, p.part.where});
  }
  return out;
}

// Checks a file of the build can be read back: PDFs end with %%EOF, zips
// (xlsx, docx) have their central directory, JSON is not empty.
bool looks_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string ext = path.extension().string();
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (ext == ".pdf" || ext == ".xlsx" || ext == ".docx") {
    if (size < 64) return false;
    std::string head(5, '\0'), tail(std::min<std::streamoff>(size, 1024), '\0');
    in.seekg(0);
    in.read(head.data(), 5);
    in.seekg(size - static_cast<std::streamoff>(tail.size()));
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    if (ext == ".pdf") return head == "%PDF-" && tail.find("%%EOF") != std::string::npos;
    return head.compare(0, 2, "PK") == 0 && tail.find("PK\x05\x06") != std::string::npos;
  }
  return true;
}

// Runs fn(0) … fn(n - 1) on up to `jobs` threads.
void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  const size_t threads = std::min<size_t>(n, static_cast<size_t>(std::max(1, jobs)));
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (std::thread& t : pool) t.join();
}

// A file of tonight's build, to be described in the manifest.
struct BuiltFile {
  std::string rel;   // path in the output folder
  std::string part;  // the part that made it
  bool reused;       // the part is the last build's, unchanged
};

// Describes the files for the manifest, in order: size and SHA-256. The
// digest is taken from the last manifest for a file copied unchanged, or from
// an earlier name of the same file (the portal links some files into a second
// place); the rest are read, on `jobs` threads.
std::vector<ManifestFile> describe_files(const fs::path& root, const std::vector<BuiltFile>& files,
                                         const Manifest* previous, int jobs) {
  std::vector<ManifestFile> out(files.size());
  std::vector<size_t> source(files.size());  // the file whose digest it takes
  std::vector<size_t> to_read;
  std::map<std::pair<dev_t, ino_t>, size_t> seen;  // inode → first file of it
  for (size_t i = 0; i < files.size(); ++i) {
    const BuiltFile& b = files[i];
    out[i] = {b.rel, 0, "", b.part};
    const std::string path = (root / b.rel).string();
    struct stat st {};
    const bool statted = ::stat(path.c_str(), &st) == 0;
    out[i].size = statted ? static_cast<long long>(st.st_size) : 0;
    const ManifestFile* before = (b.reused && previous) ? previous->file(b.rel) : nullptr;
    auto same = statted ? seen.find({st.st_dev, st.st_ino}) : seen.end();
    source[i] = i;
    if (before && before->size == out[i].size) out[i].sha256 = before->sha256;
    else if (same != seen.end()) source[i] = same->second;
    else to_read.push_back(i);
    if (statted && st.st_nlink > 1) seen.emplace(std::make_pair(st.st_dev, st.st_ino), source[i]);
  }
  parallel_for(to_read.size(), jobs, [&](size_t k) {
    out[to_read[k]].sha256 = sha256_file((root / files[to_read[k]].rel).string());
  });
  for (size_t i = 0; i < files.size(); ++i)
    if (source[i] != i) out[i].sha256 = out[source[i]].sha256;
  return out;
}

// Plans, renders (or copies) and publishes the outputs of `selected` writers.
// `reg`: the registry of a build (nullptr for forms), which keeps the
// printed parts, and which is committed before the output is swapped in
// (publish/registry_guard.h; a shard never commits it); `new_version`:
// tonight's changes make a new list version, whose reprint list is computed
// and saved (else the change log of the current version, read by
// apply_history, stands).
Status write_outputs(Catalog& catalog, const BuildOptions& o, bool build_writers,
                     std::string_view only, BuildReport* r, OutputDir& out, Log& log,
                     Registry* reg = nullptr, bool new_version = false) {
  auto staging = out.begin_staging();
  if (!staging.ok()) return staging.error();
  crash_point("staging");

  auto read_previous = read_manifest(out.output() + "/manifest.json");
  const Manifest* previous = read_previous.ok() ? &read_previous.value() : nullptr;
  std::error_code ec;
  // `forms` writes one folder and carries the rest of the last build over.
  if (!build_writers && fs::exists(out.output(), ec)) {
    for (const auto& e : fs::directory_iterator(out.output(), ec))
      if (e.path().filename() != "forms" && e.path().filename() != "manifest.json")
        fs::copy(e.path(), fs::path(*staging) / e.path().filename(), fs::copy_options::recursive, ec);
  }

  OutputContext ctx{*staging, templates_dir(o), catalog.build_date, fonts_config(o),
                    std::make_shared<const OutputPaths>(catalog)};
  Digests digests = compute_digests(
      catalog, {program_identity(), ctx.templates_dir, ctx.fonts_config, font_files(ctx.fonts_config)});
  log.stage("摘要");

  std::vector<PlannedPart> parts;
  std::vector<const WriterInfo*> selected;
  for (const WriterInfo& w : writers())
    if (build_writers ? w.in_build : w.name == only) selected.push_back(&w);
  // The change report lists the printed files that changed, so it is
  // planned after the others.
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1 && reg && new_version) {
      catalog.reprints = reprints(parts, reg->state(kPrintedPartsKey).value_or(""));
      QD_TRY(save_change_log(catalog, *reg));
    }
    for (const WriterInfo* w : selected) {
      if (w->plan_last != (pass == 1)) continue;
      auto planned = plan_parts(*w, catalog, ctx, digests);
      if (!planned.ok()) return planned.error();
      for (Part& p : planned.value()) parts.push_back({std::string(w->name), std::move(p)});
    }
  }
  if (reg) QD_TRY(reg->set_state(kPrintedPartsKey, printed_parts_json(parts)));
  if (o.shards > 1) {
    // A shard: only its departments' parts; the county's are the merge's.
    std::map<std::string, int> index;
    for (size_t d = 0; d < catalog.settings.departments.size(); ++d)
      index[catalog.settings.departments[d].name] = static_cast<int>(d);
    std::erase_if(parts, [&](const PlannedPart& p) {
      auto it = index.find(p.part.department);
      return p.part.department.empty() || it == index.end() || it->second % o.shards != o.shard;
    });
  }
  log.stage("规划");
  log.line("输出 " + std::to_string(parts.size()) + " 个部分，" + std::to_string(o.jobs) + " 个进程 …");

  ScheduleOptions so;
  so.jobs = o.jobs;
  so.full = o.full || !build_writers;
  if (previous) {
    so.previous = previous;
    so.previous_dir = out.output();
  }
  std::vector<Manifest> reuse;
  reuse.reserve(o.reuse_dirs.size());
  for (const std::string& dir : o.reuse_dirs) {
    auto m = read_manifest((fs::path(dir) / "manifest.json").string());
    if (!m.ok()) return make_error(Place{dir}, "无法读取分片输出的清单文件 manifest.json：" + m.error().message);
    reuse.push_back(std::move(m.value()));
  }
  for (size_t k = 0; k < reuse.size(); ++k) so.sources.push_back({o.reuse_dirs[k], &reuse[k]});
  so.on_done = [&](int done, int total, const PlannedPart& p, bool rendered) {
    log.status("[" + std::to_string(done) + "/" + std::to_string(total) + "] " +
               (rendered ? "渲染 " : "沿用 ") + p.part.id);
  };
  auto ran = run_parts(parts, ctx, so);
  if (!ran.ok()) {
    out.abandon();
    return ran.error();
  }
  log.stage("渲染");
  crash_point("rendered");
  for (const WriterInfo* w : selected) {
    std::string name(w->name);
    char line[200];
    std::snprintf(line, sizeof line, "  [%s] %d 个文件 %.3f 秒（渲染 %d 个部分，沿用 %d 个）",
                  name.c_str(), ran->files_by_writer[name], ran->seconds_by_writer[name],
                  ran->rendered_by_writer[name], ran->reused_by_writer[name]);
    log.line(line);
  }
  r->rendered = ran->rendered;
  r->reused = ran->reused;

  // The manifest, then a check that every file is there and whole.
  Manifest m;
  m.county = catalog.settings.county;
  m.build_date = catalog.build_date.iso();
  m.version = catalog.version().iso();
  fs::path root(*staging);
  std::vector<BuiltFile> built;
  std::vector<std::string> fresh;  // files rendered tonight, to be checked
  for (size_t i = 0; i < ran->parts.size(); ++i) {
    const ManifestPart& mp = ran->parts[i];
    const ManifestPart* before = previous ? previous->part(mp.id) : nullptr;
    bool reused = before && before->made_from == mp.made_from && !so.full;
    for (const std::string& f : mp.files) {
      built.push_back({f, mp.id, reused});
      r->written.push_back(f);
      if (!ran->copied[i]) fresh.push_back(f);
    }
    m.parts.push_back(mp);
  }
  // Files reused from the last build were checked when they were made, and
  // the scheduler found them at their recorded size.
  std::vector<char> whole(fresh.size());
  parallel_for(fresh.size(), o.jobs, [&](size_t k) { whole[k] = looks_whole(root / fresh[k]); });
  for (size_t k = 0; k < fresh.size(); ++k)
    if (!whole[k]) {
      out.abandon();
      return make_error(Place{fresh[k]}, "输出文件不完整，本次构建未发布，上次的输出保持不变");
    }

  // The registry is committed before the swap, so that the output never
  // shows a code the registry lacks; its journal undoes the published list
  // if the swap does not happen. The build keeps a copy of it.
  const bool commits = reg && o.shards <= 1;
  m.registry_generation = reg ? reg->generation() : (previous ? previous->registry_generation : 0);
  if (commits) {
    m.registry_generation = reg->generation() + 1;
    QD_TRY(reg->commit_build(m.registry_generation, catalog.build_date.iso()));
    crash_point("committed");
    fs::create_directories(root / fs::path(kRegistryCopyPath).parent_path(), ec);
    if (Status s = reg->save_copy((root / kRegistryCopyPath).string()); !s.ok()) {
      out.abandon();
      (void)reg->undo_journal();
      return s.error();
    }
    built.push_back({kRegistryCopyPath, kRegistryPart, false});
    m.parts.push_back({kRegistryPart, kRegistryPart, "", {kRegistryCopyPath}});
  }
  // Undoes the commit when the output is not published after all.
  auto not_published = [&](const Error& e) -> Status {
    if (commits) (void)reg->undo_journal();
    return e;
  };

  m.files = describe_files(root, built, previous, o.jobs);
  // `forms` carried the other writers' files over: so does the manifest.
  if (!build_writers && previous) {
    for (const ManifestPart& p : previous->parts) {
      if (p.writer == only) continue;
      m.parts.push_back(p);
      for (const std::string& f : p.files)
        if (const ManifestFile* mf = previous->file(f)) m.files.push_back(*mf);
    }
    std::sort(m.files.begin(), m.files.end(),
              [](const ManifestFile& a, const ManifestFile& b) { return a.path < b.path; });
  }
  log.stage("清单");
  {
    std::ofstream mf(root / "manifest.json", std::ios::binary | std::ios::trunc);
    mf << manifest_json(m);
    if (!mf) return not_published(make_error(Place{(root / "manifest.json").string()}, "无法写入清单文件"));
  }
  log.stage("核对");
  crash_point("publish");
  if (Status s = out.publish(previous ? previous->build_date : "earlier"); !s.ok())
    return not_published(s.error());
  log.stage("发布");
  crash_point("published");
  if (commits) QD_TRY(reg->forget_journal());
  return Ok{};
}

// The common front of build and forms: settings, ingest, validate, merge.
Result<Catalog> read_and_check(const BuildOptions& o, BuildReport* r, Log& log) {
  auto loaded = load(o);
  if (!loaded.ok()) return loaded.error();
  Catalog catalog = std::move(loaded.value());
  progress(o, "读取 " + o.input_dir + " …");
  IngestStats stats = ingest(o.input_dir, catalog);
  r->files = stats.files;
  r->unreadable = stats.unreadable;
  log.stage("读取");
  progress(o, "审核 " + std::to_string(catalog.items.size()) + " 个事项 …");
  validate(catalog);
  merge(catalog);
  log.stage("审核");
  return catalog;
}

}  // namespace

namespace {

// Ends a run with a usage or configuration error (exit code 2).
BuildReport& fail(BuildReport& r, const Error& e) {
  r.exit_code = 2;
  r.message = e.str();
  return r;
}

}  // namespace

namespace {

// True if `dir` holds the program's data: templates/ and fonts/fonts.toml.
bool has_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "templates", ec) && fs::is_regular_file(dir / "fonts" / "fonts.toml", ec);
}

}  // namespace

std::string resource_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // Installed: <prefix>/bin/qingdan with <prefix>/share/qingdan/, wherever
    // the tree was put (CMake's GNUInstallDirs, QD_DATA_FROM_BIN).
    const fs::path installed = (exe.parent_path() / QD_DATA_FROM_BIN).lexically_normal();
    if (has_data(installed)) return installed.string();
    // Built: build/qingdan in the source tree.
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.parent_path(); dir = dir.parent_path())
      if (has_data(dir)) return dir.string();
  }
  return fs::current_path(ec).string();
}

std::string settings_path(const BuildOptions& o) {
  if (!o.settings_path.empty()) return o.settings_path;
  return (fs::path(o.input_dir) / "county.toml").string();
}

std::string format_finding(const Finding& f) {
  std::string place = f.at.str();
  return (place.empty() ? std::string() : place + ": ") + std::string(severity_label(f.severity)) +
         " [" + f.rule + "] " + f.message;
}

// Takes the build lock of the output folder and opens the build log.
Status lock_output(OutputDir& out, Log& log) {
  int stale = 0;
  QD_TRY(out.lock(&stale));
  log.open(out.builds() + "/build.log");
  if (stale) log.line("已清除已退出的构建进程 " + std::to_string(stale) + " 留下的锁");
  return Ok{};
}

BuildReport run_build(const BuildOptions& o) {
  BuildReport r;
  OutputDir out(o.output_dir, o.keep_builds);
  Log log(o);
  if (Status s = lock_output(out, log); !s.ok()) return fail(r, s.error());
  // From here on, the reason a build fails goes to the log as well.
  auto failed = [&](const Error& e) -> BuildReport& {
    log.line("构建失败，本次未发布，上次的输出保持不变：" + e.str());
    return fail(r, e);
  };
  auto checked = read_and_check(o, &r, log);
  if (!checked.ok()) return failed(checked.error());
  Catalog& catalog = checked.value();

  // A shard only reads the registry; every other build checks it against
  // the published output and settles what a killed build left.
  std::string note;
  auto registry = o.shards > 1 ? open_registry(catalog.settings.registry_path)
                               : open_registry_for_build(catalog.settings.registry_path,
                                                         read_published_build(out.output()),
                                                         o.new_registry, &note);
  if (!registry.ok()) return failed(registry.error());
  if (!note.empty()) log.line(note);
  Registry& reg = *registry.value();
  if (Status s = reg.begin(); !s.ok()) return failed(s.error());
  // Every failure before the commit leaves the registry as it was.
  auto abandon = [&](const Error& e) -> BuildReport& {
    reg.rollback();
    return failed(e);
  };
  progress(o, "赋码 …");
  if (Status s = assign_codes(catalog, reg); !s.ok()) return abandon(s.error());
  fill_known_codes(catalog, reg);
  log.stage("赋码");
  crash_point("codes");
  // The last published list: versions, changes, and what is kept (沿用上期).
  auto history = apply_history(catalog, reg, poster_fields);
  if (!history.ok()) return abandon(history.error());
  const bool new_version = history.value();
  log.stage("比对上期");
  // Characters no installed font can print are findings (TEXT-CHARS), made
  // before the writers so the review report lists them.
  auto fonts = print::fonts(fonts_config(o));
  if (!fonts.ok()) return abandon(fonts.error());
  report_unprintable(catalog, [lib = fonts.value()](char32_t cp) { return print::printable(*lib, cp); });
  catalog.sort_findings();
  count(catalog, &r);
  r.returned = static_cast<int>(department_returns(catalog).size());
  log.stage("字符检查");

  // Renders, commits the registry, publishes (write_outputs).
  if (Status s = write_outputs(catalog, o, true, "", &r, out, log, &reg, new_version); !s.ok())
    return abandon(s.error());
  if (o.shards > 1) reg.rollback();  // a shard never writes the registry: the merge does
  log.line("各阶段用时（秒）：" + log.times());
  r.failed_departments = catalog.failed_departments;
  r.exit_code = (r.unreadable > 0 || !r.failed_departments.empty()) ? 1 : 0;
  return r;
}

BuildReport run_forms(const BuildOptions& o) {
  BuildReport r;
  OutputDir out(o.output_dir, o.keep_builds);
  Log log(o);
  if (Status s = lock_output(out, log); !s.ok()) return fail(r, s.error());
  auto checked = read_and_check(o, &r, log);
  if (!checked.ok()) return fail(r, checked.error());
  Catalog& catalog = checked.value();
  std::error_code ec;
  if (fs::exists(catalog.settings.registry_path, ec)) {
    auto registry = Registry::open(catalog.settings.registry_path);
    if (registry.ok()) fill_known_codes(catalog, *registry.value());
  }
  count(catalog, &r);
  if (Status s = write_outputs(catalog, o, false, "forms", &r, out, log); !s.ok()) return fail(r, s.error());
  r.exit_code = r.unreadable > 0 ? 1 : 0;
  return r;
}

BuildReport run_registry(const std::string& action, const BuildOptions& o, const std::string& from) {
  BuildReport r;
  std::string path = o.registry_path;
  if (path.empty()) {
    auto settings = read_settings(settings_path(o));
    if (!settings.ok()) return fail(r, settings.error());
    path = settings->registry_path;
  }
  OutputDir out(o.output_dir, o.keep_builds);
  if (action == "status") {
    std::cout << registry_status(path, out.output());
    return r;
  }
  Log log(o);
  if (Status s = lock_output(out, log); !s.ok()) return fail(r, s.error());
  auto restored = restore_registry(path, from.empty() ? out.output() : from);
  if (!restored.ok()) {
    log.line("恢复编码库失败：" + restored.error().str());
    return fail(r, restored.error());
  }
  log.line(restored.value());
  std::cout << restored.value() << '\n';
  return r;
}

BuildReport run_check(const std::vector<std::string>& files, const BuildOptions& o) {
  BuildReport r;
  Catalog catalog;
  catalog.build_date = o.build_date;
  const std::string& input_dir = o.input_dir;
  const std::string settings = settings_path(o);
  std::error_code ec;
  // Without settings the check still runs (no registered departments);
  // settings named with --settings must be there.
  if (fs::exists(settings, ec) || !o.settings_path.empty()) {
    auto read = read_settings(settings);
    if (!read.ok()) return fail(r, read.error());
    catalog.settings = std::move(read.value());
    // The reference lists give the power-list rules their context; the
    // other departments' workbooks are not read.
    IngestStats stats;
    ingest_references(input_dir, catalog, &stats);
  }
  for (const std::string& f : files) {
    ++r.files;
    if (!ingest_department_file(f, catalog)) ++r.unreadable;
  }
  validate(catalog);
  // Only what concerns the checked files: not the other departments'
  // missing submissions, nor problems of the reference files themselves.
  std::set<std::string> checked_departments, checked_files(files.begin(), files.end());
  for (const Submission& s : catalog.submissions) checked_departments.insert(s.department);
  std::erase_if(catalog.findings, [&](const Finding& f) {
    if (checked_files.count(f.at.file)) return false;
    return !checked_departments.count(f.department) || f.rule == "SUBMISSION-LATE";
  });
  catalog.sort_findings();
  count(catalog, &r);
  for (const Finding& f : catalog.findings) std::cout << format_finding(f) << '\n';
  r.exit_code = (r.unreadable > 0 || r.errors > 0) ? 1 : 0;
  return r;
}

}  // namespace qd
