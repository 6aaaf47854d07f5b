#include "writers/posters/poster.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

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

// The paper and what scales with it (header and footer sizes; the item
// cards keep their sizes, since a poster is read from the same distance).
struct Paperwork {
  double width, height, margin;
  double k;  // header and footer sizes relative to A3
};

Paperwork paperwork(Paper p) {
  if (p == Paper::A4) return {210 * kMm, 297 * kMm, 12 * kMm, 0.72};
  return {297 * kMm, 420 * kMm, 15 * kMm, 1.0};
}

// The widths of a font role.
const ts::Metrics& metrics(const layout::Fonts& fonts, Role role) {
  return *fonts[static_cast<size_t>(role)];
}

// `text` broken into lines `width` wide (Chinese line breaking, no indent).
std::vector<ts::Line> lines_of(std::string_view text, const layout::Fonts& fonts, Role role,
                               double size, double width) {
  layout::TextStyle st;
  st.role = role;
  st.size = size;
  st.indent = 0;
  st.justify = true;
  return layout::set_paragraph(text, metrics(fonts, role), st, width);
}

// Names set one after another, "　" between them, a name broken only when
// it alone is wider than the line (department names stay whole).
std::vector<ts::Line> unit_lines(const std::vector<std::string>& units, const layout::Fonts& fonts,
                                 Role role, double size, double width) {
  std::vector<ts::Line> out;
  std::string line;
  auto flush = [&] {
    if (line.empty()) return;
    for (ts::Line& l : lines_of(line, fonts, role, size, width)) out.push_back(std::move(l));
    line.clear();
  };
  for (const std::string& u : units) {
    const std::string joined = line.empty() ? u : line + "　" + u;
    if (!line.empty() && layout::set_line(joined, metrics(fonts, role), size).width > width) {
      flush();
      line = u;
    } else {
      line = joined;
    }
  }
  flush();
  return out;
}

// A line of text too long for its box is set smaller, down to `min`; the
// size that fits (or `min`).
double fitting_size(std::string_view text, const layout::Fonts& fonts, Role role, double size,
                    double min, double width) {
  for (; size > min; size -= 1)
    if (layout::set_line(text, metrics(fonts, role), size).width <= width) return size;
  return min;
}

// A multi-line value on one line: its lines joined by "；".
std::string one_line(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n') {
      if (!out.empty() && i + 1 < text.size()) out += "；";
      continue;
    }
    out += text[i];
  }
  return out;
}

// The four facts of a card: the 办件类型 by its value, which names itself
// (即办件, 承诺件), the others labelled.
std::vector<std::string> facts(const Item& item) {
  auto or_dash = [](std::string s) { return s.empty() ? std::string("—") : s; };
  const std::string kind = guide_value(item, El::CaseType);
  return {kind.empty() ? "办件类型：—" : kind, "承诺时限：" + or_dash(guide_value(item, El::PromisedLimit)),
          "到现场次数：" + or_dash(guide_value(item, El::Visits)),
          "收费：" + or_dash(one_line(guide_value(item, El::FeeStandard)))};
}

// `text` in balanced display lines `width` wide, broken between words and
// set flush left (item names, department headings).
std::vector<ts::Line> display_of(std::string_view text, const layout::Fonts& fonts, Role role,
                                 double size, double width) {
  layout::TextStyle st;
  st.role = role;
  st.size = size;
  st.indent = 0;
  st.justify = false;
  return layout::set_display(text, metrics(fonts, role), st, width);
}

// The sizes of the item cards at a scale: the type keeps its size (readable
// at 1–2 m), the spacing tightens.
struct CardStyle {
  double name, detail;      // pt
  double name_pitch, detail_pitch;
  double code;              // width of the QR symbol (without quiet zone), pt
  double gap;               // between cards
};

// The card sizes at scale `s`.
CardStyle card_style(double s) {
  CardStyle c;
  c.name = kPosterNameSize;
  c.detail = kPosterDetailSize;
  c.name_pitch = c.name * (1.1 + 0.2 * s);
  c.detail_pitch = c.detail * (1.2 + 0.25 * s);
  c.code = std::max(20 * kMm, 24 * kMm * s);  // ≥ 20 mm, read by a phone at arm's length
  c.gap = 6 * kMm * s;  // codes well apart: a phone (and zbar) picks out one
  return c;
}

