#include "writers/leaders/report.h"

#include <algorithm>
#include <array>

#include "base/text.h"
#include "print/replay.h"
#include "model/counts.h"

namespace qd {

namespace {

using layout::Flow;
using layout::TextStyle;
using Align = ts::ParagraphStyle::Align;

TextStyle centered(TextStyle s) {
  s.align = Align::Center;
  s.indent = 0;
  s.justify = false;
  return s;
}

TextStyle no_indent(TextStyle s) {
  s.indent = 0;
  return s;
}

std::string items(int n) { return std::to_string(n) + "项"; }

// "占37.5%"
std::string share(int n, int total) { return "占" + percent(n, total); }

// The table style of the report: 10.5 pt body, 黑体 header.
layout::TableStyle table_style(const GuideTemplate& t) {
  layout::TableStyle s;
  s.text = t.table;
  s.header = t.table_header;
  s.header.justify = false;
  s.pad_y = 3;
  s.before = 4;
  s.after = 6;
  return s;
}

// A fixed column `n` characters wide at the table size.
double chars(const GuideTemplate& t, double n) { return -(n * t.table.size + 2 * 4 + 1); }

void section_heading(ReportFlow& out, const ReportInput& in, std::string_view title) {
  out.flow().heading(title, no_indent(in.tmpl.heading1));
}

// ---- 一、主要数据 -------------------------------------------------------------------

void lay_out_figures(ReportFlow& out, const ReportInput& in, std::string_view title) {
  const Figures& f = in.figures;
  const GuideTemplate& t = in.tmpl;
  section_heading(out, in, title);
  int depts_with_items = 0;
  const DepartmentFigures* top = nullptr;
  for (const DepartmentFigures& d : f.departments) {
    if (d.published > 0) ++depts_with_items;
    if (d.published > 0 && (!top || d.published > top->published)) top = &d;
  }
  const int registered = static_cast<int>(in.catalog.settings.departments.size());
  out.flow().paragraph("截至" + in.date.chinese() + "，全" + in.catalog.settings.division + "公布政务服务事项" + items(f.published) +
                           "，其中行政权力事项" + items(f.power) + "、公共服务事项" +
                           items(f.public_service) + "。",
                       t.body);

  layout::Table tb;
  TextStyle label = no_indent(t.table), value = centered(t.table), note = no_indent(t.table);
  label.justify = false;
  tb.widths = {chars(t, 8), chars(t, 7), 1};
  tb.columns = {label, value, note};
  tb.header = {"指标", "数值", "说明"};
  std::string kinds;
  for (size_t i = 0; i + 1 < f.by_kind.size(); ++i)
    kinds += (kinds.empty() ? "" : "，") + f.by_kind[i].label + items(f.by_kind[i].n);
  const int full_online = f.by_depth[3].n;
  const int online = f.by_depth[2].n + f.by_depth[3].n;
  const double cut = f.legal_days > 0 ? (f.legal_days - f.promised_days) / f.legal_days * 100 : 0;
  const int p = f.published;
  tb.rows = {
      {"公布事项", items(p),
       "涉及" + std::to_string(depts_with_items) + "个部门（共登记" + std::to_string(registered) +
           "个部门）" + (top ? "；最多的是" + top->name + "（" + items(top->published) + "）" : "")},
      {"行政权力事项", items(f.power), share(f.power, p) + "：" + kinds},
      {"公共服务事项", items(f.public_service), share(f.public_service, p)},
      {"设定依据明确", items(f.with_basis), share(f.with_basis, p) + "（写明法律法规名称及具体条款）"},
      {"平均法定办结时限", one_decimal(f.legal_days) + "个工作日",
       "按工作日计或即办的" + items(f.timed) + "事项的平均值（即办计0日）"},
      {"平均承诺办结时限", one_decimal(f.promised_days) + "个工作日",
       "同上" + items(f.timed) + "事项；较法定时限平均缩短" + one_decimal(cut) + "%"},
      {"即办件", items(f.instant), share(f.instant, p) + "（办件类型为即办件）"},
      {"零跑腿", items(f.zero_visits), share(f.zero_visits, p) + "（到办事现场0次）"},
      {"最多跑一次", items(f.at_most_one_visit),
       share(f.at_most_one_visit, p) + "（到办事现场不超过1次，含零跑腿）"},
      {"全程网办", items(full_online), share(full_online, p) + "（网上办理深度Ⅳ级）"},
      {"在线申办及以上", items(online), share(online, p) + "（网上办理深度Ⅲ级、Ⅳ级）"},
      {"申请材料", std::to_string(f.materials) + "份", "公布事项的申请材料合计"},
      {"可共享获取的材料", std::to_string(f.shareable_materials) + "份",
       share(f.shareable_materials, f.materials) + "，涉及" + items(f.items_with_shareable) +
           "事项：来源为政府部门核发，应通过数据共享获取，不再要求申请人提供"},
      {"审核事项", items(f.read),
       "公布" + items(f.published) + "，退回" + items(f.rejected) + "，待审核" + items(f.pending) +
           "，取消" + items(f.retired)},
      {"报送部门", std::to_string(f.submissions.submitted) + "个",
       "应报送" + std::to_string(f.submissions.departments) + "个，按时" +
           std::to_string(f.submissions.on_time) + "个，逾期" + std::to_string(f.submissions.late) + "个，" +
           (f.submissions.undated > 0 ? "报送日期不详" + std::to_string(f.submissions.undated) + "个，"
                                      : std::string()) +
           "未报送" + std::to_string(f.submissions.missing) + "个，文件无法读取" +
           std::to_string(f.submissions.unreadable) + "个"},
  };
  out.flow().table(tb, table_style(t));
}

// ---- 二、统计图表 -------------------------------------------------------------------

void lay_out_charts(ReportFlow& out, const ReportInput& in, std::string_view title) {
  section_heading(out, in, title);
  const layout::Frame& fr = in.tmpl.frame;
  ChartStyle style;
  std::vector<Count> per_dept;
  for (const DepartmentFigures& d : in.figures.departments)
    if (in.catalog.settings.department(d.name)) per_dept.push_back({d.short_name, d.published});
  // Largest first (ties in settings order): the chart reads as a ranking.
  std::vector<Count> kinds = in.figures.by_kind;
  for (std::vector<Count>* v : {&per_dept, &kinds})
    std::stable_sort(v->begin(), v->end(), [](const Count& a, const Count& b) { return a.n > b.n; });
  // Bars per department, continued on further pages when they do not fit.
  size_t done = 0;
  do {
    if (done > 0) out.new_page();
    const size_t rows = static_cast<size_t>(bar_rows_fitting(out.room(), style));
    const size_t n = std::min(per_dept.size() - done, rows);
    std::vector<Count> part(per_dept.begin() + static_cast<long>(done),
                            per_dept.begin() + static_cast<long>(done + n));
    out.place(horizontal_bars(done == 0 ? "图1　各部门公布事项数" : "图1　各部门公布事项数（续）",
                              part, "单位：项", fr.x0(), fr.width, out.fonts(), style));
    done += n;
  } while (done < per_dept.size());
  out.flow().space(12);
  out.place(columns("图2　公布事项按事项类型分布", kinds, "单位：项", fr.x0(), fr.width,
                    out.fonts(), style));
  out.flow().space(18);
  // 网上办理深度 is an ordered scale: Ⅰ to Ⅳ, then 未填写, not by value.
  out.place(columns("图3　公布事项按网上办理深度分布", in.figures.by_depth, "单位：项", fr.x0(),
                    fr.width, out.fonts(), style));
}

// ---- 三、审核情况 -------------------------------------------------------------------

void lay_out_review(ReportFlow& out, const ReportInput& in, std::string_view title) {
  const Figures& f = in.figures;
  const GuideTemplate& t = in.tmpl;
  section_heading(out, in, title);
  std::array<long, 4> by_severity{};
  for (const Finding& x : in.catalog.findings) ++by_severity[static_cast<size_t>(x.severity)];
  out.flow().paragraph("共读取事项" + items(f.read) + "，审核通过并公布" + items(f.published) +
                           "，退回修改" + items(f.rejected) + "，待审核" + items(f.pending) +
                           "，取消" + items(f.retired) + "。审核发现错误" +
                           std::to_string(by_severity[0]) + "条、警告" +
                           std::to_string(by_severity[1]) + "条，明细见审核报告。",
                       t.body);
  layout::Table tb;
  TextStyle c = centered(t.table), l = no_indent(t.table);
  l.justify = false;
  tb.widths = {chars(t, 2), 1, chars(t, 4), chars(t, 4), chars(t, 4), chars(t, 4), chars(t, 4)};
  tb.columns = {c, l, c, c, c, c, c};
  tb.header = {"序号", "部门", "读取", "公布", "退回", "待审核", "取消"};
  int n = 0;
  for (const DepartmentFigures& d : f.departments)
    tb.rows.push_back({std::to_string(++n), d.name, std::to_string(d.read), std::to_string(d.published),
                       std::to_string(d.rejected), std::to_string(d.pending), std::to_string(d.retired)});
  tb.rows.push_back({"", "合计", std::to_string(f.read), std::to_string(f.published),
                     std::to_string(f.rejected), std::to_string(f.pending), std::to_string(f.retired)});
  out.flow().table(tb, table_style(t));
}

// ---- 四、报送情况 -------------------------------------------------------------------

void lay_out_submissions(ReportFlow& out, const ReportInput& in, std::string_view title) {
  const Figures& f = in.figures;
  const GuideTemplate& t = in.tmpl;
  const SubmissionTotals& s = f.submissions;
  section_heading(out, in, title);
  out.flow().paragraph(
      (f.deadline.valid() ? "报送截止日期为" + f.deadline.chinese() + "。" : std::string()) + "应报送" +
          std::to_string(s.departments) + "个部门，已报送" + std::to_string(s.submitted) + "个" +
          s.submitted_breakdown() + "，未报送" + std::to_string(s.missing) + "个，文件无法读取" +
          std::to_string(s.unreadable) + "个。",
      t.body);
  layout::Table tb;
  TextStyle c = centered(t.table), l = no_indent(t.table);
  l.justify = false;
  tb.widths = {chars(t, 2), 1, chars(t, 6), chars(t, 8), chars(t, 5)};
  tb.columns = {c, l, c, c, c};
  tb.header = {"序号", "部门", "报送情况", "报送日期", "是否按时"};
  int n = 0;
  for (const DepartmentFigures& d : f.departments) {
    if (!in.catalog.settings.department(d.name)) continue;
    const SubmissionStatus& st = d.submission;
    tb.rows.push_back({std::to_string(++n), d.name, st.state, st.date.valid() ? st.date.iso() : "—",
                       st.on_time});
  }
  out.flow().table(tb, table_style(t));
}

// ---- 五、变更情况（动态调整） -------------------------------------------------------

// Text on one line: line breaks and tabs become spaces.
std::u32string one_line(std::string_view text) {
  std::u32string cps = utf8_decode(text);
  for (char32_t& c : cps)
    if (c == U'\n' || c == U'\r' || c == U'\t') c = U' ';
  return cps;
}

// An old and a new value as the table shows them: whole when both are
// short; else each from a few characters before where they first differ
// ("…" where cut), cut to the same length.
std::pair<std::string, std::string> shown_values(std::string_view before, std::string_view after) {
  constexpr size_t kChars = 30;   // each value cut to this
  constexpr size_t kContext = 6;  // kept before the first difference
  const std::u32string a = one_line(before), b = one_line(after);
  size_t same = 0;
  while (same < a.size() && same < b.size() && a[same] == b[same]) ++same;
  const size_t from = (a.size() > kChars || b.size() > kChars) && same > kContext ? same - kContext : 0;
  auto cut = [&](const std::u32string& s) {
    if (s.empty()) return std::string("（空）");
    std::u32string r = from > 0 ? U"…" + s.substr(from) : s;
    if (r.size() > kChars) {
      r.resize(kChars - 1);
      r += U'…';
    }
    return utf8_encode(r);
  };
  return {cut(a), cut(b)};
}

// The 变更内容 cell of a change: the changed values, old → new, one a line.
std::string change_content(const ItemChange& ch) {
  constexpr size_t kFieldsShown = 3;  // then "等N处调整"
  if (ch.kind == ItemChange::Kind::Added) return "新增事项";
  if (ch.kind == ItemChange::Kind::Retired) return "取消事项";
  if (ch.fields.empty()) return "内容调整";
  std::string out;
  for (size_t i = 0; i < ch.fields.size() && i < kFieldsShown; ++i) {
    const FieldChange& f = ch.fields[i];
    const auto [was, now] = shown_values(f.before, f.after);
    out += (i ? "\n" : "") + f.label + "：" + was + " → " + now;
  }
  if (ch.fields.size() > kFieldsShown)
    out += "\n等" + std::to_string(ch.fields.size()) + "处调整，详见变更情况表";
  return out;
}

// The short name of a registered department (short_of), or its name.
std::string short_name(const Catalog& c, const std::string& dept) {
  const DepartmentInfo* d = c.settings.department(dept);
  return d ? short_of(*d, c.settings.county) : dept;
}

// The departments named by `names` (any order, repeats allowed): those of
// the settings in their order, then the others as they first appear.
std::vector<std::string> in_settings_order(const Catalog& c, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const DepartmentInfo& d : c.settings.departments)
    if (std::find(names.begin(), names.end(), d.name) != names.end()) out.push_back(d.name);
  for (const std::string& n : names)
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  return out;
}

// The list of changes, one row per item, or (when that would be long) the
// counts per department.
void lay_out_change_list(ReportFlow& out, const ReportInput& in) {
  const GuideTemplate& t = in.tmpl;
  const std::vector<ItemChange>& changes = in.catalog.changes;
  TextStyle c = centered(t.table), l = no_indent(t.table);
  l.justify = false;
  layout::Table tb;
  if (changes.size() <= kChangeRowsListed) {
    tb.widths = {chars(t, 6), 1, chars(t, 4), 2.2};
    tb.columns = {l, l, c, l};
    tb.header = {"部门", "事项名称", "变更类型", "变更内容"};
    for (const ItemChange& ch : changes)
      tb.rows.push_back({short_name(in.catalog, ch.department), ch.name,
                         std::string(change_label(ch.kind)), change_content(ch)});
    out.flow().table(tb, table_style(t));
    return;
  }
  out.flow().paragraph("变更事项较多，按部门汇总如下，逐项明细详见变更情况表。", t.body);
  std::vector<std::string> names;
  for (const ItemChange& ch : changes) names.push_back(ch.department);
  tb.widths = {chars(t, 2), 1, chars(t, 4), chars(t, 4), chars(t, 4), chars(t, 4)};
  tb.columns = {c, l, c, c, c, c};
  tb.header = {"序号", "部门", "新增", "调整", "取消", "合计"};
  int n = 0;
  for (const std::string& dept : in_settings_order(in.catalog, names)) {
    std::vector<ItemChange> mine;
    for (const ItemChange& ch : changes)
      if (ch.department == dept) mine.push_back(ch);
    const ChangeCounts k = count_changes(mine);
    tb.rows.push_back({std::to_string(++n), dept, std::to_string(k.added), std::to_string(k.changed),
                       std::to_string(k.retired), std::to_string(mine.size())});
  }
  const ChangeCounts k = count_changes(changes);
  tb.rows.push_back({"", "合计", std::to_string(k.added), std::to_string(k.changed),
                     std::to_string(k.retired), std::to_string(changes.size())});
  out.flow().table(tb, table_style(t));
}

// The printed files to reprint: totals, then per hall or department.
void lay_out_reprints(ReportFlow& out, const ReportInput& in) {
  const GuideTemplate& t = in.tmpl;
  const std::vector<Reprint>& reprints = in.catalog.reprints;
  const std::array<const char*, 3> kinds{kReprintPoster, kReprintNotice, kReprintGuide};
  auto count = [&](const std::string& where, const char* kind) {
    return std::count_if(reprints.begin(), reprints.end(), [&](const Reprint& r) {
      return r.kind == kind && (where.empty() || r.where == where);
    });
  };
  if (reprints.empty()) {
    out.flow().paragraph("本期没有需要重印的海报、一次性告知单和办事指南。", t.body);
    return;
  }
  out.flow().paragraph("待重印：" + std::to_string(count("", kReprintPoster)) + "张窗口海报、" +
                           std::to_string(count("", kReprintNotice)) + "份一次性告知单、" +
                           std::to_string(count("", kReprintGuide)) +
                           "本办事指南。各大厅和部门的数量如下，文件清单见变更情况表的“待重印清单”。",
                       t.body);
  // Halls (posters) first, then departments, each as first named.
  std::vector<std::string> places;
  for (bool posters : {true, false})
    for (const Reprint& r : reprints)
      if ((r.kind == kReprintPoster) == posters &&
          std::find(places.begin(), places.end(), r.where) == places.end())
        places.push_back(r.where);
  TextStyle c = centered(t.table), l = no_indent(t.table);
  l.justify = false;
  layout::Table tb;
  tb.widths = {chars(t, 2), 1, chars(t, 5), chars(t, 6), chars(t, 5)};
  tb.columns = {c, l, c, c, c};
  tb.header = {"序号", "大厅或部门", "窗口海报", "一次性告知单", "办事指南"};
  int n = 0;
  for (const std::string& where : places) {
    std::vector<std::string> row{std::to_string(++n), where};
    for (const char* kind : kinds) {
      const long k = count(where, kind);
      row.push_back(k ? std::to_string(k) : "—");
    }
    tb.rows.push_back(std::move(row));
  }
  std::vector<std::string> total{"", "合计"};
  for (const char* kind : kinds) total.push_back(std::to_string(count("", kind)));
  tb.rows.push_back(std::move(total));
  out.flow().table(tb, table_style(t));
}

// The departments whose last published items stay published (沿用上期).
// `heading`: its sub-heading, or none.
void lay_out_carried_over(ReportFlow& out, const ReportInput& in, std::string_view heading) {
  std::vector<std::string> depts;
  for (const Item* it : in.catalog.published())
    if (it->carried_over) depts.push_back(it->department);
  if (depts.empty()) return;
  std::string list;
  for (const std::string& d : in_settings_order(in.catalog, depts)) {
    const auto n = std::count(depts.begin(), depts.end(), d);
    const auto& failed = in.catalog.failed_departments;
    list += (list.empty() ? "" : "；") + d + std::to_string(n) + "项" +
            (std::find(failed.begin(), failed.end(), d) != failed.end()
                 ? "（本期填报文件无法读取或事项均未通过审核）"
                 : "（本期该事项未通过审核或未填报）");
  }
  if (!heading.empty()) out.flow().heading(heading, no_indent(in.tmpl.heading2));
  out.flow().paragraph("共" + items(static_cast<int>(depts.size())) + "事项沿用上期已公布的版本继续公布，涉及" +
                           std::to_string(in_settings_order(in.catalog, depts).size()) + "个部门：" + list + "。",
                       in.tmpl.body);
}

void lay_out_changes(ReportFlow& out, const ReportInput& in, std::string_view title) {
  const GuideTemplate& t = in.tmpl;
  const Catalog& cat = in.catalog;
  section_heading(out, in, title);
  const ChangeCounts k = count_changes(cat.changes);
  const std::string version = changes_version_of(cat).chinese();
  if (cat.changes.empty()) {
    out.flow().paragraph("本期清单与上期相比无变化。", t.body);
    lay_out_carried_over(out, in, "");
    return;
  }
  // Every item added and none before: the first publication.
  const bool first = k.changed == 0 && k.retired == 0 &&
                     k.added == static_cast<int>(cat.published().size());
  out.flow().paragraph("本期清单（" + version + "版）" +
                           (first ? "为首次公布，" : "与上一版本相比，") + "新增" + items(k.added) +
                           "、调整" + items(k.changed) + "、取消" + items(k.retired) + "。",
                       t.body);
  out.flow().heading("（一）变更明细", no_indent(t.heading2));
  lay_out_change_list(out, in);
  out.flow().heading("（二）待重印材料", no_indent(t.heading2));
  lay_out_reprints(out, in);
  lay_out_carried_over(out, in, "（三）沿用上期");
}

// ---- 二、存在问题和下一步工作 ---------------------------------------------------------

// "甲、乙、丙" — at most `shown` names, then "等N个部门".
std::string name_list(const std::vector<std::string>& names, size_t shown = 8) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? "、" : "") + names[i];
  if (names.size() > shown) out += "等" + std::to_string(names.size()) + "个部门";
  return out;
}

