// review/findings.csv: every finding, one row each, for tools and tests.
#pragma once

#include "writers/writer.h"

namespace qd {

inline constexpr const char* kFindingsCsvPath = "review/findings.csv";
inline constexpr const char* kFindingsCsvHeader = "file,sheet,cell,rule,severity,message";

// Quotes a CSV field per RFC 4180 when it holds a comma, quote or line break.
std::string csv_field(std::string_view s);

// The findings sorted as Catalog::sort_findings() does, without changing
// the catalog.
std::vector<Finding> sorted_findings(const Catalog& catalog);

// The CSV text: header, then one CRLF-terminated row per sorted finding
// (UTF-8, no BOM).
std::string findings_csv(const Catalog& catalog);

// Writes review/findings.csv.
Status write_findings_csv(const Catalog& catalog, const OutputContext& ctx,
                          std::vector<std::string>* written);

}  // namespace qd
