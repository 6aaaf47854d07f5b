// Short display lines — a poster's item name, a booklet's or a document's
// title, a table's head — broken at word boundaries into balanced lines
// (issue 17, point 4): "企业职工基本养老／保险参保登记", never
// "企业职工基本养／老保险参保登记".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "typeset/line.h"

namespace qd::ts {

// Lays out a short display line on as few lines as `style.width` allows,
// broken only where a line may break (the 禁则) at a word boundary (ICU's
// word break iterator, which segments Chinese with its dictionary); a word
// wider than a line is broken between characters as a last resort (that
// line is Line::forced_break). Among the breaks that give the fewest lines
// it takes the most even ones (least sum of squared line widths; on a tie
// the shorter lines first, GB/T 9704's 梯形). Lines are never justified:
// they are set flush left, centred or flush right in `style.width` by
// `style.align`, with `style.indent` on the first line and `style.hanging`
// on the others; squeezing as in layout_paragraph. Line feeds end lines.
std::vector<Line> layout_display(std::u32string_view text, const Metrics& metrics,
                                 const ParagraphStyle& style);
// The same for UTF-8 text.
std::vector<Line> layout_display(std::string_view utf8, const Metrics& metrics,
                                 const ParagraphStyle& style);

// The lines layout_display would set, as UTF-8 text (line feeds dropped):
// for documents whose lines are set by another program (.docx: one run per
// line, joined by <w:br/>).
std::vector<std::string> display_lines(std::string_view utf8, const Metrics& metrics,
                                       const ParagraphStyle& style);

// Where layout_display breaks `text`: the positions before which its lines
// 2, 3, … start, ascending (empty for one line).
std::vector<size_t> display_breaks(std::u32string_view text, const Metrics& metrics,
                                   const ParagraphStyle& style);

}  // namespace qd::ts