// What is wrong and what is to be done, from the data: departments late,
// not submitted or with unreadable files; items returned or pending;
// items carried over from the last list. One numbered paragraph each.
void lay_out_issues(ReportFlow& out, const ReportInput& in, std::string_view title) {
  const Figures& f = in.figures;
  const GuideTemplate& t = in.tmpl;
  const Catalog& cat = in.catalog;
  section_heading(out, in, title);
  std::vector<std::string> late, missing, unreadable, undated, returned;
  for (const DepartmentFigures& d : f.departments) {
    if (d.rejected > 0) returned.push_back(d.short_name + std::to_string(d.rejected) + "项");
    if (!cat.settings.department(d.name)) continue;
    const SubmissionStatus& st = d.submission;
    if (st.state == "未报送") missing.push_back(d.short_name);
    else if (st.state == "文件无法读取") unreadable.push_back(d.short_name);
    else if (st.on_time.starts_with("逾期")) late.push_back(d.short_name + st.on_time);
    else if (st.on_time == "日期不详") undated.push_back(d.short_name);
  }
  std::vector<std::string> carried;
  int carried_items = 0;
  {
    std::vector<std::string> depts;
    for (const Item* it : cat.published())
      if (it->carried_over) depts.push_back(it->department);
    carried_items = static_cast<int>(depts.size());
    for (const std::string& d : in_settings_order(cat, depts))
      carried.push_back(short_name(cat, d) + std::to_string(std::count(depts.begin(), depts.end(), d)) + "项");
  }
  long errors = 0;
  for (const Finding& x : cat.findings) errors += x.severity == Severity::Error;

  std::vector<std::string> problems, steps;
  std::string sub;
  if (!late.empty()) sub += "逾期报送" + std::to_string(late.size()) + "个部门（" + name_list(late) + "）";
  if (!missing.empty())
    sub += std::string(sub.empty() ? "" : "；") + "未报送" + std::to_string(missing.size()) + "个部门（" +
           name_list(missing) + "）";
  if (!unreadable.empty())
    sub += std::string(sub.empty() ? "" : "；") + "报送的文件无法读取" + std::to_string(unreadable.size()) +
           "个部门（" + name_list(unreadable) + "）";
  if (!undated.empty())
    sub += std::string(sub.empty() ? "" : "；") + "报送日期不详" + std::to_string(undated.size()) + "个部门（" +
           name_list(undated) + "）";
  if (!sub.empty()) problems.push_back("报送方面：" + sub + "。");
  if (f.rejected > 0 || f.pending > 0) {
    std::string r;
    if (f.rejected > 0) r += "退回修改" + items(f.rejected) + "事项（" + name_list(returned) + "）";
    if (f.pending > 0) r += std::string(r.empty() ? "" : "，") + "待审核" + items(f.pending) + "事项";
    problems.push_back("审核方面：" + r + "；审核发现错误" + std::to_string(errors) + "条。");
  }
  if (carried_items > 0)
    problems.push_back("更新方面：" + items(carried_items) + "事项本期未能更新，沿用上期已公布的版本（" +
                       name_list(carried) + "）。");

  if (!missing.empty() || !unreadable.empty())
    steps.push_back("督促未报送和文件无法读取的部门在3个工作日内重新报送，" + in.catalog.settings.division +
                    "审改办逐一核对，逾期仍未报送的予以通报。");
  if (!late.empty()) steps.push_back("对逾期报送的部门予以通报，督促其按期报送后续调整。");
  if (!undated.empty()) steps.push_back("报送日期不详的部门补填报送日期。");
  if (f.rejected > 0 || f.pending > 0)
    steps.push_back("退回的事项由相关部门按审核意见修改后重新报审，待审核的事项尽快完成审核，审核通过后及时公布。");
  if (carried_items > 0)
    steps.push_back("沿用上期的事项，督促相关部门更新后重新报送，审核通过后替换上期版本。");
  steps.push_back("按照动态调整机制，事项有变化的及时更新清单、办事指南和窗口材料，保持网上网下一致。");

  out.flow().heading("（一）存在问题", no_indent(t.heading2));
  if (problems.empty()) out.flow().paragraph("各部门均已按时报送，报送的事项均已审核通过并公布。", t.body);
  for (size_t i = 0; i < problems.size(); ++i)
    out.flow().paragraph(std::to_string(i + 1) + "．" + problems[i], t.body);
  out.flow().heading("（二）下一步工作", no_indent(t.heading2));
  for (size_t i = 0; i < steps.size(); ++i) out.flow().paragraph(std::to_string(i + 1) + "．" + steps[i], t.body);
}

