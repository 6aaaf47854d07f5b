// pdf_bench [pages]: pages per second for dense Chinese A4 pages (30 lines
// of 28 characters), through Document (subset + libharu + PoDoFo) and
// through a bare libharu loop (full font, no subsetting, no PoDoFo).
#include <hpdf.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "pdf/document.h"
#include "pdf/fonts.h"

using namespace qd;
using namespace qd::pdf;

int main(int argc, char** argv) {
  int pages = argc > 1 ? std::atoi(argv[1]) : 100;
  std::string config = std::string(QD_SOURCE_DIR) + "/fonts/fonts.toml";
  auto t0 = std::chrono::steady_clock::now();
  auto lib = FontLibrary::load(config);
  if (!lib.ok()) {
    std::fprintf(stderr, "%s\n", lib.error().str().c_str());
    return 1;
  }
  auto t1 = std::chrono::steady_clock::now();
  std::printf("font library load: %.1f ms\n",
              std::chrono::duration<double, std::milli>(t1 - t0).count());
  const ts::Metrics& m = (*lib)->metrics(Role::Body);
  // Text: common hanzi cycling through a 1,500-character range.
  std::u32string chars;
  for (char32_t cp = 0x4E00; chars.size() < 1500; cp += 7)
    if (m.advance(cp) > 0) chars.push_back(cp);
  auto line_of = [&](int page, int row, bool justify) {
    ts::Line line;
    double pitch = justify ? 15.79 : 16;
    for (int c = 0; c < 28; ++c) {
      char32_t cp = chars[(page * 30 * 28 + row * 28 + c) % chars.size()];
      if (c == 27) cp = U'。';
      line.glyphs.push_back({cp, c * pitch, 16});
    }
    return line;
  };
  const bool only_doc = std::getenv("QD_BENCH_DOC_ONLY") != nullptr;
  for (int rep = 0; rep < 3; ++rep) {
    auto a = std::chrono::steady_clock::now();
    Document doc(**lib, {"测试", "测试", "", "", Date{2024, 1, 1}});
    for (int p = 0; p < pages; ++p) {
      doc.new_page(595.276, 841.89);
      for (int r = 0; r < 30; ++r)
        doc.draw_line(line_of(p, r, r % 2 == 0), Role::Body, 16, 79.37, 770 - r * 24);
    }
    auto b = std::chrono::steady_clock::now();
    auto out = doc.finish();
    auto c = std::chrono::steady_clock::now();
    if (!out.ok()) {
      std::fprintf(stderr, "%s\n", out.error().str().c_str());
      return 1;
    }
    double secs = std::chrono::duration<double>(c - a).count();
    std::printf("Document: %d pages in %.1f ms (record %.1f, finish %.1f) = %.0f pages/s, %zu KB\n",
                pages, secs * 1000, std::chrono::duration<double, std::milli>(b - a).count(),
                std::chrono::duration<double, std::milli>(c - b).count(), pages / secs,
                out.value().size() / 1024);
    if (rep == 0 && argc > 2) {
      FILE* f = std::fopen(argv[2], "wb");
      std::fwrite(out.value().data(), 1, out.value().size(), f);
      std::fclose(f);
    }
  }
  // Bare libharu: the whole body font, one TextOut per line.
  const auto& file = (*lib)->fonts()[(*lib)->font_for(Role::Body, U'中')];
  for (int rep = 0; rep < (only_doc ? 0 : 2); ++rep) {
    auto a = std::chrono::steady_clock::now();
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* name = HPDF_LoadTTFontFromFile2(pdf, file.path.c_str(), file.index, HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    for (int p = 0; p < pages; ++p) {
      HPDF_Page page = HPDF_AddPage(pdf);
      HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
      HPDF_Page_BeginText(page);
      HPDF_Page_SetFontAndSize(page, font, 16);
      for (int r = 0; r < 30; ++r) {
        ts::Line l = line_of(p, r, false);
        std::string s;
        for (auto& g : l.glyphs) utf8_append(s, g.cp);
        HPDF_Page_TextOut(page, 79.37f, 770 - r * 24, s.c_str());
      }
      HPDF_Page_EndText(page);
    }
    HPDF_SaveToStream(pdf);
    size_t size = HPDF_GetStreamSize(pdf);
    HPDF_Free(pdf);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
    std::printf("bare libharu (full font %s): %d pages in %.1f ms = %.0f pages/s, %zu KB\n",
                file.family.c_str(), pages, secs * 1000, pages / secs, size / 1024);
  }
  return 0;
}
