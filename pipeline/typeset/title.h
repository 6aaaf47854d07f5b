// Balanced, centred titles (GB/T 9704: 2号小标宋, centred, no stub lines).
// The public entry point layout_title is declared in layout.h.
#pragma once

#include <string_view>
#include <vector>

#include "typeset/line.h"

namespace qd::ts {

// The narrowest box width (between the full width and the text's width
// divided by the line count) at which `text` still sets on as many lines
// as in `style.width`: the balanced width. Title styles have no indent.
double balanced_width(std::u32string_view text, const Metrics& metrics,
                      const ParagraphStyle& style);

}  // namespace qd::ts
