#include "pdf/document.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <variant>

#include "pdf/font_face.h"
#include "pdf/podofo_adapter.h"

namespace qd::pdf {

namespace {

struct PlacedGlyph {
  char32_t cp;
  double x;  // absolute, pt
};

// Consecutive glyphs of one font on one baseline.
struct TextOp {
  int font;
  double size;
  double y;
  Color color;
  std::vector<PlacedGlyph> glyphs;
};
struct LineOp {
  double x1, y1, x2, y2, width;
  Color color;
};
struct RectOp {
  double x, y, w, h, line_width;
  Color stroke;
  bool fill;
  Color fill_color;
};
struct ArrowOp {
  double x1, y1, x2, y2, width;
  Color color;
};
struct ModulesOp {
  std::vector<uint8_t> modules;
  int size;
  double x, y, w;
};
using Op = std::variant<TextOp, LineOp, RectOp, ArrowOp, ModulesOp>;

// Collects into `run` the ops of type T from ops[i] on, advancing i past
// them; false when ops[i] is not a T.
template <class T>
bool take_run(const std::vector<Op>& ops, size_t& i, std::vector<const T*>& run) {
  run.clear();
  while (i < ops.size() && std::holds_alternative<T>(ops[i])) run.push_back(&std::get<T>(ops[i++]));
  return !run.empty();
}

struct Page {
  double width, height;
  std::vector<Op> ops;
};

bool same_color(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// libharu's error handler: remember the first error.
struct HaruErrors {
  HPDF_STATUS error = 0;
  HPDF_STATUS detail = 0;
};
void haru_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* e = static_cast<HaruErrors*>(user);
  if (!e->error) {
    e->error = error;
    e->detail = detail;
  }
}

std::string hex(unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%04X", v);
  return buf;
}

// Six capital letters from a hash of the subset (PDF 32000 §9.6.4).
std::string subset_tag(const std::string& bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  std::string tag(6, 'A');
  for (int i = 0; i < 6; ++i) {
    tag[i] = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

// The whole font file the way plain libharu embeds it (every table kept,
// unused glyphs blanked): for size baselines only.
Result<std::string> load_whole_font(HPDF_Doc pdf, const std::string& path, int index) {
  const bool ttc = path.size() > 4 && (path.compare(path.size() - 4, 4, ".ttc") == 0 ||
                                       path.compare(path.size() - 4, 4, ".TTC") == 0);
  const char* name = ttc ? HPDF_LoadTTFontFromFile2(pdf, path.c_str(), static_cast<HPDF_UINT>(index), HPDF_TRUE)
                         : HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
  if (!name) return make_error(Place{path, "", ""}, "libharu 无法载入字体");
  return std::string(name);
}

// Reads a big-endian 16-bit value (signed when `sign`) at `at` of `b`; 0
// when out of range.
long be16(const std::string& b, size_t at, bool sign = false) {
  if (at + 2 > b.size()) return 0;
  unsigned v = (static_cast<unsigned char>(b[at]) << 8) | static_cast<unsigned char>(b[at + 1]);
  return sign ? static_cast<int16_t>(v) : static_cast<long>(v);
}

// The offset of a table in a TrueType file, or 0 when it has none.
size_t table_offset(const std::string& ttf, const char tag[4]) {
  const long n = be16(ttf, 4);
  for (long i = 0; i < n; ++i) {
    const size_t rec = 12 + 16 * static_cast<size_t>(i);
    if (rec + 16 > ttf.size()) break;
    if (ttf.compare(rec, 4, tag, 4) == 0)
      return (static_cast<size_t>(be16(ttf, rec + 8)) << 16) | static_cast<size_t>(be16(ttf, rec + 10));
  }
  return 0;
}

// A PDF name from a PostScript font name: printable ASCII without the
// delimiters PDF names may not hold unescaped.
std::string font_name(const std::string& postscript, int font) {
  std::string out;
  for (char c : postscript)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == ',' || c == '.')
      out += c;
  return out.empty() ? "Font" + std::to_string(font + 1) : out;
}

// A stream object of the document, Flate-compressed, holding `data`.
HPDF_Dict flate_stream(HPDF_Doc pdf, const std::string& data) {
  HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!s) return nullptr;
  s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  if (HPDF_Stream_Write(s->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                        static_cast<HPDF_UINT>(data.size())) != HPDF_OK)
    return nullptr;
  return s;
}

// Embeds a subset TrueType font as a Type0 font with Identity-H encoding,
// whose CIDs are the subset's glyph ids (CIDToGIDMap /Identity), built
// directly from libharu's objects: libharu's own TrueType path maps all
// 65,536 code points through the font's cmap, writes a 128 KB CIDToGIDMap
// and compresses it, for every font of every document. `gids` and `cps` are
// parallel (glyph id in the subset of each code point); `widths` the width
// of each in thousandths of an em (as pdf_width gives it). The font is
// written complete (tag, widths, ToUnicode), so PoDoFo leaves it alone.
// Returns the Type0 font dictionary (null when libharu refused something).
HPDF_Dict embed_subset(HPDF_Doc pdf, const std::string& ttf, const std::string& name,
                       const std::vector<char32_t>& cps, const std::vector<uint16_t>& gids,
                       const std::vector<long>& widths) {
  HPDF_MMgr mmgr = pdf->mmgr;
  HPDF_STATUS ret = HPDF_OK;
  // Metrics from the subset's head and hhea tables (hb-subset writes both),
  // in thousandths of an em, truncated as libharu does.
  const size_t head = table_offset(ttf, "head"), hhea = table_offset(ttf, "hhea");
  if (!head || !hhea) return nullptr;
  long upem = be16(ttf, head + 18);
  if (upem <= 0) upem = 1000;
  auto em = [upem](long v) { return v * 1000 / upem; };
  const long x_min = em(be16(ttf, head + 36, true)), y_min = em(be16(ttf, head + 38, true));
  const long x_max = em(be16(ttf, head + 40, true)), y_max = em(be16(ttf, head + 42, true));
  const long ascent = em(be16(ttf, hhea + 4, true));
  long descent = em(be16(ttf, hhea + 6, true));
  if (descent > 0) descent = -descent;

  HPDF_Dict file = flate_stream(pdf, ttf);
  if (!file) return nullptr;
  ret += HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(ttf.size()));

