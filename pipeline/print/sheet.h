// A printed sheet as laid out, before any PDF: the draw operations of a
// layout::Page plus what posters and notices add (QR codes, colour fills,
// white text on them). Tests check the geometry on these (no text over text,
// nothing outside the margins); render_sheets() replays them into a PDF.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"
#include "pdf/document.h"
#include "print/qr.h"

namespace qd::print {

// A QR code drawn with its bottom left corner at (x, y), `w` pt wide
// including the quiet zone.
struct CodeOp {
  QrCode code;
  double x = 0, y = 0, w = 0;
};

// A filled rectangle in a colour (drawn before everything else).
struct FillOp {
  double x = 0, y = 0, w = 0, h = 0;
  pdf::Color color;
};

// One page of a poster or notice.
struct Sheet {
  double width = 0, height = 0;  // paper size, pt
  std::vector<FillOp> fills;
  layout::Page page;                      // rects, rules, text
  std::vector<layout::TextOp> white;      // text drawn in white over the fills
  std::vector<CodeOp> codes;
};

// What occupies a rectangle of a sheet: a line of text (its ink extent and
// em box) or a QR code (with its quiet zone).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // PDF coordinates, x0 < x1, y0 < y1
  std::string what;                       // the text, or "QR"
};

// A block of a column flow (layout::flow_columns) with its draw operations
// in local coordinates: x from the block's left edge, y from its top edge
// (so y <= 0 inside the block).
struct Block {
  double height = 0;
  double before = 0;            // space above, dropped at the top of a column
  bool keep_with_next = false;
  std::vector<layout::TextOp> texts;
  std::vector<layout::RectOp> rects;
  std::vector<layout::RuleOp> rules;
  std::vector<CodeOp> codes;
};

// Draws a block with its top left corner at (x, top) of a sheet.
void place_block(const Block& block, double x, double top, Sheet& sheet);

// How a run of lines is set in a block.
struct LineStyle {
  Role role = Role::Body;
  double size = 12;
  double pitch = 18;  // baseline to baseline
  ts::ParagraphStyle::Align align = ts::ParagraphStyle::Align::Left;
  bool gray = false;
};

// Appends lines to a block, the first line box's top at local y `top` and
// left edge at `x` in a box `width` wide (alignment inside it); returns the
// local y below the last line box.
double add_lines(Block& block, const std::vector<ts::Line>& lines, const LineStyle& style,
                 double x, double top, double width);

// Moves every code of a sheet right and down by less than kGridPt so that
// its corner sits on the kGridPt grid counted from the paper's top left
// corner (with modules a whole number of grid steps, see QrCode::width_for).
void snap_codes(Sheet& sheet);

// The box of every line of text and every code on a sheet.
std::vector<Box> sheet_boxes(const Sheet& sheet);

// Pairs (i, j), i < j, of boxes that overlap by more than `tolerance` pt.
std::vector<std::pair<size_t, size_t>> overlapping(const std::vector<Box>& boxes,
                                                   double tolerance = 0.01);

// Replays the sheets into one PDF document and returns its bytes.
Result<std::string> render_sheets(const std::vector<Sheet>& sheets, const pdf::DocumentInfo& info,
                                  const pdf::FontLibrary& fonts);

// Writes bytes to output_dir/rel (creating folders); errors name the file.
Status write_output(const std::string& output_dir, const std::string& rel, const std::string& bytes);
// Writes a rendered file (or returns its rendering error) and records its path.
Status write_rendered(const std::string& output_dir, const std::string& rel,
                      const Result<std::string>& bytes, std::vector<std::string>* written);

}  // namespace qd::print
