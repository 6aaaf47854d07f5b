#include "print/sheet.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include "base/files.h"
#include "base/text.h"
#include "layout/flow.h"
#include "print/replay.h"

namespace qd::print {

namespace fs = std::filesystem;

namespace {

// The box of a laid-out line: from its first glyph's left edge to its last
// glyph's right edge, and the em box around the baseline.
Box text_box(const layout::TextOp& t) {
  Box b;
  if (t.line.glyphs.empty()) return b;
  b.x0 = t.x + t.line.glyphs.front().x;
  b.x1 = t.x + t.line.glyphs.back().x + t.line.glyphs.back().advance;
  b.y0 = t.y - (1 - layout::kAscent) * t.size;
  b.y1 = t.y + layout::kAscent * t.size;
  b.what = utf8_encode(t.line.text());
  return b;
}

}  // namespace

void place_block(const Block& block, double x, double top, Sheet& sheet) {
  for (layout::TextOp t : block.texts) {
    t.x += x;
    t.y += top;
    sheet.page.texts.push_back(std::move(t));
  }
  for (layout::RectOp r : block.rects) {
    r.x += x;
    r.y += top;
    sheet.page.rects.push_back(r);
  }
  for (layout::RuleOp r : block.rules) {
    r.x1 += x;
    r.x2 += x;
    r.y1 += top;
    r.y2 += top;
    sheet.page.rules.push_back(r);
  }
  for (CodeOp c : block.codes) {
    c.x += x;
    c.y += top;
    sheet.codes.push_back(std::move(c));
  }
}

double add_lines(Block& block, const std::vector<ts::Line>& lines, const LineStyle& style,
                 double x, double top, double width) {
  using Align = ts::ParagraphStyle::Align;
  for (const ts::Line& line : lines) {
    layout::TextOp op;
    op.role = style.role;
    op.size = style.size;
    op.gray = style.gray;
    op.x = x;
    if (style.align != Align::Left && !line.glyphs.empty()) {
      const double w = layout::line_extent(line);
      op.x = x + (style.align == Align::Center ? (width - w) / 2 : width - w) - line.glyphs.front().x;
    }
    op.y = top - layout::baseline_offset(style.size, style.pitch);
    op.line = line;
    block.texts.push_back(std::move(op));
    top -= style.pitch;
  }
  return top;
}

void snap_codes(Sheet& sheet) {
  for (CodeOp& c : sheet.codes) {
    c.x = std::ceil(c.x / kGridPt - 1e-9) * kGridPt;
    const double from_top = std::ceil((sheet.height - (c.y + c.w)) / kGridPt - 1e-9) * kGridPt;
    c.y = sheet.height - from_top - c.w;
  }
}

std::vector<Box> sheet_boxes(const Sheet& sheet) {
  std::vector<Box> out;
  for (const layout::TextOp& t : sheet.page.texts)
    if (!t.line.glyphs.empty()) out.push_back(text_box(t));
  for (const layout::TextOp& t : sheet.white)
    if (!t.line.glyphs.empty()) out.push_back(text_box(t));
  for (const CodeOp& c : sheet.codes)
    out.push_back({c.x, c.y, c.x + c.w, c.y + c.w, "QR"});
  return out;
}

std::vector<std::pair<size_t, size_t>> overlapping(const std::vector<Box>& boxes, double tolerance) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      const Box& a = boxes[i];
      const Box& b = boxes[j];
      if (a.x0 < b.x1 - tolerance && b.x0 < a.x1 - tolerance && a.y0 < b.y1 - tolerance &&
          b.y0 < a.y1 - tolerance)
        out.push_back({i, j});
    }
  return out;
}

namespace {

// Renders the sheets; with `pad`, also an invisible space in every font role
// on the first page (see render_sheets).
Result<std::string> render(const std::vector<Sheet>& sheets, const pdf::DocumentInfo& info,
                           const pdf::FontLibrary& fonts, bool pad) {
  pdf::Document doc(fonts, info);
  for (const Sheet& s : sheets) {
    doc.new_page(s.width, s.height);
    for (const FillOp& f : s.fills) doc.rect(f.x, f.y, f.w, f.h, 0, f.color, true, f.color);
    draw_page(doc, s.page);
    for (const layout::TextOp& t : s.white)
      doc.draw_line(t.line, t.role, t.size, t.x, t.y, pdf::Color{1, 1, 1});
    for (const CodeOp& c : s.codes) doc.modules(c.code.modules, c.code.size, c.x, c.y, c.w);
    if (pad && doc.page_count() == 1)
      for (int r = 0; r < kRoleCount; ++r) doc.draw_text(" ", static_cast<Role>(r), 1, 0, 0);
  }
  return doc.finish();
}

}  // namespace

Result<std::string> render_sheets(const std::vector<Sheet>& sheets, const pdf::DocumentInfo& info,
                                  const pdf::FontLibrary& fonts) {
  auto bytes = render(sheets, info, fonts, false);
  if (bytes.ok()) return bytes;
  // Workaround: libharu 2.3.0 fails to save (HPDF_INVALID_OBJECT, 0x1033)
  // for a few particular font subsets (e.g. WenQuanYi Zen Hei with the 53
  // characters of one sample notice's headings); any other glyph set saves.
  // A space drawn in every role changes the sets without any visible mark.
  // Remove once pipeline/pdf handles these subsets itself.
  auto padded = render(sheets, info, fonts, true);
  return padded.ok() ? padded : bytes;
}

Status write_output(const std::string& output_dir, const std::string& rel, const std::string& bytes) {
  return write_file((fs::path(output_dir) / fs::path(rel)).string(), bytes);
}

Status write_rendered(const std::string& output_dir, const std::string& rel,
                      const Result<std::string>& bytes, std::vector<std::string>* written) {
  if (!bytes.ok()) return bytes.error();
  QD_TRY(write_output(output_dir, rel, bytes.value()));
  written->push_back(rel);
  return Ok{};
}

}  // namespace qd::print
