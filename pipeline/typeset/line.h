// Chinese typesetting, independent of any PDF library: line breaking by the
// 禁则 of layout.md (UAX #14 break opportunities from ICU, tailored), squeezing
// line-end punctuation and adjacent brackets (clreq 3.1.6), full justification
// and first-line indent; short display lines broken at word boundaries
// (display.h). Widths come from a Metrics interface that the PDF layer
// implements over real fonts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qd::ts {

// Where character widths come from.
class Metrics {
 public:
  virtual ~Metrics() = default;
  // Advance width of `cp` at a font size of 1 (in em), or a negative value
  // when no font can draw it (it is then laid out as 1 em and reported by
  // the caller).
  virtual double advance(char32_t cp) const = 0;
};

// How a paragraph is set.
struct ParagraphStyle {
  enum class Align { Left, Center, Right };
  double size = 16;          // font size in pt
  double width = 442.2;      // line box width in pt
  double indent = 2;         // first-line indent in em (2 = two characters); 0 for none
  double hanging = 0;        // indent of wrapped lines in em (list items: 0)
  double tracking = 0;       // extra space after every character, in pt
  bool justify = true;       // spread every line but the last to the full width
  Align align = Align::Left; // lines that are not justified
  bool strict = true;        // strict 禁则: —— and …… may not start a line either
};

// One character placed on a line.
struct Glyph {
  Glyph() = default;
  Glyph(char32_t cp, double x, double advance, double lead = 0)
      : cp(cp), lead(static_cast<float>(lead)), x(x), advance(advance) {}

  char32_t cp = 0;
  // Blank cut from the glyph's leading side, in pt (an opening bracket at
  // a line start or after a closing one, clreq 3.1.6): [x, x + advance) is
  // the glyph's ink half, and it is drawn with its origin at x − lead.
  // A float beside cp: a glyph stays 24 bytes (a compiled booklet holds
  // millions of them).
  float lead = 0;
  double x = 0;        // offset from the line box's left edge, in pt
  double advance = 0;  // width it occupies (after squeezing), in pt

  // Where the glyph's origin goes (what a renderer draws at).
  double origin() const { return x - lead; }
};
static_assert(sizeof(Glyph) == 24);

// One laid-out line.
struct Line {
  std::vector<Glyph> glyphs;
  // Widths are measured from the box's left edge and include the indent.
  double natural_width = 0;  // width before justification (after squeezing), in pt
  double width = 0;          // width as set (== box width when justified)
  bool last = false;         // last line of its paragraph
  // The line ends inside an unbreakable run (a URL or code wider than the
  // line, broken between characters as a last resort; see paragraph.cc).
  bool forced_break = false;
  // The line's text (for tests and text checks).
  std::u32string text() const;
};

// Lays out one paragraph (no line feeds inside; split paragraphs first).
std::vector<Line> layout_paragraph(std::u32string_view text, const Metrics& metrics,
                                   const ParagraphStyle& style);
// The same for UTF-8 text.
std::vector<Line> layout_paragraph(std::string_view utf8, const Metrics& metrics,
                                   const ParagraphStyle& style);

// Lays out a title on as few lines as it needs, balanced so that no line is
// a short stub (GB/T 9704: a long line and a stub look wrong). Centered.
std::vector<Line> layout_title(std::string_view utf8, const Metrics& metrics,
                               const ParagraphStyle& style);

// Natural width of a UTF-8 string set on one line, in pt.
double measure(std::string_view utf8, const Metrics& metrics, double size);

// allowed[i] is true when a line may break before text[i] (i > 0): UAX #14
// from ICU's line BreakIterator, tailored by the 禁则 below.
std::vector<uint8_t> break_opportunities(std::u32string_view text, bool strict);

// 禁则: characters that may not start a line (、。，：；！？）」》… and, in
// strict mode, —— and ……) and that may not end one (（「《“…).
bool no_line_start(char32_t cp, bool strict);
bool no_line_end(char32_t cp);

// True for CJK punctuation whose glyph is half ink, half space (，。、；：
// ）」》 …), which may be squeezed to half width at a line end.
bool squeezable(char32_t cp);

}  // namespace qd::ts
