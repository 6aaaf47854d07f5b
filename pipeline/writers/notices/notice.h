// One item's 一次性告知单 laid out as A4 sheets, before any PDF: what an
// applicant takes home — the item name, its conditions (受理条件), the
// materials as a checklist with drawn boxes (each material's note after
// "注："), the time limits (法定/承诺) and fees, place and hours, phones, a QR
// code to the online guide, the list version, and the signature block the
// hall and the applicant sign (告知人, 申请人签字, 日期). Content that does not
// fit one page shrinks within readable limits, then tightens its leading;
// only then does it continue on further pages, spread evenly over them
// (never a second page holding a few lines).
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
// The leading tried at the smallest scale before a second page, loosest
// first (line pitch and gaps relative to their normal size).
inline constexpr double kNoticeLeadings[] = {1.0, 0.92, 0.84};
inline constexpr double kNoticeBodySize = 12;

struct Notice {
  std::vector<print::Sheet> sheets;
  double scale = 1;    // one of kNoticeScales
  double leading = 1;  // one of kNoticeLeadings
  // The margins every drawing stays inside (PDF coordinates).
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // The checkboxes drawn for the materials, one per material, in order
  // (page, rectangle): tests check they sit beside their lines.
  std::vector<std::pair<int, layout::RectOp>> boxes;
  // The lines the signatures go on (page, rule): tests check they are on
  // the last page, under the content.
  std::vector<std::pair<int, layout::RuleOp>> signature_lines;
  pdf::DocumentInfo info;
};

// Lays out the notice of a published item.
Result<Notice> lay_out_notice(const Catalog& catalog, const Item& item, const layout::Fonts& fonts,
                              Date date);

}  // namespace qd