const ReportSection kSections[] = {
    {"一、主要数据", lay_out_figures},
    {"二、存在问题和下一步工作", lay_out_issues},
    {"三、统计图表", lay_out_charts},
    {"四、审核情况", lay_out_review},
    {"五、报送情况", lay_out_submissions},
    {"六、变更情况（动态调整）", lay_out_changes},
};

// The cover: county, title, office and the one date of the data.
void lay_out_cover(Flow& flow, const ReportInput& in) {
  const GuideTemplate& t = in.tmpl;
  flow.set_numbered(false);
  flow.start_page();
  const double h = t.frame.height;
  flow.move_to(h * 0.06);
  flow.line(in.catalog.settings.county, centered(t.cover_county));
  flow.move_to(h * 0.26);
  TextStyle big = centered(t.cover_title);
  big.tracking = 0;
  flow.line("政务服务事项清单", big);
  flow.line("工作汇报", big);
  flow.move_to(h * 0.78);
  flow.line(in.catalog.settings.office, centered(t.cover_version));
  flow.line("数据截至" + in.date.chinese(), centered(t.cover_version));
  flow.set_numbered(true);
}

}  // namespace

ReportFlow::ReportFlow(const GuideTemplate& tmpl, const layout::Fonts& fonts)
    : flow_(tmpl.frame, fonts, 1), fonts_(fonts) {}

