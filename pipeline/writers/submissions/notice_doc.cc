// reports/报送情况通报.docx: the submission-status notice (GB/T 9704—2012).
#include <cmath>

#include "model/counts.h"
#include "office/blocks.h"
#include "office/titles.h"
#include "writers/submissions/submissions.h"

namespace qd {

using office::numeral;

namespace {

// Width of a text in characters of its size: ASCII half, everything else
// full, and a quarter on each side of a run of ASCII between Chinese text
// (the automatic spacing Word, WPS and LibreOffice put there).
double width_chars(const std::string& s) {
  double w = 0;
  bool in_ascii = false;
  for (unsigned char c : s) {
    if (c < 0x80) {
      if (!in_ascii) w += 0.5;  // both sides of the run
      in_ascii = true;
      w += 0.5;
    } else if ((c & 0xC0) != 0x80) {
      in_ascii = false;
      w += 1;
    }
  }
  return w;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "、") + p;
  return out;
}

docx::Paragraph blank(bool keep_next = false) {
  docx::Paragraph p("Plain", "");
  p.keep_next = keep_next;
  return p;
}

}  // namespace

std::string notice_number(const ReportSettings& rs, Date date) {
  return rs.number_prefix + "〔" + std::to_string(date.year) + "〕" + std::to_string(rs.number) + "号";
}

