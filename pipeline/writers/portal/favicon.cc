#include "writers/portal/favicon.h"

#include <algorithm>
#include <cstdint>

namespace qd::portal {

namespace {

struct Rgb {
  uint8_t r, g, b;
};
constexpr Rgb kRed{0x8b, 0x1a, 0x1a};  // header.site in site.css
constexpr Rgb kWhite{0xff, 0xff, 0xff};

// True when (x, y) (pixel units, 0..32) lies in the rounded square.
bool in_square(double x, double y) {
  const double r = 6, n = kFaviconSize;
  double cx = std::clamp(x, r, n - r), cy = std::clamp(y, r, n - r);
  return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

// True when (x, y) lies on one of the list's three rows: a bullet and a bar.
bool on_list(double x, double y) {
  for (double top : {8.0, 14.5, 21.0}) {
    if (y < top || y >= top + 3.5) continue;
    if ((x >= 6.5 && x < 10) || (x >= 12 && x < 25.5)) return true;
  }
  return false;
}

void put16(std::string& out, unsigned v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>((v >> 8) & 0xff);
}
void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xffff);
  put16(out, v >> 16);
}

}  // namespace

std::string favicon_ico() {
  const int n = kFaviconSize, ss = 4;  // 4×4 samples per pixel smooth the edges
  const uint32_t pixels = static_cast<uint32_t>(n * n * 4);
  const uint32_t mask = static_cast<uint32_t>(n * ((n + 31) / 32) * 4);
  std::string out;
  // ICONDIR and its one entry.
  put16(out, 0);
  put16(out, 1);
  put16(out, 1);
  out += static_cast<char>(n);
  out += static_cast<char>(n);
  out += '\0';
  out += '\0';
  put16(out, 1);
  put16(out, 32);
  put32(out, 40 + pixels + mask);
  put32(out, 22);
  // BITMAPINFOHEADER: the height counts the image and its AND mask.
  put32(out, 40);
  put32(out, static_cast<uint32_t>(n));
  put32(out, static_cast<uint32_t>(2 * n));
  put16(out, 1);
  put16(out, 32);
  put32(out, 0);
  put32(out, pixels + mask);
  for (int i = 0; i < 4; ++i) put32(out, 0);
  // Rows bottom-up, BGRA with straight alpha: colour, then coverage.
  for (int py = n - 1; py >= 0; --py) {
    for (int px = 0; px < n; ++px) {
      int inside = 0, white = 0;
      for (int sy = 0; sy < ss; ++sy)
        for (int sx = 0; sx < ss; ++sx) {
          double x = px + (sx + 0.5) / ss, y = py + (sy + 0.5) / ss;
          if (!in_square(x, y)) continue;
          ++inside;
          white += on_list(x, y);
        }
      auto mix = [&](uint8_t a, uint8_t b) {
        return inside ? static_cast<char>((a * (inside - white) + b * white) / inside) : '\0';
      };
      out += mix(kRed.b, kWhite.b);
      out += mix(kRed.g, kWhite.g);
      out += mix(kRed.r, kWhite.r);
      out += static_cast<char>(inside * 255 / (ss * ss));
    }
  }
  out.append(mask, '\0');
  return out;
}

}  // namespace qd::portal
