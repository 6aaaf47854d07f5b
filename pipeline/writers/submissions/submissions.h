// The submission status (报送情况), the basis of the office's 通报:
//   review/报送情况.xlsx        who handed in the forms, when, and whether on time;
//   reports/报送情况通报.docx   the notice in official-document form (GB/T
//                              9704): red issuing-body mark and line,
//                              涿审改办〔2017〕1号, body, signature, 版记, and
//                              the table of departments as its attachment.
// Both are dated by the data (Catalog::as_of()) and made from the whole
// catalog, as one part.
#pragma once

#include "docx/docx.h"
#include "office/report_settings.h"
#include "writers/writer.h"

namespace qd {


// Writes 报送情况 (序号, 部门, 是否报送, 报送日期, 截止日期, 是否按时, 填报人,
// 联系电话, 事项数, 错误数, 警告数, and a count line) and 未登记部门.
Status write_submission_sheet(const Catalog& catalog, const OutputContext& ctx,
                              std::vector<std::string>* written);

// The notice, for the writer and the tests.
docx::Document notice_document(const Catalog& catalog, Date date, const ReportSettings& rs);
// "涿审改办〔2017〕1号"
std::string notice_number(const ReportSettings& rs, Date date);

// Writes both.
Status write_submissions(const Catalog& catalog, const OutputContext& ctx,
                         std::vector<std::string>* written);

}  // namespace qd
