// The .docx reports (issue 4 item 3), WordprocessingML written by qd_docx:
//   reports/审核报告.docx       — the review report for the 审改办: summary per
//                                department and per rule, every finding with
//                                its place, each item's decision history;
//   reports/报送情况通报.docx   — the submission-status notice in official-
//                                document form (GB/T 9704): red issuing-body
//                                mark and line, 涿审改办〔2017〕1号, body,
//                                signature, and the table of departments as
//                                its attachment;
//   guides/docx/<部门>办事指南.docx — each department's booklet content as an
//                                editable document (halls adapt it).
#pragma once

#include <string>
#include <vector>

#include "docx/docx.h"
#include "print/guide_template.h"
#include "writers/writer.h"

namespace qd {

inline constexpr const char* kReviewDocxPath = "reports/审核报告.docx";
inline constexpr const char* kNoticeDocxPath = "reports/报送情况通报.docx";

// What the reports need besides the catalog. The issuing body of the notice
// is not among the county settings (settings.office is who publishes the
// lists): it is set here.
struct ReportSettings {
  // The words that follow the division (县, 区, 市, 旗) are from the settings.
  std::string issuer;          // 涿鹿县人民政府推进职能转变协调小组办公室
  std::string short_issuer;    // 县审改办 / 区审改办 (in the body text)
  std::string number_prefix;   // 涿审改办 — 发文机关代字 ([county] document_prefix)
  int number = 1;              // 发文顺序号: the notice is the office's first of the year
  std::string recipients;      // 主送机关: 县直各有关部门 / 区直各有关部门
  std::string whole;           // 全县 / 全区 / 全市 / 全旗
  std::string government;      // 县政府 / 区政府
  docx::FontNames fonts = docx::FontNames::defaults();

  // The defaults for a county: "<县>人民政府推进职能转变协调小组办公室",
  // "县审改办", "<县的第一个字>审改办" (or the settings' document_prefix),
  // "县直各有关部门", "全县", "县政府" — with the settings' division word.
  static ReportSettings defaults(const Catalog& catalog);
};

// The documents, for the writer and the tests.
docx::Document review_document(const Catalog& catalog, Date date, const ReportSettings& rs);
docx::Document notice_document(const Catalog& catalog, Date date, const ReportSettings& rs);
// "涿审改办〔2017〕1号"
std::string notice_number(const ReportSettings& rs, Date date);
// One department's guide; `fields` are the field table's rows in the order
// of the booklet template (templates/guide.xml, elements.md §8).
docx::Document guide_document(const Catalog& catalog, const DepartmentInfo& dept,
                              const std::vector<GuideField>& fields, Date date,
                              const ReportSettings& rs);

// Writes the three kinds of documents.
// The review report and the notice (one part, made from the whole catalog
// and dated by the build), and one part per department's editable guide.
Result<std::vector<Part>> plan_reports(const Catalog& catalog, const OutputContext& ctx,
                                       const Digests& digests);
Status write_reports(const Catalog& catalog, const OutputContext& ctx,
                     std::vector<std::string>* written);

}  // namespace qd
