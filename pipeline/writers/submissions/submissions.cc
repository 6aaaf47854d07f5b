#include "writers/submissions/submissions.h"

#include "xlsx_writer/book.h"
#include "model/counts.h"
#include "xlsx_writer/table.h"
#include "print/fonts.h"

namespace qd {

Status write_submission_sheet(const Catalog& catalog, const OutputContext& ctx,
                              std::vector<std::string>* written) {
  std::string title = catalog.settings.county + "政务服务事项报送情况（截至" +
                      catalog.as_of().chinese() + "）";
  xlsx::Book book;
  if (Status s = book.open(ctx.output_dir + "/" + kSubmissionsPath, xlsx::doc_info(catalog, title, catalog.as_of())); !s)
    return s;
  const std::string deadline = catalog.settings.deadline.valid() ? catalog.settings.deadline.iso() : "";

  xlsx::Table t;
  t.title = title;
  t.columns = {{"序号", 6, 6, false, true, true}, {"部门", 16, 40},
               {"是否报送", 10, 14, false, false, true}, {"报送日期", 12, 12, false, false, true},
               {"截止日期", 12, 12, false, false, true}, {"是否按时", 10, 12, false, false, true},
               {"填报人", 8, 12},  {"联系电话", 14, 16, true},
               {"事项数", 8, 8, false, true, true}, {"错误数", 8, 8, false, true, true},
               {"警告数", 8, 8, false, true, true}};
  const std::vector<SubmissionStatus> status = submission_status(catalog);
  int n = 0;
  for (const SubmissionStatus& s : status)
    t.rows.push_back({std::to_string(++n), s.department, s.state, s.date.valid() ? s.date.iso() : "",
                      deadline, s.on_time, s.filler, s.phone, std::to_string(s.items),
                      std::to_string(s.errors), std::to_string(s.warnings)});
  const SubmissionTotals tot = submission_totals(status);
  t.autofilter = true;
  t.landscape = true;
  t.paper = xlsx::kPaperA4;
  lxw_worksheet* ws = book.add_sheet("报送情况");
  int row = xlsx::write_table(book, ws, t);
  std::string note = "应报送" + std::to_string(tot.departments) + "个部门，已报送" +
                     std::to_string(tot.submitted) + "个" + tot.submitted_breakdown() + "，未报送" +
                     std::to_string(tot.missing) + "个，文件无法读取" +
                     std::to_string(tot.unreadable) + "个。";
  book.merge(ws, row + 1, 0, row + 1, static_cast<int>(t.columns.size()) - 1, note,
             book.format(xlsx::note_style()));

  xlsx::Table u;
  u.title = "未登记部门报送的文件";
  u.columns = {{"部门", 16, 40}, {"文件", 20, 50}, {"能否读取", 8, 10, false, false, true},
               {"报送日期", 12, 12, false, false, true}, {"填报人", 8, 12}, {"联系电话", 14, 16, true}};
  for (const Submission& s : catalog.submissions) {
    if (catalog.settings.department(s.department)) continue;
    u.rows.push_back({s.department, s.file, s.readable ? "能" : "不能",
                      s.date.valid() ? s.date.iso() : "", s.filler, s.phone});
  }
  u.empty_note = "（无）";
  u.paper = xlsx::kPaperA4;
  xlsx::write_table(book, book.add_sheet("未登记部门"), u);

  if (Status s = book.close(); !s) return s;
  if (written) written->push_back(kSubmissionsPath);
  return Ok{};
}

Status write_submissions(const Catalog& catalog, const OutputContext& ctx,
                         std::vector<std::string>* written) {
  QD_TRY(write_submission_sheet(catalog, ctx, written));
  ReportSettings rs = ReportSettings::defaults(catalog);
  rs.title_metrics = print::role_metrics(ctx.fonts_config, Role::Title);
  return office::save(notice_document(catalog, catalog.as_of(), rs), ctx.output_dir, kNoticeDocxPath, written);
}

}  // namespace qd
