#include "layout/flow.h"

#include "base/text.h"
#include "typeset/display.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace qd::layout {

namespace {

constexpr double kEps = 0.01;
using Align = ts::ParagraphStyle::Align;

// Splits on '\n' (and drops '\r'); keeps empty paragraphs out.
std::vector<std::string_view> paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view p = text.substr(start, end - start);
    while (!p.empty() && (p.back() == '\r' || p.back() == ' ')) p.remove_suffix(1);
    while (!p.empty() && p.front() == ' ') p.remove_prefix(1);
    if (!p.empty()) out.push_back(p);
    start = end + 1;
  }
  return out;
}

ts::ParagraphStyle para_style(const TextStyle& s, double width) {
  ts::ParagraphStyle p;
  p.size = s.size;
  p.width = width;
  p.indent = s.indent * (s.size + s.tracking) / s.size;  // characters at the tracked pitch
  p.tracking = s.tracking;
  p.justify = s.justify;
  p.align = Align::Left;  // alignment is applied here, from the inked extent
  return p;
}

}  // namespace

ts::Line set_line(std::string_view text, const ts::Metrics& metrics, double size) {
  ts::Line line;
  double x = 0;
  for (char32_t cp : utf8_decode(text)) {
    double a = metrics.advance(cp);
    if (a < 0) a = 1;
    line.glyphs.push_back({cp, x, a * size});
    x += a * size;
  }
  line.natural_width = line.width = x;
  line.last = true;
  return line;
}

std::vector<ts::Line> set_paragraph(std::string_view text, const ts::Metrics& metrics,
                                    const TextStyle& style, double width) {
  std::vector<ts::Line> out;
  for (std::string_view p : paragraphs(text)) {
    std::vector<ts::Line> lines = ts::layout_paragraph(p, metrics, para_style(style, width));
    for (ts::Line& l : lines) out.push_back(std::move(l));
  }
  return out;
}

std::vector<ts::Line> set_display(std::string_view text, const ts::Metrics& metrics,
                                  const TextStyle& style, double width) {
  std::vector<ts::Line> out;
  for (std::string_view p : paragraphs(text)) {
    std::vector<ts::Line> lines = ts::layout_display(p, metrics, para_style(style, width));
    for (ts::Line& l : lines) out.push_back(std::move(l));
  }
  return out;
}

double line_extent(const ts::Line& line) {
  if (line.glyphs.empty()) return 0;
  return line.glyphs.back().x + line.glyphs.back().advance - line.glyphs.front().x;
}

Flow::Flow(Frame frame, Fonts fonts, int first_number)
    : frame_(frame), fonts_(fonts), first_number_(first_number) {}

namespace {

// Gives a list that holds anything room for exactly `extra` more elements
// (moving them).
template <class T>
void fit(std::vector<T>& v, size_t extra) {
  if (v.empty() || v.capacity() == v.size() + extra) return;
  std::vector<T> exact;
  exact.reserve(v.size() + extra);
  std::move(v.begin(), v.end(), std::back_inserter(exact));
  v = std::move(exact);
}

// A finished page's lists give back the room they grew by doubling (a flow
// of thousands of pages kept about a third more than it holds), keeping
// room for the folio and the footer of add_folios().
void fit_page(Page& done) {
  fit(done.texts, 2);
  fit(done.rules, 0);
  fit(done.rects, 0);
  fit(done.arrows, 0);
}

}  // namespace

void Flow::new_page() {
  if (!pages_.empty()) fit_page(pages_.back());
  Page p;
  p.footer = footer_;
  p.numbered = numbered_;
  pages_.push_back(std::move(p));
  cursor_ = 0;
}

void Flow::start_page() {
  if (recto_ && (first_number_ + static_cast<int>(pages_.size())) % 2 == 0) {
    if (!pages_.empty()) fit_page(pages_.back());
    Page blank;
    blank.blank = true;
    blank.numbered = false;
    pages_.push_back(std::move(blank));
  }
  new_page();
  break_ = recto_ = false;
}