  HPDF_Dict desc = HPDF_Dict_New(mmgr);
  if (!desc || HPDF_Xref_Add(pdf->xref, desc) != HPDF_OK) return nullptr;
  ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
  ret += HPDF_Dict_AddName(desc, "FontName", name.c_str());
  ret += HPDF_Dict_AddNumber(desc, "Flags", 32);  // nonsymbolic
  HPDF_Box box{static_cast<HPDF_REAL>(x_min), static_cast<HPDF_REAL>(y_min),
               static_cast<HPDF_REAL>(x_max), static_cast<HPDF_REAL>(y_max)};
  ret += HPDF_Dict_Add(desc, "FontBBox", HPDF_Box_Array_New(mmgr, box));
  ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", 0);
  ret += HPDF_Dict_AddNumber(desc, "Ascent", static_cast<HPDF_INT32>(ascent));
  ret += HPDF_Dict_AddNumber(desc, "Descent", static_cast<HPDF_INT32>(descent));
  ret += HPDF_Dict_AddNumber(desc, "CapHeight", static_cast<HPDF_INT32>(ascent));
  ret += HPDF_Dict_AddNumber(desc, "StemV", 80);
  ret += HPDF_Dict_Add(desc, "FontFile2", file);

  // Widths by CID (= glyph id), one run per stretch of consecutive CIDs.
  std::vector<std::pair<uint16_t, long>> by_gid;
  by_gid.reserve(gids.size());
  for (size_t i = 0; i < gids.size(); ++i) by_gid.push_back({gids[i], widths[i]});
  std::sort(by_gid.begin(), by_gid.end());
  HPDF_Array w = HPDF_Array_New(mmgr);
  if (!w) return nullptr;
  HPDF_Array run = nullptr;
  for (size_t i = 0; i < by_gid.size(); ++i) {
    if (i > 0 && by_gid[i].first == by_gid[i - 1].first) continue;
    if (!run || by_gid[i].first != by_gid[i - 1].first + 1) {
      run = HPDF_Array_New(mmgr);
      if (!run) return nullptr;
      ret += HPDF_Array_AddNumber(w, by_gid[i].first);
      ret += HPDF_Array_Add(w, run);
    }
    ret += HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(by_gid[i].second));
  }

  HPDF_Dict cid = HPDF_Dict_New(mmgr);
  if (!cid || HPDF_Xref_Add(pdf->xref, cid) != HPDF_OK) return nullptr;
  ret += HPDF_Dict_AddName(cid, "Type", "Font");
  ret += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
  ret += HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
  HPDF_Dict info = HPDF_Dict_New(mmgr);
  if (!info) return nullptr;
  ret += HPDF_Dict_Add(cid, "CIDSystemInfo", info);
  ret += HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  ret += HPDF_Dict_AddNumber(info, "Supplement", 0);
  ret += HPDF_Dict_Add(cid, "FontDescriptor", desc);
  ret += HPDF_Dict_Add(cid, "W", w);
  ret += HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

