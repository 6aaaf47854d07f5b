// Greedy line filling over the tailored break opportunities.
//
// For each line the filler scans forward and remembers the last break
// opportunity at which the line still fits the box. "Fits" counts a
// trailing run of squeezable punctuation at half width (SQUEEZE: if a
// closing punctuation mark only fits when compressed, it stays on the
// line) and lets trailing spaces hang. If the next character does not fit,
// the line ends at that last opportunity (PUSH: the preceding unbreakable
// unit — e.g. the character before a "，" that may not start a line — moves
// down) and the line is justified by spreading the shortfall over the gaps
// between characters.
//
// Last resort: a unit without break opportunities that is wider than a whole
// line (a 31-character code in a narrow table column) is broken between
// characters so that nothing overflows the box; the break point avoids the
// 禁则 characters where it can, and the line is flagged Line::forced_break.
// Only a single character wider than the box itself can overflow.
//
// Punctuation adjustment (W3C clreq 3.1.6, 标点挤压): where a bracket or
// quote meets other punctuation, the blanks that face each other are cut
// before any line is filled: "）（" and "。“" take one em, not two; "）。",
// "》）" and "（《" one and a half. An opening bracket that starts a line
// loses its leading blank, so that its ink starts at the line's edge (or
// indent) like any character's. Both show in Glyph::lead and the advances.
#include "typeset/paragraph.h"

#include <algorithm>

#include "base/text.h"
#include "typeset/breaks.h"
#include "typeset/kinsoku.h"

namespace qd::ts {
namespace {

constexpr double kEps = 1e-6;

// Per-thread buffers reused across paragraphs.
struct Scratch {
  std::vector<uint8_t> allowed;
  std::vector<double> adv;    // advance in pt, tracking included, pair squeezing applied
  std::vector<double> full;   // full (unsqueezed) em advance * size, for squeezing
  std::vector<double> lead;   // blank cut before text[i] by pair squeezing, pt
  std::vector<double> trail;  // blank cut after text[i] by pair squeezing, pt
};

// The calling thread's scratch buffers.
Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// True for a glyph set at (nearly) full width: only those are half blank.
bool full_width(double em_width, double size) { return em_width >= 0.75 * size; }

// True for punctuation whose blank half is on its trailing side: closing
// brackets and quotes, and the 点号 (、。，：；！？) of GB fonts.
bool trailing_blank(char32_t cp) { return squeezable(cp) || closing_bracket(cp); }

// True for a character that may be a full-width bracket, quote or 点号
// (a quick test before the exact ones: Han characters are not).
inline bool maybe_punctuation(char32_t cp) {
  return (cp >= 0x2018 && cp <= 0x201D) || (cp >= 0x3001 && cp <= 0x301B) ||
         (cp >= 0xFF01 && cp <= 0xFF65);
}

// Pair squeezing (clreq 3.1.6.2): where a bracket or quote meets other
// punctuation, the blanks facing each other are cut — a trailing blank
// followed by a leading one both (one em for "）（"), two trailing blanks
// or two leading ones the inner one (one and a half em for "）。", "（《").
// Sets s.lead and s.trail and takes them off s.adv.
void squeeze_pairs(std::u32string_view t, double size, Scratch& s) {
  const size_t n = t.size();
  for (size_t i = 1; i < n; ++i) {
    const char32_t a = t[i - 1], b = t[i];
    if (!maybe_punctuation(a) || !maybe_punctuation(b)) continue;
    if (!opening_bracket(a) && !closing_bracket(a) && !opening_bracket(b) && !closing_bracket(b))
      continue;
    if (!full_width(s.full[i - 1], size) || !full_width(s.full[i], size)) continue;
    const bool cut_a = trailing_blank(a) && (opening_bracket(b) || trailing_blank(b));
    const bool cut_b = opening_bracket(b) && (trailing_blank(a) || opening_bracket(a));
    if (cut_a) {
      s.trail[i - 1] = s.full[i - 1] / 2;
      s.adv[i - 1] -= s.trail[i - 1];
    }
    if (cut_b) {
      s.lead[i] = s.full[i] / 2;
      s.adv[i] -= s.lead[i];
    }
  }
}

// Fills the advances of `text` in `s` (pair squeezing applied); not the
// break opportunities.
void prepare(std::u32string_view text, const Metrics& metrics, const ParagraphStyle& style,
             Scratch& s) {
  const size_t n = text.size();
  s.adv.resize(n);
  s.full.resize(n);
  s.lead.assign(n, 0);
  s.trail.assign(n, 0);
  bool punctuation = false;
  for (size_t i = 0; i < n; ++i) {
    const char32_t cp = text[i];
    if (mandatory_break(cp)) {
      s.full[i] = s.adv[i] = 0;
      continue;
    }
    s.full[i] = advance_pt(metrics, cp, style.size);
    s.adv[i] = s.full[i] + style.tracking;
    punctuation |= maybe_punctuation(cp);
  }
  if (punctuation) squeeze_pairs(text, style.size, s);
}

// Amount (pt) by which text[i] can still be squeezed at a line end: what is
// left of half its width when it is squeezable punctuation set at (nearly)
// full width.
double squeeze_amount(char32_t cp, double em_width, double cut, double size) {
  if (!squeezable(cp) || !full_width(em_width, size)) return 0;
  return std::max(0.0, em_width / 2 - cut);
}

// Blank (pt) cut before text[i] when a line starts with it: half of an
// opening bracket that pair squeezing has not cut already.
double start_cut(char32_t cp, double em_width, double cut, double size) {
  if (!opening_bracket(cp) || !full_width(em_width, size) || cut > 0) return 0;
  return em_width / 2;
}

// Fills lines; one object per paragraph.
class Filler {
 public:
  Filler(std::u32string_view t, const ParagraphStyle& st, const Scratch& s)
      : t_(t), st_(st), allowed_(s.allowed), adv_(s.adv), full_(s.full), lead_(s.lead),
        trail_(s.trail), n_(t.size()) {}