double ReportFlow::room() {
  flow_.finish();
  if (flow_.pages().empty()) flow_.start_page();
  return flow_.frame().height - flow_.cursor();
}

void ReportFlow::place(Chart chart) {
  if (room() + 0.01 < chart.height) flow_.start_page();
  const double top = flow_.frame().y_top() - flow_.cursor();
  chart.place_top(top);
  charts_.push_back({static_cast<int>(flow_.pages().size()) - 1, std::move(chart)});
  flow_.move_to(flow_.cursor() + charts_.back().second.height);
}

std::span<const ReportSection> report_sections() { return kSections; }

std::string report_title(const Catalog& catalog) {
  return catalog.settings.county + "政务服务事项清单工作汇报";
}

Report lay_out_report(const ReportInput& in) {
  ReportFlow out(in.tmpl, in.fonts);
  lay_out_cover(out.flow(), in);
  std::vector<std::pair<std::string, int>> anchors;
  for (const ReportSection& s : report_sections()) {
    out.flow().page_break();
    anchors.push_back({std::string(s.title), out.flow().anchor()});
    s.lay_out(out, in, s.title);
  }
  Report r;
  r.pages = out.take_pages();
  r.charts = std::move(out.charts());
  for (const auto& [title, id] : anchors) r.outlines.push_back({title, out.flow().anchor_page(id), {}});
  layout::Folio folio;
  folio.role = in.tmpl.page_number.role;
  folio.size = in.tmpl.page_number.size;
  folio.footer = in.tmpl.footer;
  layout::add_folios(r.pages, in.tmpl.frame, in.fonts, folio, 1);
  r.info.title = report_title(in.catalog);
  r.info.author = in.catalog.settings.office;
  r.info.subject = "领导汇报";
  r.info.keywords = in.catalog.settings.county + "，政务服务事项，清单，工作汇报";
  r.info.date = in.date;
  return r;
}

Result<std::string> render_report(const Report& report, const layout::Frame& frame,
                                  const pdf::FontLibrary& fonts) {
  pdf::Document doc(fonts, report.info);
  for (size_t i = 0; i < report.pages.size(); ++i) {
    doc.new_page(frame.page_width, frame.page_height);
    print::draw_page(doc, report.pages[i]);
    for (const auto& [page, chart] : report.charts)
      if (page == static_cast<int>(i)) draw_chart(chart, doc);
  }
  for (const pdf::Outline& o : report.outlines) doc.add_outline(o);
  return doc.finish();
}

}  // namespace qd