  // ToUnicode: CID → the code point drawn with it.
  std::vector<std::pair<uint16_t, char32_t>> cid_unicode;
  cid_unicode.reserve(cps.size());
  for (size_t i = 0; i < cps.size(); ++i) cid_unicode.push_back({gids[i], cps[i]});
  std::sort(cid_unicode.begin(), cid_unicode.end());
  HPDF_Dict to_unicode = flate_stream(pdf, detail::to_unicode_cmap(cid_unicode));
  if (!to_unicode) return nullptr;

  HPDF_Dict font = HPDF_Dict_New(mmgr);
  if (!font || HPDF_Xref_Add(pdf->xref, font) != HPDF_OK) return nullptr;
  ret += HPDF_Dict_AddName(font, "Type", "Font");
  ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
  ret += HPDF_Dict_AddName(font, "BaseFont", name.c_str());
  ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  if (!descendants) return nullptr;
  ret += HPDF_Dict_Add(font, "DescendantFonts", descendants);
  ret += HPDF_Array_Add(descendants, cid);
  ret += HPDF_Dict_Add(font, "ToUnicode", to_unicode);
  return ret == HPDF_OK ? font : nullptr;
}

}  // namespace

struct Document::Impl {
  const FontLibrary& fonts;
  DocumentInfo info;
  // The pages not yet handed to libharu: every page, or when streaming only
  // the current one.
  std::vector<Page> pages;
  std::vector<Outline> outlines;
  bool subset_fonts = true;

  // Code points per font (a 65,536-entry mask once the font is used): from
  // the pages at finish(), or declared before stream().
  std::vector<std::vector<bool>> used;
  bool streaming = false;
  int written = 0;                 // pages handed to libharu
  bool undeclared_drawn = false;   // streaming met a character not declared
  char32_t undeclared = 0;
  std::optional<Error> failure;    // the first error while streaming

  // The libharu document (from open() on) and what the pages need of it.
  HPDF_Doc pdf = nullptr;
  HaruErrors errors;
  detail::PostProcess post;
  std::vector<HPDF_Font> haru_fonts;
  std::vector<const detail::Face*> faces;
  std::vector<std::vector<uint16_t>> codes;
  bool stopped = false;            // libharu refused a page: no more pages

  Impl(const FontLibrary& f, DocumentInfo i) : fonts(f), info(std::move(i)) {}
  ~Impl() {
    if (pdf) HPDF_Free(pdf);
  }

  Page& current() {
    if (pages.empty()) pages.push_back({595.276, 841.89, {}});  // A4
    return pages.back();
  }

  // Marks a code point as used in font f.
  void mark(int f, char32_t cp) {
    auto& u = used[static_cast<size_t>(f)];
    if (u.empty()) u.assign(0x10000, false);
    u[cp] = true;
  }

  void add_glyphs(const ts::Line& line, Role role, double size, double x, double y,
                  Color color) {
    Page& page = current();
    TextOp* op = nullptr;
    for (const ts::Glyph& g : line.glyphs) {
      int f = fonts.font_for(role, g.cp);
      if (f < 0) continue;  // no font draws it: reported by the caller
      if (streaming && (used[f].empty() || !used[f][g.cp]) && !undeclared_drawn) {
        undeclared_drawn = true;
        undeclared = g.cp;
      }
      if (!op || op->font != f) {
        page.ops.push_back(TextOp{f, size, y, color, {}});
        op = &std::get<TextOp>(page.ops.back());
      }
      op->glyphs.push_back({g.cp, x + g.origin()});  // a squeezed bracket starts before x
    }
  }

  // Starts the libharu document and embeds the fonts of `used`.
  Status open();
  // Hands one page to libharu.
  Status write_page(const Page& p);
  // Streaming: writes the pages kept so far and drops them; errors are kept
  // for finish().
  void flush();
  // Saves the libharu document and post-processes it.
  Result<std::string> close();
  Result<std::string> finish();
};

Document::Document(const FontLibrary& fonts, DocumentInfo info)
    : impl_(std::make_unique<Impl>(fonts, std::move(info))) {}
Document::~Document() = default;

void Document::new_page(double width, double height) {
  if (impl_->streaming) impl_->flush();
  impl_->pages.push_back({width, height, {}});
}
int Document::page_count() const { return impl_->written + static_cast<int>(impl_->pages.size()); }
int Document::page() const { return std::max(0, page_count() - 1); }

void Document::draw_line(const ts::Line& line, Role role, double size, double x, double y,
                         Color color) {
  impl_->add_glyphs(line, role, size, x, y, color);
}