  // Lays out all lines into `out`.
  void run(std::vector<Line>& out) {
    size_t s = 0;
    bool first = true;
    while (s < n_) {
      const double off = (first ? st_.indent : st_.hanging) * st_.size;
      const double avail = st_.width - off;
      bool hard = false;
      size_t end = find_end(s, avail, &hard);
      bool forced = false;
      if (!hard && (end == 0 || (end < n_ && next_unit_too_wide(end)))) {
        end = fill_by_chars(s, avail, end, &forced);
      }
      out.push_back(Line{});
      finish_line(s, end, off, avail, hard, forced, out.back());
      s = end;
      first = false;
    }
  }

  // Sets the lines ending before `ends` (see set_lines_at).
  void run_at(const std::vector<size_t>& ends, const std::vector<uint8_t>& forced,
              std::vector<Line>& out) {
    size_t s = 0;
    for (size_t k = 0; k < ends.size() && s < n_; ++k) {
      const size_t end = std::min(std::max(ends[k], s + 1), n_);
      const double off = (k == 0 ? st_.indent : st_.hanging) * st_.size;
      const bool hard = mandatory_break(t_[end - 1]);
      out.push_back(Line{});
      finish_line(s, end, off, st_.width - off, hard, k < forced.size() && forced[k] != 0,
                  out.back());
      s = end;
    }
  }

 private:
  // Last break opportunity e > s at which [s, e) fits `avail` (0 if none);
  // sets *hard when the line ends at a mandatory break.
  size_t find_end(size_t s, double avail, bool* hard) const {
    double w = -cut_at_start(s), run_sq = 0, trail_sp = 0;
    size_t best = 0;
    for (size_t j = s; j < n_;) {
      const char32_t cp = t_[j];
      w += adv_[j];
      if (hangs_at_line_end(cp) || mandatory_break(cp)) {
        trail_sp += adv_[j];
        run_sq = 0;
      } else {
        trail_sp = 0;
        const double sq = squeeze_amount(cp, full_[j], trail_[j], st_.size);
        run_sq = sq > 0 ? run_sq + sq : 0;
      }
      ++j;
      const double fit = w - (trail_sp > 0 ? trail_sp : run_sq);
      if (fit > avail + kEps) break;  // fit never decreases as j grows
      if (mandatory_break(cp) && !(cp == 0x0D && j < n_ && t_[j] == 0x0A)) {
        *hard = true;
        return j;
      }
      if (j == n_ || allowed_[j]) best = j;
    }
    return best;
  }

