// Display lines: the breaks are chosen over the whole text at once (a short
// text, so a dynamic programme over its break candidates is cheap), not
// greedily line by line as in a paragraph.
//
// Candidates: the word boundaries at which the 禁则 allow a break
// (word_breaks), and the ends of line feeds. A unit between two candidates
// that is wider than any line (a long code, or a long word in a narrow
// column) also gets its character positions as candidates, each counted
// as a forced break, so that it is broken only where nothing else fits.
//
// Cost of a way to break, compared in this order: forced breaks (one
// against the punctuation 禁则 costs as much as a thousand others), number
// of lines, badness: the sum of the squared line widths (least when the
// lines are even) plus 6 em² for each weak break. ICU's dictionary leaves
// the suffixes of the nouns of item names as words of their own (化学|品,
// 结婚|证, 补助|金, 驾驶|证, 第三|类, 范围|内), and splits the words it does not
// know into characters (特|困, 供|养, 核|发): a break before such a suffix,
// or between two one-character words (unless the first is a suffix or
// either is a conjunction or particle: 证|核发, 或|使), is weak. It is taken
// only when a strong one would move more than one character from one line
// to another (moving one costs 2 to 4 em², two 8). Ties go to the longer
// last line.
#include "typeset/display.h"

#include <algorithm>
#include <string_view>

#include "base/text.h"
#include "typeset/breaks.h"
#include "typeset/kinsoku.h"
#include "typeset/paragraph.h"

