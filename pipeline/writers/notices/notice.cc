#include "writers/notices/notice.h"

#include <algorithm>

#include "base/text.h"
#include "layout/columns.h"
#include "layout/flow.h"
#include "print/qr.h"
#include "model/display.h"

namespace qd {

namespace {

using layout::kMm;
using print::Block;
using print::LineStyle;
using Align = ts::ParagraphStyle::Align;

const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

const ts::Metrics& metrics(const layout::Fonts& fonts, Role role) {
  return *fonts[static_cast<size_t>(role)];
}

// `text` broken into lines `width` wide; `indent` in characters on the first line.
std::vector<ts::Line> lines_of(std::string_view text, const layout::Fonts& fonts, Role role,
                               double size, double width, double indent = 0) {
  layout::TextStyle st;
  st.role = role;
  st.size = size;
  st.indent = indent;
  st.justify = true;
  return layout::set_paragraph(text, metrics(fonts, role), st, width);
}

// A coded value by its label ("1" → "申请人自备").
std::string label(const CodeTable& table, const std::string& text) {
  const CodeValue* v = table.find(text);
  return v ? std::string(v->label) : text;
}

// The second line of a checklist entry: copies, form, source, then the
// note ("注：…").
std::string material_details(const Material& m) {
  std::vector<std::string> parts;
  std::string copies;
  auto count = [&](const std::string& what, const Field& f) {
    if (f.text.empty() || f.text == "0") return;
    if (!copies.empty()) copies += "、";
    copies += what + f.text + (all_digits(f.text) ? "份" : "");
  };
  count("原件", m.originals);
  count("复印件", m.copies);
  if (copies.empty() && !m.kind.text.empty()) copies = label(material_kinds(), m.kind.text);
  if (!copies.empty()) parts.push_back(copies);
  if (!m.form.text.empty()) parts.push_back(label(material_forms(), m.form.text));
  std::string source = m.source.text.empty() ? "" : label(material_sources(), m.source.text);
  if (!m.source_note.text.empty()) source += (source.empty() ? "" : "：") + m.source_note.text;
  if (!source.empty()) parts.push_back("来源：" + source);
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "；") + p;
  // The note after a wide space and its label, not as a part of the source.
  if (const std::string note = material_note(m); !note.empty()) out += (out.empty() ? "" : "　") + note;
  return out;
}

// The sizes of a notice at a scale and a leading (line pitch and gaps
// relative to their normal size; never tighter than 1.25 lines).
struct Style {
  double title, name, heading, body, detail;
  double title_pitch, name_pitch, heading_pitch, body_pitch, detail_pitch;
  double section_gap, item_gap;
};

Style style_at(double s, double lead) {
  Style st;
  st.title = 22 * s;
  st.name = 16 * s;
  st.heading = 14 * s;
  st.body = kNoticeBodySize * s;
  st.detail = 10.5 * s;
  st.title_pitch = st.title * std::max(1.25, 1.4 * lead);
  st.name_pitch = st.name * std::max(1.25, 1.45 * lead);
  st.heading_pitch = st.heading * std::max(1.3, 1.5 * lead);
  st.body_pitch = st.body * std::max(1.3, (1.45 + 0.2 * s) * lead);  // tighter as the text shrinks
  st.detail_pitch = st.detail * std::max(1.25, 1.45 * lead);
  st.section_gap = 3.5 * kMm * s * lead;
  st.item_gap = 1.2 * kMm * s * lead;
  return st;
}

// One block per line, so a paragraph may continue in the next page.
void add_paragraph(std::vector<Block>& blocks, std::string_view text, const layout::Fonts& fonts,
                   const LineStyle& ls, double x, double width, double indent) {
  for (const ts::Line& line : lines_of(text, fonts, ls.role, ls.size, width - x, indent)) {
    Block b;
    b.height = -print::add_lines(b, {line}, ls, x, 0, width - x);
    blocks.push_back(std::move(b));
  }
}

// The signature block at the foot of the notice, as halls use it: the clerk
// (告知人) and the applicant (申请人签字) sign on a drawn line, each with the
// date, side by side; the rules are the block's only RuleOps.
Block signature_block(const Style& st, const layout::Fonts& fonts, double width) {
  Block b;
  b.before = st.section_gap * 2;
  const double pitch = st.body * 2.2;  // room for a hand
  const double half = width / 2;
  const ts::Metrics& m = metrics(fonts, Role::Body);
  const LineStyle ls{Role::Body, st.body, pitch};
  const double gap = st.body * 2;  // between the two sides
  const std::pair<const char*, double> sides[] = {{"告知人（签字）：", 0}, {"申请人（签字）：", half}};
  for (const auto& [label, x] : sides) {
    const ts::Line l = layout::set_line(label, m, st.body);
    print::add_lines(b, {l}, ls, x, 0, half);
    // The line to sign on, on the baseline, from the label to the side's end.
    const double base = -layout::baseline_offset(st.body, pitch) + st.body * 0.15;
    const double x1 = x + half - (x == 0 ? gap : 0);
    b.rules.push_back({x + layout::line_extent(l) + st.body * 0.3, base, x1, base, 0.6});
    print::add_lines(b, {layout::set_line("日期：　　　　年　　月　　日", m, st.body)}, ls, x, -pitch, half);
  }
  b.height = 2 * pitch;
  return b;
}

struct Built {
  std::vector<Block> blocks;
  std::vector<size_t> box_blocks;  // blocks holding a material's checkbox
};

// Every block of the notice at a style, in order.
Result<Built> build_blocks(const Catalog& catalog, const Item& item, const Style& st,
                           const layout::Fonts& fonts, double width) {
  Built out;
  std::vector<Block>& blocks = out.blocks;

  // Header: title and name on the left, the QR code on the right.
  Block head;
  double code_w = 0;
  const std::string url = print::guide_url(catalog.settings, item);
  const double caption = 9;
  if (!url.empty()) {
    auto code = print::qr_encode(url);
    if (!code.ok()) return make_error(item.at, code.error().message);
    const double symbol = std::max(20 * kMm, 22 * kMm * (0.5 + 0.5 * st.body / kNoticeBodySize));
    code_w = code->width_for(symbol);
    // One grid step in from the margin: snap_codes() may move it that much right.
    head.codes.push_back({std::move(code.value()), width - code_w - print::kGridPt, -code_w, code_w});
    // The caption centred under the code, or flush right when wider than it.
    const ts::Line cap = layout::set_line("扫码查看办事指南", metrics(fonts, Role::Body), caption);
    const double cap_w = std::max(code_w, layout::line_extent(cap));
    print::add_lines(head, {cap}, {Role::Body, caption, caption * 1.3, Align::Center}, width - cap_w,
                     -code_w, cap_w);
    code_w = cap_w + print::kGridPt;  // the width the code column takes
  }
  const double left_w = width - (code_w > 0 ? code_w + 4 * kMm : 0);
  double y = -2 * kMm;
  y = print::add_lines(head, {layout::set_line("一次性告知单", metrics(fonts, Role::Title), st.title)},
                       {Role::Title, st.title, st.title_pitch, Align::Center}, 0, y, left_w);
  // The name in balanced lines broken between words.
  layout::TextStyle ns;
  ns.role = Role::Heading1;
  ns.size = st.name;
  ns.indent = 0;
  ns.justify = false;
  ns.align = Align::Center;
  y = print::add_lines(head, layout::set_display(item.get(El::Name), metrics(fonts, Role::Heading1), ns, left_w),
                       {Role::Heading1, st.name, st.name_pitch, Align::Center}, 0, y - 1 * kMm, left_w);
  std::string who = item.department;
  y = print::add_lines(head, lines_of(who, fonts, Role::Body, st.detail, left_w),
                       {Role::Body, st.detail, st.detail_pitch, Align::Center}, 0, y, left_w);
  const double head_h = std::max(-y, code_w > 0 ? code_w + caption * 1.3 : 0.0) + 2 * kMm;
  head.rules.push_back({0, -head_h, width, -head_h, 1.0});
  head.height = head_h + 3 * kMm;
  blocks.push_back(std::move(head));

  const LineStyle body{Role::Body, st.body, st.body_pitch};
  const LineStyle detail{Role::Body, st.detail, st.detail_pitch};
  add_paragraph(blocks, "申请人您好：办理本事项需要具备的条件、提交的材料和办理须知一次性告知如下，请对照准备。",
                fonts, body, 0, width, 2);

  int section = 0;
  auto heading = [&](const std::string& text) {
    Block b;
    b.before = st.section_gap;
    b.keep_with_next = true;
    const std::string t = std::string(kNumerals[section++]) + "、" + text;
    b.height = -print::add_lines(b, lines_of(t, fonts, Role::Heading1, st.heading, width),
                                 {Role::Heading1, st.heading, st.heading_pitch}, 0, 0, width);
    blocks.push_back(std::move(b));
  };
  auto fields = [&](const std::vector<std::pair<std::string, std::string>>& rows) {
    for (const auto& [label, value] : rows) {
      if (value.empty()) continue;
      // Each line of a multi-line value is its own paragraph under the label.
      std::string text = label + "：" + value;
      add_paragraph(blocks, text, fonts, body, 0, width, 0);
    }
  };
  // Short fields on one line, a wide space between them ("法定办结时限：20个
  // 工作日　　承诺办结时限：…"); one to a line when a value has lines of its own.
  auto field_line = [&](const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string line;
    for (const auto& [label, value] : rows) {
      if (value.empty()) continue;
      if (value.find('\n') != std::string::npos) return fields(rows);
      line += (line.empty() ? "" : "　　") + label + "：" + value;
    }
    if (!line.empty()) add_paragraph(blocks, line, fonts, body, 0, width, 0);
  };

  heading("受理条件");
  if (item.get(El::Conditions).empty())
    add_paragraph(blocks, "无特定条件。", fonts, body, 0, width, 0);
  else
    add_paragraph(blocks, item.get(El::Conditions), fonts, body, 0, width, 0);

  if (item.materials.empty()) {
    heading("申请材料");
    add_paragraph(blocks, "无需提交申请材料。", fonts, body, 0, width, 0);
  } else {
    heading("申请材料（共" + std::to_string(item.materials.size()) + "项，备齐一项请在方框内打“√”）");
    const double box = st.body * 0.8;
    const double text_x = st.body * 1.6;
    int n = 0;
    for (const Material& m : item.materials) {
      ++n;
      std::string title = std::to_string(n) + ". " + m.title.text;
      const CodeValue* need = material_needs().find(m.need.text);
      if (need && need->label == "非必需") title += "（非必需）";
      if (need && need->label == "容缺") title += "（可容缺后补）";
      std::vector<ts::Line> lines = lines_of(title, fonts, Role::Body, st.body, width - text_x);
      const std::string d = material_details(m);
      std::vector<ts::Line> more = d.empty() ? std::vector<ts::Line>{}
                                             : lines_of(d, fonts, Role::Body, st.detail, width - text_x);
      // One block per line, kept together (a very long entry still breaks).
      const size_t total = lines.size() + more.size();
      size_t k = 0;
      for (const ts::Line& line : lines) {
        Block b;
        b.before = k == 0 ? st.item_gap : 0;
        b.keep_with_next = ++k < total;
        b.height = -print::add_lines(b, {line}, body, text_x, 0, width - text_x);
        if (k == 1) {
          // The box: centred on the em box of the first line.
          const double mid = -layout::baseline_offset(st.body, st.body_pitch) + st.body * (layout::kAscent - 0.5);
          b.rects.push_back({st.body * 0.2, mid - box / 2, box, box, 0.8, -1});
          out.box_blocks.push_back(blocks.size());
        }
        blocks.push_back(std::move(b));
      }
      for (const ts::Line& line : more) {
        Block b;
        b.keep_with_next = ++k < total;
        b.height = -print::add_lines(b, {line}, detail, text_x, 0, width - text_x);
        blocks.push_back(std::move(b));
      }
    }
  }

  heading("办理时限和收费");
  field_line({{"法定办结时限", guide_value(item, El::LegalLimit)},
              {"承诺办结时限", guide_value(item, El::PromisedLimit)},
              {"到现场次数", guide_value(item, El::Visits)}});
  std::string fee = guide_value(item, El::FeeStandard);
  fields({{"收费标准", fee.empty() ? "—" : fee}, {"收费依据", guide_value(item, El::FeeBasis)}});

  heading("办理地点和时间");
  fields({{"办理地点", guide_value(item, El::Place)}, {"办理时间", guide_value(item, El::Hours)}});

  heading("咨询和监督投诉");
  field_line({{"咨询电话", guide_value(item, El::ConsultPhone)},
              {"监督投诉电话", guide_value(item, El::ComplaintPhone)}});
  if (!url.empty()) add_paragraph(blocks, "网上办事指南：" + url, fonts, detail, 0, width, 0);

  blocks.push_back(signature_block(st, fonts, width));
  return out;
}

}  // namespace

