// notice_bench [input-dir] [count] [out-dir]: time per 一次性告知单, split into layout
// (lay_out_notice) and rendering (render_sheets: subsetting, libharu,
// post-processing), over the first `count` published items of a county
// (default: the sample county, every item). Prints a hash of all the PDFs'
// bytes, so that two versions of the program can be compared for identical
// output; with out-dir, the PDFs are written there too. Codes come from a throwaway registry (a first night).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <time.h>
#include <unistd.h>

#include "support/county.h"
#include "base/sha256.h"
#include "writers/guides/booklet.h"
#include "writers/guides/guides.h"
#include "writers/notices/notice.h"
#include "writers/notices/notices.h"
#include "print/sheet.h"
#include "print/fonts.h"

using namespace qd;

namespace {

// The process's CPU time in seconds (steadier than wall time on a shared
// machine).
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string source = QD_SOURCE_DIR;
  const std::string input = argc > 1 ? argv[1] : source + "/input";
  const size_t limit = argc > 2 ? static_cast<size_t>(std::atol(argv[2])) : 0;
  const Date date{2017, 9, 30};
  Catalog catalog = testing::read_county(input, date);
  testing::give_codes(catalog);
  double t = cpu_seconds();
  auto lib = print::fonts(source + "/fonts/fonts.toml");
  if (!lib.ok()) {
    std::fprintf(stderr, "%s\n", lib.error().str().c_str());
    return 2;
  }
  const pdf::FontLibrary& fonts = *lib.value();
  const layout::Fonts metrics = print::metrics(fonts);
  std::printf("fonts: %.1f ms\n", (cpu_seconds() - t) * 1000);

  std::vector<NoticeJob> jobs = plan_notices(catalog, OutputPaths(catalog));
  if (limit && jobs.size() > limit) jobs.resize(limit);
  double layout_secs = 0, render_secs = 0;
  size_t bytes = 0;
  int pages = 0;
  std::string all;
  for (const NoticeJob& job : jobs) {
    t = cpu_seconds();
    auto notice = lay_out_notice(catalog, *job.item, metrics, catalog.version_of({job.item}));
    layout_secs += (cpu_seconds() - t);
    if (!notice.ok()) {
      std::fprintf(stderr, "%s\n", notice.error().str().c_str());
      return 1;
    }
    t = cpu_seconds();
    auto pdf = print::render_sheets(notice->sheets, notice->info, fonts);
    render_secs += (cpu_seconds() - t);
    if (!pdf.ok()) {
      std::fprintf(stderr, "%s\n", pdf.error().str().c_str());
      return 1;
    }
    if (argc > 3) {
      Status st = print::write_output(argv[3], job.path, pdf.value());
      if (!st.ok()) {
        std::fprintf(stderr, "%s\n", st.error().str().c_str());
        return 1;
      }
    }
    pages += static_cast<int>(notice->sheets.size());
    bytes += pdf->size();
    all += sha256_hex(pdf.value());
  }
  const double n = static_cast<double>(jobs.size());
  std::printf("%zu notices, %d pages, %zu KB: layout %.2f ms, render %.2f ms CPU per notice (total %.2f s)\n",
              jobs.size(), pages, bytes / 1024, layout_secs * 1000 / n, render_secs * 1000 / n,
              layout_secs + render_secs);
  std::printf("hash of all PDFs: %s\n", sha256_hex(all).substr(0, 16).c_str());
  return 0;
}