  // True if the unit starting at `b` (up to the next break opportunity) is
  // wider than a whole wrapped line, so pushing it down would not help.
  bool next_unit_too_wide(size_t b) const {
    const double avail = st_.width - st_.hanging * st_.size;
    double w = -cut_at_start(b);
    for (size_t j = b; j < n_; ++j) {
      if (j > b && allowed_[j]) return false;
      if (hangs_at_line_end(t_[j]) || mandatory_break(t_[j])) return false;
      w += adv_[j];
      if (w > avail + kEps) return true;
    }
    return false;
  }

  // Last resort: as many characters as fit (at least one), stepping back to a
  // position that respects the 禁则 if there is one after `lo`.
  size_t fill_by_chars(size_t s, double avail, size_t lo, bool* forced) const {
    size_t k = s;
    double w = -cut_at_start(s);
    while (k < n_ && w + adv_[k] <= avail + kEps && !mandatory_break(t_[k])) w += adv_[k++];
    if (k == s) k = s + 1;  // a single glyph wider than the box
    if (k <= lo) return lo;  // the normal break (with squeezing) is as long
    if (k < n_ && !allowed_[k]) {
      const size_t floor = std::max(lo, s) + 1;
      for (size_t c = k; c > floor && c + 16 > k; --c) {
        if (allowed_[c]) { k = c; break; }
        if (acceptable_forced_break(t_, c, st_.strict)) { k = c; break; }
      }
    }
    *forced = k < n_ && !allowed_[k];
    return k;
  }

  // Places the glyphs of [s, end): squeezes, justifies or aligns.
  void finish_line(size_t s, size_t end, double off, double avail, bool hard, bool forced,
                   Line& line) const {
    line.last = end >= n_;
    line.forced_break = forced;
    line.glyphs.resize(end - s);
    // Content ends before trailing spaces / the mandatory break.
    size_t e2 = end;
    while (e2 > s && (hangs_at_line_end(t_[e2 - 1]) || mandatory_break(t_[e2 - 1]))) --e2;
    double cw = 0;
    for (size_t i = s; i < end; ++i) {
      Glyph& g = line.glyphs[i - s];
      g.cp = t_[i];
      g.advance = i < e2 ? adv_[i] : 0.0;
      g.lead = static_cast<float>(lead_[i]);
      cw += g.advance;
    }
    // A line-initial opening bracket loses its leading blank.
    if (s < e2) {
      const double cut = cut_at_start(s);
      line.glyphs[0].advance -= cut;
      line.glyphs[0].lead += static_cast<float>(cut);
      cw -= cut;
    }
    // Squeeze the line-end punctuation, last first, only as far as needed.
    for (size_t i = e2; i > s && cw > avail + kEps; --i) {
      const double sq = squeeze_amount(t_[i - 1], full_[i - 1], trail_[i - 1], st_.size);
      if (sq <= 0) break;
      line.glyphs[i - 1 - s].advance -= sq;
      cw -= sq;
    }
    line.natural_width = off + cw;
    const size_t count = e2 - s;
    const bool justify = st_.justify && !line.last && !hard && count > 1 && cw < avail;
    double x = off;
    if (justify) {
      // Gaps inside Latin runs (words, URLs) get no extra space unless
      // there are no other gaps.
      size_t gaps = 0;
      for (size_t i = s; i + 1 < e2; ++i) gaps += stretchable_gap(i);
      const bool all = gaps == 0;
      if (all) gaps = count - 1;
      const double extra = (avail - cw) / static_cast<double>(gaps);
      for (size_t i = s; i < e2; ++i) {
        Glyph& g = line.glyphs[i - s];
        g.x = x;
        x += g.advance;
        if (i + 1 < e2 && (all || stretchable_gap(i))) x += extra;
      }
      // Pin the last glyph's right edge to the box edge (no rounding drift).
      Glyph& lastg = line.glyphs[count - 1];
      lastg.x = st_.width - lastg.advance;
      x = st_.width;
      line.width = st_.width;
    } else {
      double shift = 0;
      if (!st_.justify || line.last || hard) {
        if (st_.align == ParagraphStyle::Align::Center) shift = (st_.width - off - cw) / 2;
        if (st_.align == ParagraphStyle::Align::Right) shift = st_.width - off - cw;
        if (shift < 0) shift = 0;
      }
      x += shift;
      for (size_t i = s; i < e2; ++i) {
        Glyph& g = line.glyphs[i - s];
        g.x = x;
        x += g.advance;
      }
      line.width = off + cw;
    }
    for (size_t i = e2; i < end; ++i) line.glyphs[i - s].x = x;  // hanging, zero width
  }

