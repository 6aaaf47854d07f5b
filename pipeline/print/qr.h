// QR codes on printed material: a URL encoded with libqrencode (error
// correction level M, byte mode) as a square of modules that already carries
// its quiet zone, ready for pdf::Document::modules(); and the URL of an
// item's online guide that the codes carry.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/catalog.h"

namespace qd::print {

// Width of the quiet zone on every side, in modules (ISO/IEC 18004).
inline constexpr int kQuietZone = 4;

// The smallest module printed, so that a phone (and zbarimg on a 150 dpi
// rendering, about 4 pixels a module) reads the code reliably.
inline constexpr double kMinModuleMm = 0.8;

// The pixel grid of a 150 dpi rendering, pt; 300 and 600 dpi share it.
inline constexpr double kGridPt = 72.0 / 150;

struct QrCode {
  int size = 0;                  // modules per side, quiet zone included
  std::vector<uint8_t> modules;  // row-major, row 0 on top; != 0 is black
  // Modules per side of the code itself (without the quiet zone).
  int symbol_size() const { return size - 2 * kQuietZone; }
  // Width in pt, quiet zone included, for a symbol at least `symbol_pt`
  // wide and modules at least kMinModuleMm, each module a whole number of
  // kGridPt (so that a 150 dpi rendering has no seams inside the code).
  double width_for(double symbol_pt) const;
};

// Encodes `text`; an error when it is empty or too long for a QR code.
Result<QrCode> qr_encode(std::string_view text);

// The URL of an item's online guide: settings.guide_url_template with every
// "{impl_code}" replaced by the item's 实施编码; "" when the template or the
// code is empty.
std::string guide_url(const Settings& settings, const Item& item);

}  // namespace qd::print