void Flow::begin() {
  if (pages_.empty() || break_) start_page();
  for (int id : unresolved_) anchors_[static_cast<size_t>(id)] = static_cast<int>(pages_.size()) - 1;
  unresolved_.clear();
}

void Flow::page_break() { break_ = true; }
void Flow::recto_break() { break_ = recto_ = true; }

int Flow::anchor() {
  anchors_.push_back(-1);
  unresolved_.push_back(static_cast<int>(anchors_.size()) - 1);
  return static_cast<int>(anchors_.size()) - 1;
}

void Flow::space(double pt) {
  if (!pending_.empty()) {  // after the headings, which stay kept with what follows
    pending_.back().style.after += pt;
    return;
  }
  if (pages_.empty() || break_ || cursor_ < kEps) return;
  cursor_ = std::min(frame_.height, cursor_ + pt);
}

void Flow::move_to(double y) {
  if (!pending_.empty()) flush(0);
  begin();
  cursor_ = std::max(cursor_, std::min(y, frame_.height));
}

void Flow::emit_line(const ts::Line& line, const TextStyle& style, double box_x, double box_w,
                     double top, Align align) {
  TextOp op;
  op.role = style.role;
  op.size = style.size;
  double x = box_x;
  if (align != Align::Left && !line.glyphs.empty()) {
    double w = line_extent(line);
    double left = align == Align::Center ? (box_w - w) / 2 : box_w - w;
    x = box_x + left - line.glyphs.front().x;
  }
  op.x = x;
  op.y = frame_.y_top() - top - baseline_offset(style.size, style.pitch);
  op.line = line;
  page().texts.push_back(std::move(op));
}

void Flow::place_lines(const std::vector<ts::Line>& lines, const TextStyle& style, bool centered) {
  begin();
  if (cursor_ > kEps) cursor_ += style.before;
  Align align = centered ? Align::Center : style.align;
  for (const ts::Line& l : lines) {
    if (cursor_ + style.pitch > frame_.height + kEps) {
      new_page();
    }
    emit_line(l, style, frame_.x0(), frame_.width, cursor_, align);
    cursor_ += style.pitch;
  }
  cursor_ = std::min(frame_.height, cursor_ + style.after);
}

double Flow::pending_height(bool at_top) const {
  double h = 0;
  for (const Pending& p : pending_) {
    h += p.lines.size() * p.style.pitch + p.style.after + (at_top ? 0 : p.style.before);
    at_top = false;
  }
  return h;
}

double Flow::space_before(double before) const {
  return cursor_ > kEps || !pending_.empty() ? before : 0;
}

void Flow::flush(double first) {
  if (pages_.empty() || break_) begin();
  if (!pending_.empty()) {
    const double need = first + pending_height(cursor_ < kEps);
    if (cursor_ > kEps && need > remaining() + kEps) new_page();
    std::vector<Pending> pending = std::move(pending_);
    pending_.clear();
    for (const Pending& p : pending) place_lines(p.lines, p.style, p.centered);
  } else if (cursor_ > kEps && first > remaining() + kEps) {
    new_page();
  }
  begin();
}

void Flow::finish() {
  if (!pending_.empty()) flush(0);
}

void Flow::title(std::string_view text, const TextStyle& style) {
  ts::ParagraphStyle ps = para_style(style, frame_.width);
  ps.indent = 0;  // centred by emit_line
  pending_.push_back({ts::layout_display(text, metrics(style.role), ps), style, true});
}

void Flow::heading(std::string_view text, const TextStyle& style) {
  pending_.push_back({set_paragraph(text, metrics(style.role), style, frame_.width), style,
                      style.align == Align::Center});
}

void Flow::paragraph(std::string_view text, const TextStyle& style) {
  std::vector<ts::Line> lines = set_paragraph(text, metrics(style.role), style, frame_.width);
  if (lines.empty()) return;
  // Keep at least two lines of a paragraph together at a page's foot (and
  // so with the headings before it).
  flush(std::min<size_t>(2, lines.size()) * style.pitch + space_before(style.before));
  place_lines(lines, style, false);
}

