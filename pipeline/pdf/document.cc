#include "pdf/document.h"

#include <hpdf.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
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

// Hands font bytes to libharu, which only loads from a path: an anonymous
// memory file, opened by libharu through /proc/self/fd.
Result<std::string> load_font(HPDF_Doc pdf, const std::string& bytes, const std::string& what) {
  int fd = memfd_create("qd-font", MFD_CLOEXEC);
  if (fd < 0) return make_error(Place{what, "", ""}, "无法创建临时字体文件");
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      return make_error(Place{what, "", ""}, "无法写入临时字体文件");
    }
    done += static_cast<size_t>(n);
  }
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
  // libharu opened its own descriptor (kept until HPDF_Free); ours can go.
  ::close(fd);
  if (!name) return make_error(Place{what, "", ""}, "libharu 无法载入字体子集");
  return std::string(name);
}

}  // namespace

struct Document::Impl {
  const FontLibrary& fonts;
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<Outline> outlines;

  Impl(const FontLibrary& f, DocumentInfo i) : fonts(f), info(std::move(i)) {}

  Page& current() {
    if (pages.empty()) pages.push_back({595.276, 841.89, {}});  // A4
    return pages.back();
  }

  void add_glyphs(const ts::Line& line, Role role, double size, double x, double y,
                  Color color) {
    Page& page = current();
    TextOp* op = nullptr;
    for (const ts::Glyph& g : line.glyphs) {
      int f = fonts.font_for(role, g.cp);
      if (f < 0) continue;  // no font draws it: reported by the caller
      if (!op || op->font != f) {
        page.ops.push_back(TextOp{f, size, y, color, {}});
        op = &std::get<TextOp>(page.ops.back());
      }
      op->glyphs.push_back({g.cp, x + g.x});
    }
  }

  Result<std::string> finish();
};

Document::Document(const FontLibrary& fonts, DocumentInfo info)
    : impl_(std::make_unique<Impl>(fonts, std::move(info))) {}
Document::~Document() = default;

void Document::new_page(double width, double height) {
  impl_->pages.push_back({width, height, {}});
}
int Document::page_count() const { return static_cast<int>(impl_->pages.size()); }
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

Result<std::string> Document::finish() { return impl_->finish(); }

namespace {

// Writes the page content through libharu, keeping track of the graphics
// state so that nothing is set twice.
class PageWriter {
 public:
  PageWriter(HPDF_Page page, const std::vector<HPDF_Font>& fonts,
             const std::vector<const detail::Face*>& faces)
      : page_(page), fonts_(fonts), faces_(faces) {}

  void text(const TextOp& op) {
    begin_text();
    if (font_ != op.font || size_ != op.size) {
      HPDF_Page_SetFontAndSize(page_, fonts_[op.font], static_cast<HPDF_REAL>(op.size));
      font_ = op.font;
      size_ = op.size;
    }
    fill(op.color);
    const detail::Face& face = *faces_[op.font];
    // Split into segments whose glyphs sit at their natural advance plus one
    // constant spacing (Tc): one Tm + Tj per segment. A justified or
    // compressed line is then one segment; a squeezed punctuation mark
    // starts a new one.
    const auto& g = op.glyphs;
    size_t i = 0;
    std::string utf8;
    while (i < g.size()) {
      size_t j = i + 1;
      double spacing = 0;
      if (j < g.size()) {
        spacing = g[j].x - g[i].x - face.advance[g[i].cp] * op.size;
        ++j;
        while (j < g.size() &&
               std::fabs(g[j].x - g[j - 1].x - face.advance[g[j - 1].cp] * op.size - spacing) <
                   0.005)
          ++j;
        // A lone pair whose gap is not plain spacing: still one segment.
      }
      if (j - i == 1) spacing = char_space_;  // keep whatever is set
      if (std::fabs(spacing - char_space_) > 1e-6) {
        HPDF_Page_SetCharSpace(page_, static_cast<HPDF_REAL>(spacing));
        char_space_ = spacing;
      }
      utf8.clear();
      for (size_t k = i; k < j; ++k) utf8_append(utf8, g[k].cp);
      HPDF_Page_SetTextMatrix(page_, 1, 0, 0, 1, static_cast<HPDF_REAL>(g[i].x),
                              static_cast<HPDF_REAL>(op.y));
      HPDF_Page_ShowText(page_, utf8.c_str());
      i = j;
    }
  }

  void line(const LineOp& op) {
    end_text();
    line_width(op.width);
    stroke(op.color);
    HPDF_Page_MoveTo(page_, f(op.x1), f(op.y1));
    HPDF_Page_LineTo(page_, f(op.x2), f(op.y2));
    HPDF_Page_Stroke(page_);
  }