// An item card: QR code on the left, name and facts on the right.
Block card(const Item& item, const print::QrCode* code, const CardStyle& cs, double width,
           const layout::Fonts& fonts) {
  Block b;
  b.before = cs.gap;
  double code_w = 0, quiet = 0;
  if (code) {
    code_w = code->width_for(cs.code);
    quiet = code_w * print::kQuietZone / code->size;
    b.codes.push_back({*code, 0, -code_w, code_w});
  } else {
    code_w = cs.code + 8 * kMm;  // the same indent as cards with a code
    quiet = 4 * kMm;
  }
  const double x = code_w + 1 * kMm;
  const double w = width - x;
  double y = -quiet;
  // The name in balanced lines broken between words.
  y = print::add_lines(b, display_of(item.get(El::Name), fonts, Role::Heading1, cs.name, w),
                       {Role::Heading1, cs.name, cs.name_pitch}, x, y, w);
  y -= cs.detail * 0.2;
  // The facts in 黑体 (a thin 仿宋 reads grey from a distance), two to a line
  // ("承诺件　承诺时限：3个工作日", "到现场次数：1次　收费：不收费") where they
  // fit, else one to a line.
  const std::vector<std::string> f = facts(item);
  const LineStyle detail{Role::Heading1, cs.detail, cs.detail_pitch};
  const ts::Metrics& m = metrics(fonts, Role::Heading1);
  for (size_t i = 0; i + 1 < f.size(); i += 2) {
    const ts::Line pair = layout::set_line(f[i] + "　" + f[i + 1], m, cs.detail);
    if (pair.width <= w) {
      y = print::add_lines(b, {pair}, detail, x, y, w);
    } else {
      y = print::add_lines(b, lines_of(f[i], fonts, Role::Heading1, cs.detail, w), detail, x, y, w);
      y = print::add_lines(b, lines_of(f[i + 1], fonts, Role::Heading1, cs.detail, w), detail, x, y, w);
    }
  }
  b.height = std::max(code_w, -y);
  return b;
}

// A department's heading inside the item flow (windows of several departments).
Block department_heading(const std::string& name, const CardStyle& cs, double width,
                         const layout::Fonts& fonts) {
  Block b;
  b.before = cs.gap * 1.5;
  b.keep_with_next = true;
  const double pad = cs.name * 0.3;
  const double y = print::add_lines(b, display_of(name, fonts, Role::Heading1, cs.name, width - 2 * pad),
                                    {Role::Heading1, cs.name, cs.name_pitch}, pad, -pad * 0.5, width - 2 * pad);
  b.height = -y + pad * 0.5;
  b.rects.push_back({0, -b.height, width, b.height, 0, layout::kHeaderFill});
  return b;
}

// The phones of the items, per department in order: "咨询电话：…　监督投诉电话：…",
// prefixed with the department's short name when departments differ.
std::vector<std::string> phone_lines(const Catalog& catalog, const std::vector<std::string>& depts,
                                     const std::vector<const Item*>& items) {
  struct Phones {
    std::vector<std::string> consult, complaint;
  };
  auto add = [](std::vector<std::string>& v, const std::string& p) {
    if (!p.empty() && std::find(v.begin(), v.end(), p) == v.end()) v.push_back(p);
  };
  std::vector<std::pair<std::string, Phones>> per;
  for (const std::string& d : depts) {
    Phones p;
    for (const Item* it : items) {
      if (it->department != d) continue;
      for (const std::string& v : split_values(it->get(El::ConsultPhone))) add(p.consult, v);
      for (const std::string& v : split_values(it->get(El::ComplaintPhone))) add(p.complaint, v);
    }
    if (!p.consult.empty() || !p.complaint.empty()) per.push_back({d, std::move(p)});
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : "、") + s;
    return out.empty() ? std::string("—") : out;
  };
  bool same = true;
  for (const auto& [d, p] : per)
    same = same && p.consult == per.front().second.consult && p.complaint == per.front().second.complaint;
  std::vector<std::string> out;
  for (const auto& [d, p] : per) {
    std::string prefix;
    if (!same) {
      const DepartmentInfo* info = catalog.settings.department(d);
      prefix = (info ? info->short_name : d) + "　";
    }
    out.push_back(prefix + "咨询电话：" + join(p.consult) + "　监督投诉电话：" + join(p.complaint));
    if (same) break;
  }
  return out;
}

// The departments a window shows: its own list, or those of its items.
std::vector<std::string> departments_of(const Catalog& catalog, const Window& window,
                                        const std::vector<const Item*>& items) {
  if (!window.departments.empty()) return window.departments;
  std::vector<std::string> out;
  for (const DepartmentInfo& d : catalog.settings.departments)
    for (const Item* it : items)
      if (it->department == d.name) {
        out.push_back(d.name);
        break;
      }
  return out;
}

