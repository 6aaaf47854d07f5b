#include "writers/digests.h"

#include <algorithm>
#include <filesystem>

#include "base/build_id.h"
#include "base/sha256.h"
#include "model/item_json.h"

namespace qd {

namespace fs = std::filesystem;

namespace {

// Adds what an item prints beyond its content: its state and version.
void add_item_state(Sha256& h, const Item& it) {
  h.field(std::to_string(static_cast<int>(it.state)))
      .field(it.version.valid() ? it.version.iso() : "")
      .field(it.carried_over ? "沿用" : "")
      .field(it.renamed ? it.old_name : "");
}

}  // namespace

std::string program_identity() {
  std::string id = program_build_id();
  if (id.empty()) id = "sha256:" + sha256_file("/proc/self/exe");
  return id;
}

std::string tree_digest(const std::string& dir) {
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return "";
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(fs::relative(it->path(), dir, ec).string());
  std::sort(files.begin(), files.end());
  Sha256 h;
  for (const std::string& f : files)
    h.field(f).field(sha256_file((fs::path(dir) / f).string()));
  return h.hex();
}

Digests compute_digests(const Catalog& catalog, const DigestInputs& in) {
  Digests d;
  Sha256 base;
  base.field("qingdan-digest-1");
  base.field(in.program);
  base.field(tree_digest(in.templates_dir));
  base.field(in.fonts_config.empty() ? "" : sha256_file(in.fonts_config));
  for (const std::string& f : in.font_files) {
    std::error_code ec;
    auto size = fs::file_size(f, ec);
    auto mtime = fs::last_write_time(f, ec).time_since_epoch().count();
    base.field(f).field(std::to_string(ec ? 0 : size)).field(std::to_string(ec ? 0 : mtime));
  }
  base.field(catalog.settings.file.empty() ? "" : sha256_file(catalog.settings.file));
  d.base = base.hex();
  d.as_of = catalog.as_of().iso();

  // The whole catalog by content (not the input files' bytes: a workbook
  // saved again unchanged changes nothing).
  Sha256 all;
  // Not the build date: what the outputs print is dated by the list version
  // and as_of(), so an unchanged catalog renders nothing on the next night.
  all.field(d.base).field(d.as_of).field(catalog.version().iso());
  for (const Item& it : catalog.items) {
    Sha256 h;
    h.field(item_content_json(it));
    add_item_state(h, it);
    std::string digest = h.hex();
    d.items.emplace(&it, digest);
    all.field(digest).field(it.file).field(it.at.str()).field(std::to_string(it.errors))
        .field(std::to_string(it.warnings));
  }
  for (const Finding& f : catalog.findings)
    all.field(f.at.str()).field(f.rule).field(severity_id(f.severity)).field(f.message)
        .field(f.department).field(f.item);
  for (const Submission& s : catalog.submissions)
    all.field(s.department).field(s.file).field(s.readable ? "1" : "0").field(s.filler)
        .field(s.phone).field(s.date.iso()).field(s.date_at.str());
  for (const Decision& x : catalog.decisions)
    all.field(x.department).field(x.item).field(x.verdict).field(x.opinion).field(x.unit)
        .field(x.date.iso()).field(x.at.str());
  for (const ItemChange& ch : catalog.changes) {
    all.field(std::string(change_label(ch.kind))).field(ch.impl_code).field(ch.department).field(ch.name);
    for (const FieldChange& f : ch.fields) all.field(f.label).field(f.before).field(f.after);
  }
  all.field(catalog.changes_version.iso());
  d.catalog = all.hex();
  return d;
}

}  // namespace qd
