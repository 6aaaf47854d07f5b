// A PDF document as the writers see it: pages, laid-out lines in a font
// role, rules, boxes and arrows, and bookmarks. Drawing is recorded first;
// finish() then subsets every font to the characters used (HarfBuzz),
// embeds each subset as a Type0 font whose CIDs are its glyph ids (with its
// ToUnicode CMap), renders with libharu, and post-processes with PoDoFo
// (document properties, bookmarks), so the result is a function of what was
// drawn and the build date only. A long document may be streamed instead:
// its characters declared first, each page is written as it is finished.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/text.h"
#include "pdf/fonts.h"
#include "typeset/line.h"

namespace qd::pdf {

// An RGB colour, components 0–1.
struct Color {
  double r = 0, g = 0, b = 0;
};
inline constexpr Color kBlack{0, 0, 0};
inline constexpr Color kRed{0.8, 0, 0};
inline constexpr Color kGray{0.5, 0.5, 0.5};

// Document properties, written in Chinese into the PDF's Info dictionary.
struct DocumentInfo {
  std::string title;
  std::string author;   // the department or the county office
  std::string subject;
  std::string keywords;
  Date date;            // creation and modification date (the build date)
};

// A bookmark: title, target page (0-based) and children.
struct Outline {
  std::string title;
  int page = 0;
  std::vector<Outline> children;
};

class Document {
 public:
  Document(const FontLibrary& fonts, DocumentInfo info);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Starts a new page of the given size (pt); later drawing goes there.
  void new_page(double width, double height);
  int page_count() const;
  // The current page (0-based).
  int page() const;

  // Draws a laid-out line with its left edge at x and its baseline at y
  // (PDF coordinates: origin bottom left, in pt).
  void draw_line(const ts::Line& line, Role role, double size, double x, double y,
                 Color color = kBlack);
  // Draws UTF-8 text on one line (no breaking) starting at x, baseline y.
  void draw_text(std::string_view utf8, Role role, double size, double x, double y,
                 Color color = kBlack);
  // A straight line.
  void stroke_line(double x1, double y1, double x2, double y2, double width = 0.5,
                   Color color = kBlack);
  // A rectangle (x, y = bottom left), stroked and/or filled.
  void rect(double x, double y, double w, double h, double line_width = 0.5,
            Color stroke = kBlack, bool fill = false, Color fill_color = {1, 1, 1});
  // An arrow from (x1, y1) to (x2, y2) with a filled head at the end.
  void arrow(double x1, double y1, double x2, double y2, double width = 0.8,
             Color color = kBlack);
  // An image of black and white modules (QR codes): `size` modules square,
  // modules[row * size + col] != 0 is black; drawn at (x, y) bottom left, w pt wide.
  void modules(const std::vector<uint8_t>& modules, int size, double x, double y, double w);

  // Adds a top-level bookmark tree (call in order).
  void add_outline(Outline outline);

  // On (the default): every font is subset to the characters drawn. Off:
  // whole fonts, embedded the way plain libharu does it (all tables kept,
  // unused glyphs blanked) — for size baselines (bench/), never for output.
  void set_font_subsetting(bool on);

  // Streaming, for documents of thousands of pages: declare() every line
  // the document will draw (its characters fix the font subsets), then
  // stream(); from then on each page is written out when the next one
  // starts instead of being kept until finish(). The bytes are the same as
  // without streaming when exactly the lines drawn were declared; drawing a
  // character that was not declared makes finish() fail.
  void declare(const ts::Line& line, Role role);
  void stream();

  // Renders the document. Characters no font has are skipped here (the
  // caller reports them as TEXT-CHARS beforehand).
  Result<std::string> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace qd::pdf