// The header, the same on every sheet, local to the top margin: the window
// number in white on a red box, the window name, the departments, the hall
// and the hint about the QR codes, a rule under them.
struct Header {
  Block block;
  std::vector<layout::TextOp> white;  // the number, drawn over the box
  double box_w = 0, box_h = 0;        // the red box (none without a number)
};

Header poster_header(const Hall& hall, const Window& window, const std::vector<std::string>& depts,
                     const Paperwork& pw, const layout::Fonts& fonts, double width) {
  const double k = pw.k;
  Header h;
  h.box_h = 34 * kMm * k;
  const double num_size = h.box_h * 0.62;
  const ts::Line num = layout::set_line(window.number, metrics(fonts, Role::Heading1), num_size);
  h.box_w = std::max(h.box_h, layout::line_extent(num) + h.box_h * 0.4);
  if (!window.number.empty()) {
    layout::TextOp op;
    op.line = num;
    op.role = Role::Heading1;
    op.size = num_size;
    op.x = (h.box_w - layout::line_extent(num)) / 2 - (num.glyphs.empty() ? 0 : num.glyphs.front().x);
    op.y = -h.box_h / 2 - num_size * (layout::kAscent - 0.5) + num_size * 0.04;
    h.white.push_back(std::move(op));
  }
  const double name_x = window.number.empty() ? 0 : h.box_w + 6 * kMm * k;
  const double name_w = width - name_x;
  const ts::Metrics& h1 = metrics(fonts, Role::Heading1);
  const double name_size = fitting_size(window.name, fonts, Role::Heading1, 64 * k, 40 * k, name_w);
  std::vector<ts::Line> name_lines;
  if (layout::set_line(window.name, h1, name_size).width <= name_w)
    name_lines.push_back(layout::set_line(window.name, h1, name_size));
  else
    name_lines = display_of(window.name, fonts, Role::Heading1, name_size, name_w);
  const double name_pitch = name_size * 1.2;
  const double name_h = name_pitch * static_cast<double>(name_lines.size());
  const double row_h = std::max(h.box_h, name_h);
  print::add_lines(h.block, name_lines, {Role::Heading1, name_size, name_pitch}, name_x,
                   -(row_h - name_h) / 2, name_w);
  double y = -row_h - 5 * kMm * k;
  if (!depts.empty()) {
    const double s = std::max(kPosterMinSize, 26 * k);
    y = print::add_lines(h.block, unit_lines(depts, fonts, Role::Heading1, s, width),
                         {Role::Heading1, s, s * 1.35}, 0, y, width);
  }
  const double s = std::max(kPosterMinSize, 18 * k);
  const std::string hint = hall.name + "　本窗口办理以下事项，扫描二维码可查看网上办事指南";
  y = print::add_lines(h.block, lines_of(hint, fonts, Role::Body, s, width), {Role::Body, s, s * 1.4},
                       0, y - 1 * kMm * k, width);
  y -= 2 * kMm * k;
  h.block.rules.push_back({0, y, width, y, 2 * k});
  h.block.height = -y + 4 * kMm;
  return h;
}

// The footer, local to its own top: a rule, the phones and the hours; the
// footer line in small print under them is set per sheet (its page number).
struct Footer {
  Block block;
  double small = 0;         // the size of the footer line
  double small_top = 0;     // its top, local to the footer's top
  std::string small_print;  // the footer line without the page number
};

Footer poster_footer(const Catalog& catalog, const Hall& hall, const std::vector<std::string>& depts,
                     const std::vector<const Item*>& items, const Paperwork& pw,
                     const layout::Fonts& fonts, double width, Date date) {
  const double k = pw.k;
  Footer f;
  double y = -2 * kMm;
  f.block.rules.push_back({0, 0, width, 0, 1 * k});
  const double s = std::max(kPosterMinSize, 20 * k);
  for (const std::string& p : phone_lines(catalog, depts, items))
    y = print::add_lines(f.block, lines_of(p, fonts, Role::Heading1, s, width), {Role::Heading1, s, s * 1.4},
                         0, y, width);
  if (!hall.hours.empty())
    y = print::add_lines(f.block, lines_of("办理时间：" + hall.hours, fonts, Role::Body, s, width),
                         {Role::Body, s, s * 1.4}, 0, y, width);
  f.small = std::max(9.0, 11 * k);
  const Date version = poster_version_of(catalog, items);
  f.small_print = catalog.settings.office;
  if (date.valid()) f.small_print = "制作日期：" + date.chinese() + "　" + f.small_print;
  if (version.valid()) f.small_print = "清单版本：" + version.chinese() + "　" + f.small_print;
  f.small_top = y - 1 * kMm;
  f.block.height = -f.small_top + f.small * 1.4;
  return f;
}