void Flow::line(std::string_view text, const TextStyle& style) {
  std::vector<ts::Line> lines{set_line(text, metrics(style.role), style.size)};
  flush(style.pitch + space_before(style.before));
  place_lines(lines, style, false);
}

void Flow::entry(std::string_view text, std::string_view number, const TextStyle& style,
                 double left, double reserve) {
  TextStyle st = style;
  st.indent = 0;
  const ts::Metrics& m = metrics(st.role);
  const double width = frame_.width - left - reserve;
  std::vector<ts::Line> lines = set_paragraph(text, m, st, width);
  if (lines.empty()) return;
  flush(lines.size() * st.pitch + space_before(st.before));
  if (cursor_ > kEps) cursor_ += st.before;
  for (size_t i = 0; i < lines.size(); ++i) {
    emit_line(lines[i], st, frame_.x0() + left, width, cursor_, ts::ParagraphStyle::Align::Left);
    if (i + 1 == lines.size()) {
      const double y = page().texts.back().y;
      ts::Line num = set_line(number, m, st.size);
      const double num_x = frame_.x1() - num.width;
      // Dot leaders on a grid of half an em, so that they line up from entry to entry.
      const double step = st.size / 2, dot = m.advance(U'.') * st.size;
      const double from = frame_.x0() + left + line_extent(lines[i]) + step / 2;
      const double to = num_x - step / 2;
      ts::Line lead;
      for (double x = std::ceil((from - frame_.x0()) / step) * step; frame_.x0() + x + dot <= to;
           x += step)
        lead.glyphs.push_back({U'.', x, dot});
      if (!lead.glyphs.empty()) {
        lead.natural_width = lead.width = lead.glyphs.back().x + dot;
        lead.last = true;
        TextOp op;
        op.line = std::move(lead);
        op.role = st.role;
        op.size = st.size;
        op.x = frame_.x0();
        op.y = y;
        page().texts.push_back(std::move(op));
      }
      TextOp op;
      op.line = std::move(num);
      op.role = st.role;
      op.size = st.size;
      op.x = num_x;
      op.y = y;
      page().texts.push_back(std::move(op));
    }
    cursor_ += st.pitch;
  }
  cursor_ = std::min(frame_.height, cursor_ + st.after);
}

// ---- Tables -------------------------------------------------------------------

namespace {

struct LaidRow {
  std::vector<std::vector<ts::Line>> cells;
  std::vector<size_t> note_from;  // per cell, its first line of note (its size: none)
  size_t lines = 1;  // the tallest cell, at least one line
};

}  // namespace