void Document::draw_text(std::string_view utf8, Role role, double size, double x, double y,
                         Color color) {
  ts::Line line;
  const ts::Metrics& m = impl_->fonts.metrics(role);
  double pos = 0;
  for (char32_t cp : utf8_decode(utf8)) {
    double a = m.advance(cp);
    double w = (a < 0 ? 1.0 : a) * size;
    line.glyphs.push_back({cp, pos, w});
    pos += w;
  }
  line.natural_width = line.width = pos;
  line.last = true;
  impl_->add_glyphs(line, role, size, x, y, color);
}

void Document::stroke_line(double x1, double y1, double x2, double y2, double width,
                           Color color) {
  impl_->current().ops.push_back(LineOp{x1, y1, x2, y2, width, color});
}

void Document::rect(double x, double y, double w, double h, double line_width, Color stroke,
                    bool fill, Color fill_color) {
  impl_->current().ops.push_back(RectOp{x, y, w, h, line_width, stroke, fill, fill_color});
}

void Document::arrow(double x1, double y1, double x2, double y2, double width, Color color) {
  impl_->current().ops.push_back(ArrowOp{x1, y1, x2, y2, width, color});
}

void Document::modules(const std::vector<uint8_t>& modules, int size, double x, double y,
                       double w) {
  if (size <= 0 || modules.size() < static_cast<size_t>(size) * size) return;
  impl_->current().ops.push_back(ModulesOp{modules, size, x, y, w});
}

void Document::add_outline(Outline outline) { impl_->outlines.push_back(std::move(outline)); }

void Document::set_font_subsetting(bool on) { impl_->subset_fonts = on; }

void Document::declare(const ts::Line& line, Role role) {
  Impl& d = *impl_;
  if (d.used.empty()) d.used.resize(d.fonts.fonts().size());
  for (const ts::Glyph& g : line.glyphs) {
    const int f = d.fonts.font_for(role, g.cp);
    if (f >= 0) d.mark(f, g.cp);
  }
}

void Document::stream() {
  Impl& d = *impl_;
  if (d.streaming || d.pdf) return;
  if (d.used.empty()) d.used.resize(d.fonts.fonts().size());
  // What was drawn before counts as declared.
  for (const Page& page : d.pages)
    for (const Op& op : page.ops)
      if (auto* t = std::get_if<TextOp>(&op))
        for (const PlacedGlyph& g : t->glyphs) d.mark(t->font, g.cp);
  d.streaming = true;
  if (Status s = d.open(); !s.ok()) d.failure = s.error();
  d.flush();
}

Result<std::string> Document::finish() { return impl_->finish(); }

namespace {

// Appends a fixed-point number, v in units of 10^-decimals, with no
// trailing zeros: (7937, 2) → "79.37", (-1600, 2) → "-16".
void put_fixed(std::string& out, long long v, int decimals) {
  static constexpr long long kPow10[] = {1, 10, 100, 1000, 10000};
  if (v < 0) {
    out += '-';
    v = -v;
  }
  const long long scale = kPow10[decimals];
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v / scale);
  out.append(buf, res.ptr);
  long long frac = v % scale;
  if (frac == 0) return;
  out += '.';
  for (long long d = scale / 10; frac > 0; d /= 10) {
    out += static_cast<char>('0' + frac / d);
    frac %= d;
  }
}

// A coordinate in hundredths of a point: every position in the content
// streams sits on this grid, so relative moves add up exactly.
long long centi(double v) { return std::llround(v * 100); }

// Appends a length in pt with at most two decimals.
void put_pt(std::string& out, double v) { put_fixed(out, centi(v), 2); }

// The width of a character as the PDF gives it (the CIDFont's /W, which
// libharu writes as the truncated advance in thousandths of an em), in em.
double pdf_width(const detail::Face& face, char32_t cp) {
  const long units = std::lround(static_cast<double>(face.advance[cp]) * face.upem);
  return static_cast<double>(units * 1000 / static_cast<long>(face.upem ? face.upem : 1000)) / 1000;
}

// Writes a page's content stream itself (libharu's operators print every
// number with five decimals and measure every string again) and hands it
// to the page's stream in one piece; libharu only registers the fonts in
// the page resources and compresses the stream. Keeps track of the
// graphics state so that nothing is set twice. Text: one BT … ET per run of
// text between drawings, relative Td moves, one Tj (or TJ, when squeezed
// punctuation needs an adjustment) per run of one font, justification as
// character spacing (Tc). Rules of one width and colour: one path, with
// collinear pieces joined.
class PageWriter {
 public:
  // `codes[f]`, when not empty, gives the character code (CID) of each
  // code point in font f; otherwise the code is the code point.
  PageWriter(HPDF_Page page, const std::vector<HPDF_Font>& fonts,
             const std::vector<const detail::Face*>& faces,
             const std::vector<std::vector<uint16_t>>& codes)
      : page_(page), fonts_(fonts), faces_(faces), codes_(codes) {}

