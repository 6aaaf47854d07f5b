// Line filling and justification of one paragraph. The public entry points
// (layout_paragraph, measure, Line::text) are declared in layout.h.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "typeset/line.h"

namespace qd::ts {

// Advance of `cp` in pt at `size`: metrics.advance * size, or 1 em when the
// metrics cannot draw the character (negative advance).
double advance_pt(const Metrics& metrics, char32_t cp, double size);

// Lays out `text` and appends its lines to `out` (layout_paragraph without
// allocating a result vector per call).
void layout_paragraph_into(std::u32string_view text, const Metrics& metrics,
                           const ParagraphStyle& style, std::vector<Line>& out);

// The widths of the lines one text can be broken into, for callers that
// choose the breaks themselves (display lines, display.cc): the advances
// with tracking and the squeezing of adjacent punctuation, prepared once.
class LineWidths {
 public:
  LineWidths(std::u32string_view text, const Metrics& metrics, const ParagraphStyle& style);
  // Width of text[s, e) set as one line in a box `avail` wide: the leading
  // blank of a line-initial opening bracket cut, trailing spaces hanging,
  // line-end punctuation squeezed as far as needed to fit `avail` (so the
  // result exceeds `avail` when even squeezing does not make it fit).
  double width(size_t s, size_t e, double avail) const;

 private:
  std::u32string_view text_;
  double size_;
  std::vector<double> prefix_;  // prefix_[i]: sum of the advances before text[i]
  std::vector<double> full_, lead_, trail_;
};

// Sets `text` on lines that end exactly before the positions `ends`
// (ascending, the last one text.size()), as layout_paragraph would set
// them with justification off: squeezing, the style's indents and
// alignment. forced[k] marks line k as broken inside an unbreakable run.
void set_lines_at(std::u32string_view text, const std::vector<size_t>& ends,
                  const std::vector<uint8_t>& forced, const Metrics& metrics,
                  const ParagraphStyle& style, std::vector<Line>& out);

}  // namespace qd::ts
