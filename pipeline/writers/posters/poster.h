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
#include "writers/print/sheet.h"

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

// Lays out the poster of `window` (in `hall`) listing `items`.
Result<Poster> lay_out_poster(const Catalog& catalog, const Hall& hall, const Window& window,
                              const std::vector<const Item*>& items, Paper paper,
                              const layout::Fonts& fonts, Date date);

}  // namespace qd
