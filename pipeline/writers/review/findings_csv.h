// review/findings.csv: every finding, one row each, for tools and tests, and
// for the clerk who double-clicks it (written through writers/csv.h).
#pragma once

#include "writers/writer.h"

namespace qd {

inline constexpr const char* kFindingsCsvHeader = "file,sheet,cell,rule,severity,message";

// The findings sorted as Catalog::sort_findings() does, without changing
// the catalog.
std::vector<Finding> sorted_findings(const Catalog& catalog);

// The CSV text: byte order mark and header, then one CRLF-terminated row
// per sorted finding (UTF-8; a field that a spreadsheet would run as a
// formula starts with an apostrophe).
std::string findings_csv(const Catalog& catalog);

// Writes review/findings.csv.
Status write_findings_csv(const Catalog& catalog, const OutputContext& ctx,
                          std::vector<std::string>* written);

}  // namespace qd
