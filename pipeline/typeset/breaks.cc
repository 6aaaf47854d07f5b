#include "typeset/breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <string>

#include "typeset/kinsoku.h"
#include "typeset/line.h"

namespace qd::ts {
namespace {

// Per-thread ICU state: creating a line BreakIterator loads rule data and
// costs far more than breaking a paragraph, so each thread keeps one per mode.
struct IcuState {
  std::unique_ptr<icu::BreakIterator> normal, strict, word;
  bool normal_failed = false, strict_failed = false, word_failed = false;
  std::u16string u16;
  std::vector<int32_t> to_cp;  // UTF-16 index -> code-point index
};

// The calling thread's ICU state.
IcuState& state() {
  thread_local IcuState s;
  return s;
}

// The thread's line iterator for the mode, created on first use; null if ICU fails.
icu::BreakIterator* iterator(IcuState& s, bool strict) {
  auto& it = strict ? s.strict : s.normal;
  bool& failed = strict ? s.strict_failed : s.normal_failed;
  if (!it && !failed) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createLineInstance(
        icu::Locale(strict ? "zh_CN@lb=strict" : "zh_CN"), status));
    if (U_FAILURE(status)) {
      it.reset();
      failed = true;
    }
  }
  return it.get();
}

// The thread's word iterator (zh), created on first use; null if ICU fails.
icu::BreakIterator* word_iterator(IcuState& s) {
  if (!s.word && !s.word_failed) {
    UErrorCode status = U_ZERO_ERROR;
    s.word.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) {
      s.word.reset();
      s.word_failed = true;
    }
  }
  return s.word.get();
}

// Runs `bi` over `text` and sets out[i] = 1 at every boundary inside it
// (out sized and cleared by the caller). False if ICU failed.
bool boundaries(icu::BreakIterator* bi, IcuState& s, std::u32string_view text,
                std::vector<uint8_t>& out) {
  const size_t n = text.size();
  // UTF-16 copy with a map back to code-point indices (surrogate pairs map
  // both units to their code point; ICU never breaks between them).
  s.u16.clear();
  s.to_cp.clear();
  s.u16.reserve(n + 8);
  s.to_cp.reserve(n + 9);
  for (size_t i = 0; i < n; ++i) {
    char32_t cp = text[i];
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      s.u16.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      s.u16.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
      s.to_cp.push_back(static_cast<int32_t>(i));
      s.to_cp.push_back(static_cast<int32_t>(i));
    } else {
      s.u16.push_back(static_cast<char16_t>(cp));
      s.to_cp.push_back(static_cast<int32_t>(i));
    }
  }
  s.to_cp.push_back(static_cast<int32_t>(n));

  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, s.u16.data(), static_cast<int64_t>(s.u16.size()), &status);
  bi->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    return false;
  }
  for (int32_t b = bi->first(); b != icu::BreakIterator::DONE; b = bi->next()) {
    int32_t cp = s.to_cp[static_cast<size_t>(b)];
    if (cp > 0 && static_cast<size_t>(cp) < n) out[static_cast<size_t>(cp)] = 1;
  }
  utext_close(&ut);
  return true;
}

}  // namespace

void icu_line_breaks(std::u32string_view text, bool strict, std::vector<uint8_t>& out) {
  const size_t n = text.size();
  out.assign(n, 0);
  if (n < 2) return;
  IcuState& s = state();
  icu::BreakIterator* bi = iterator(s, strict);
  if (!bi || !boundaries(bi, s, text, out)) {
    for (size_t i = 1; i < n; ++i) out[i] = 1;
  }
}

void icu_word_breaks(std::u32string_view text, std::vector<uint8_t>& out) {
  const size_t n = text.size();
  out.assign(n, 0);
  if (n < 2) return;
  IcuState& s = state();
  icu::BreakIterator* bi = word_iterator(s);
  if (!bi || !boundaries(bi, s, text, out)) {
    for (size_t i = 1; i < n; ++i) out[i] = 1;
  }
}

void word_breaks(std::u32string_view text, bool strict, std::vector<uint8_t>& out) {
  tailored_breaks(text, strict, out);
  thread_local std::vector<uint8_t> words;
  icu_word_breaks(text, words);
  for (size_t i = 0; i < out.size(); ++i) out[i] = out[i] && words[i];
}

// Tailoring, applied to each position between text[i-1] and text[i]:
//  + allow a break before “‘ and after ”’ next to Chinese text (ICU 72
//    follows the pre-15.1 LB19 and never breaks around quotation marks);
//  - no break before a no_line_start character or after a no_line_end one;
//  - no break inside a run of latin_run_char (ICU breaks after / and - in
//    URLs and phone numbers);
//  - no break between the halves of —— …… ⋯⋯;
//  - no break between a digit and a following unit (20|个工作日), nor
//    inside a unit of several characters after a number (20个|工作日);
//  - no break inside a date (2017年|9月|30日): after 年 or 月 that follow a
//    digit, before a digit;
//  + always a break after a mandatory break character (but not in CR|LF).
void tailored_breaks(std::u32string_view text, bool strict, std::vector<uint8_t>& out) {
  icu_line_breaks(text, strict, out);
  const size_t n = text.size();
  size_t unit_end = 0;  // positions before it are inside a number's unit
  for (size_t i = 1; i < n; ++i) {
    const char32_t a = text[i - 1], b = text[i];
    bool ok = out[i] != 0;
    if (is_digit(a) && !is_digit(b)) unit_end = i + unit_length(text.substr(i));
    if (!ok) {
      if ((b == U'“' || b == U'‘') && (is_wide_cjk(a) || a == U'”' || a == U'’')) ok = true;
      if ((a == U'”' || a == U'’') && (is_wide_cjk(b) || b == U'“' || b == U'‘')) ok = true;
    }
    if (no_line_start(b, strict) || no_line_end(a)) ok = false;
    if (latin_run_char(a) && latin_run_char(b)) ok = false;
    if (a == b && doubled_punctuation(a)) ok = false;
    if (is_digit(a) && unit_after_number(b)) ok = false;
    if (i < unit_end) ok = false;
    if (date_part(a) && is_digit(b) && i >= 2 && is_digit(text[i - 2])) ok = false;
    if (mandatory_break(a)) ok = !(a == 0x0D && b == 0x0A);
    out[i] = ok ? 1 : 0;
  }
}

std::vector<uint8_t> break_opportunities(std::u32string_view text, bool strict) {
  std::vector<uint8_t> out;
  tailored_breaks(text, strict, out);
  return out;
}

}  // namespace qd::ts
