#include "writers/guides/booklet.h"

#include <algorithm>

#include "base/text.h"
#include "print/replay.h"
#include "model/display.h"

namespace qd {

namespace {

using layout::Flow;
using layout::TextStyle;
using Align = ts::ParagraphStyle::Align;

const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

std::string numeral(int n) { return n >= 1 && n <= 10 ? kNumerals[n - 1] : std::to_string(n); }

TextStyle centered(TextStyle s) {
  s.align = Align::Center;
  s.indent = 0;
  return s;
}

TextStyle no_indent(TextStyle s) {
  s.indent = 0;
  return s;
}

// A code's label ("1" → "原件"); text the table does not know as typed.
std::string label_of(const CodeTable& table, const std::string& text) {
  return display_code(&table, false, text);
}

std::string footer_of(const Item& item, Date date) {
  std::string f;
  if (!item.get(El::ImplCode).empty()) f = "实施编码：" + item.get(El::ImplCode) + "　　";
  return f + "清单版本：" + date.chinese();
}

// ---- One item ------------------------------------------------------------------

void lay_out_item(Flow& flow, const Item& item, const GuideTemplate& t) {
  flow.title(item.get(El::Name), centered(t.title));
  int section = 0;
  const TextStyle h1 = no_indent(t.heading1);
  const TextStyle h2 = t.heading2;

  // Fields.
  layout::Table fields;
  fields.widths = {t.label_width, t.value_width};
  fields.columns = {t.field_label, t.field_value};
  fields.columns[0].justify = false;
  for (const GuideField& f : t.fields) {
    std::string v = guide_value(item, f.element);
    if (!v.empty()) fields.rows.push_back({f.label, std::move(v)});
  }
  layout::TableStyle field_style;
  field_style.text = t.field_value;
  field_style.header = t.field_label;
  field_style.pad_y = 5;
  field_style.before = 4;
  if (!fields.rows.empty()) {
    flow.heading(numeral(++section) + "、基本信息", h1);
    flow.table(fields, field_style);
  }

  layout::TableStyle ts;
  ts.text = t.table;
  ts.header = t.table_header;
  ts.note = t.table_note;
  ts.header.justify = false;
  TextStyle c = centered(t.table), l = no_indent(t.table);
  c.justify = false;
  // Short columns are `n` characters wide (fixed); the long ones share the rest.
  auto chars = [&](int n) { return -(n * t.table.size + 2 * ts.pad_x + 1); };

  // Materials.
  flow.heading(numeral(++section) + "、申请材料", h1);
  if (item.materials.empty()) {
    flow.paragraph("无需提交申请材料。", t.body);
  } else {
    layout::Table m;
    m.widths = {chars(2), 1, chars(3), chars(5), chars(3), chars(6), chars(4)};
    m.columns = {c, l, c, c, c, c, c};
    m.header = {"序号", "材料名称", "原件/复印件", "份数", "形式", "来源", "是否必需"};
    int n = 0;
    for (const Material& mat : item.materials) {
      ++n;
      std::string title = mat.title.text;
      std::string copies;
      auto count = [&](const std::string& what, const Field& f) {
        if (f.text.empty() || f.text == "0") return;
        if (!copies.empty()) copies += "\n";
        copies += what + f.text + (all_digits(f.text) ? "份" : "");
      };
      count("原件", mat.originals);
      count("复印件", mat.copies);
      std::string source = label_of(material_sources(), mat.source.text);
      if (!mat.source_note.text.empty())
        source += source.empty() ? mat.source_note.text : "\n" + mat.source_note.text;
      // The note under the name, smaller and in 楷体, after "注：".
      m.notes.push_back({"", material_note(mat)});
      m.rows.push_back({mat.seq.text.empty() ? std::to_string(n) : mat.seq.text, std::move(title),
                        label_of(material_kinds(), mat.kind.text), std::move(copies),
                        label_of(material_forms(), mat.form.text), std::move(source),
                        label_of(material_needs(), mat.need.text)});
    }
    flow.table(m, ts);
  }

  // Procedure: the steps as a table, then as a flow chart.
  flow.heading(numeral(++section) + "、办理流程", h1);
  if (item.steps.empty()) {
    flow.paragraph("按办理地点窗口的指引办理。", t.body);
  } else {
    layout::Table p;
    p.widths = {chars(2), chars(4), chars(6), chars(5), 2, 1.1};
    p.columns = {c, c, l, c, l, l};
    p.header = {"序号", "环节", "办理人员", "时限", "审查标准", "结果"};
    std::vector<layout::FlowStep> chart;
    int n = 0;
    for (const Step& s : item.steps) {
      ++n;
      p.rows.push_back({s.seq.text.empty() ? std::to_string(n) : s.seq.text, s.step.text,
                        s.staff.text, s.limit.text, s.standard.text, s.outcome.text});
      chart.push_back({s.step.text, s.limit.text});
    }
    flow.heading("（一）办理步骤", h2);
    flow.table(p, ts);
    flow.heading("（二）流程图", h2);
    layout::FlowChartStyle fs;
    fs.columns = t.flow_columns;
    fs.name = t.flow_name;
    fs.note = t.flow_note;
    flow.flow_chart(chart, fs);
  }

  // Questions.
  if (!item.faqs.empty()) {
    flow.heading(numeral(++section) + "、常见问题", h1);
    for (const Faq& q : item.faqs) {
      TextStyle qs = h2;
      qs.indent = t.body.indent;
      qs.tracking = t.body.tracking;
      flow.heading("问：" + q.question.text, qs);
      flow.paragraph("答：" + q.answer.text, t.body);
    }
  }
}

// ---- Cover and contents --------------------------------------------------------

void lay_out_cover(Flow& flow, const Catalog& catalog, const std::string& department,
                   const std::string& title, const GuideTemplate& t, Date date) {
  flow.set_numbered(false);
  flow.start_page();
  const double h = t.frame.height;
  // The county above the department, unless the department's name says it
  // already ("涿鹿县住房和城乡建设局", "张家口市生态环境局涿鹿县分局").
  const std::string& county = catalog.settings.county;
  if (!county.empty() && department.find(county) == std::string::npos) {
    flow.move_to(h * 0.06);
    flow.line(county, centered(t.cover_county));
  }
  flow.move_to(h * 0.16);
  flow.title(department, centered(t.cover_department));
  flow.move_to(h * 0.34);
  flow.title(title, centered(t.cover_title));
  flow.move_to(h * 0.82);
  flow.line(catalog.settings.office + "　编", centered(t.cover_version));
  flow.line("清单版本：" + date.chinese(), centered(t.cover_version));
}

struct Entry {
  std::string title;
  int level;  // 0 department, 1 item
  int page;   // absolute page number
};

std::vector<layout::Page> lay_out_contents(const std::vector<Entry>& entries, const GuideTemplate& t,
                                           const layout::Fonts& fonts, int first_number) {
  Flow flow(t.frame, fonts, first_number);
  flow.title("目　　录", centered(t.contents_title));
  const ts::Metrics& m = *fonts[static_cast<size_t>(t.contents_entry.role)];
  const double reserve = layout::set_line("0000", m, t.contents_entry.size).width + t.contents_entry.size * 2;
  for (const Entry& e : entries) {
    const TextStyle& st = e.level == 0 ? t.contents_department : t.contents_entry;
    const bool nested = e.level > 0 && entries.front().level == 0;
    flow.entry(e.title, std::to_string(e.page), st, nested ? st.size * 2 : 0, reserve);
  }
  return flow.take();
}

// Assembles cover, contents and body; sets the outline pages.
struct Body {
  std::vector<layout::Page> pages;
  // Entries with their page index in `pages`; outline nodes point at entries.
  std::vector<Entry> entries;
};

Booklet assemble(const Catalog& catalog, const std::string& department, const std::string& title,
                 Body body, const GuideTemplate& t, const layout::Fonts& fonts, Date date) {
  Booklet b;
  Flow cover(t.frame, fonts, 1);
  lay_out_cover(cover, catalog, department, title, t, date);
  b.pages = cover.take();
  layout::Page back;
  back.blank = true;
  back.numbered = false;
  b.pages.push_back(back);
  const int contents_first = static_cast<int>(b.pages.size()) + 1;

  // Contents length does not depend on the numbers (a fixed width is kept
  // for them), but check: lay out, place the body after it, renumber if the
  // length changed.
  std::vector<Entry> entries = body.entries;
  std::vector<layout::Page> contents;
  int body_first = contents_first + 2;
  for (int pass = 0; pass < 4; ++pass) {
    for (size_t i = 0; i < entries.size(); ++i) entries[i].page = body_first + body.entries[i].page;
    contents.clear();  // the pass before gives its memory to this one
    contents = lay_out_contents(entries, t, fonts, contents_first);
    int n = static_cast<int>(contents.size());
    int first = contents_first + n + (n % 2);  // the body starts on a right-hand page
    if (first == body_first) break;
    body_first = first;
  }
  b.pages.reserve(b.pages.size() + contents.size() + 1 + body.pages.size());
  for (layout::Page& p : contents) b.pages.push_back(std::move(p));
  if (contents.size() % 2) b.pages.push_back(back);
  for (layout::Page& p : body.pages) b.pages.push_back(std::move(p));
  layout::Folio folio;
  folio.role = t.page_number.role;
  folio.size = t.page_number.size;
  folio.footer = t.footer;
  layout::add_folios(b.pages, t.frame, fonts, folio, 1);

  for (const Entry& e : entries) b.contents.push_back({e.title, e.page});
  // Bookmarks: departments with their items, or the items alone.
  for (const Entry& e : entries) {
    pdf::Outline o{e.title, e.page - 1, {}};
    if (e.level == 1 && !b.outlines.empty() && entries.front().level == 0)
      b.outlines.back().children.push_back(std::move(o));
    else
      b.outlines.push_back(std::move(o));
  }
  b.info.date = date;
  return b;
}

}  // namespace

Booklet lay_out_department(const Catalog& catalog, const DepartmentInfo& dept,
                           const GuideTemplate& tmpl, const layout::Fonts& fonts, Date date) {
  Body body;
  Flow flow(tmpl.frame, fonts, 1);
  std::vector<std::pair<const Item*, int>> anchors;
  for (const Item* item : catalog.published(dept.name)) {
    flow.page_break();
    flow.set_footer(footer_of(*item, date));
    anchors.push_back({item, flow.anchor()});
    lay_out_item(flow, *item, tmpl);
  }
  body.pages = flow.take();
  for (const auto& [item, a] : anchors) body.entries.push_back({item->get(El::Name), 1, flow.anchor_page(a)});
  Booklet b = assemble(catalog, dept.name, "办事指南", std::move(body), tmpl, fonts, date);
  for (size_t i = 0; i < anchors.size(); ++i)
    b.item_pages.push_back({anchors[i].first, b.contents[i].second - 1});
  b.info.title = dept.name + "政务服务事项办事指南";
  b.info.author = dept.name;
  b.info.subject = "办事指南";
  b.info.keywords = catalog.settings.county + "，" + dept.name + "，办事指南，政务服务事项";
  return b;
}

Booklet lay_out_county(const Catalog& catalog, const GuideTemplate& tmpl,
                       const layout::Fonts& fonts, Date date) {
  Body body;
  Flow flow(tmpl.frame, fonts, 1);
  struct Anchor {
    std::string title;
    const Item* item;
    int id;
  };
  std::vector<Anchor> anchors;
  for (const DepartmentInfo& dept : catalog.settings.departments) {
    std::vector<const Item*> items = catalog.published(dept.name);
    if (items.empty()) continue;
    flow.set_footer("");
    flow.recto_break();
    anchors.push_back({dept.name, nullptr, flow.anchor()});
    flow.move_to(tmpl.frame.height * 0.3);
    flow.title(dept.name, centered(tmpl.department_title));
    flow.line("办事指南", centered(tmpl.cover_version));
    flow.recto_break();
    for (const Item* item : items) {
      flow.page_break();
      flow.set_footer(footer_of(*item, date));
      anchors.push_back({item->get(El::Name), item, flow.anchor()});
      lay_out_item(flow, *item, tmpl);
    }
  }
  body.pages = flow.take();
  for (const Anchor& a : anchors) body.entries.push_back({a.title, a.item ? 1 : 0, flow.anchor_page(a.id)});
  const std::string title = catalog.settings.county + "政务服务事项办事指南汇编";
  Booklet b = assemble(catalog, "政务服务事项", "办事指南汇编", std::move(body), tmpl, fonts, date);
  for (size_t i = 0; i < anchors.size(); ++i)
    if (anchors[i].item) b.item_pages.push_back({anchors[i].item, b.contents[i].second - 1});
  b.info.title = title;
  b.info.author = catalog.settings.office;
  b.info.subject = "办事指南汇编";
  b.info.keywords = catalog.settings.county + "，办事指南，政务服务事项";
  return b;
}

Result<std::string> render_booklet(Booklet booklet, const layout::Frame& frame,
                                   const pdf::FontLibrary& fonts) {
  return print::render_pages(std::move(booklet.pages), frame, booklet.outlines, booklet.info, fonts);
}

}  // namespace qd