docx::Document notice_document(const Catalog& catalog, Date date, const ReportSettings& rs) {
  docx::Document doc;
  doc.fonts = rs.fonts;
  const std::string& county = catalog.settings.county;
  const std::string title = "关于" + rs.whole + "政务服务事项清单报送情况的通报";
  doc.properties = {title, notice_number(rs, date), rs.issuer, "", "报送情况 通报", date};

  // 版头: issuing-body mark in red, squeezed to the type area's width.
  docx::Paragraph issuer("Issuer", rs.issuer);
  const double size = 26, mm_per_pt = 25.4 / 72;
  double chars = 0;
  for (unsigned char c : rs.issuer) chars += c < 0x80 ? 0.5 : (c & 0xC0) != 0x80 ? 1 : 0;
  const double natural = chars * size * mm_per_pt;
  if (natural > 150) issuer.runs[0].scale = static_cast<int>(std::floor(100 * 150 / natural));
  doc.add(issuer);
  doc.add(blank());
  doc.add(blank());
  docx::Paragraph number("DocNumber", notice_number(rs, date));
  number.border_bottom_color = "FF0000";
  number.border_bottom_pt = 1.5;
  number.border_bottom_space_pt = 11;  // the red line 4 mm below the number
  doc.add(number);
  doc.add(blank());
  doc.add(blank());

  // 标题 (balanced lines), 主送机关
  doc.add(office::title_paragraph(title, rs.title_metrics));
  doc.paragraph("Plain", rs.recipients + "：");

  const std::vector<SubmissionStatus> status = submission_status(catalog);
  const SubmissionTotals tot = submission_totals(status);
  std::vector<std::string> on_time, late, missing, unreadable, unknown;
  for (const SubmissionStatus& s : status) {
    if (s.state == "未报送") missing.push_back(s.department);
    else if (s.state == "文件无法读取") unreadable.push_back(s.department);
    else if (s.on_time == "按时") on_time.push_back(s.department);
    else if (s.on_time.starts_with("逾期")) late.push_back(s.department + "（" + s.on_time + "）");
    else unknown.push_back(s.department);
  }
  const std::string deadline = catalog.settings.deadline.valid() ? catalog.settings.deadline.chinese() : "规定时限";
  auto num = [](size_t v) { return std::to_string(v); };

  doc.paragraph("Body", "按照" + rs.government + "关于编制公布政务服务事项清单的统一部署，" + rs.recipients + "应于" + deadline +
                            "前，将本部门政务服务事项目录清单、实施清单和办事指南报送" + rs.short_issuer +
                            "。截至" + date.chinese() + "，报送情况如下：");
  int section = 0;
  doc.paragraph("Heading1", numeral(++section) + "、基本情况");
  std::string basic = "应报送" + num(tot.departments) + "个部门，已报送" + num(tot.submitted) +
                      "个，其中按时报送" + num(tot.on_time) + "个、逾期报送" + num(tot.late) + "个";
  if (!unknown.empty()) basic += "、报送日期不详" + num(unknown.size()) + "个";
  basic += "；未报送" + num(tot.missing) + "个";
  if (tot.unreadable) basic += "；报送的文件无法读取" + num(tot.unreadable) + "个";
  doc.paragraph("Body", basic + "。");

  doc.paragraph("Heading1", numeral(++section) + "、按时报送的部门");
  doc.paragraph("Body", on_time.empty() ? "无。"
                                        : join(on_time) + "共" + num(on_time.size()) +
                                              "个部门按照要求按时报送，予以通报表扬。");
  doc.paragraph("Heading1", numeral(++section) + "、逾期报送的部门");
  doc.paragraph("Body", late.empty() ? "无。"
                                     : join(late) + "共" + num(late.size()) +
                                           "个部门未在规定时限内报送，影响了" + rs.whole + "工作进度，予以通报批评。");
  doc.paragraph("Heading1", numeral(++section) + "、未报送的部门");
  if (missing.empty() && unreadable.empty()) {
    doc.paragraph("Body", "无。");
  } else {
    std::string text;
    if (!missing.empty()) text += join(missing) + "共" + num(missing.size()) + "个部门至今未报送";
    if (!unreadable.empty())
      text += std::string(text.empty() ? "" : "；") + join(unreadable) + "报送的文件无法读取，视同未报送";
    doc.paragraph("Body", text + "，予以通报批评。");
  }
  if (!unknown.empty()) {
    doc.paragraph("Heading1", numeral(++section) + "、报送日期不详的部门");
    doc.paragraph("Body", join(unknown) + "报送的表格未填写报送日期，请补填。");
  }
  doc.paragraph("Heading1", numeral(++section) + "、有关要求");
  // The last paragraph, the attachment note, the signature and the date
  // stay together: never a page with only the signature (GB/T 9704 7.3.5).
  doc.paragraph("Body", "请逾期和未报送的部门高度重视，主要负责同志要亲自过问，自本通报印发之日起3个工作日内完成报送或补正，"
                        "做到不漏报、不瞒报、不错报。" + rs.short_issuer + "将对报送情况跟踪督办。")
      .keep_next = true;

  // 附件说明, 署名, 成文日期 (不加盖印章: 署名右空二字, 日期首字比署名首字右移二字).
  doc.add(blank(true));
  const std::string attachment = county + "政务服务事项清单报送情况表";
  docx::Paragraph att("Plain", "附件：" + attachment);
  att.left_chars = 2;
  att.keep_next = true;
  doc.add(att);
  doc.add(blank(true));
  doc.add(blank(true));
  const std::string when = date.chinese();
  const double wn = width_chars(rs.issuer), wd = width_chars(when);
  double date_right = wn - wd, name_right = 2;
  if (date_right < 2) {
    name_right += 2 - date_right;
    date_right = 2;
  }
  docx::Paragraph sig("Plain", rs.issuer);
  sig.align = docx::Align::Right;
  sig.right_chars = name_right;
  sig.keep_next = true;
  doc.add(sig);
  docx::Paragraph dt("Plain", when);
  dt.align = docx::Align::Right;
  dt.right_chars = date_right;
  doc.add(dt);

  // 附件: the table of departments.
  docx::Paragraph label("Plain", "附件");
  label.page_break_before = true;
  label.runs[0].font = "heading1";
  doc.add(label);
  doc.add(blank());
  doc.add(office::title_paragraph(attachment, rs.title_metrics));
  std::vector<std::vector<std::string>> rows;
  int i = 0;
  for (const SubmissionStatus& s : status) {
    std::string state = s.state == "已报送" ? (s.on_time == "按时" ? "按时" : s.on_time.starts_with("逾期")
                                                                               ? s.on_time
                                                                               : "日期不详")
                                            : s.state;
    rows.push_back({std::to_string(++i), s.department, state,
                    s.date.valid() ? s.date.chinese() : "", std::to_string(s.items),
                    std::to_string(s.errors)});
  }
  // Columns as wide as their longest value at 五号, so that no word or date
  // wraps; 部门 gets the rest, its long names in balanced lines.
  const double cell_pt = 10.5;
  const std::vector<std::string> header = {"序号", "部门", "报送情况", "报送日期", "事项数", "错误数"};
  const std::vector<double> widths = office::fitted_widths(header, rows, cell_pt, docx::kTypeWidthMm, 1);
  for (auto& row : rows) row[1] = office::balanced_cell(row[1], widths[1], cell_pt, rs.title_metrics);
  doc.add(office::table(widths, header, rows, cell_pt, {true, false, true, true, true, true}));
  docx::Paragraph note("Plain", "截止日期：" + deadline + "。应报送" + num(tot.departments) + "个部门，已报送" +
                                    num(tot.submitted) + "个" + tot.submitted_breakdown() + "，未报送" +
                                    num(tot.missing) + "个，文件无法读取" + num(tot.unreadable) + "个。");
  note.runs[0].size = 12;
  doc.add(note);

  // 版记 (GB/T 9704 §7.3): 抄送机关, then 印发机关 and 印发日期, between a
  // thick first and last line and a thin one between them, as wide as the
  // type area; 4号, one character in from either side.
  const double bj_pt = 14, bj_char_mm = bj_pt * 25.4 / 72;
  // The first line (thick), under an empty line: as wide as the type area,
  // so on a paragraph without indents.
  docx::Paragraph first_line("Plain", "");
  first_line.keep_next = true;
  first_line.border_bottom_color = "000000";
  first_line.border_bottom_pt = 1;  // 0.35 mm
  doc.add(first_line);
  // 抄送机关: wrapped lines start under the first name (after "抄送：").
  docx::Paragraph copy("Plain", "抄送：" + rs.copy_to + "。");
  copy.runs[0].size = bj_pt;
  copy.left_chars = 4;
  copy.hanging_chars = 3;
  copy.right_chars = 1;
  copy.keep_next = true;
  doc.add(copy);
  // 印发机关 one character in, 印发日期 one character from the right (a right
  // tab); a long 印发机关 is narrowed to leave a character between them.
  const std::string when_printed = date.chinese() + "印发";
  const double room_mm = docx::kTypeWidthMm - 3 * bj_char_mm - office::text_ems(when_printed) * bj_char_mm;
  const double natural_mm = office::text_ems(rs.issuer) * bj_char_mm;
  docx::Paragraph printed;
  printed.style = "Plain";
  docx::Run issuer_run{"　" + rs.issuer};
  issuer_run.size = bj_pt;
  if (natural_mm > room_mm) issuer_run.scale = static_cast<int>(std::floor(100 * room_mm / natural_mm));
  docx::Run date_run{"\t" + when_printed};
  date_run.size = bj_pt;
  printed.runs = {issuer_run, date_run};
  printed.right_tab_mm = docx::kTypeWidthMm - bj_char_mm;
  printed.border_top_color = printed.border_bottom_color = "000000";
  printed.border_top_pt = 0.75;  // 0.25 mm
  printed.border_bottom_pt = 1;
  doc.add(printed);
  return doc;
}

}  // namespace qd
