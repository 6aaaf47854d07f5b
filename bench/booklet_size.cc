// booklet_size [input-dir]: sizes and speed of the 办事指南 booklets against
// plain libharu. Lays out the county's compiled booklet and every
// department's booklet from the input (default: the sample county), then
// renders the same pages three ways through pdf::Document:
//   subset     — what `qingdan build` writes (HarfBuzz subsets);
//   whole      — every font embedded whole, as libharu does without our
//                subsetting (all tables kept, unused glyphs blanked);
//   per-dept   — each department's booklet rendered whole and the sizes
//                added up, i.e. the fonts repeated once per department.
// The content streams are byte for byte the same in all three. Codes come
// from a throwaway registry (a first night).
//
// Also the seconds of layout and rendering (render_booklet(), what `qingdan
// build` runs) of the compiled booklet, the first time in the process and
// again, against all the department booklets together (the same pages):
// the compilation should cost about what they cost.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "support/county.h"
#include "writers/guides/booklet.h"
#include "writers/guides/guides.h"
#include "print/guide_template.h"
#include "print/fonts.h"
#include "print/replay.h"

using namespace qd;

namespace {

// Renders a laid-out booklet (the replay of render_booklet) with every font
// embedded whole; returns the PDF's bytes, empty on error.
std::string render_whole(const Booklet& b, const layout::Frame& frame,
                         const pdf::FontLibrary& fonts) {
  pdf::Document doc(fonts, b.info);
  doc.set_font_subsetting(false);
  for (const layout::Page& p : b.pages) {
    doc.new_page(frame.page_width, frame.page_height);
    print::draw_page(doc, p);
  }
  for (const pdf::Outline& o : b.outlines) doc.add_outline(o);
  auto out = doc.finish();
  if (!out.ok()) {
    std::fprintf(stderr, "%s\n", out.error().str().c_str());
    return {};
  }
  return out.value();
}

// What `qingdan build` writes for a booklet (subset fonts); empty on error.
std::string render_subset(Booklet b, const layout::Frame& frame, const pdf::FontLibrary& fonts) {
  auto out = render_booklet(std::move(b), frame, fonts);
  if (!out.ok()) {
    std::fprintf(stderr, "%s\n", out.error().str().c_str());
    return {};
  }
  return out.value();
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string source = QD_SOURCE_DIR;
  const std::string input = argc > 1 ? argv[1] : source + "/input";
  const Date date{2017, 9, 30};
  Catalog catalog = testing::read_county(input, date);
  // Codes, so that the footers carry them as in `qingdan build`.
  testing::give_codes(catalog);
  auto tmpl = read_guide_template(source + "/templates/guide.xml");
  auto lib = print::fonts(source + "/fonts/fonts.toml");
  if (!tmpl.ok() || !lib.ok()) {
    std::fprintf(stderr, "template or fonts missing\n");
    return 2;
  }
  const pdf::FontLibrary& fonts = *lib.value();
  const layout::Fonts metrics = print::metrics(fonts);
  const layout::Frame& frame = tmpl->frame;

  // The compiled booklet: laid out and rendered the first time in this
  // process (as in a worker of `qingdan build`), then again.
  auto t = std::chrono::steady_clock::now();
  Booklet county = lay_out_county(catalog, tmpl.value(), metrics, date);
  const double first_layout_secs = seconds_since(t);
  const int pages = static_cast<int>(county.pages.size());
  t = std::chrono::steady_clock::now();
  const std::string subset = render_subset(std::move(county), frame, fonts);
  const double first_render_secs = seconds_since(t);
  t = std::chrono::steady_clock::now();
  county = lay_out_county(catalog, tmpl.value(), metrics, date);
  const double layout_secs = seconds_since(t);
  t = std::chrono::steady_clock::now();
  const std::string whole = render_whole(county, frame, fonts);
  const double whole_secs = seconds_since(t);
  t = std::chrono::steady_clock::now();
  const std::string again = render_subset(std::move(county), frame, fonts);
  const double render_secs = seconds_since(t);
  if (subset.empty() || whole.empty()) return 1;
  if (again != subset) {
    std::fprintf(stderr, "the compiled booklet came out different the second time\n");
    return 1;
  }

  size_t per_dept = 0, dept_subset = 0, smallest = 0;
  int depts = 0, dept_pages = 0;
  double dept_layout_secs = 0, dept_render_secs = 0;
  std::string smallest_name;
  for (const DepartmentInfo& dept : catalog.settings.departments) {
    if (catalog.published(dept.name).empty()) continue;
    t = std::chrono::steady_clock::now();
    Booklet b = lay_out_department(catalog, dept, tmpl.value(), metrics, date);
    dept_layout_secs += seconds_since(t);
    dept_pages += static_cast<int>(b.pages.size());
    const std::string w = render_whole(b, frame, fonts);
    t = std::chrono::steady_clock::now();
    const std::string s = render_subset(std::move(b), frame, fonts);
    dept_render_secs += seconds_since(t);
    if (w.empty() || s.empty()) return 1;
    per_dept += w.size();
    dept_subset += s.size();
    if (!smallest || s.size() < smallest) {
      smallest = s.size();
      smallest_name = dept.name + " (" + std::to_string(catalog.published(dept.name).size()) + " items)";
    }
    ++depts;
  }

  if (argc > 2) {
    FILE* f = std::fopen(argv[2], "wb");
    if (f) {
      std::fwrite(subset.data(), 1, subset.size(), f);
      std::fclose(f);
    }
  }
  const double kb = 1024;
  std::printf("compiled booklet: %d pages\n", pages);
  std::printf("  subset (qingdan)          %8.0f KB   %.2f s = %4.0f pages/s\n", subset.size() / kb,
              render_secs, pages / render_secs);
  std::printf("  whole fonts (libharu)     %8.0f KB   %.2f s   ratio %.3f\n", whole.size() / kb,
              whole_secs, static_cast<double>(subset.size()) / whole.size());
  std::printf("  per department, whole     %8.0f KB   (%d booklets)   ratio %.3f\n", per_dept / kb,
              depts, static_cast<double>(subset.size()) / per_dept);
  std::printf("department booklets, subset %8.0f KB in all; smallest %.0f KB: %s\n",
              dept_subset / kb, smallest / kb, smallest_name.c_str());
  std::printf("seconds                                    layout   render\n");
  std::printf("  compiled booklet, first in the process    %6.3f   %6.3f\n", first_layout_secs,
              first_render_secs);
  std::printf("  compiled booklet, again                   %6.3f   %6.3f\n", layout_secs,
              render_secs);
  std::printf("  %2d department booklets, %5d pages       %6.3f   %6.3f\n", depts, dept_pages,
              dept_layout_secs, dept_render_secs);
  return 0;
}
