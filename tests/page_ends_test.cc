// End-to-end: no page of a booklet, of the leaders' report or of a notice
// ends with a heading or a table's header row (issue 17, point 2), read
// back from the PDFs page by page (tests/tools/page_ends.py over
// pdftotext -bbox-layout): the sample county, the second sample (the
// district) and a county made by gen_county.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "e2e.h"
#include "pdf/document.h"
#include "pdf/fonts.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

// What page_ends.py says about the PDFs under `dir` matching `pattern`.
struct Checked {
  int exit_code = -1;
  std::string out;
  long pages = 0, breaches = -1;
};

Checked check_pdfs(const std::vector<std::string>& pdfs) {
  std::string cmd = "/usr/bin/python3 " + quote(source("tests/tools/page_ends.py"));
  for (const std::string& p : pdfs) cmd += " " + quote(p);
  Checked c;
  Proc r = sh(cmd);
  c.exit_code = r.exit_code;
  c.out = r.out;
  std::smatch m;
  if (std::regex_search(r.out, m, std::regex(R"((\d+) pages, (\d+) breaches)"))) {
    c.pages = std::stol(m[1]);
    c.breaches = std::stol(m[2]);
  }
  return c;
}

// The PDFs of a folder and its subfolders, in order.
std::vector<std::string> pdfs_under(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".pdf") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Checks the booklets, the leaders' report and the notices of a build.
void expect_no_page_ends_badly(const std::string& output, long min_pages) {
  std::vector<std::string> files = pdfs_under(output + "/guides");
  files.push_back(output + "/reports/领导汇报.pdf");
  const Checked books = check_pdfs(files);
  EXPECT_EQ(books.exit_code, 0) << books.out;
  EXPECT_EQ(books.breaches, 0) << books.out;
  EXPECT_GE(books.pages, min_pages) << books.out;
  const Checked notices = check_pdfs(pdfs_under(output + "/notices"));
  EXPECT_EQ(notices.exit_code, 0) << notices.out;
  EXPECT_EQ(notices.breaches, 0) << notices.out;
  EXPECT_GT(notices.pages, 0) << notices.out;
}

TEST(PageEnds, SampleCounty) {
  // Before: pages 133, 281, 782 and 797 of the compiled booklet (and the
  // same pages of the leaders' report, which appends it) ended with
  // "三、办理流程 （一）办理步骤" and the step table's header row.
  const SampleBuilt& b = sample_built();
  ASSERT_EQ(b.run.exit_code, 1) << b.run.out;  // the sample's broken workbook
  expect_no_page_ends_badly(b.dir + "/output", 2000);
}

TEST(PageEnds, DistrictSample) {
  // The second sample (made by tools/make_district_sample.py); shared with
  // district_test.cc, which builds it the same way.
  const std::string dir = shared_dir(
      "district",
      [](const std::string& d) {
        copy_district_input(d);
        Proc r = build(d);
        std::ofstream(d + "/.exit") << r.exit_code;
        std::ofstream(d + "/.out") << r.out;
      },
      kDistrictFixture);
  expect_no_page_ends_badly(dir + "/output", 300);
}

TEST(PageEnds, GeneratedCounty) {
  const std::string dir = shared_dir("gen-county-page-ends", [](const std::string& d) {
    Proc g = sh(quote(std::string(QD_BINARY_DIR) + "/gen_county") + " --out " + quote(d + "/input") +
                " --departments 8 --items 25");
    ASSERT_EQ(g.exit_code, 0) << g.out;
    Proc r = sh(quote(qingdan()) + " build --quiet --input " + quote(d + "/input") + " --output " +
                quote(d + "/output") + " --registry " + quote(d + "/registry.sqlite") +
                " --date 2017-09-30");
    ASSERT_EQ(r.exit_code, 0) << r.out;
  });
  expect_no_page_ends_badly(dir + "/output", 400);
}

// The checker finds what it is meant to find: a page drawn like page 133
// before (the headings and the step table's header row at its foot, the
// rows overleaf), and nothing on the same page once they moved overleaf.
TEST(PageEnds, CheckerFindsAHeaderRowAtAPageFoot) {
  auto fonts = pdf::FontLibrary::load(source("fonts/fonts.toml"));
  ASSERT_TRUE(fonts.ok()) << fonts.error().str();
  TempDir tmp("page-ends-checker");
  auto make = [&](bool bad, const std::string& path) {
    pdf::Document doc(**fonts, {"测试", "测试", "测试", "", {2017, 9, 30}});
    const double x0 = 79.37, top = 736;
    auto body = [&](int page_lines, double y) {
      for (int i = 0; i < page_lines; ++i, y -= 28.95)
        doc.draw_text("政务服务事项办理指南正文第" + std::to_string(i + 1) + "行",
                      Role::Body, 16, x0 + (i ? 0 : 32), y);
      return y;
    };
    auto headings_and_header = [&](double y) {
      doc.draw_text("三、办理流程", Role::Heading1, 16, x0, y);
      doc.draw_text("（一）办理步骤", Role::Heading2, 16, x0 + 32, y - 28.95);
      y -= 2 * 28.95 + 6;
      const char* head[] = {"序号", "环节", "办理人员", "时限", "审查标准", "结果"};
      for (int c = 0; c < 6; ++c) doc.draw_text(head[c], Role::Heading1, 12, x0 + 4 + c * 72, y);
      return y - 26;
    };
    auto rows = [&](double y) {
      for (int r = 1; r <= 3; ++r, y -= 26) {
        doc.draw_text(std::to_string(r), Role::Body, 12, x0 + 4, y);
        doc.draw_text("受理", Role::Body, 12, x0 + 76, y);
        doc.draw_text("窗口人员", Role::Body, 12, x0 + 148, y);
      }
    };
    doc.new_page(595.28, 841.89);
    double y = body(bad ? 17 : 20, top);
    if (bad) headings_and_header(y);
    doc.draw_text("— 1 —", Role::Number, 14, 480, 70);
    doc.new_page(595.28, 841.89);
    y = top;
    if (!bad) y = headings_and_header(y);
    else {
      const char* head[] = {"序号", "环节", "办理人员", "时限", "审查标准", "结果"};
      for (int c = 0; c < 6; ++c) doc.draw_text(head[c], Role::Heading1, 12, x0 + 4 + c * 72, y);
      y -= 26;
    }
    rows(y);
    doc.draw_text("— 2 —", Role::Number, 14, 100, 70);
    auto bytes = doc.finish();
    ASSERT_TRUE(bytes.ok()) << bytes.error().str();
    std::ofstream(path, std::ios::binary) << *bytes;
  };
  make(true, tmp / "bad.pdf");
  make(false, tmp / "good.pdf");
  const Checked bad = check_pdfs({tmp / "bad.pdf"});
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("bad.pdf:1: ends with a header row"), std::string::npos) << bad.out;
  const Checked good = check_pdfs({tmp / "good.pdf"});
  EXPECT_EQ(good.exit_code, 0) << good.out;
  EXPECT_EQ(good.pages, 2) << good.out;
}

}  // namespace
}  // namespace qd::e2e