  // Blank cut before text[s] when a line starts with it.
  double cut_at_start(size_t s) const {
    return s < n_ ? start_cut(t_[s], full_[s], lead_[s], st_.size) : 0;
  }

  // True if the gap after text[i] may be stretched when justifying.
  bool stretchable_gap(size_t i) const {
    return !(latin_run_char(t_[i]) && latin_run_char(t_[i + 1]));
  }

  std::u32string_view t_;
  const ParagraphStyle& st_;
  const std::vector<uint8_t>& allowed_;
  const std::vector<double>& adv_;
  const std::vector<double>& full_;
  const std::vector<double>& lead_;
  const std::vector<double>& trail_;
  size_t n_;
};

}  // namespace

double advance_pt(const Metrics& metrics, char32_t cp, double size) {
  const double a = metrics.advance(cp);
  return (a < 0 ? 1.0 : a) * size;
}

void layout_paragraph_into(std::u32string_view text, const Metrics& metrics,
                           const ParagraphStyle& style, std::vector<Line>& out) {
  if (text.empty()) return;
  Scratch& s = scratch();
  tailored_breaks(text, style.strict, s.allowed);
  prepare(text, metrics, style, s);
  Filler(text, style, s).run(out);
}

void set_lines_at(std::u32string_view text, const std::vector<size_t>& ends,
                  const std::vector<uint8_t>& forced, const Metrics& metrics,
                  const ParagraphStyle& style, std::vector<Line>& out) {
  if (text.empty()) return;
  Scratch& s = scratch();
  prepare(text, metrics, style, s);
  s.allowed.assign(text.size(), 0);
  ParagraphStyle st = style;
  st.justify = false;
  Filler(text, st, s).run_at(ends, forced, out);
}

LineWidths::LineWidths(std::u32string_view text, const Metrics& metrics,
                       const ParagraphStyle& style)
    : text_(text), size_(style.size) {
  Scratch s;
  prepare(text, metrics, style, s);
  prefix_.assign(text.size() + 1, 0);
  for (size_t i = 0; i < text.size(); ++i) prefix_[i + 1] = prefix_[i] + s.adv[i];
  full_ = std::move(s.full);
  lead_ = std::move(s.lead);
  trail_ = std::move(s.trail);
}

double LineWidths::width(size_t s, size_t e, double avail) const {
  size_t e2 = e;
  while (e2 > s && (hangs_at_line_end(text_[e2 - 1]) || mandatory_break(text_[e2 - 1]))) --e2;
  if (e2 <= s) return 0;
  double w = prefix_[e2] - prefix_[s] - start_cut(text_[s], full_[s], lead_[s], size_);
  // As finish_line squeezes: the last glyph first, each wholly, while too wide.
  for (size_t i = e2; i > s && w > avail + kEps; --i) {
    const double sq = squeeze_amount(text_[i - 1], full_[i - 1], trail_[i - 1], size_);
    if (sq <= 0) break;
    w -= sq;
  }
  return w;
}

std::vector<Line> layout_paragraph(std::u32string_view text, const Metrics& metrics,
                                   const ParagraphStyle& style) {
  std::vector<Line> out;
  layout_paragraph_into(text, metrics, style, out);
  return out;
}

std::vector<Line> layout_paragraph(std::string_view utf8, const Metrics& metrics,
                                   const ParagraphStyle& style) {
  const std::u32string text = utf8_decode(utf8);
  return layout_paragraph(std::u32string_view(text), metrics, style);
}

double measure(std::string_view utf8, const Metrics& metrics, double size) {
  double w = 0;
  for (char32_t cp : utf8_decode(utf8)) w += mandatory_break(cp) ? 0 : advance_pt(metrics, cp, size);
  return w;
}

std::u32string Line::text() const {
  std::u32string s;
  s.reserve(glyphs.size());
  for (const Glyph& g : glyphs) s.push_back(g.cp);
  return s;
}

}  // namespace qd::ts