  void text(const TextOp& op) {
    const auto& g = op.glyphs;
    if (g.empty()) return;
    if (!in_text_) {
      out_ += "BT\n";
      in_text_ = true;
      line_x_ = line_y_ = 0;
    }
    if (font_ != op.font || size_ != op.size) {
      const char* name = HPDF_Page_GetLocalFontName(page_, fonts_[op.font]);
      if (!name) {
        failed_ = true;
        return;
      }
      out_ += '/';
      out_ += name;
      out_ += ' ';
      put_pt(out_, op.size);
      out_ += " Tf\n";
      font_ = op.font;
      size_ = op.size;
    }
    fill(op.color);
    const detail::Face& face = *faces_[op.font];
    // Natural advances as the viewer computes them, and the extra gap
    // after each glyph; the most common gap becomes the character spacing.
    advance_.resize(g.size());
    for (size_t k = 0; k < g.size(); ++k) advance_[k] = pdf_width(face, g[k].cp) * op.size;
    long long spacing = char_space_;  // ten-thousandths of a point
    if (g.size() > 1) {
      gap_.resize(g.size() - 1);
      for (size_t k = 0; k + 1 < g.size(); ++k) gap_[k] = g[k + 1].x - g[k].x - advance_[k];
      size_t best = 0;
      int best_count = 0;
      for (size_t k = 0; k < gap_.size(); ++k) {
        int count = 0;
        for (double e : gap_) count += std::fabs(e - gap_[k]) < 0.005;
        if (count > best_count) {
          best_count = count;
          best = k;
        }
      }
      spacing = std::llround(gap_[best] * 10000);
    }
    if (spacing != char_space_) {
      put_fixed(out_, spacing, 4);
      out_ += " Tc\n";
      char_space_ = spacing;
    }
    const long long x = centi(g[0].x), y = centi(op.y);
    put_fixed(out_, x - line_x_, 2);
    out_ += ' ';
    put_fixed(out_, y - line_y_, 2);
    out_ += " Td\n";
    line_x_ = x;
    line_y_ = y;
    // The glyphs, with an adjustment (thousandths of an em, one decimal)
    // wherever the pen would be off by 0.01 pt or more.
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string& s = scratch_;
    s.clear();
    bool adjusted = false;
    double pen = static_cast<double>(x) / 100;
    const double tc = static_cast<double>(spacing) / 10000;
    const std::vector<uint16_t>& codes = codes_[op.font];
    for (size_t k = 0; k < g.size(); ++k) {
      const char32_t cp = codes.empty() ? g[k].cp : codes[g[k].cp];
      s += kHex[(cp >> 12) & 15];
      s += kHex[(cp >> 8) & 15];
      s += kHex[(cp >> 4) & 15];
      s += kHex[cp & 15];
      if (k + 1 == g.size()) break;
      pen += advance_[k] + tc;
      const double off = g[k + 1].x - pen;
      if (std::fabs(off) < 0.01) continue;
      const long long a = std::llround(-off * 10000 / op.size);
      if (a == 0) continue;
      s += "> ";
      put_fixed(s, a, 1);
      s += " <";
      pen -= static_cast<double>(a) / 10000 * op.size;
      adjusted = true;
    }
    out_ += adjusted ? "[<" : "<";
    out_ += s;
    out_ += adjusted ? ">] TJ\n" : "> Tj\n";
  }

