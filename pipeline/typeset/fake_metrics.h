// Test helper: fake font metrics like a Chinese body font — Han, kana, CJK
// punctuation, full-width forms, curly quotes, — and … at 1 em; ⸺ ⸻ at 2 and
// 3 em; ASCII and other Latin at 0.5 em; U+FFFF marks "no glyph" (-1).
#pragma once

#include "typeset/kinsoku.h"
#include "typeset/line.h"

namespace qd::ts::testing {

class FakeMetrics : public Metrics {
 public:
  // Advance in em as described above.
  double advance(char32_t cp) const override {
    if (cp == 0xFFFF) return -1;
    if (cp == U'⸺') return 2;
    if (cp == U'⸻') return 3;
    if (cp < 0x2000) return 0.5;
    return 1.0;
  }
};

}  // namespace qd::ts::testing
