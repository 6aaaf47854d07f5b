#include "writers/review/findings_csv.h"

#include <filesystem>
#include <fstream>

#include "writers/csv.h"

namespace qd {

std::vector<Finding> sorted_findings(const Catalog& catalog) {
  Catalog tmp;
  tmp.findings = catalog.findings;
  tmp.sort_findings();
  return std::move(tmp.findings);
}

std::string findings_csv(const Catalog& catalog) {
  std::string out = std::string(csv::kBom) + kFindingsCsvHeader + "\r\n";
  for (const Finding& f : sorted_findings(catalog))
    out += csv::row({f.at.file, f.at.sheet, f.at.cell, f.rule, std::string(severity_id(f.severity)),
                     f.message});
  return out;
}

Status write_findings_csv(const Catalog& catalog, const OutputContext& ctx,
                          std::vector<std::string>* written) {
  namespace fs = std::filesystem;
  fs::path path = fs::path(ctx.output_dir) / kFindingsCsvPath;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return make_error(Place{path.string(), "", ""}, "无法创建文件夹：" + ec.message());
  std::string text = findings_csv(catalog);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return make_error(Place{path.string(), "", ""}, "写入文件失败");
  if (written) written->push_back(kFindingsCsvPath);
  return Ok{};
}

}  // namespace qd