  // Consecutive straight lines: per colour (in order) and width, one path
  // in which collinear horizontal or vertical pieces that touch or overlap
  // are one segment (the same ink: opaque strokes of one colour).
  void lines(const std::vector<const LineOp*>& run) {
    end_text();
    size_t i = 0;
    while (i < run.size()) {
      size_t j = i;
      while (j < run.size() && same_color(run[j]->color, run[i]->color)) ++j;
      std::vector<double> widths;
      for (size_t k = i; k < j; ++k)
        if (std::find(widths.begin(), widths.end(), run[k]->width) == widths.end())
          widths.push_back(run[k]->width);
      for (double w : widths) {
        line_width(w);
        stroke(run[i]->color);
        using Spans = std::vector<std::pair<long long, long long>>;
        std::map<long long, Spans> across, down;  // by y, by x
        std::vector<std::array<long long, 4>> other;
        for (size_t k = i; k < j; ++k) {
          const LineOp& l = *run[k];
          if (l.width != w) continue;
          long long x1 = centi(l.x1), y1 = centi(l.y1), x2 = centi(l.x2), y2 = centi(l.y2);
          if (y1 == y2)
            across[y1].push_back({std::min(x1, x2), std::max(x1, x2)});
          else if (x1 == x2)
            down[x1].push_back({std::min(y1, y2), std::max(y1, y2)});
          else
            other.push_back({x1, y1, x2, y2});
        }
        auto segment = [this](long long x1, long long y1, long long x2, long long y2) {
          put_fixed(out_, x1, 2);
          out_ += ' ';
          put_fixed(out_, y1, 2);
          out_ += " m ";
          put_fixed(out_, x2, 2);
          out_ += ' ';
          put_fixed(out_, y2, 2);
          out_ += " l\n";
        };
        // Joined spans, emitted through `emit(from, to)`.
        auto join = [](Spans& spans, auto emit) {
          std::sort(spans.begin(), spans.end());
          auto cur = spans.front();
          for (size_t k = 1; k < spans.size(); ++k) {
            if (spans[k].first <= cur.second) {
              cur.second = std::max(cur.second, spans[k].second);
            } else {
              emit(cur.first, cur.second);
              cur = spans[k];
            }
          }
          emit(cur.first, cur.second);
        };
        for (auto it = across.rbegin(); it != across.rend(); ++it)
          join(it->second, [&](long long a, long long b) { segment(a, it->first, b, it->first); });
        for (auto& column : down) {
          const long long x = column.first;  // (clang 14 cannot capture a structured binding)
          join(column.second, [&](long long a, long long b) { segment(x, b, x, a); });
        }
        for (const auto& o : other) segment(o[0], o[1], o[2], o[3]);
        out_ += "S\n";
      }
      i = j;
    }
  }

  // Consecutive rectangles of one style: one path when they are only
  // stroked or only filled.
  void rects(const std::vector<const RectOp*>& run) {
    end_text();
    size_t i = 0;
    while (i < run.size()) {
      const RectOp& r = *run[i];
      const bool do_stroke = r.line_width > 0;
      if (!do_stroke && !r.fill) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      if (do_stroke != r.fill) {
        while (j < run.size()) {
          const RectOp& n = *run[j];
          if (n.fill != r.fill || (n.line_width > 0) != do_stroke) break;
          if (r.fill && !same_color(n.fill_color, r.fill_color)) break;
          if (do_stroke && (n.line_width != r.line_width || !same_color(n.stroke, r.stroke))) break;
          ++j;
        }
      }
      if (r.fill) fill(r.fill_color);
      if (do_stroke) {
        line_width(r.line_width);
        stroke(r.stroke);
      }
      for (size_t k = i; k < j; ++k) {
        const RectOp& q = *run[k];
        put_pt(out_, q.x);
        out_ += ' ';
        put_pt(out_, q.y);
        out_ += ' ';
        put_pt(out_, q.w);
        out_ += ' ';
        put_pt(out_, q.h);
        out_ += " re\n";
      }
      out_ += r.fill && do_stroke ? "B\n" : r.fill ? "f\n" : "S\n";
      i = j;
    }
  }

  void arrow(const ArrowOp& op) {
    end_text();
    double dx = op.x2 - op.x1, dy = op.y2 - op.y1;
    double len = std::hypot(dx, dy);
    if (len <= 0) return;
    double ux = dx / len, uy = dy / len;
    double head = std::max(7.0, op.width * 8), half = head * 0.35;
    if (head > len) head = len;
    double bx = op.x2 - ux * head, by = op.y2 - uy * head;
    line_width(op.width);
    stroke(op.color);
    fill(op.color);
    point(op.x1, op.y1, "m");
    point(bx, by, "l");
    out_ += "S\n";
    point(op.x2, op.y2, "m");
    point(bx - uy * half, by + ux * half, "l");
    point(bx + uy * half, by - ux * half, "l");
    out_ += "h\nf\n";
  }

  void modules(const ModulesOp& op) {
    end_text();
    fill(kBlack);
    double m = op.w / op.size;
    bool any = false;
    for (int r = 0; r < op.size; ++r) {
      // Row 0 is the top row.
      double y = op.y + (op.size - 1 - r) * m;
      int c = 0;
      while (c < op.size) {
        if (!op.modules[static_cast<size_t>(r) * op.size + c]) {
          ++c;
          continue;
        }
        int start = c;
        while (c < op.size && op.modules[static_cast<size_t>(r) * op.size + c]) ++c;
        // Four decimals: modules must meet without hairline gaps.
        for (double v : {op.x + start * m, y, (c - start) * m, m}) {
          put_fixed(out_, std::llround(v * 10000), 4);
          out_ += ' ';
        }
        out_ += "re\n";
        any = true;
      }
    }
    if (any) out_ += "f\n";
  }