void Flow::table(const Table& t, const TableStyle& s) {
  const size_t ncol = t.widths.size();
  if (ncol == 0) return;
  double total = 0, fixed = 0;
  for (double w : t.widths) (w < 0 ? fixed : total) += std::abs(w);
  const double share = std::max(0.0, frame_.width - fixed);
  std::vector<double> xs(ncol + 1), ws(ncol);
  xs[0] = frame_.x0();
  for (size_t c = 0; c < ncol; ++c) {
    ws[c] = t.widths[c] < 0 ? -t.widths[c] : total > 0 ? share * t.widths[c] / total : 0;
    xs[c + 1] = xs[c] + ws[c];
  }
  xs[ncol] = frame_.x1();
  auto col_style = [&](size_t c, bool header) {
    TextStyle st = header ? s.header : (c < t.columns.size() ? t.columns[c] : s.text);
    st.pitch = header ? s.header.pitch : s.text.pitch;
    st.indent = 0;
    return st;
  };
  // The style of a note in column c: the note style, aligned as the column.
  auto note_style = [&](size_t c) {
    TextStyle st = s.note;
    st.pitch = s.text.pitch;
    st.indent = 0;
    st.align = col_style(c, false).align;
    return st;
  };
  auto lay = [&](const std::vector<std::string>& row, const std::vector<std::string>* notes, bool header) {
    LaidRow r;
    r.cells.resize(ncol);
    r.note_from.resize(ncol);
    for (size_t c = 0; c < ncol && c < row.size(); ++c) {
      TextStyle st = col_style(c, header);
      // A header cell is a short display line: broken between words.
      r.cells[c] = header ? set_display(row[c], metrics(st.role), st, ws[c] - 2 * s.pad_x)
                          : set_paragraph(row[c], metrics(st.role), st, ws[c] - 2 * s.pad_x);
      r.note_from[c] = r.cells[c].size();
      if (notes && c < notes->size() && !(*notes)[c].empty()) {
        const TextStyle ns = note_style(c);
        for (ts::Line& l : set_paragraph((*notes)[c], metrics(ns.role), ns, ws[c] - 2 * s.pad_x))
          r.cells[c].push_back(std::move(l));
      }
      r.lines = std::max(r.lines, r.cells[c].size());
    }
    return r;
  };
  const bool has_header = !t.header.empty();
  LaidRow head;
  if (has_header) head = lay(t.header, nullptr, true);
  const double hpitch = s.header.pitch, pitch = s.text.pitch;
  const double head_h = has_header ? head.lines * hpitch + 2 * s.pad_y : 0;

  // Draws the rows' rules and the lines [from, to) of every cell.
  bool first_on_page = true;
  auto draw = [&](const LaidRow& r, size_t from, size_t to, bool header) {
    const double p = header ? hpitch : pitch;
    const double h = (to - from) * p + 2 * s.pad_y;
    const double top = frame_.y_top() - cursor_;
    Page& pg = page();
    if (header && s.header_fill >= 0)
      pg.rects.push_back({frame_.x0(), top - h, frame_.width, h, 0, s.header_fill});
    if (first_on_page) pg.rules.push_back({frame_.x0(), top, frame_.x1(), top, s.rule});
    pg.rules.push_back({frame_.x0(), top - h, frame_.x1(), top - h, s.rule});
    for (size_t c = 0; c <= ncol; ++c) pg.rules.push_back({xs[c], top, xs[c], top - h, s.rule});
    const bool whole = from == 0 && to == r.lines;
    for (size_t c = 0; c < ncol; ++c) {
      TextStyle st = col_style(c, header);
      const std::vector<ts::Line>& cell = r.cells[c];
      double y = cursor_ + s.pad_y;
      // A short cell sits in the middle of an unbroken row.
      if (whole && cell.size() < r.lines)
        y += (r.lines - cell.size()) * p / 2;
      for (size_t i = from; i < to && i < cell.size(); ++i) {
        const bool note = !header && i >= r.note_from[c];
        const TextStyle ls = note ? note_style(c) : st;
        emit_line(cell[i], ls, xs[c] + s.pad_x, ws[c] - 2 * s.pad_x, y, header ? Align::Center : ls.align);
        y += p;
      }
    }
    cursor_ += h;
    first_on_page = false;
  };
  auto next_page = [&] {
    new_page();
    first_on_page = true;
    if (has_header) draw(head, 0, head.lines, true);
  };

  std::vector<LaidRow> rows;
  rows.reserve(t.rows.size());
  for (size_t i = 0; i < t.rows.size(); ++i)
    rows.push_back(lay(t.rows[i], i < t.notes.size() ? &t.notes[i] : nullptr, false));

  // Keep the header row with the rows after it (and the headings before it
  // with both): two rows where the headings, the header and two rows fit on
  // a page, else one. A row is kept whole when the loop below would move it
  // whole to the next page, else its first two lines.
  auto kept = [&](const LaidRow& r) {
    const double whole = r.lines * pitch + 2 * s.pad_y;
    return whole <= frame_.height - head_h + kEps ? whole
                                                  : std::min<double>(r.lines, 2) * pitch + 2 * s.pad_y;
  };
  double first_rows = 0;
  if (!rows.empty()) {
    first_rows = kept(rows[0]);
    const bool whole0 = first_rows >= rows[0].lines * pitch + 2 * s.pad_y - kEps;
    if (rows.size() > 1 && whole0) {
      const double two = first_rows + kept(rows[1]);
      if (pending_height(true) + head_h + two <= frame_.height + kEps) first_rows = two;
    }
  }
  flush(head_h + first_rows + space_before(s.before));
  if (cursor_ > kEps) cursor_ += s.before;
  first_on_page = true;
  if (has_header) draw(head, 0, head.lines, true);
  const double fresh = frame_.height - head_h;  // room for rows on a new page
  for (const LaidRow& r : rows) {
    size_t from = 0;
    while (from < r.lines) {
      const size_t left = r.lines - from;
      const double need = left * pitch + 2 * s.pad_y;
      if (need <= remaining() + kEps) {
        draw(r, from, r.lines, false);
        break;
      }
      if (from == 0 && need <= fresh + kEps) {  // the whole row fits on the next page
        next_page();
        continue;
      }
      // A row taller than a page: as many lines as fit here (at least two,
      // or the row starts on the next page).
      long fit = static_cast<long>(std::floor((remaining() - 2 * s.pad_y + kEps) / pitch));
      const bool fresh_page = cursor_ <= head_h + kEps;
      if (fit < 2 && !fresh_page) {
        next_page();
        continue;
      }
      fit = std::max<long>(fit, 1);  // a line taller than the page still moves on
      size_t to = from + static_cast<size_t>(fit);
      draw(r, from, to, false);
      from = to;
      next_page();
    }
  }
  cursor_ = std::min(frame_.height, cursor_ + s.after);
}

