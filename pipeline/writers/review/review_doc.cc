// reports/审核报告.docx
#include <algorithm>
#include <map>

#include "model/counts.h"
#include "office/blocks.h"
#include "writers/review/findings_csv.h"
#include "writers/review/review.h"
#include "writers/review/review_report.h"

namespace qd {

using office::numeral;

namespace {

constexpr const char* kNoDepartment = "（未归属部门）";

std::string dept_label(const Catalog& c, const std::string& d) {
  if (d.empty()) return kNoDepartment;
  return c.settings.department(d) ? d : d + "（未登记）";
}

std::string n(long v) { return std::to_string(v); }

// The place of a finding; the file is left out when it is the department's
// own workbook (<部门>.xlsx), which the section heading already names.
std::string where(const Finding& f) {
  std::string file = f.at.file.substr(f.at.file.find_last_of('/') + 1);
  if (!f.department.empty() && file == f.department + ".xlsx" && !f.at.sheet.empty()) {
    Place p = f.at;
    p.file.clear();
    return office::place_text(p);
  }
  return office::place_text(f.at);
}

}  // namespace

docx::Document review_document(const Catalog& catalog, Date date, const ReportSettings& rs) {
  docx::Document doc;
  doc.fonts = rs.fonts;
  const std::string title = catalog.settings.county + "政务服务事项审核报告";
  doc.properties = {title, "审核报告", rs.issuer, "", "政务服务事项 审核", date};
  doc.paragraph("Title", title);
  doc.paragraph("Subtitle", "（截至" + date.chinese() + "）");

  const std::vector<std::string> depts = review_departments(catalog);
  ReviewCounts total;
  std::vector<std::pair<std::string, ReviewCounts>> per_dept;
  for (const std::string& d : depts) {
    per_dept.emplace_back(d, review_counts(catalog, d));
    total += per_dept.back().second;
  }
  const std::vector<Finding> findings = sorted_findings(catalog);

  // 一、审核概况
  int section = 0;
  doc.paragraph("Heading1", numeral(++section) + "、审核概况");
  std::vector<std::string> with_items;
  for (const Item& it : catalog.items)
    if (std::find(with_items.begin(), with_items.end(), it.department) == with_items.end())
      with_items.push_back(it.department);
  doc.paragraph("Body", "截至" + date.chinese() + "，共读取" + n(static_cast<long>(with_items.size())) +
                            "个部门的" + n(total.items) + "个事项。审核发现错误" +
                            n(total.findings[0]) + "处、警告" + n(total.findings[1]) + "处、建议" +
                            n(total.findings[2]) + "处、通报" + n(total.findings[3]) + "处；公布事项" +
                            n(total.published) + "个，退回" + n(total.rejected) + "个，待审核" +
                            n(total.pending) + "个，取消" + n(total.retired) + "个。");
  doc.paragraph("Body", "错误须由部门改正后重新报送，改正前相关事项不予公布；警告和建议请部门核实后酌情修改；"
                        "通报事项由" + rs.short_issuer + "另行通报。");

  // 二、各部门审核情况
  doc.paragraph("Heading1", numeral(++section) + "、各部门审核情况");
  {
    std::vector<std::vector<std::string>> rows;
    auto row = [&](const std::string& label, const ReviewCounts& c) {
      std::vector<std::string> r = {label};
      for (long v : c.row()) r.push_back(n(v));
      rows.push_back(std::move(r));
    };
    for (const auto& [d, c] : per_dept) row(dept_label(catalog, d), c);
    row("合计", total);
    std::vector<double> w = {48};
    for (int i = 0; i < 9; ++i) w.push_back(12);
    std::vector<bool> centre(10, true);
    centre[0] = false;
    doc.add(office::table(w, {"部门", "错误", "警告", "建议", "通报", "事项", "公布", "退回", "待审", "取消"},
                           rows, 10.5, centre));
    docx::Paragraph note("Plain", "注：“事项”为读取的事项数，“待审”为待审核的事项数。");
    note.runs[0].size = 10.5;
    doc.add(note);
  }

  // 三、各规则问题情况
  doc.paragraph("Heading1", numeral(++section) + "、各规则问题情况");
  {
    std::vector<std::vector<std::string>> rows;
    int i = 0;
    for (const RuleCount& r : rule_counts(catalog))
      rows.push_back({n(++i), r.rule, std::string(severity_label(r.severity)), n(r.findings),
                      n(r.departments), n(r.items)});
    if (rows.empty())
      doc.paragraph("Body", "未发现问题。");
    else
      doc.add(office::table({12, 54, 18, 24, 24, 24}, {"序号", "规则", "级别", "问题数", "涉及部门数", "涉及事项数"},
                             rows, 10.5, {true, false, true, true, true, true}));
  }

  // 四、问题明细
  doc.paragraph("Heading1", numeral(++section) + "、问题明细");
  {
    int sub = 0;
    for (const std::string& d : depts) {
      std::vector<std::vector<std::string>> rows;
      int i = 0;
      for (const Finding& f : findings)
        if (f.department == d)
          rows.push_back({n(++i), where(f), f.rule,
                          std::string(severity_label(f.severity)), f.item, f.message});
      doc.paragraph("Heading2", "（" + numeral(++sub) + "）" + dept_label(catalog, d));
      if (rows.empty()) {
        doc.paragraph("Body", "未发现问题。");
        continue;
      }
      doc.add(office::table({11, 25, 35, 11, 24, 50}, {"序号", "位置", "规则", "级别", "事项", "说明"}, rows,
                             10.5, {true, false, false, true, false, false}));
    }
  }

  // 五、审核意见记录
  doc.paragraph("Heading1", numeral(++section) + "、审核意见记录");
  {
    // Decisions by item, departments in review order, items by first decision.
    std::vector<const Decision*> ds;
    for (const Decision& d : catalog.decisions) ds.push_back(&d);
    std::stable_sort(ds.begin(), ds.end(),
                     [](const Decision* a, const Decision* b) { return a->date < b->date; });
    int sub = 0;
    bool any = false;
    // 审核意见 are read per item: the report lists them by department.
    std::vector<std::string> order = depts;
    for (const Decision* d : ds)
      if (std::find(order.begin(), order.end(), d->department) == order.end())
        order.push_back(d->department);
    for (const std::string& dept : order) {
      std::vector<std::string> items;
      for (const Decision* d : ds)
        if (d->department == dept && std::find(items.begin(), items.end(), d->item) == items.end())
          items.push_back(d->item);
      if (items.empty()) continue;
      any = true;
      doc.paragraph("Heading2", "（" + numeral(++sub) + "）" + dept_label(catalog, dept));
      // One table per department; the item's cell spans its decisions.
      std::vector<std::vector<std::string>> rows;
      std::vector<bool> first;
      int k = 0;
      for (const std::string& item : items) {
        ++k;
        bool head = true;
        for (const Decision* d : ds) {
          if (d->department != dept || d->item != item) continue;
          rows.push_back({std::to_string(k) + "．" + item, d->date.valid() ? d->date.chinese() : "日期不详",
                          d->unit, d->verdict, d->opinion});
          first.push_back(head);
          head = false;
        }
      }
      docx::Table t = office::table({42, 35, 22, 11, 46}, {"事项", "日期", "审核单位", "结论", "审核意见"},
                                     rows, 10.5, {false, true, true, true, false});
      for (size_t r = 0; r < rows.size(); ++r) {
        docx::Cell& c = t.rows[r + 1].cells[0];
        const bool next_continues = r + 1 < rows.size() && !first[r + 1];
        if (!first[r]) {
          c.vmerge = docx::Cell::Merge::Continue;
          c.paragraphs = {docx::Paragraph("TableText", "")};
        } else if (next_continues) {
          c.vmerge = docx::Cell::Merge::Restart;
        }
      }
      doc.add(t);
    }
    if (!any) doc.paragraph("Body", "暂无审核意见。");
  }
  return doc;
}

}  // namespace qd