  void rect(const RectOp& op) {
    end_text();
    bool do_stroke = op.line_width > 0;
    if (!do_stroke && !op.fill) return;
    if (op.fill) fill(op.fill_color);
    if (do_stroke) {
      line_width(op.line_width);
      stroke(op.stroke);
    }
    HPDF_Page_Rectangle(page_, f(op.x), f(op.y), f(op.w), f(op.h));
    if (op.fill && do_stroke)
      HPDF_Page_FillStroke(page_);
    else if (op.fill)
      HPDF_Page_Fill(page_);
    else
      HPDF_Page_Stroke(page_);
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
    HPDF_Page_MoveTo(page_, f(op.x1), f(op.y1));
    HPDF_Page_LineTo(page_, f(bx), f(by));
    HPDF_Page_Stroke(page_);
    HPDF_Page_MoveTo(page_, f(op.x2), f(op.y2));
    HPDF_Page_LineTo(page_, f(bx - uy * half), f(by + ux * half));
    HPDF_Page_LineTo(page_, f(bx + uy * half), f(by - ux * half));
    HPDF_Page_ClosePath(page_);
    HPDF_Page_Fill(page_);
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
        HPDF_Page_Rectangle(page_, f(op.x + start * m), f(y), f((c - start) * m), f(m));
        any = true;
      }
    }
    if (any) HPDF_Page_Fill(page_);
  }

  void end_text() {
    if (in_text_) HPDF_Page_EndText(page_);
    in_text_ = false;
  }

 private:
  static HPDF_REAL f(double v) { return static_cast<HPDF_REAL>(v); }
  void begin_text() {
    if (!in_text_) HPDF_Page_BeginText(page_);
    in_text_ = true;
  }
  void fill(const Color& c) {
    if (!has_fill_ || !same_color(c, fill_)) {
      HPDF_Page_SetRGBFill(page_, f(c.r), f(c.g), f(c.b));
      fill_ = c;
      has_fill_ = true;
    }
  }
  void stroke(const Color& c) {
    if (!has_stroke_ || !same_color(c, stroke_)) {
      HPDF_Page_SetRGBStroke(page_, f(c.r), f(c.g), f(c.b));
      stroke_ = c;
      has_stroke_ = true;
    }
  }
  void line_width(double w) {
    if (w != width_) {
      HPDF_Page_SetLineWidth(page_, f(w));
      width_ = w;
    }
  }

  HPDF_Page page_;
  const std::vector<HPDF_Font>& fonts_;
  const std::vector<const detail::Face*>& faces_;
  bool in_text_ = false;
  int font_ = -1;
  double size_ = 0;
  double char_space_ = 0;
  double width_ = 1;  // PDF default
  bool has_fill_ = false, has_stroke_ = false;
  Color fill_{}, stroke_{};
};

}  // namespace

Result<std::string> Document::Impl::finish() {
  const auto& files = fonts.fonts();
  const int nfonts = static_cast<int>(files.size());
  // (a) Code points used per font.
  std::vector<std::vector<bool>> used(nfonts);
  for (const Page& page : pages)
    for (const Op& op : page.ops)
      if (auto* t = std::get_if<TextOp>(&op)) {
        auto& u = used[t->font];
        if (u.empty()) u.assign(0x10000, false);
        for (const PlacedGlyph& g : t->glyphs) u[g.cp] = true;
      }

  HaruErrors errors;
  HPDF_Doc pdf = HPDF_New(haru_error, &errors);
  if (!pdf) return make_error(Place{}, "libharu 初始化失败");
  struct Free {
    HPDF_Doc pdf;
    ~Free() { HPDF_Free(pdf); }
  } free_pdf{pdf};
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");

  // (b, c) Subset every font used and hand it to libharu.
  detail::PostProcess post;
  post.info = info;
  post.outlines = outlines;
  std::vector<HPDF_Font> haru_fonts(nfonts, nullptr);
  std::vector<const detail::Face*> faces(nfonts, nullptr);
  for (int f = 0; f < nfonts; ++f) {
    if (used[f].empty()) continue;
    auto face = detail::open_face(files[f].path, files[f].index);
    if (!face.ok()) return face.error();
    faces[f] = face.value();
    std::vector<char32_t> cps;
    for (char32_t cp = 0; cp < 0x10000; ++cp)
      if (used[f][cp] && faces[f]->has(cp)) cps.push_back(cp);
    std::vector<uint16_t> gids;
    auto bytes = detail::subset_face(*faces[f], cps, &gids);
    if (!bytes.ok()) return bytes.error();
    auto name = load_font(pdf, bytes.value(), files[f].path);
    if (!name.ok()) return name.error();
    haru_fonts[f] = HPDF_GetFont(pdf, name.value().c_str(), "UTF-8");
    if (!haru_fonts[f] || errors.error)
      return make_error(Place{files[f].path, "", ""},
                        "libharu 无法使用字体子集（错误 " + hex(errors.error) + "）");
    detail::FontFix fix;
    fix.base_font = name.value();
    fix.tag = subset_tag(bytes.value());
    // libharu's UTF-8 encoder writes each character's code point as its CID
    // (with a CIDToGIDMap to the glyph), so the map is CID = code point.
    for (char32_t cp : cps) fix.cid_unicode.push_back({static_cast<uint16_t>(cp), cp});
    std::sort(fix.cid_unicode.begin(), fix.cid_unicode.end());
    post.fonts.push_back(std::move(fix));
  }

  // (d) Pages.
  for (const Page& p : pages) {
    HPDF_Page page = HPDF_AddPage(pdf);
    if (!page) break;
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
    PageWriter w(page, haru_fonts, faces);
    for (const Op& op : p.ops) {
      std::visit(
          [&w](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, TextOp>) w.text(o);
            else if constexpr (std::is_same_v<T, LineOp>) w.line(o);
            else if constexpr (std::is_same_v<T, RectOp>) w.rect(o);
            else if constexpr (std::is_same_v<T, ArrowOp>) w.arrow(o);
            else w.modules(o);
          },
          op);
    }
    w.end_text();
  }
  if (pages.empty()) HPDF_AddPage(pdf);
  if (errors.error)
    return make_error(Place{}, "libharu 生成页面失败（错误 " + hex(errors.error) + "，" +
                                   hex(errors.detail) + "）");

  // (e) Save to memory.
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

  // (f) PoDoFo: ToUnicode, subset tags, Info, bookmarks, /ID.
  return detail::podofo_finish(raw, post);
}

}  // namespace qd::pdf