namespace qd::ts {
namespace {

constexpr double kEps = 1e-6;

// What a candidate end of a line is.
enum : uint8_t { kNone = 0, kWord = 1, kForced = 2, kForcedAgainstRules = 3 };

struct Cost {
  long forced = 0;
  long lines = 0;
  double badness = 0;
  bool reachable = false;
};

// True for a character that, as a word of its own, is most likely the
// suffix of the noun before it (证 书 表 单 卡 费 金 品 类 生 者 员 人 性
// 权 户 库 站 所 局 处 室 院 会 业 制 率 额) or a postposition (内 外 前 后).
bool suffix(char32_t cp) {
  static constexpr std::u32string_view kSuffixes =
      U"证书表单卡费金品类生者员人性权户库站所局处室院会业制率额内外前后";
  return kSuffixes.find(cp) != std::u32string_view::npos;
}

// True for a conjunction or particle, a word of its own (和 及 与 或 并 暨
// 的 之 等).
bool particle(char32_t cp) {
  static constexpr std::u32string_view kParticles = U"和及与或并暨的之等";
  return kParticles.find(cp) != std::u32string_view::npos;
}

// True if `a` is better than `b` or as good.
bool no_worse(const Cost& a, const Cost& b) {
  if (!b.reachable) return true;
  if (a.forced != b.forced) return a.forced < b.forced;
  if (a.lines != b.lines) return a.lines < b.lines;
  return a.badness <= b.badness + 1e-9 * std::max(1.0, b.badness);
}

// The chosen line ends and which of them are forced; empty if no way of
// breaking fits (a single character wider than the box).
struct Plan {
  std::vector<size_t> ends;
  std::vector<uint8_t> forced;
};

// Chooses the breaks of `text` (see the top of the file).
Plan plan(std::u32string_view text, const Metrics& metrics, const ParagraphStyle& style) {
  const size_t n = text.size();
  Plan out;
  if (n == 0) return out;
  const LineWidths lw(text, metrics, style);
  const double avail_first = style.width - style.indent * style.size;
  // Most display lines fit on one line: no need to look for breaks.
  if (std::none_of(text.begin(), text.end() - 1, mandatory_break) &&
      lw.width(0, n, avail_first) <= avail_first + kEps) {
    out.ends.push_back(n);
    out.forced.push_back(0);
    return out;
  }
  std::vector<uint8_t> allowed, words;
  tailored_breaks(text, style.strict, allowed);
  icu_word_breaks(text, words);
  for (size_t i = 0; i < n; ++i) allowed[i] = allowed[i] && words[i];
  const double avail_rest = style.width - style.hanging * style.size;
  const double widest = std::max(avail_first, avail_rest);

  std::vector<uint8_t> cand(n + 1, kNone);
  std::vector<double> weak(n + 1, 0);  // badness of a break before text[e]
  for (size_t e = 1; e < n; ++e) {
    if (allowed[e] || mandatory_break(text[e - 1])) cand[e] = kWord;
    if (!words[e] || !is_han(text[e])) continue;
    const bool single_after = e + 1 >= n || words[e + 1];
    const bool single_before = is_han(text[e - 1]) && (e == 1 || words[e - 1]);
    const bool before_suffix = single_after && suffix(text[e]);
    const bool inside_unknown = single_after && single_before && !suffix(text[e - 1]) &&
                                !particle(text[e - 1]) && !particle(text[e]);
    if (before_suffix || inside_unknown) weak[e] = 6 * style.size * style.size;
  }
  cand[n] = kWord;
  // Units wider than any line may be broken between characters.
  for (size_t u0 = 0, e = 1; e <= n; ++e) {
    if (cand[e] != kWord) continue;
    if (lw.width(u0, e, widest) > widest + kEps) {
      for (size_t k = u0 + 1; k < e; ++k)
        cand[k] = acceptable_forced_break(text, k, style.strict) ? kForced : kForcedAgainstRules;
    }
    u0 = e;
  }

  std::vector<Cost> best(n + 1);
  std::vector<size_t> from(n + 1, 0);
  best[0].reachable = true;
  for (size_t e = 1; e <= n; ++e) {
    if (cand[e] == kNone) continue;
    const long penalty = e == n ? 0 : cand[e] == kForced ? 1 : cand[e] == kForcedAgainstRules ? 1000 : 0;
    for (size_t s = e; s-- > 0;) {
      // A line holds a line feed only as its last character.
      if (s + 1 < e && mandatory_break(text[s])) break;
      const double avail = s == 0 ? avail_first : avail_rest;
      const double w = lw.width(s, e, avail);
      // Longer lines only get wider (squeezing gives back less than this).
      if (w > avail + 4 * style.size) break;
      if (w > avail + kEps || (s > 0 && cand[s] == kNone) || !best[s].reachable) continue;
      Cost c = best[s];
      c.forced += penalty;
      c.lines += 1;
      c.badness += w * w + weak[e];
      if (no_worse(c, best[e])) {
        best[e] = c;
        from[e] = s;
      }
    }
  }
  if (!best[n].reachable) return out;
  for (size_t e = n; e > 0; e = from[e]) {
    out.ends.push_back(e);
    out.forced.push_back(e < n && cand[e] >= kForced);
  }
  std::reverse(out.ends.begin(), out.ends.end());
  std::reverse(out.forced.begin(), out.forced.end());
  return out;
}

}  // namespace

std::vector<Line> layout_display(std::u32string_view text, const Metrics& metrics,
                                 const ParagraphStyle& style) {
  std::vector<Line> out;
  if (text.empty()) return out;
  ParagraphStyle st = style;
  st.justify = false;
  const Plan p = plan(text, metrics, st);
  if (p.ends.empty()) {
    layout_paragraph_into(text, metrics, st, out);  // nothing fits: as a paragraph would
  } else {
    set_lines_at(text, p.ends, p.forced, metrics, st, out);
  }
  return out;
}

std::vector<Line> layout_display(std::string_view utf8, const Metrics& metrics,
                                 const ParagraphStyle& style) {
  const std::u32string text = utf8_decode(utf8);
  return layout_display(std::u32string_view(text), metrics, style);
}

std::vector<std::string> display_lines(std::string_view utf8, const Metrics& metrics,
                                       const ParagraphStyle& style) {
  std::vector<std::string> out;
  for (const Line& l : layout_display(utf8, metrics, style)) {
    std::u32string t = l.text();
    while (!t.empty() && mandatory_break(t.back())) t.pop_back();
    out.push_back(utf8_encode(t));
  }
  return out;
}

std::vector<size_t> display_breaks(std::u32string_view text, const Metrics& metrics,
                                   const ParagraphStyle& style) {
  std::vector<size_t> out;
  size_t pos = 0;
  for (const Line& l : layout_display(text, metrics, style)) {
    if (pos > 0) out.push_back(pos);
    pos += l.glyphs.size();
  }
  return out;
}

}  // namespace qd::ts
