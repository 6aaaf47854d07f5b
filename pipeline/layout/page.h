// A small flow layout engine for printed booklets, independent of any PDF
// library: blocks (titles, headings, paragraphs, ruled tables, flow charts)
// are set on the pages of a Frame with the Chinese typesetting of ts::, and
// come out as positioned draw operations per page. A renderer replays them
// into a PDF; tests check the geometry directly.
//
// Coordinates are PDF points with the origin at the bottom left of the page;
// text ops give the left edge and the baseline of a line.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "typeset/line.h"
#include "typeset/role.h"

namespace qd::layout {

// Widths per role; every entry must be set.
using Fonts = std::array<const ts::Metrics*, kRoleCount>;

inline constexpr double kMm = 72.0 / 25.4;

// The page and its type area (版心). Defaults: GB/T 9704 A4.
struct Frame {
  double page_width = 210 * kMm;
  double page_height = 297 * kMm;
  double top = 37 * kMm;     // 天头
  double left = 28 * kMm;    // 订口
  double width = 156 * kMm;  // type area
  double height = 225 * kMm;

  double x0() const { return left; }
  double x1() const { return left + width; }
  double y_top() const { return page_height - top; }          // PDF y of the type area's top
  double y_bottom() const { return page_height - top - height; }
};

// How a kind of text is set: font role, size, line pitch and spacing.
struct TextStyle {
  Role role = Role::Body;
  double size = 16;
  double pitch = 28.95;    // baseline-to-baseline distance
  double before = 0;       // extra space above the block
  double after = 0;        // extra space below the block
  double indent = 0;       // first-line indent in em
  double tracking = 0;     // extra space after every character, pt (GB/T 9704 body: −0.21,
                           // 28 characters of 16 pt in the 156 mm line)
  bool justify = true;
  ts::ParagraphStyle::Align align = ts::ParagraphStyle::Align::Left;
};

// Light grey used for table header fills and footers.
inline constexpr double kHeaderFill = 0.9;

struct TextOp {
  ts::Line line;
  Role role = Role::Body;
  double size = 16;
  double x = 0, y = 0;  // left edge of the line box, baseline
  bool gray = false;
};
struct RuleOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, width = 0.5;
};
struct RectOp {
  double x = 0, y = 0, w = 0, h = 0;  // bottom left, size
  double width = 0.5;                 // stroke width; 0: no stroke
  double fill = -1;                   // grey level 0–1 of the fill; < 0: none
};
struct ArrowOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, width = 0.8;
};

// One laid-out page. Fills (rects) are drawn first, then rules, text, arrows.
struct Page {
  std::vector<RectOp> rects;
  std::vector<RuleOp> rules;
  std::vector<TextOp> texts;
  std::vector<ArrowOp> arrows;
  bool blank = false;      // inserted so that a section starts on a right-hand page
  bool numbered = true;    // carries a page number (covers and blank pages do not)
  std::string footer;      // small footer line (实施编码, list version); "" for none

  bool empty() const { return rects.empty() && rules.empty() && texts.empty() && arrows.empty(); }
};

// Height of text above the baseline as a share of the size (ideographic
// em box: 0.88 above, 0.12 below).
inline constexpr double kAscent = 0.88;

// Baseline offset below the top of a line box of `pitch` for text of `size`:
// the em box is centred in the pitch.
inline double baseline_offset(double size, double pitch) {
  return (pitch - size) / 2 + size * kAscent;
}

}  // namespace qd::layout
