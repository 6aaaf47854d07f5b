// The publish stage (see publish.h).
#include "publish/publish.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <thread>

#include "base/files.h"
#include "base/sha256.h"
#include "base/test_hooks.h"
#include "history/history.h"
#include "history/reprints.h"
#include "paths/output_paths.h"
#include "print/fonts.h"
#include "publish/manifest.h"
#include "publish/registry_guard.h"
#include "publish/scheduler.h"
#include "writers/digests.h"
#include "writers/writer.h"

namespace qd {

namespace fs = std::filesystem;

namespace {

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

// The font files the outputs are drawn with (for the digests).
std::vector<std::string> font_files(const std::string& config) {
  std::vector<std::string> out;
  auto fonts = print::fonts(config);
  if (fonts.ok())
    for (const auto& f : fonts.value()->fonts()) out.push_back(f.path + "#" + std::to_string(f.index));
  return out;
}

// The printed parts among the planned ones (posters, notices, guides).
std::vector<PrintedPart> printed_parts(const std::vector<PlannedPart>& parts) {
  std::vector<PrintedPart> out;
  for (const PlannedPart& p : parts)
    if (!p.part.reprint.empty()) out.push_back({p.part.id, p.part.made_from, p.part.reprint, p.part.where});
  return out;
}

// The writers a publish runs: a build's, or only `only`.
std::vector<const WriterInfo*> selected_writers(const std::string& only) {
  std::vector<const WriterInfo*> selected;
  for (const WriterInfo& w : writers())
    if (only.empty() ? w.in_build : w.name == only) selected.push_back(&w);
  return selected;
}

// Splits the selected writers' outputs into parts. The writers planned last
// (the change report, the leaders' report) print the reprint list, which
// compares the other writers' printed parts with the last published ones:
// on a night with a new list version it is set in the catalog between the
// two rounds and saved with the change log.
Result<std::vector<PlannedPart>> plan_outputs(Catalog& catalog, const OutputContext& ctx,
                                              const Digests& digests, const std::string& only,
                                              Registry* reg, bool new_version) {
  const std::vector<const WriterInfo*> selected = selected_writers(only);
  std::vector<PlannedPart> parts;
  auto plan = [&](bool last) -> Status {
    for (const WriterInfo* w : selected) {
      if (w->plan_last != last) continue;
      auto planned = plan_parts(*w, catalog, ctx, digests);
      if (!planned.ok()) return planned.error();
      for (Part& p : planned.value()) parts.push_back({std::string(w->name), std::move(p)});
    }
    return Ok{};
  };
  QD_TRY(plan(false));
  if (reg && new_version) {
    catalog.reprints = reprints_since(*reg, printed_parts(parts));
    QD_TRY(save_change_log(catalog, *reg));
  }
  QD_TRY(plan(true));
  if (reg) QD_TRY(record_printed_parts(*reg, printed_parts(parts)));
  return parts;
}

// A shard keeps only its departments' parts; the county's are the merge's.
void keep_shard(std::vector<PlannedPart>& parts, const Settings& settings, int shard, int shards) {
  std::map<std::string, int> index;
  for (size_t d = 0; d < settings.departments.size(); ++d)
    index[settings.departments[d].name] = static_cast<int>(d);
  std::erase_if(parts, [&](const PlannedPart& p) {
    auto it = index.find(p.part.department);
    return p.part.department.empty() || it == index.end() || it->second % shards != shard;
  });
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

// Renders (or copies) the parts into the staging folder; logs one line per
// writer.
Result<ScheduleResult> render_outputs(const std::vector<PlannedPart>& parts, const OutputContext& ctx,
                                      const PublishOptions& o, const Manifest* previous,
                                      const std::string& previous_dir, BuildLog& log) {
  ScheduleOptions so;
  so.jobs = o.jobs;
  so.full = o.full || !o.only.empty();
  if (previous) {
    so.previous = previous;
    so.previous_dir = previous_dir;
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
  if (!ran.ok()) return ran.error();
  for (const WriterInfo* w : selected_writers(o.only)) {
    const std::string name(w->name);
    char line[200];
    std::snprintf(line, sizeof line, "  [%s] %d 个文件 %.3f 秒（渲染 %d 个部分，沿用 %d 个）",
                  name.c_str(), ran->files_by_writer[name], ran->seconds_by_writer[name],
                  ran->rendered_by_writer[name], ran->reused_by_writer[name]);
    log.line(line);
  }
  return ran;
}

// The manifest's parts and the files to describe; fails when a file rendered
// tonight is not whole (files reused from the last build were checked when
// they were made, and the scheduler found them at their recorded size).
Status list_outputs(const ScheduleResult& ran, const fs::path& root, const Manifest* previous,
                    const PublishOptions& o, Manifest& m, std::vector<BuiltFile>& built,
                    Published& published) {
  std::vector<std::string> fresh;  // files rendered tonight, to be checked
  for (size_t i = 0; i < ran.parts.size(); ++i) {
    const ManifestPart& mp = ran.parts[i];
    const ManifestPart* before = previous ? previous->part(mp.id) : nullptr;
    const bool reused = before && before->made_from == mp.made_from && !o.full && o.only.empty();
    for (const std::string& f : mp.files) {
      built.push_back({f, mp.id, reused});
      published.written.push_back(f);
      if (!ran.copied[i]) fresh.push_back(f);
    }
    m.parts.push_back(mp);
  }
  std::vector<char> whole(fresh.size());
  parallel_for(fresh.size(), o.jobs, [&](size_t k) { whole[k] = looks_whole(root / fresh[k]); });
  for (size_t k = 0; k < fresh.size(); ++k)
    if (!whole[k]) return make_error(Place{fresh[k]}, "输出文件不完整，本次构建未发布，上次的输出保持不变");
  return Ok{};
}

// `qingdan forms` carries the other writers' parts and files over from the
// last manifest.
void carry_over(const Manifest& previous, const std::string& only, Manifest& m) {
  for (const ManifestPart& p : previous.parts) {
    if (p.writer == only) continue;
    m.parts.push_back(p);
    for (const std::string& f : p.files)
      if (const ManifestFile* mf = previous.file(f)) m.files.push_back(*mf);
  }
  std::sort(m.files.begin(), m.files.end(),
            [](const ManifestFile& a, const ManifestFile& b) { return a.path < b.path; });
}

// Copies the last output except `only`'s folder into staging (`qingdan
// forms` writes one folder and keeps the rest).
void copy_others(const std::string& output, const std::string& staging, const std::string& only) {
  std::error_code ec;
  if (!fs::exists(output, ec)) return;
  for (const auto& e : fs::directory_iterator(output, ec))
    if (e.path().filename() != only && e.path().filename() != "manifest.json")
      fs::copy(e.path(), fs::path(staging) / e.path().filename(), fs::copy_options::recursive, ec);
}

}  // namespace

Result<Published> publish_outputs(Catalog& catalog, const PublishOptions& o, OutputDir& out,
                                  BuildLog& log, Registry* reg, bool new_version) {
  auto staging = out.begin_staging();
  if (!staging.ok()) return staging.error();
  crash_point("staging");
  auto read_previous = read_manifest(out.output() + "/manifest.json");
  const Manifest* previous = read_previous.ok() ? &read_previous.value() : nullptr;
  if (!o.only.empty()) copy_others(out.output(), *staging, o.only);

  // Plan.
  OutputContext ctx{*staging, o.templates_dir, catalog.build_date, o.fonts_config,
                    std::make_shared<const OutputPaths>(catalog)};
  Digests digests = compute_digests(
      catalog, {program_identity(), ctx.templates_dir, ctx.fonts_config, font_files(ctx.fonts_config)});
  log.stage("摘要");
  auto parts = plan_outputs(catalog, ctx, digests, o.only, reg, new_version);
  if (!parts.ok()) return parts.error();
  if (o.shards > 1) keep_shard(*parts, catalog.settings, o.shard, o.shards);
  log.stage("规划");
  log.line("输出 " + std::to_string(parts->size()) + " 个部分，" + std::to_string(o.jobs) + " 个进程 …");

  // Render, then list and check what was made.
  auto ran = render_outputs(*parts, ctx, o, previous, out.output(), log);
  if (!ran.ok()) {
    out.abandon();
    return ran.error();
  }
  log.stage("渲染");
  crash_point("rendered");
  Published published;
  published.rendered = ran->rendered;
  published.reused = ran->reused;
  Manifest m;
  m.county = catalog.settings.county;
  m.build_date = catalog.build_date.iso();
  m.version = catalog.version().iso();
  const fs::path root(*staging);
  std::vector<BuiltFile> built;
  if (Status s = list_outputs(*ran, root, previous, o, m, built, published); !s.ok()) {
    out.abandon();
    return s.error();
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
    Status copied = make_folders((root / fs::path(kRegistryCopyPath).parent_path()).string());
    if (copied.ok()) copied = reg->save_copy((root / kRegistryCopyPath).string());
    if (!copied.ok()) {
      out.abandon();
      (void)reg->undo_journal();
      return copied.error();
    }
    built.push_back({kRegistryCopyPath, kRegistryPart, false});
    m.parts.push_back({kRegistryPart, kRegistryPart, "", {kRegistryCopyPath}});
  }
  // Undoes the commit when the output is not published after all.
  auto not_published = [&](const Error& e) -> Error {
    if (commits) (void)reg->undo_journal();
    return e;
  };

  // The manifest, then the swap.
  m.files = describe_files(root, built, previous, o.jobs);
  if (!o.only.empty() && previous) carry_over(*previous, o.only, m);
  log.stage("清单");
  if (Status s = write_file((root / "manifest.json").string(), manifest_json(m)); !s.ok())
    return not_published(s.error());
  log.stage("核对");
  crash_point("publish");
  if (Status s = out.publish(previous ? previous->build_date : "earlier"); !s.ok())
    return not_published(s.error());
  log.stage("发布");
  crash_point("published");
  if (commits) QD_TRY(reg->forget_journal());
  return published;
}

}  // namespace qd
