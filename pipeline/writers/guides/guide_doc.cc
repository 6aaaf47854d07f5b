// guides/docx/<部门>办事指南.docx: the booklet's content, editable.
#include "base/text.h"
#include "office/blocks.h"
#include "office/titles.h"
#include "writers/guides/guides.h"
#include "model/display.h"

namespace qd {

using office::numeral;

namespace {

// A 材料类型 such as 原件和复印件, broken after 和 as the printed booklet
// breaks it, so that a narrow column does not split 复印件.
std::string kind_text(const std::string& kind) {
  const std::string_view kAnd = "和";
  size_t at = kind.find(kAnd);
  if (at == std::string::npos || utf8_length(kind) <= 4) return kind;
  return kind.substr(0, at + kAnd.size()) + "\n" + kind.substr(at + kAnd.size());
}

// "原件1份\n复印件2份"
std::string copies(const Material& m) {
  std::string out;
  auto add = [&](const char* what, const Field& f) {
    if (f.text.empty() || f.text == "0") return;
    out += (out.empty() ? "" : "\n") + std::string(what) + f.text + (all_digits(f.text) ? "份" : "");
  };
  add("原件", m.originals);
  add("复印件", m.copies);
  return out;
}

// One item: its title (balanced lines), code, fields, materials, steps,
// fees and questions.
void item_section(docx::Document& doc, const Item& item, int index,
                  const std::vector<GuideField>& fields, bool first, const ts::Metrics* title_metrics) {
  docx::Paragraph title =
      office::title_paragraph(std::to_string(index) + "．" + item.get(El::Name), title_metrics);
  title.page_break_before = !first;
  doc.add(title);
  if (!item.get(El::ImplCode).empty()) doc.paragraph("Subtitle", "实施编码：" + item.get(El::ImplCode));

  int section = 0;
  std::vector<std::vector<std::string>> rows;
  for (const GuideField& f : fields) {
    std::string v = guide_value(item, f.element);
    if (!v.empty()) rows.push_back({f.label, v});
  }
  if (!rows.empty()) {
    doc.paragraph("Heading1", numeral(++section) + "、基本信息");
    docx::Table t = office::table({36, 120}, {"项目", "内容"}, rows, 12, {true, false});
    // The field table reads as label | value: no header row, labels shaded.
    t.rows.erase(t.rows.begin());
    for (docx::Row& r : t.rows) {
      r.cells[0].fill = "F2F2F2";
      for (docx::Paragraph& p : r.cells[0].paragraphs) p.style = "TableHeader";
    }
    doc.add(t);
  }

  doc.paragraph("Heading1", numeral(++section) + "、申请材料");
  if (item.materials.empty()) {
    doc.paragraph("Body", "无需提交申请材料。");
  } else {
    std::vector<std::vector<std::string>> m;
    int i = 0;
    for (const Material& mat : item.materials) {
      ++i;
      std::string seq = mat.seq.text.empty() ? std::to_string(i) : mat.seq.text;
      m.push_back({seq, mat.title.text, kind_text(material_value(item, mat, "kind")), copies(mat),
                   material_value(item, mat, "form"), material_value(item, mat, "source"),
                   material_value(item, mat, "need")});
    }
    docx::Table t = office::table({12, 35, 19, 24, 22, 26, 18},
                                  {"序号", "材料名称", "材料类型", "份数", "材料形式", "来源渠道", "是否必需"}, m,
                                  10.5, {true, false, true, true, true, true, true});
    // The note under the name in a paragraph of its own, smaller, in 楷体.
    for (size_t r = 0; r < item.materials.size(); ++r) {
      const std::string note = material_note(item.materials[r]);
      if (note.empty()) continue;
      docx::Paragraph p("TableText", note);
      p.runs[0].size = 9;
      p.runs[0].font = "heading2";
      t.rows[r + 1].cells[1].paragraphs.push_back(std::move(p));
    }
    doc.add(t);
  }

  doc.paragraph("Heading1", numeral(++section) + "、办理流程");
  if (item.steps.empty()) {
    doc.paragraph("Body", "（未填报办理流程）");
  } else {
    std::vector<std::vector<std::string>> p;
    int i = 0;
    for (const Step& s : item.steps) {
      ++i;
      p.push_back({s.seq.text.empty() ? std::to_string(i) : s.seq.text, s.step.text, s.staff.text,
                   s.limit.text, s.standard.text, s.outcome.text});
    }
    doc.add(office::table({12, 20, 26, 24, 40, 34},
                           {"序号", "环节名称", "办理人员", "办理时限", "审查标准", "办理结果"}, p, 10.5,
                           {true, true, false, true, false, false}));
  }

  if (!item.fees.empty()) {
    doc.paragraph("Heading1", numeral(++section) + "、收费项目");
    std::vector<std::vector<std::string>> f;
    for (const FeeItem& fee : item.fees)
      f.push_back({fee.title.text, fee.standard.text, fee.basis.text,
                   fee_value(item, fee, "waivable"), fee.waiver_basis.text});
    doc.add(office::table({30, 30, 46, 20, 30}, {"收费项目", "收费标准", "收费依据", "是否允许减免", "减免依据"},
                           f, 10.5, {false, false, false, true, false}));
  }
  if (!item.faqs.empty()) {
    doc.paragraph("Heading1", numeral(++section) + "、常见问题");
    int i = 0;
    for (const Faq& q : item.faqs) {
      docx::Paragraph question("Heading2", "（" + numeral(++i) + "）" + q.question.text);
      doc.add(question);
      doc.paragraph("Body", q.answer.text);
    }
  }
}

}  // namespace

docx::Document guide_document(const Catalog& catalog, const DepartmentInfo& dept,
                              const std::vector<GuideField>& fields, Date date,
                              const ReportSettings& rs) {
  docx::Document doc;
  doc.fonts = rs.fonts;
  const std::string title = dept.name + "政务服务事项办事指南";
  doc.properties = {title, "办事指南", catalog.settings.office, "", "办事指南 " + dept.name, date};
  const std::vector<const Item*> items = catalog.published(dept.name);

  // Cover with the list of items; the title in balanced lines (no stub),
  // the county once: not again when the department's name says it.
  doc.add(office::title_paragraph(title, rs.title_metrics));
  const std::string& county = catalog.settings.county;
  const bool named = !county.empty() && dept.name.find(county) != std::string::npos;
  doc.paragraph("Subtitle", "（" + (named ? std::string() : county) + "政务服务事项清单" + date.chinese() + "版）");
  doc.paragraph("Heading1", "事项目录");
  int i = 0;
  for (const Item* it : items) {
    docx::Paragraph p("Plain", std::to_string(++i) + "．" + it->get(El::Name));
    p.left_chars = 2;
    doc.add(p);
  }
  docx::Paragraph note("Body", "本文件由" + catalog.settings.office + "根据" + date.chinese() +
                                   "公布的实施清单生成，供办事场所编辑使用；修改后请与网上办事指南保持一致。");
  note.before = 14;
  doc.add(note);

  i = 0;
  for (const Item* it : items) {
    ++i;
    item_section(doc, *it, i, fields, false, rs.title_metrics);
  }
  return doc;
}

}  // namespace qd