// ---- Flow charts ---------------------------------------------------------------

void Flow::flow_chart(const std::vector<FlowStep>& steps, const FlowChartStyle& s) {
  if (steps.empty()) return;
  const int cols = std::max(1, s.columns);
  const double bw = (frame_.width - (cols - 1) * s.gap_x) / cols;
  const double inner = bw - 2 * s.pad;
  struct Box {
    std::vector<ts::Line> name, note;
  };
  std::vector<Box> boxes;
  boxes.reserve(steps.size());
  TextStyle name = s.name, note = s.note;
  name.indent = note.indent = 0;
  name.justify = note.justify = false;
  for (const FlowStep& st : steps) {
    Box b;
    b.name = set_paragraph(st.name, metrics(name.role), name, inner);
    if (b.name.size() > static_cast<size_t>(s.max_name_lines)) b.name.resize(s.max_name_lines);
    if (!st.note.empty()) b.note = set_paragraph(st.note, metrics(note.role), note, inner);
    if (b.note.size() > 3) b.note.resize(3);
    boxes.push_back(std::move(b));
  }
  auto box_h = [&](const Box& b) {
    return b.name.size() * name.pitch + b.note.size() * note.pitch + 2 * s.pad;
  };
  const size_t n = boxes.size();
  std::vector<double> row_h;
  for (size_t i = 0; i < n; i += cols) {
    double h = 0;
    for (size_t j = i; j < std::min(n, i + cols); ++j) h = std::max(h, box_h(boxes[j]));
    row_h.push_back(std::min(h, frame_.height - s.gap_y));
  }
  flush(row_h[0] + space_before(s.before));
  if (cursor_ > kEps) cursor_ += s.before;

  bool ltr = true;
  double prev_x = -1, prev_bottom = 0;  // centre and bottom (from top) of the last box placed
  size_t prev_page = 0;
  for (size_t r = 0; r < row_h.size(); ++r) {
    const double h = row_h[r];
    const bool first_row = r == 0;
    double need = h + (first_row ? 0 : s.gap_y);
    if (need > remaining() + kEps) {
      // Continue on the next page: a short arrow out of the last box, and one into the first.
      if (prev_x >= 0 && frame_.height - prev_bottom >= 10) {
        double y = frame_.y_top() - prev_bottom;
        page().arrows.push_back({prev_x, y, prev_x, y - std::min(s.gap_y, frame_.height - prev_bottom), s.arrow_width});
      }
      new_page();
      // The snake goes on: the first box here stands under the last one there.
      if (!first_row) {
        double x = frame_.x0() + (ltr ? 0 : cols - 1) * (bw + s.gap_x) + bw / 2;
        page().arrows.push_back({x, frame_.y_top(), x, frame_.y_top() - s.gap_y, s.arrow_width});
        cursor_ = s.gap_y;
      }
    } else if (!first_row) {
      cursor_ += s.gap_y;
    }
    const double top = frame_.y_top() - cursor_;
    const size_t begin_i = r * cols, end_i = std::min(n, begin_i + cols);
    for (size_t i = begin_i; i < end_i; ++i) {
      const size_t j = i - begin_i;
      const size_t col = ltr ? j : cols - 1 - j;
      const double x = frame_.x0() + col * (bw + s.gap_x);
      page().rects.push_back({x, top - h, bw, h, s.box_rule, -1});
      const Box& b = boxes[i];
      double y = cursor_ + (h - box_h(b)) / 2 + s.pad;
      for (const ts::Line& l : b.name) {
        emit_line(l, name, x + s.pad, inner, y, Align::Center);
        y += name.pitch;
      }
      for (const ts::Line& l : b.note) {
        emit_line(l, note, x + s.pad, inner, y, Align::Center);
        y += note.pitch;
      }
      const double cx = x + bw / 2;
      if (j > 0) {  // arrow from the previous box in this row
        const double ay = top - h / 2;
        if (ltr)
          page().arrows.push_back({x - s.gap_x + 2, ay, x - 2, ay, s.arrow_width});
        else
          page().arrows.push_back({x + bw + s.gap_x - 2, ay, x + bw + 2, ay, s.arrow_width});
      } else if (!first_row && prev_x >= 0 && prev_page == pages_.size() && std::abs(prev_x - cx) < 1) {
        // down from the last box of the row above (same page)
        page().arrows.push_back({cx, frame_.y_top() - prev_bottom - 2, cx, top + 2, s.arrow_width});
      }
      prev_x = cx;
    }
    prev_bottom = cursor_ + h;
    prev_page = pages_.size();
    cursor_ += h;
    ltr = !ltr;
  }
  cursor_ = std::min(frame_.height, cursor_ + s.after);
}

