// The review (集中审核) for the office and the departments:
//   review/findings.csv      every finding, one row each (tools, spreadsheets);
//   review/审核报告.xlsx      per department and per rule, every finding at its
//                            cell (review_report.h);
//   reports/审核报告.docx     the same as a report: summary per department and
//                            per rule, every finding with its place, each
//                            item's decision history.
// Dated by the data (Catalog::as_of()), made from the whole catalog, as one part.
#pragma once

#include "docx/docx.h"
#include "office/report_settings.h"
#include "writers/writer.h"

namespace qd {


// The review report as a document, for the writer and the tests.
docx::Document review_document(const Catalog& catalog, Date date, const ReportSettings& rs);

// Writes review/findings.csv, review/审核报告.xlsx and reports/审核报告.docx.
Status write_review(const Catalog& catalog, const OutputContext& ctx,
                    std::vector<std::string>* written);

}  // namespace qd