// The QR code of every item that has an online guide.
Result<std::map<const Item*, print::QrCode>> item_codes(const Catalog& catalog,
                                                        const std::vector<const Item*>& items) {
  std::map<const Item*, print::QrCode> codes;
  for (const Item* it : items) {
    const std::string url = print::guide_url(catalog.settings, *it);
    if (url.empty()) continue;
    auto code = print::qr_encode(url);
    if (!code.ok()) return make_error(it->at, code.error().message);
    codes.emplace(it, std::move(code.value()));
  }
  return codes;
}

// The blocks of the item flow at a scale and column width: per department
// (a heading first when the window has several), a card per item.
std::vector<Block> item_blocks(const std::vector<std::string>& depts, const std::vector<const Item*>& items,
                               const std::map<const Item*, print::QrCode>& codes, double scale,
                               double col_w, const layout::Fonts& fonts) {
  const CardStyle cs = card_style(scale);
  const bool grouped = depts.size() > 1;
  std::vector<Block> blocks;
  for (const std::string& d : depts) {
    bool first = true;
    for (const Item* it : items) {
      if (it->department != d) continue;
      if (grouped && first) blocks.push_back(department_heading(d, cs, col_w, fonts));
      first = false;
      auto c = codes.find(it);
      blocks.push_back(card(*it, c == codes.end() ? nullptr : &c->second, cs, col_w, fonts));
    }
  }
  return blocks;
}

// What the column flow needs to know of blocks.
std::vector<layout::BlockSpec> specs_of(const std::vector<Block>& blocks) {
  std::vector<layout::BlockSpec> specs;
  specs.reserve(blocks.size());
  for (const Block& b : blocks) specs.push_back({b.height, b.before, b.keep_with_next});
  return specs;
}

// The columns and scale of the item flow: the fewest sheets; among those,
// the fewest columns, then the roomiest cards. Columns start about 120 mm
// wide; more only while an item name still gets 7 characters a line next
// to its code. columns = 0 when nothing fits.
struct Choice {
  int columns = 0;
  double scale = 0;
  int pages = 0;
};

Choice choose_columns(const std::vector<std::string>& depts, const std::vector<const Item*>& items,
                      const std::map<const Item*, print::QrCode>& codes, layout::Columns cols,
                      const layout::Fonts& fonts) {
  const int base = std::max(1, static_cast<int>((cols.width + cols.gap) / (120 * kMm + cols.gap)));
  Choice best;
  for (int c = base; c <= 4; ++c) {
    cols.count = c;
    for (double s : kPosterScales) {
      const CardStyle cs = card_style(s);
      double code_w = codes.empty() ? cs.code + 8 * kMm : 0;  // the widest code
      for (const auto& [item, code] : codes) code_w = std::max(code_w, code.width_for(cs.code));
      const double text_w = cols.column_width() - code_w - 1 * kMm;
      if (text_w < 7 * cs.name) continue;
      const layout::ColumnFlow f =
          layout::flow_columns(specs_of(item_blocks(depts, items, codes, s, cols.column_width(), fonts)), cols);
      if (f.overflow) continue;
      if (best.pages == 0 || f.pages < best.pages) best = {c, s, f.pages};
    }
  }
  return best;
}

// Draws sheet `p` of `pages`: the header and footer, the footer line with
// the page number, and the blocks placed on it with a hairline between two
// cards of a column (not under a heading).
print::Sheet draw_sheet(const Poster& poster, const Paperwork& pw, const Header& header, const Footer& footer,
                        const std::vector<Block>& blocks, const layout::ColumnFlow& flow, double col_w,
                        int p, const layout::Fonts& fonts) {
  print::Sheet sheet;
  sheet.width = pw.width;
  sheet.height = pw.height;
  const double width = poster.x1 - poster.x0;
  const double top = poster.y1;
  if (!header.white.empty())
    sheet.fills.push_back({poster.x0, top - header.box_h, header.box_w, header.box_h, pdf::Color{0.72, 0.06, 0.06}});
  for (layout::TextOp t : header.white) {
    t.x += poster.x0;
    t.y += top;
    sheet.white.push_back(std::move(t));
  }
  print::place_block(header.block, poster.x0, top, sheet);
  const double footer_top = poster.y0 + footer.block.height;
  print::place_block(footer.block, poster.x0, footer_top, sheet);
  std::string sp = footer.small_print;
  if (flow.pages > 1) sp += "　第" + std::to_string(p + 1) + "页／共" + std::to_string(flow.pages) + "页";
  Block fine;
  print::add_lines(fine, lines_of(sp, fonts, Role::Body, footer.small, width),
                   {Role::Body, footer.small, footer.small * 1.4, Align::Left, true}, 0, 0, width);
  print::place_block(fine, poster.x0, footer_top + footer.small_top, sheet);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const layout::Placement& at = flow.placements[i];
    if (at.page != p) continue;
    print::place_block(blocks[i], at.x, at.top, sheet);
    const bool after_card = i > 0 && !blocks[i - 1].keep_with_next && flow.placements[i - 1].page == p &&
                            flow.placements[i - 1].column == at.column;
    if (after_card && !blocks[i].keep_with_next) {
      const double ry = at.top + blocks[i].before / 2;
      sheet.page.rules.push_back({at.x, ry, at.x + col_w, ry, 0.4});
    }
  }
  print::snap_codes(sheet);
  return sheet;
}

}  // namespace

