#include "publish/manifest.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace qd {

using json = nlohmann::ordered_json;

const ManifestPart* Manifest::part(const std::string& id) const {
  for (const ManifestPart& p : parts)
    if (p.id == id) return &p;
  return nullptr;
}

const ManifestFile* Manifest::file(const std::string& path) const {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const ManifestFile& f, const std::string& p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

std::string manifest_json(const Manifest& m) {
  json o;
  o["county"] = m.county;
  o["build_date"] = m.build_date;
  o["version"] = m.version;
  if (m.registry_generation > 0) o["registry_generation"] = m.registry_generation;
  json files = json::array();
  std::vector<ManifestFile> sorted = m.files;
  std::sort(sorted.begin(), sorted.end(),
            [](const ManifestFile& a, const ManifestFile& b) { return a.path < b.path; });
  for (const ManifestFile& f : sorted)
    files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}, {"part", f.part}});
  o["files"] = std::move(files);
  json parts = json::array();
  for (const ManifestPart& p : m.parts)
    parts.push_back({{"id", p.id}, {"writer", p.writer}, {"made_from", p.made_from}, {"files", p.files}});
  o["parts"] = std::move(parts);
  return o.dump(1, '\t') + "\n";
}

Result<Manifest> read_manifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Place{path}, "没有上次构建的清单文件");
  std::stringstream ss;
  ss << in.rdbuf();
  json o = json::parse(ss.str(), nullptr, false);
  if (!o.is_object()) return make_error(Place{path}, "上次构建的清单文件无法解析");
  Manifest m;
  try {
    m.county = o.value("county", "");
    m.build_date = o.value("build_date", "");
    m.version = o.value("version", "");
    m.registry_generation = o.value("registry_generation", 0LL);
    for (const json& f : o.value("files", json::array()))
      m.files.push_back({f.at("path").get<std::string>(), f.at("size").get<long long>(),
                         f.at("sha256").get<std::string>(), f.value("part", "")});
    for (const json& p : o.value("parts", json::array()))
      m.parts.push_back({p.at("id").get<std::string>(), p.value("writer", ""),
                         p.at("made_from").get<std::string>(),
                         p.at("files").get<std::vector<std::string>>()});
  } catch (const json::exception&) {
    return make_error(Place{path}, "上次构建的清单文件格式不对");
  }
  std::sort(m.files.begin(), m.files.end(),
            [](const ManifestFile& a, const ManifestFile& b) { return a.path < b.path; });
  return m;
}

}  // namespace qd
