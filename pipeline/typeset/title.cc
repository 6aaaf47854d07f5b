#include "typeset/title.h"

#include "base/text.h"
#include "typeset/paragraph.h"

namespace qd::ts {
namespace {

// Title style: no indents, no justification, left aligned (centred later).
ParagraphStyle title_style(const ParagraphStyle& style) {
  ParagraphStyle t = style;
  t.indent = 0;
  t.hanging = 0;
  t.justify = false;
  t.align = ParagraphStyle::Align::Left;
  return t;
}

// Number of lines and of forced breaks of `text` set in `st`.
std::pair<size_t, size_t> count_lines(std::u32string_view text, const Metrics& metrics,
                                      const ParagraphStyle& st, std::vector<Line>& buf) {
  buf.clear();
  layout_paragraph_into(text, metrics, st, buf);
  size_t forced = 0;
  for (const Line& l : buf) forced += l.forced_break;
  return {buf.size(), forced};
}

}  // namespace

double balanced_width(std::u32string_view text, const Metrics& metrics,
                      const ParagraphStyle& style) {
  ParagraphStyle st = title_style(style);
  std::vector<Line> buf;
  const auto [lines, forced] = count_lines(text, metrics, st, buf);
  if (lines <= 1) return style.width;
  double total = 0;
  for (const Line& l : buf) total += l.natural_width;
  // Binary search: the narrowest width that keeps the line count and does
  // not add forced breaks. Lines then come out nearly equal.
  double lo = total / static_cast<double>(lines), hi = style.width;
  for (int iter = 0; iter < 40 && hi - lo > 0.05; ++iter) {
    st.width = (lo + hi) / 2;
    const auto [l2, f2] = count_lines(text, metrics, st, buf);
    if (l2 <= lines && f2 <= forced)
      hi = st.width;
    else
      lo = st.width;
  }
  return hi;
}

std::vector<Line> layout_title(std::string_view utf8, const Metrics& metrics,
                               const ParagraphStyle& style) {
  const std::u32string text = utf8_decode(utf8);
  ParagraphStyle st = title_style(style);
  st.width = balanced_width(text, metrics, style);
  std::vector<Line> lines = layout_paragraph(std::u32string_view(text), metrics, st);
  for (Line& l : lines) {
    double right = 0;
    for (const Glyph& g : l.glyphs) right = std::max(right, g.x + g.advance);
    const double shift = std::max(0.0, (style.width - right) / 2);
    for (Glyph& g : l.glyphs) g.x += shift;
    l.width = right;
  }
  return lines;
}

}  // namespace qd::ts
