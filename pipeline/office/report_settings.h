// The office-documents kit: what the .docx documents (审核报告, 报送情况通报,
// the editable 办事指南) share besides docx itself — the words of the
// office that issues them, the fonts, and saving a document into the
// build's output.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "docx/docx.h"
#include "model/catalog.h"
#include "typeset/line.h"

namespace qd {

// What the documents need besides the catalog. The issuing body of the
// notice is not among the county settings (settings.office is who publishes
// the lists): it is set here.
struct ReportSettings {
  // The words that follow the division (县, 区, 市, 旗) are from the settings.
  std::string issuer;          // 涿鹿县人民政府推进职能转变协调小组办公室
  std::string short_issuer;    // 县审改办 / 区审改办 (in the body text)
  std::string number_prefix;   // 涿审改办 — 发文机关代字 ([county] document_prefix)
  int number = 1;              // 发文顺序号: the notice is the office's first of the year
  std::string recipients;      // 主送机关: 县直各有关部门 / 区直各有关部门
  std::string whole;           // 全县 / 全区 / 全市 / 全旗
  std::string government;      // 县政府 / 区政府
  std::string copy_to;         // 抄送机关 of the 版记: 县委办公室，县人大常委会办公室，县政府办公室，县政协办公室
  docx::FontNames fonts = docx::FontNames::defaults();
  // Widths of the title font (the printing kit's Role::Title), by which
  // titles are broken into balanced lines (office/titles.h); null: the
  // titles are left to the word processor.
  const ts::Metrics* title_metrics = nullptr;

  // The defaults for a county: "<县>人民政府推进职能转变协调小组办公室",
  // "县审改办", "<县的第一个字>审改办" (or the settings' document_prefix),
  // "县直各有关部门", "全县", "县政府" — with the settings' division word.
  static ReportSettings defaults(const Catalog& catalog);
};

namespace office {

// Saves a document as output_dir/rel and records the path in `written`.
Status save(const docx::Document& doc, const std::string& output_dir, const std::string& rel,
            std::vector<std::string>* written);

}  // namespace office

}  // namespace qd
