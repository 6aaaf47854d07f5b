// The output table: every writer with its name and summary.
#include "writers/writer.h"

#include "writers/forms/forms.h"
#include "writers/guides/guides.h"
#include "writers/leaders/leaders.h"
#include "writers/lists/lists.h"
#include "writers/notices/notices.h"
#include "writers/posters/posters.h"
#include "writers/reports/reports.h"
#include "writers/portal/portal.h"
#include "writers/review/review.h"

namespace qd {

namespace {

const WriterInfo kWriters[] = {
    {"lists", "公布的目录清单和实施清单（.xlsx）", write_lists, true},
    {"review", "审核报告、问题清单和报送情况", write_review, true},
    {"forms", "各部门预填的填报表格（.xlsx）", write_forms, true},
    {"guides", "各部门办事指南和全县汇编（.pdf）", write_guides, true},
    // After guides: appends the county booklet this build wrote.
    {"leaders", "领导汇报：主要数据、图表、审核和报送情况，附办事指南汇编（.pdf）", write_leaders, true},
    {"reports", "审核报告、报送情况通报和可编辑的办事指南（.docx）", write_reports, true},
    {"posters", "各大厅窗口的事项公示海报（.pdf）", write_posters, true},
    {"notices", "各事项的一次性告知单（.pdf）", write_notices, true},
    // After posters and notices: copies the notices in and links them.
    {"portal", "门户网站：事项页面、搜索和开放数据", write_portal, true},
};

}  // namespace

std::span<const WriterInfo> writers() { return kWriters; }

const WriterInfo* find_writer(std::string_view name) {
  for (const WriterInfo& w : kWriters)
    if (w.name == name) return &w;
  return nullptr;
}

}  // namespace qd