Result<Notice> lay_out_notice(const Catalog& catalog, const Item& item, const layout::Fonts& fonts,
                              Date date) {
  Notice notice;
  const double page_w = 210 * kMm, page_h = 297 * kMm;
  notice.x0 = 20 * kMm;
  notice.x1 = page_w - 20 * kMm;
  notice.y0 = 15 * kMm;
  notice.y1 = page_h - 18 * kMm;
  const double width = notice.x1 - notice.x0;

  // Footer: department, code, version and page, in small print.
  const double fsize = 9, fpitch = 12;
  const std::string& code = item.get(El::ImplCode);
  const std::string base = item.department + (code.empty() ? "" : "　实施编码：" + code) + "　清单版本：" +
                           catalog.version_of({&item}).chinese();
  auto footer_text = [&](int page, int pages) {
    return pages > 1 ? base + "　第" + std::to_string(page) + "页／共" + std::to_string(pages) + "页" : base;
  };
  const size_t footer_lines = lines_of(footer_text(99, 99), fonts, Role::Body, fsize, width).size();
  const double footer_h = 2 * kMm + fpitch * static_cast<double>(footer_lines);

  layout::Columns cols;
  cols.x0 = notice.x0;
  cols.width = width;
  cols.count = 1;
  cols.top = notice.y1;
  cols.bottom = notice.y0 + footer_h + 2 * kMm;

  // The largest scale, then the loosest leading, that fits one page; failing
  // that, the largest that gives the fewest pages, its blocks spread evenly.
  struct Try {
    double scale, leading;
  };
  std::vector<Try> tries;
  for (double sc : kNoticeScales) tries.push_back({sc, 1.0});
  for (double lead : kNoticeLeadings)
    if (lead < 1) tries.push_back({kNoticeScales[std::size(kNoticeScales) - 1], lead});
  Built best;
  layout::ColumnFlow best_flow;
  std::vector<layout::BlockSpec> best_specs;
  for (const Try& t : tries) {
    auto built = build_blocks(catalog, item, style_at(t.scale, t.leading), fonts, width);
    if (!built.ok()) return built.error();
    std::vector<layout::BlockSpec> specs;
    for (const Block& b : built->blocks) specs.push_back({b.height, b.before, b.keep_with_next});
    layout::ColumnFlow f = layout::flow_columns(specs, cols);
    if (f.overflow) continue;
    if (best_flow.pages == 0 || f.pages < best_flow.pages) {
      best = std::move(built.value());
      best_flow = std::move(f);
      best_specs = std::move(specs);
      notice.scale = t.scale;
      notice.leading = t.leading;
    }
    if (best_flow.pages == 1) break;
  }
  if (best_flow.pages == 0)
    return make_error(item.at, "一次性告知单无法排版：" + item.get(El::Name));
  if (best_flow.pages > 1) best_flow = layout::flow_balanced(best_specs, cols);
  // The signature block (the last block) at the foot of the last page.
  layout::Placement& sign = best_flow.placements.back();
  sign.top = std::min(sign.top, cols.bottom + best.blocks.back().height);

  for (int p = 0; p < best_flow.pages; ++p) {
    print::Sheet sheet;
    sheet.width = page_w;
    sheet.height = page_h;
    for (size_t i = 0; i < best.blocks.size(); ++i)
      if (best_flow.placements[i].page == p)
        print::place_block(best.blocks[i], best_flow.placements[i].x, best_flow.placements[i].top, sheet);
    Block foot;
    foot.rules.push_back({0, 0, width, 0, 0.5});
    print::add_lines(foot, lines_of(footer_text(p + 1, best_flow.pages), fonts, Role::Body, fsize, width),
                     {Role::Body, fsize, fpitch, Align::Left, true}, 0, -2 * kMm, width);
    print::place_block(foot, notice.x0, notice.y0 + footer_h, sheet);
    print::snap_codes(sheet);
    notice.sheets.push_back(std::move(sheet));
  }
  {
    const size_t i = best.blocks.size() - 1;
    for (layout::RuleOp r : best.blocks[i].rules) {
      r.x1 += best_flow.placements[i].x;
      r.x2 += best_flow.placements[i].x;
      r.y1 += best_flow.placements[i].top;
      r.y2 += best_flow.placements[i].top;
      notice.signature_lines.push_back({best_flow.placements[i].page, r});
    }
  }
  for (size_t i : best.box_blocks) {
    layout::RectOp r = best.blocks[i].rects.front();
    r.x += best_flow.placements[i].x;
    r.y += best_flow.placements[i].top;
    notice.boxes.push_back({best_flow.placements[i].page, r});
  }

  notice.info.title = item.get(El::Name) + "一次性告知单";
  notice.info.author = item.department;
  notice.info.subject = "一次性告知单";
  notice.info.keywords = catalog.settings.county + "，" + item.department + "，" + item.get(El::Name) + "，一次性告知";
  notice.info.date = date;
  return notice;
}

}  // namespace qd
