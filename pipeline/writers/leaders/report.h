// The leaders' report laid out as pages (before any PDF): a cover, then one
// section after another from a table of section functions — 主要数据,
// 存在问题和下一步工作, 统计图表, 审核情况, 报送情况, 变更情况（动态调整）. A later section is one
// more function and one more row in report_sections(). render_report() replays
// the pages and charts into a PDF.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/flow.h"
#include "model/catalog.h"
#include "pdf/document.h"
#include "print/guide_template.h"
#include "writers/leaders/charts.h"
#include "writers/leaders/figures.h"

namespace qd {

// What every section reads.
struct ReportInput {
  const Catalog& catalog;
  const Figures& figures;
  const GuideTemplate& tmpl;  // page frame and text styles (templates/guide.xml)
  const layout::Fonts& fonts;
  Date date;                  // the date the data stands at (data_date())
};

// Where a section puts its content: the text flow (headings, paragraphs,
// tables) and charts placed in it.
class ReportFlow {
 public:
  ReportFlow(const GuideTemplate& tmpl, const layout::Fonts& fonts);

  layout::Flow& flow() { return flow_; }
  const layout::Fonts& fonts() const { return fonts_; }
  // Height left on the current page below what is placed (pending headings
  // placed first); the full type area at the top of a new page.
  double room();
  // Places a chart below what is placed, on a new page if it does not fit.
  void place(Chart chart);
  // Starts a page now (a chart's continuation).
  void new_page() { flow_.start_page(); }

  // The pages, with the charts on them (page index, chart).
  std::vector<layout::Page> take_pages() { return flow_.take(); }
  std::vector<std::pair<int, Chart>>& charts() { return charts_; }

 private:
  layout::Flow flow_;
  const layout::Fonts& fonts_;
  std::vector<std::pair<int, Chart>> charts_;
};

// One section: its bookmark title and the function that lays it out. Each
// section starts on a new page; its bookmark points there.
struct ReportSection {
  std::string_view title;  // "一、主要数据" — heading and bookmark
  void (*lay_out)(ReportFlow& out, const ReportInput& in, std::string_view title);
};

// 变更情况 lists the changed items one a row up to this many; more are
// counted per department (the change report has them all).
inline constexpr size_t kChangeRowsListed = 40;

// The sections in order.
std::span<const ReportSection> report_sections();

struct Report {
  std::vector<layout::Page> pages;
  std::vector<std::pair<int, Chart>> charts;  // page index, chart
  std::vector<pdf::Outline> outlines;         // one per section
  pdf::DocumentInfo info;
};

// "涿鹿县政务服务事项清单工作汇报"
std::string report_title(const Catalog& catalog);

// Lays out the cover and every section, with page numbers.
Report lay_out_report(const ReportInput& in);

// Replays the report into a PDF and returns its bytes.
Result<std::string> render_report(const Report& report, const layout::Frame& frame,
                                  const pdf::FontLibrary& fonts);

}  // namespace qd
