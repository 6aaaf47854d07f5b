// The portal's icon, favicon.ico at the site root: a browser asks every site
// for /favicon.ico, and the pages link it, so no page logs a 404 for it. A
// list on the header's dark red, drawn here so that it is the same bytes on
// every build and needs no image tool.
#pragma once

#include <string>

namespace qd::portal {

// Side of the icon in pixels.
inline constexpr int kFaviconSize = 32;

// The icon as an .ico file: one 32×32 image, 32-bit BGRA with alpha
// (rounded corners), bottom-up rows, an all-zero AND mask.
std::string favicon_ico();

}  // namespace qd::portal