  // Ends the page: the content goes to libharu's page stream. False when
  // libharu refused something.
  bool finish() {
    end_text();
    if (failed_) return false;
    auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
    return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(out_.data()),
                             static_cast<HPDF_UINT>(out_.size())) == HPDF_OK;
  }

 private:
  void end_text() {
    if (in_text_) out_ += "ET\n";
    in_text_ = false;
  }
  void point(double x, double y, const char* op) {
    put_pt(out_, x);
    out_ += ' ';
    put_pt(out_, y);
    out_ += ' ';
    out_ += op;
    out_ += '\n';
  }
  void color(const Color& c, const char* op) {
    for (double v : {c.r, c.g, c.b}) {
      put_fixed(out_, std::llround(v * 1000), 3);
      out_ += ' ';
    }
    out_ += op;
    out_ += '\n';
  }
  void fill(const Color& c) {
    if (!has_fill_ || !same_color(c, fill_)) {
      color(c, "rg");
      fill_ = c;
      has_fill_ = true;
    }
  }
  void stroke(const Color& c) {
    if (!has_stroke_ || !same_color(c, stroke_)) {
      color(c, "RG");
      stroke_ = c;
      has_stroke_ = true;
    }
  }
  void line_width(double w) {
    if (w != width_) {
      put_pt(out_, w);
      out_ += " w\n";
      width_ = w;
    }
  }

  HPDF_Page page_;
  const std::vector<HPDF_Font>& fonts_;
  const std::vector<const detail::Face*>& faces_;
  const std::vector<std::vector<uint16_t>>& codes_;
  std::string out_, scratch_;
  std::vector<double> advance_, gap_;
  bool in_text_ = false, failed_ = false;
  long long line_x_ = 0, line_y_ = 0;  // the text line's origin, hundredths of a pt
  int font_ = -1;
  double size_ = 0;
  long long char_space_ = 0;  // Tc in ten-thousandths of a pt
  double width_ = 1;  // PDF default
  bool has_fill_ = false, has_stroke_ = false;
  Color fill_{}, stroke_{};
};

}  // namespace

Status Document::Impl::open() {
  const auto& files = fonts.fonts();
  const int nfonts = static_cast<int>(files.size());
  errors = HaruErrors{};
  post = detail::PostProcess{};
  written = 0;
  stopped = false;
  pdf = HPDF_New(haru_error, &errors);
  if (!pdf) return make_error(Place{}, "libharu 初始化失败");
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  if (!subset_fonts) {
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
  }

  // Subset every font used and hand it to libharu.
  haru_fonts.assign(nfonts, nullptr);
  faces.assign(nfonts, nullptr);
  codes.assign(nfonts, {});
  for (int f = 0; f < nfonts; ++f) {
    if (used[f].empty()) continue;
    auto face = detail::open_face(files[f].path, files[f].index);
    if (!face.ok()) return face.error();
    faces[f] = face.value();
    std::vector<char32_t> cps;
    for (char32_t cp = 0; cp < 0x10000; ++cp)
      if (used[f][cp] && faces[f]->has(cp)) cps.push_back(cp);
    if (subset_fonts) {
      // Our own Type0 font over the subset, CID = glyph id.
      std::vector<uint16_t> gids;
      auto bytes = detail::subset_face(*faces[f], cps, &gids);
      if (!bytes.ok()) return bytes.error();
      std::vector<long> widths;
      widths.reserve(cps.size());
      for (char32_t cp : cps) widths.push_back(std::lround(pdf_width(*faces[f], cp) * 1000));
      const std::string name = subset_tag(bytes.value()) + "+" + font_name(faces[f]->postscript, f);
      haru_fonts[f] = embed_subset(pdf, bytes.value(), name, cps, gids, widths);
      if (!haru_fonts[f] || errors.error)
        return make_error(Place{files[f].path, "", ""},
                          "libharu 无法写入字体子集（错误 " + hex(errors.error) + "）");
      codes[f].assign(0x10000, 0);
      for (size_t i = 0; i < cps.size(); ++i) codes[f][cps[i]] = gids[i];
      continue;
    }
    // Whole fonts (size baselines): libharu's own TrueType embedding.
    auto name = load_whole_font(pdf, files[f].path, files[f].index);
    if (!name.ok()) return name.error();
    haru_fonts[f] = HPDF_GetFont(pdf, name.value().c_str(), "UTF-8");
    if (!haru_fonts[f] || errors.error)
      return make_error(Place{files[f].path, "", ""},
                        "libharu 无法使用字体（错误 " + hex(errors.error) + "）");
    // The pages' content is written without libharu's text operators, which
    // is where libharu marks the glyphs it embeds: measure every character
    // once so that none is left blank.
    std::string one;
    for (char32_t cp : cps) {
      one.clear();
      utf8_append(one, cp);
      HPDF_Font_TextWidth(haru_fonts[f], reinterpret_cast<const HPDF_BYTE*>(one.data()),
                          static_cast<HPDF_UINT>(one.size()));
    }
    detail::FontFix fix;
    fix.base_font = name.value();
    fix.tag = subset_tag(files[f].path);
    // libharu's UTF-8 encoder writes each character's code point as its CID
    // (with a CIDToGIDMap to the glyph), so the map is CID = code point.
    for (char32_t cp : cps) fix.cid_unicode.push_back({static_cast<uint16_t>(cp), cp});
    std::sort(fix.cid_unicode.begin(), fix.cid_unicode.end());
    post.fonts.push_back(std::move(fix));
  }
  return Ok{};
}

