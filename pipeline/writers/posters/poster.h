// One window's poster (layout.md "Window poster") laid out as sheets, before
// any PDF: the window number and name large at the top, the departments,
// every item handled there as a card (QR code to its online guide, name,
// 办件类型, 承诺时限, 到现场次数, 收费), the phones, and the list version and
// date in small print. Items that do not fit shrink within readable limits,
// then flow onto more columns and sheets.
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

// Readable limits and the steps between them: every size of an item card is
// its normal size times the scale. At the smallest scale an item name is
// 18 pt (6.3 mm) and its details 12 pt (4.2 mm), readable at about 1 m.
inline constexpr double kPosterScales[] = {1.0, 0.9, 0.8, 0.75};
inline constexpr double kPosterNameSize = 24;    // item name at scale 1, pt
inline constexpr double kPosterDetailSize = 16;  // its details at scale 1, pt

struct Poster {
  std::vector<print::Sheet> sheets;
  int columns = 0;   // columns of item cards
  double scale = 1;  // one of kPosterScales
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
// none is set. None (invalid) for a window without items: its poster prints
// no date, so it stays the same from night to night instead of asking the
// hall to reprint a sheet that says only that there are no items.
Date poster_version_of(const Catalog& catalog, const std::vector<const Item*>& items);

// Lays out the poster of `window` (in `hall`) listing `items`; `date` is
// printed as 制作日期 (none for an invalid date).
Result<Poster> lay_out_poster(const Catalog& catalog, const Hall& hall, const Window& window,
                              const std::vector<const Item*>& items, Paper paper,
                              const layout::Fonts& fonts, Date date);

}  // namespace qd
