// Line filling and justification of one paragraph. The public entry points
// (layout_paragraph, measure, Line::text) are declared in layout.h.
#pragma once

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

}  // namespace qd::ts
