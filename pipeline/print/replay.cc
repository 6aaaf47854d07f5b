#include "print/replay.h"

namespace qd::print {

void draw_page(pdf::Document& doc, const layout::Page& p) {
  for (const layout::RectOp& r : p.rects) {
    if (r.fill >= 0)
      doc.rect(r.x, r.y, r.w, r.h, r.width, pdf::kBlack, true, pdf::Color{r.fill, r.fill, r.fill});
    else
      doc.rect(r.x, r.y, r.w, r.h, r.width);
  }
  for (const layout::RuleOp& r : p.rules) doc.stroke_line(r.x1, r.y1, r.x2, r.y2, r.width);
  for (const layout::TextOp& t : p.texts)
    doc.draw_line(t.line, t.role, t.size, t.x, t.y, t.gray ? pdf::kGray : pdf::kBlack);
  for (const layout::ArrowOp& a : p.arrows) doc.arrow(a.x1, a.y1, a.x2, a.y2, a.width);
}

Result<std::string> render_pages(std::vector<layout::Page> pages, const layout::Frame& frame,
                                 const std::vector<pdf::Outline>& outlines,
                                 const pdf::DocumentInfo& info, const pdf::FontLibrary& fonts) {
  pdf::Document doc(fonts, info);
  for (const layout::Page& p : pages)
    for (const layout::TextOp& t : p.texts) doc.declare(t.line, t.role);
  doc.stream();
  for (layout::Page& p : pages) {
    doc.new_page(frame.page_width, frame.page_height);
    draw_page(doc, p);
    p = layout::Page{};
  }
  for (const pdf::Outline& o : outlines) doc.add_outline(o);
  return doc.finish();
}

}  // namespace qd::print
