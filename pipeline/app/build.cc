#include "app/build.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <system_error>
#include <unistd.h>

#include "codes/assign.h"
#include "codes/registry.h"
#include "ingest/ingest.h"
#include "ingest/settings.h"
#include "merge/merge.h"
#include "validate/validate.h"
#include "writers/guides/coverage.h"
#include "writers/guides/guides.h"
#include "writers/writer.h"

namespace fs = std::filesystem;

namespace qd {

namespace {

// Prints a progress line unless quiet.
void progress(const BuildOptions& o, const std::string& line) {
  if (!o.quiet) std::cerr << line << '\n';
}

// Loads the settings of the input folder into a fresh catalog.
Result<Catalog> load(const BuildOptions& o) {
  std::string path = (fs::path(o.input_dir) / "county.toml").string();
  auto settings = read_settings(path);
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

// Runs the writers selected by `want` into a staging folder beside the
// output folder, then swaps it in, so `output/` is always one whole build.
Status write_outputs(const Catalog& catalog, const BuildOptions& o, bool build_writers,
                     std::string_view only, BuildReport* r) {
  fs::path out = fs::absolute(o.output_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  fs::path staging = out.parent_path() / ("." + out.filename().string() + ".staging");
  std::error_code ec;
  fs::remove_all(staging, ec);
  // A build writes every output afresh, so nothing stale survives it (a
  // booklet of a department with no published items left, say). `forms`
  // writes one folder and carries the rest over from the current output.
  if (!build_writers && fs::exists(out, ec)) {
    fs::copy(out, staging, fs::copy_options::recursive, ec);
    if (ec) return make_error({staging.string()}, "无法准备输出目录：" + ec.message());
  }
  fs::create_directories(staging, ec);
  if (ec) return make_error({staging.string()}, "无法创建输出目录：" + ec.message());

  OutputContext ctx{staging.string(), templates_dir(o), catalog.build_date, fonts_config(o)};
  for (const WriterInfo& w : writers()) {
    if (build_writers ? !w.in_build : w.name != only) continue;
    progress(o, "写出 " + std::string(w.summary) + " …");
    // Durations are for the progress display only (a monotonic clock; the
    // outputs never see it). bench/run reads them.
    auto start = std::chrono::steady_clock::now();
    std::vector<std::string> written;
    Status s = w.write(catalog, ctx, &written);
    if (!s.ok()) return s;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[160];
    std::snprintf(line, sizeof line, "  [%s] %zu 个文件 %.3f 秒", std::string(w.name).c_str(),
                  written.size(), seconds);
    progress(o, line);
    r->written.insert(r->written.end(), written.begin(), written.end());
  }

  fs::path previous = out.parent_path() / ("." + out.filename().string() + ".previous");
  fs::remove_all(previous, ec);
  if (fs::exists(out)) {
    fs::rename(out, previous, ec);
    if (ec) return make_error({out.string()}, "无法替换输出目录：" + ec.message());
  }
  fs::rename(staging, out, ec);
  if (ec) {
    fs::rename(previous, out);
    return make_error({out.string()}, "无法发布输出目录：" + ec.message());
  }
  fs::remove_all(previous, ec);
  return Ok{};
}

// The common front of build and forms: settings, ingest, validate, merge.
Result<Catalog> read_and_check(const BuildOptions& o, BuildReport* r) {
  auto loaded = load(o);
  if (!loaded.ok()) return loaded.error();
  Catalog catalog = std::move(loaded.value());
  progress(o, "读取 " + o.input_dir + " …");
  IngestStats stats = ingest(o.input_dir, catalog);
  r->files = stats.files;
  r->unreadable = stats.unreadable;
  progress(o, "审核 " + std::to_string(catalog.items.size()) + " 个事项 …");
  validate(catalog);
  merge(catalog);
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

std::string resource_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path dir = exe.parent_path(); !ec && !dir.empty() && dir != dir.parent_path();
       dir = dir.parent_path()) {
    if (fs::exists(dir / "templates", ec) && fs::exists(dir / "fonts", ec)) return dir.string();
  }
  return fs::current_path(ec).string();
}

std::string format_finding(const Finding& f) {
  std::string place = f.at.str();
  return (place.empty() ? std::string() : place + ": ") + std::string(severity_label(f.severity)) +
         " [" + f.rule + "] " + f.message;
}

BuildReport run_build(const BuildOptions& o) {
  BuildReport r;
  auto checked = read_and_check(o, &r);
  if (!checked.ok()) return fail(r, checked.error());
  Catalog& catalog = checked.value();

  auto registry = open_registry(catalog.settings.registry_path);
  if (!registry.ok()) return fail(r, registry.error());
  Registry& reg = *registry.value();
  if (Status s = reg.begin(); !s.ok()) return fail(r, s.error());
  progress(o, "赋码 …");
  if (Status s = assign_codes(catalog, reg); !s.ok()) {
    reg.rollback();
    return fail(r, s.error());
  }
  fill_known_codes(catalog, reg);
  // Characters no installed font can print are findings (TEXT-CHARS), made
  // before the writers so the review report lists them.
  auto fonts = guide_fonts(fonts_config(o));
  if (!fonts.ok()) {
    reg.rollback();
    return fail(r, fonts.error());
  }
  report_uncovered_chars(catalog, *fonts.value());
  catalog.sort_findings();
  count(catalog, &r);

  if (Status s = write_outputs(catalog, o, true, "", &r); !s.ok()) {
    // Nothing was published: the registry stays as it was.
    reg.rollback();
    return fail(r, s.error());
  }
  if (Status s = reg.commit(); !s.ok()) return fail(r, s.error());
  r.exit_code = r.unreadable > 0 ? 1 : 0;
  return r;
}

BuildReport run_forms(const BuildOptions& o) {
  BuildReport r;
  auto checked = read_and_check(o, &r);
  if (!checked.ok()) return fail(r, checked.error());
  Catalog& catalog = checked.value();
  std::error_code ec;
  if (fs::exists(catalog.settings.registry_path, ec)) {
    auto registry = Registry::open(catalog.settings.registry_path);
    if (registry.ok()) fill_known_codes(catalog, *registry.value());
  }
  count(catalog, &r);
  if (Status s = write_outputs(catalog, o, false, "forms", &r); !s.ok()) return fail(r, s.error());
  r.exit_code = r.unreadable > 0 ? 1 : 0;
  return r;
}

BuildReport run_check(const std::vector<std::string>& files, const std::string& input_dir,
                      const Date& date) {
  BuildReport r;
  Catalog catalog;
  catalog.build_date = date;
  std::string settings_path = (fs::path(input_dir) / "county.toml").string();
  std::error_code ec;
  if (fs::exists(settings_path, ec)) {
    auto settings = read_settings(settings_path);
    if (!settings.ok()) return fail(r, settings.error());
    catalog.settings = std::move(settings.value());
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
