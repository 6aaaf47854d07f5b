#include "writers/review/review_report.h"

#include <algorithm>

#include "xlsx_writer/book.h"
#include "model/counts.h"
#include "writers/review/findings_csv.h"
#include "xlsx_writer/table.h"

namespace qd {

namespace {

constexpr std::string_view kNoDepartment = "（未归属部门）";

// The columns of a findings sheet, with 部门 first when `with_department`.
std::vector<xlsx::Column> finding_columns(bool with_department) {
  std::vector<xlsx::Column> cols;
  if (with_department) cols.push_back({"部门", 14, 24});
  cols.push_back({"位置", 20, 50});
  cols.push_back({"规则", 14, 18});
  cols.push_back({"级别", 6, 8, false, false, true});
  cols.push_back({"事项", 14, 24});
  cols.push_back({"说明", 30, 60});
  return cols;
}

// One row of a findings sheet.
std::vector<std::string> finding_row(const Finding& f, bool with_department) {
  std::vector<std::string> row;
  if (with_department) row.push_back(f.department.empty() ? std::string(kNoDepartment) : f.department);
  row.insert(row.end(), {f.at.str(), f.rule, std::string(severity_label(f.severity)), f.item,
                         f.message});
  return row;
}

}  // namespace

std::vector<std::string> review_departments(const Catalog& catalog) {
  std::vector<std::string> out;
  auto add = [&](const std::string& d) {
    if (!d.empty() && std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  };
  for (const DepartmentInfo& d : catalog.settings.departments) add(d.name);
  for (const Item& it : catalog.items) add(it.department);
  for (const Finding& f : catalog.findings) add(f.department);
  for (const Submission& s : catalog.submissions) add(s.department);
  if (std::any_of(catalog.findings.begin(), catalog.findings.end(),
                  [](const Finding& f) { return f.department.empty(); }))
    out.push_back("");
  return out;
}

Status write_review_report(const Catalog& catalog, const OutputContext& ctx,
                           std::vector<std::string>* written) {
  std::string title = catalog.settings.county + "政务服务事项审核报告（" +
                      catalog.as_of().chinese() + "）";
  xlsx::Book book;
  if (Status s = book.open(ctx.output_dir + "/" + kReviewReportPath, xlsx::doc_info(catalog, title, catalog.as_of()));
      !s)
    return s;
  const std::vector<Finding> findings = sorted_findings(catalog);
  const std::vector<std::string> depts = review_departments(catalog);

  // 汇总
  xlsx::Table sum;
  sum.title = title;
  sum.columns = {{"部门", 16, 40}};
  for (const char* label : {"错误", "警告", "建议", "通报", "读取事项", "公布", "退回", "待审核", "取消"})
    sum.columns.push_back(xlsx::Column{label, 8, 12, false, true, true});
  std::vector<long> total(9, 0);
  for (const std::string& d : depts) {
    const std::vector<long> n = review_counts(catalog, d).row();
    std::string name = d.empty() ? std::string(kNoDepartment) : d;
    if (!d.empty() && !catalog.settings.department(d)) name += "（未登记）";
    std::vector<std::string> row = {name};
    for (size_t i = 0; i < n.size(); ++i) {
      row.push_back(std::to_string(n[i]));
      total[i] += n[i];
    }
    sum.rows.push_back(std::move(row));
  }
  sum.total = {"合计"};
  for (long v : total) sum.total.push_back(std::to_string(v));
  sum.autofilter = false;
  xlsx::write_table(book, book.add_sheet("汇总"), sum);

  // One sheet per department.
  for (const std::string& d : depts) {
    const DepartmentInfo* info = catalog.settings.department(d);
    std::string name = d.empty() ? std::string(kNoDepartment) : d;
    lxw_worksheet* ws = book.add_sheet(name, info && !info->short_name.empty() ? info->short_name : name);
    xlsx::Table t;
    t.title = name + "审核问题";
    t.columns = finding_columns(false);
    for (const Finding& f : findings)
      if (f.department == d) t.rows.push_back(finding_row(f, false));
    t.empty_note = "（未发现问题）";
    xlsx::write_table(book, ws, t);
  }

  // 全部问题
  xlsx::Table all;
  all.title = catalog.settings.county + "政务服务事项审核问题（全部）";
  all.columns = finding_columns(true);
  for (const Finding& f : findings) all.rows.push_back(finding_row(f, true));
  all.empty_note = "（未发现问题）";
  xlsx::write_table(book, book.add_sheet("全部问题"), all);

  if (Status s = book.close(); !s) return s;
  if (written) written->push_back(kReviewReportPath);
  return Ok{};
}

}  // namespace qd
