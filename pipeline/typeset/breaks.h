// Break opportunities: ICU's UAX #14 line breaker, tailored by the 禁则 of
// layout.md. The public entry point break_opportunities is in layout.h.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace qd::ts {

// Raw UAX #14 opportunities from ICU's line BreakIterator (zh_CN, or
// zh_CN@lb=strict): out[i] = 1 when ICU allows a break before text[i]
// (out[0] = 0). The iterators are created once per thread and reused.
// Falls back to "break anywhere" if ICU cannot create an iterator.
void icu_line_breaks(std::u32string_view text, bool strict, std::vector<uint8_t>& out);

// break_opportunities into a caller-owned buffer (no allocation once the
// buffer has grown): ICU's opportunities, tailored (see breaks.cc).
void tailored_breaks(std::u32string_view text, bool strict, std::vector<uint8_t>& out);

// Word boundaries from ICU's word BreakIterator (zh: Chinese is segmented
// with ICU's dictionary, "企业|职工|基本|养老|保险"): out[i] = 1 when a word
// starts at text[i] (out[0] = 0). Falls back to "everywhere" if ICU fails.
void icu_word_breaks(std::u32string_view text, std::vector<uint8_t>& out);

// Break opportunities of a short display line: the tailored line breaks
// (禁则) that are also word boundaries.
void word_breaks(std::u32string_view text, bool strict, std::vector<uint8_t>& out);

}  // namespace qd::ts
