// The 办事指南 booklets laid out as pages (before any PDF): a department's
// booklet and the county's compilation, with their bookmarks and document
// properties. write_guides() renders them; tests read the lines directly.
#pragma once

#include <string>
#include <vector>

#include "layout/flow.h"
#include "model/catalog.h"
#include "pdf/document.h"
#include "print/guide_template.h"

namespace qd {

struct Booklet {
  std::vector<layout::Page> pages;
  std::vector<pdf::Outline> outlines;
  pdf::DocumentInfo info;
  // Page index (0-based) of each item's first page, in the order laid out.
  std::vector<std::pair<const Item*, int>> item_pages;
  // The contents entries as printed: title and page number.
  std::vector<std::pair<std::string, int>> contents;
};

// One department's booklet: cover, contents, one section per published item.
Booklet lay_out_department(const Catalog& catalog, const DepartmentInfo& dept,
                           const GuideTemplate& tmpl, const layout::Fonts& fonts, Date date);
// The county's compiled booklet: cover, one contents, every department in
// settings order (a title page, then its items).
Booklet lay_out_county(const Catalog& catalog, const GuideTemplate& tmpl,
                       const layout::Fonts& fonts, Date date);

// Replays the pages into a PDF document and returns its bytes (the pages
// are dropped as they are written).
Result<std::string> render_booklet(Booklet booklet, const layout::Frame& frame,
                                   const pdf::FontLibrary& fonts);

}  // namespace qd
