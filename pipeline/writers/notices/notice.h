// One item's 一次性告知单 laid out as A4 sheets, before any PDF: what an
// applicant takes home — the item name, its conditions (受理条件), the
// materials as a checklist with drawn boxes, the time limits (法定/承诺), fees,
// place and hours, phones, a QR code to the online guide, the list version.
// Content that does not fit one page shrinks within readable limits, then
// continues on further pages; nothing is clipped.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"
#include "model/catalog.h"
#include "print/sheet.h"

namespace qd {

// The scales tried, largest first: body text 12 pt (小四) down to 10.5 pt
// (五号), the smallest a handout is comfortably read at.
inline constexpr double kNoticeScales[] = {1.0, 0.9375, 0.875};
inline constexpr double kNoticeBodySize = 12;

struct Notice {
  std::vector<print::Sheet> sheets;
  double scale = 1;  // one of kNoticeScales
  // The margins every drawing stays inside (PDF coordinates).
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // The checkboxes drawn for the materials, one per material, in order
  // (page, rectangle): tests check they sit beside their lines.
  std::vector<std::pair<int, layout::RectOp>> boxes;
  pdf::DocumentInfo info;
};

// Lays out the notice of a published item.
Result<Notice> lay_out_notice(const Catalog& catalog, const Item& item, const layout::Fonts& fonts,
                              Date date);

}  // namespace qd
