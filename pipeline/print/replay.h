// The printing kit's replay: draws laid-out pages (layout::Page) into a PDF.
// Every PDF writer — booklets, the leaders' report, posters, notices —
// lays its pages out first and replays them here, page by page.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "layout/page.h"
#include "pdf/document.h"

namespace qd::print {

// Replays one laid-out page into the current page of a document: fills and
// rectangles, rules, text, arrows.
void draw_page(pdf::Document& doc, const layout::Page& page);

// Replays pages of `frame`'s size into a new PDF and returns its bytes. The
// characters of every page are declared first, then each page is drawn and
// dropped, so that a compilation of thousands of pages is never held twice.
Result<std::string> render_pages(std::vector<layout::Page> pages, const layout::Frame& frame,
                                 const std::vector<pdf::Outline>& outlines,
                                 const pdf::DocumentInfo& info, const pdf::FontLibrary& fonts);

}  // namespace qd::print