// ---- Folios ---------------------------------------------------------------------

std::string folio_text(int number) { return "— " + std::to_string(number) + " —"; }

void add_folios(std::vector<Page>& pages, const Frame& frame, const Fonts& fonts,
                const Folio& folio, int first_number) {
  const ts::Metrics& nm = *fonts[static_cast<size_t>(folio.role)];
  const ts::Metrics& fm = *fonts[static_cast<size_t>(folio.footer.role)];
  for (size_t i = 0; i < pages.size(); ++i) {
    Page& p = pages[i];
    if (p.blank) continue;
    const int number = first_number + static_cast<int>(i);
    if (p.numbered) {
      TextOp op;
      op.line = set_line(folio_text(number), nm, folio.size);
      op.role = folio.role;
      op.size = folio.size;
      const double w = op.line.width;
      const double inset = folio.inset * folio.size;
      op.x = number % 2 == 1 ? frame.x1() - inset - w : frame.x0() + inset;
      op.y = frame.y_bottom() - folio.below - folio.size * kAscent;
      p.texts.push_back(std::move(op));
    }
    if (!p.footer.empty()) {
      TextOp op;
      op.line = set_line(p.footer, fm, folio.footer.size);
      op.role = folio.footer.role;
      op.size = folio.footer.size;
      op.gray = true;
      op.x = frame.x0() + (frame.width - op.line.width) / 2;
      op.y = folio.footer_y;
      p.texts.push_back(std::move(op));
    }
  }
}

}  // namespace qd::layout
