#include "app/build.h"

#include <filesystem>
#include <iostream>
#include <set>

#include "base/test_hooks.h"
#include "codes/assign.h"
#include "history/history.h"
#include "ingest/ingest.h"
#include "ingest/settings.h"
#include "merge/merge.h"
#include "model/returns.h"
#include "print/fonts.h"
#include "publish/build_log.h"
#include "publish/output_dir.h"
#include "publish/publish.h"
#include "publish/registry_guard.h"
#include "registry/registry.h"
#include "validate/validate.h"
#include "writers/posters/poster.h"

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

// How the publish stage runs for these options; `only`: one writer (forms).
PublishOptions publish_options(const BuildOptions& o, const std::string& only = "") {
  PublishOptions p;
  p.templates_dir = templates_dir(o);
  p.fonts_config = fonts_config(o);
  p.jobs = o.jobs;
  p.full = o.full;
  p.shard = o.shard;
  p.shards = o.shards;
  p.reuse_dirs = o.reuse_dirs;
  p.only = only;
  return p;
}

// Copies what the publish stage did into the report.
void report_published(const Published& p, BuildReport* r) {
  r->rendered = p.rendered;
  r->reused = p.reused;
  r->written = p.written;
}

// The common front of build and forms: settings, ingest, validate, merge.
Result<Catalog> read_and_check(const BuildOptions& o, BuildReport* r, BuildLog& log) {
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
Status lock_output(OutputDir& out, BuildLog& log) {
  int stale = 0;
  QD_TRY(out.lock(&stale));
  log.open(out.builds() + "/build.log");
  if (stale) log.line("已清除已退出的构建进程 " + std::to_string(stale) + " 留下的锁");
  return Ok{};
}

BuildReport run_build(const BuildOptions& o) {
  BuildReport r;
  OutputDir out(o.output_dir, o.keep_builds);
  BuildLog log(o.quiet);
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
  for (const std::string& m : report_empty_windows(catalog)) log.line("建议 [WINDOW-EMPTY] " + m);
  catalog.sort_findings();
  count(catalog, &r);
  r.returned = static_cast<int>(department_returns(catalog).size());
  log.stage("字符检查");

  // Renders, commits the registry, publishes.
  auto published = publish_outputs(catalog, publish_options(o), out, log, &reg, new_version);
  if (!published.ok()) return abandon(published.error());
  report_published(published.value(), &r);
  if (o.shards > 1) reg.rollback();  // a shard never writes the registry: the merge does
  log.line("各阶段用时（秒）：" + log.times());
  r.failed_departments = catalog.failed_departments;
  r.exit_code = (r.unreadable > 0 || !r.failed_departments.empty()) ? 1 : 0;
  return r;
}

BuildReport run_forms(const BuildOptions& o) {
  BuildReport r;
  OutputDir out(o.output_dir, o.keep_builds);
  BuildLog log(o.quiet);
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
  auto published = publish_outputs(catalog, publish_options(o, "forms"), out, log);
  if (!published.ok()) return fail(r, published.error());
  report_published(published.value(), &r);
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
  BuildLog log(o.quiet);
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