Status Document::Impl::write_page(const Page& p) {
  if (stopped) return Ok{};
  HPDF_Page page = HPDF_AddPage(pdf);
  if (!page) {
    stopped = true;  // libharu's error is reported by close()
    return Ok{};
  }
  ++written;
  HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
  HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
  PageWriter w(page, haru_fonts, faces, codes);
  std::vector<const LineOp*> line_run;
  std::vector<const RectOp*> rect_run;
  for (size_t i = 0; i < p.ops.size();) {
    // Runs of lines and of rectangles go together (one path each).
    if (take_run(p.ops, i, line_run)) {
      w.lines(line_run);
      continue;
    }
    if (take_run(p.ops, i, rect_run)) {
      w.rects(rect_run);
      continue;
    }
    std::visit(
        [&w](const auto& o) {
          using T = std::decay_t<decltype(o)>;
          if constexpr (std::is_same_v<T, TextOp>) w.text(o);
          else if constexpr (std::is_same_v<T, ArrowOp>) w.arrow(o);
          else if constexpr (std::is_same_v<T, ModulesOp>) w.modules(o);
        },
        p.ops[i++]);
  }
  if (!w.finish() && !errors.error) return make_error(Place{}, "libharu 无法写入页面内容");
  return Ok{};
}

void Document::Impl::flush() {
  if (!failure && !undeclared_drawn)
    for (const Page& p : pages)
      if (Status s = write_page(p); !s.ok()) {
        failure = s.error();
        break;
      }
  pages.clear();
}

Result<std::string> Document::Impl::close() {
  if (!pdf) return make_error(Place{}, "文档已经生成");
  if (written == 0 && !stopped) HPDF_AddPage(pdf);
  if (errors.error)
    return make_error(Place{}, "libharu 生成页面失败（错误 " + hex(errors.error) + "，" +
                                   hex(errors.detail) + "）");

  // Save to memory.
  if (HPDF_SaveToStream(pdf) != HPDF_OK)
    return make_error(Place{}, "libharu 保存失败（错误 " + hex(errors.error) + "）");
  std::string raw(HPDF_GetStreamSize(pdf), '\0');
  size_t got = 0;
  while (got < raw.size()) {
    HPDF_UINT32 n = static_cast<HPDF_UINT32>(raw.size() - got);
    HPDF_STATUS st = HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(raw.data() + got), &n);
    got += n;
    if (st == HPDF_STREAM_EOF || n == 0) break;
    if (st != HPDF_OK) return make_error(Place{}, "libharu 输出读取失败");
  }
  raw.resize(got);
  HPDF_Free(pdf);
  pdf = nullptr;

  // PoDoFo: ToUnicode, subset tags, Info, bookmarks, /ID.
  post.info = info;
  post.outlines = outlines;
  return detail::podofo_finish(raw, post);
}

Result<std::string> Document::Impl::finish() {
  if (streaming) {
    flush();
    if (failure) return *failure;
    if (undeclared_drawn)
      return make_error(Place{}, "绘制了未声明的字符 U+" + hex(static_cast<unsigned>(undeclared)).substr(2));
    return close();
  }
  // Code points used per font, from the pages kept.
  used.assign(fonts.fonts().size(), {});
  for (const Page& page : pages)
    for (const Op& op : page.ops)
      if (auto* t = std::get_if<TextOp>(&op))
        for (const PlacedGlyph& g : t->glyphs) mark(t->font, g.cp);
  QD_TRY(open());
  for (const Page& p : pages) QD_TRY(write_page(p));
  return close();
}

}  // namespace qd::pdf