std::string poster_fields(const Item& item) {
  // Every value the drawing code below reads of an item: card() (name,
  // facts()), the QR code (print::guide_url: the 实施编码), phone_lines()
  // (department, phones as split_values gives them), departments_of() and
  // the grouping by department; window_items() places it by its main item.
  nlohmann::json o = nlohmann::json::array();
  o.push_back(item.department);
  o.push_back(item.get(El::Parent));
  o.push_back(item.get(El::Name));
  o.push_back(item.get(El::ImplCode));
  for (const std::string& f : facts(item)) o.push_back(f);
  o.push_back(split_values(item.get(El::ConsultPhone)));
  o.push_back(split_values(item.get(El::ComplaintPhone)));
  return o.dump();
}

Date poster_version_of(const Catalog& catalog, const std::vector<const Item*>& items) {
  if (items.empty()) return {};
  Date latest;
  for (const Item* it : items)
    if (it->poster_version.valid() && it->poster_version > latest) latest = it->poster_version;
  return latest.valid() ? latest : catalog.build_date;
}

Paper poster_paper(const Settings& settings) {
  return settings.poster_paper == "A4" ? Paper::A4 : Paper::A3;
}

Result<Poster> lay_out_poster(const Catalog& catalog, const Hall& hall, const Window& window,
                              const std::vector<const Item*>& items, Paper paper,
                              const layout::Fonts& fonts, Date date) {
  if (items.empty())
    return make_error(Place{catalog.settings.file}, "窗口“" + window.name + "”暂无公布的事项，不生成海报");
  const Paperwork pw = paperwork(paper);
  Poster poster;
  poster.x0 = pw.margin;
  poster.x1 = pw.width - pw.margin;
  poster.y0 = pw.margin;
  poster.y1 = pw.height - pw.margin;
  const double width = poster.x1 - poster.x0;
  const std::vector<std::string> depts = departments_of(catalog, window, items);
  const Header header = poster_header(hall, window, depts, pw, fonts, width);
  const Footer footer = poster_footer(catalog, hall, depts, items, pw, fonts, width, date);
  auto codes = item_codes(catalog, items);
  if (!codes.ok()) return codes.error();

  layout::Columns cols;
  cols.x0 = poster.x0;
  cols.width = width;
  cols.gap = 8 * kMm;
  cols.top = poster.y1 - header.block.height;
  cols.bottom = poster.y0 + footer.block.height + 3 * kMm;
  const Choice best = choose_columns(depts, items, codes.value(), cols, fonts);
  if (best.pages == 0)
    return make_error(Place{catalog.settings.file}, "窗口“" + window.name + "”的事项无法排入海报（事项名称过长）");
  cols.count = best.columns;
  poster.columns = best.columns;
  poster.scale = best.scale;
  const std::vector<Block> blocks = item_blocks(depts, items, codes.value(), best.scale, cols.column_width(), fonts);
  // As many sheets as the flow needs, the items spread evenly over them.
  const layout::ColumnFlow flow = layout::flow_balanced(specs_of(blocks), cols);
  for (int p = 0; p < flow.pages; ++p)
    poster.sheets.push_back(draw_sheet(poster, pw, header, footer, blocks, flow, cols.column_width(), p, fonts));

  poster.info.title = hall.name + window.number + "号窗口（" + window.name + "）办理事项";
  poster.info.author = catalog.settings.office;
  poster.info.subject = "窗口事项公示";
  poster.info.keywords = catalog.settings.county + "，" + hall.name + "，" + window.name + "，政务服务事项";
  poster.info.date = date;
  return poster;
}

}  // namespace qd
