// One window's poster (layout.md "Window poster") laid out as sheets, before
// any PDF: the window number and name large at the top, the departments,
// every item handled there as a card (QR code to its online guide, name in
// balanced lines broken between words, 办件类型, 承诺时限, 到现场次数, 收费),
// the phones, and the list version and date in small print. Items that do
// not fit one sheet flow onto more columns and sheets, spread evenly over
// them (no last sheet holding one item).
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"
#include "model/catalog.h"
#include "print/sheet.h"

namespace qd {

enum class Paper { A3, A4 };

// The poster paper of the settings ("A4" → A4, otherwise A3).
Paper poster_paper(const Settings& settings);

// Readable at 1–2 m: nothing on a poster is set smaller than kPosterMinSize
// but its footer line (list version, date, office, page), and item names are
// kPosterNameSize. Cards do not shrink their type to fit: the scales only
// tighten their spacing (QR code width, gaps, line pitch); more items go to
// more columns and sheets.
inline constexpr double kPosterScales[] = {1.0, 0.9, 0.8};
inline constexpr double kPosterNameSize = 24;    // item name, pt (8.5 mm)
inline constexpr double kPosterDetailSize = 16;  // its details, pt
inline constexpr double kPosterMinSize = 16;     // anything else but the footer line

struct Poster {
  std::vector<print::Sheet> sheets;
  int columns = 0;   // columns of item cards
  double scale = 1;  // one of kPosterScales (the cards' spacing)
  // The margins every drawing stays inside (PDF coordinates).
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  pdf::DocumentInfo info;
};

// What the poster of a window prints of `item`, and what decides which
// window shows it, as one string: its department (the grouping and the phone
// lines), its main item (windows name items by their main item), its name,
// its 实施编码 (the QR code's URL), the four facts of its card and its
// consulting and complaint phones. Two versions of an item with equal
// strings give the same posters; the history stage then keeps the item's
// poster version. Kept beside the drawing code so the two stay in step.
std::string poster_fields(const Item& item);

// The list version a poster of these items prints (清单版本, 制作日期, the
// PDF's date): the latest of their poster versions, or the build date when
// none is set; none (invalid) for no items.
Date poster_version_of(const Catalog& catalog, const std::vector<const Item*>& items);

// Lays out the poster of `window` (in `hall`) listing `items` (at least one:
// a window without items gets no poster); `date` is printed as 制作日期
// (none for an invalid date).
Result<Poster> lay_out_poster(const Catalog& catalog, const Hall& hall, const Window& window,
                              const std::vector<const Item*>& items, Paper paper,
                              const layout::Fonts& fonts, Date date);

}  // namespace qd
