#include "writers/review/findings_csv.h"

#include <filesystem>
#include <fstream>

#include "base/files.h"
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
  const auto path = std::filesystem::path(ctx.output_dir) / kFindingsCsvPath;
  QD_TRY(write_file(path.string(), findings_csv(catalog)));
  if (written) written->push_back(kFindingsCsvPath);
  return Ok{};
}

}  // namespace qd
