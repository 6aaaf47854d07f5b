// End-to-end: the window posters and the 一次性告知单 of the sample county,
// checked with qpdf and poppler, their QR codes read back with zbarimg from
// 150 dpi renderings and followed to the portal's item pages, the portal's
// links to the notices, and two builds giving the same bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "e2e.h"
#include "ingest/settings.h"
#include "writers/notices/notices.h"
#include "writers/portal/html.h"
#include "writers/posters/posters.h"
#include "print/qr.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

// What poppler and qpdf say about one PDF.
struct PdfReport {
  bool checked = false;  // qpdf --check and pdfinfo succeed
  std::vector<std::string> fonts;  // pdffonts rows
  std::string text;      // pdftotext, whitespace removed
  std::string out;
};

PdfReport inspect(const std::string& pdf) {
  const std::string q = quote(pdf);
  Proc r = sh("qpdf --check " + q + " >/dev/null && pdfinfo " + q + " >/dev/null && echo CHECKED; pdffonts " + q +
              "; echo '=====TEXT'; pdftotext -enc UTF-8 " + q + " -");
  PdfReport rep;
  rep.out = r.out;
  const size_t t = r.out.find("=====TEXT\n");
  std::istringstream head(r.out.substr(0, t));
  std::string line;
  int n = 0;
  while (std::getline(head, line)) {
    if (line == "CHECKED") rep.checked = true;
    else if (++n > 3 || (n > 2 && !line.starts_with("name"))) rep.fonts.push_back(line);
  }
  if (t != std::string::npos) rep.text = squeeze(r.out.substr(t + 10));
  return rep;
}

// Every font of a pdffonts listing is embedded and subset.
void expect_fonts_embedded(const PdfReport& rep, const std::string& what) {
  EXPECT_FALSE(rep.fonts.empty()) << what << rep.out;
  for (const std::string& row : rep.fonts) {
    if (row.starts_with("----") || row.starts_with("name")) continue;
    std::istringstream cols(row);
    std::vector<std::string> c{std::istream_iterator<std::string>(cols), {}};
    ASSERT_GE(c.size(), 6u) << row;
    // name type [type2] encoding emb sub uni object ID: emb, sub, uni are
    // the 5th, 4th, 3rd columns from the end.
    EXPECT_EQ(c[c.size() - 5], "yes") << what << ": not embedded: " << row;
    EXPECT_EQ(c[c.size() - 4], "yes") << what << ": not subset: " << row;
  }
}

class PrintOutputs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The shared sample build; that a rebuild gives the same bytes is
    // SampleBuild.RebuildWithTheSameRegistryKeepsEveryFileIdentical.
    dir_ = sample_built().dir;
    run_ = &sample_built().run;
    // The catalog as published: settings, and the items from the open data.
    auto settings = read_settings(dir_ + "/input/county.toml");
    ASSERT_TRUE(settings.ok()) << settings.error().str();
    catalog_ = new Catalog;
    catalog_->settings = settings.value();
    auto impl = nlohmann::json::parse(read_file(out("portal/data/implementation.json")));
    auto cat = nlohmann::json::parse(read_file(out("portal/data/catalog.json")));
    std::map<std::string, std::string> parent;  // basic code → main item name
    for (const auto& j : cat["items"]) parent[j["basic_code"]] = j["parent"];
    for (const auto& j : impl["items"]) {
      Item it;
      it.department = j["department"];
      it.field(El::Name).text = j["name"];
      it.field(El::ImplCode).text = j["impl_code"];
      it.field(El::Parent).text = parent[j["basic_code"]];
      for (const auto& m : j["materials"]) {
        Material mat;
        mat.title.text = m["title"];
        it.materials.push_back(mat);
      }
      it.state = ItemState::Published;
      catalog_->items.push_back(std::move(it));
    }
  }
  static void TearDownTestSuite() {
    delete catalog_;
  }
  static std::string out(const std::string& rel) { return dir_ + "/output/" + rel; }

  static std::string dir_;
  static const Proc* run_;
  static Catalog* catalog_;
};
std::string PrintOutputs::dir_;
const Proc* PrintOutputs::run_ = nullptr;
Catalog* PrintOutputs::catalog_ = nullptr;

TEST_F(PrintOutputs, BuildsRan) {
  EXPECT_EQ(run_->exit_code, 1) << run_->out;  // one unreadable sample workbook
  EXPECT_GT(catalog_->items.size(), 300u);
}

TEST_F(PrintOutputs, EveryPosterPassesQpdfPopplerAndNamesItsItems) {
  std::vector<PosterJob> jobs = plan_posters(*catalog_, OutputPaths(*catalog_));
  ASSERT_EQ(jobs.size(), 18u);
  for (const PosterJob& job : jobs) {
    ASSERT_TRUE(fs::exists(out(job.path))) << job.path;
    PdfReport rep = inspect(out(job.path));
    EXPECT_TRUE(rep.checked) << job.path << rep.out;
    expect_fonts_embedded(rep, job.path);
    EXPECT_NE(rep.text.find(squeeze(job.window->name)), std::string::npos) << job.path;
    for (const Item* it : job.items)
      EXPECT_NE(rep.text.find(squeeze(it->get(El::Name))), std::string::npos) << job.path << ": " << it->get(El::Name);
  }
}

// The 384 notices are joined by qpdf into one file, which fails on any
// damaged input; the joined file is checked by qpdf (every stream decoded)
// and read once by poppler: pdfinfo, pdffonts, and pdftotext, whose pages
// are split back into the notices by their page counts. (Starting qpdf and
// poppler for each notice took most of this test's time.)
TEST_F(PrintOutputs, EveryNoticePassesQpdfPopplerAndListsEveryMaterial) {
  std::vector<NoticeJob> jobs = plan_notices(*catalog_, OutputPaths(*catalog_));
  ASSERT_EQ(jobs.size(), catalog_->items.size());
  TempDir tmp("notices");
  std::vector<int> pages;
  std::regex count(R"(/Type\s*/Pages\b[^>]*?/Count\s+(\d+))");
  for (const NoticeJob& job : jobs) {
    ASSERT_TRUE(fs::exists(out(job.path))) << job.path;
    std::smatch m;  // the page tree's root: our writer keeps it in plain text
    std::string bytes = read_file(out(job.path));
    ASSERT_TRUE(std::regex_search(bytes, m, count)) << job.path;
    pages.push_back(std::stoi(m[1]));
  }

  std::string joined = tmp / "all.pdf", files;
  for (const NoticeJob& job : jobs) files += " " + quote(out(job.path));
  Proc join = sh("qpdf --empty --pages" + files + " -- " + quote(joined));
  ASSERT_EQ(join.exit_code, 0) << join.out;
  ASSERT_EQ(join.out, "");  // no warnings either
  PdfReport rep = inspect(joined);
  EXPECT_TRUE(rep.checked) << rep.out;
  expect_fonts_embedded(rep, "notices");
  Proc text = sh("pdftotext -enc UTF-8 " + quote(joined) + " -");
  std::vector<std::string> page_text(1);
  for (char c : text.out) {
    if (c == '\f') page_text.emplace_back();
    else page_text.back() += c;
  }
  size_t at = 0;
  for (size_t i = 0; i < jobs.size(); ++i) {
    const NoticeJob& job = jobs[i];
    EXPECT_GE(pages[i], 1) << job.path;
    std::string mine;
    for (int p = 0; p < pages[i] && at < page_text.size(); ++p) mine += page_text[at++];
    mine = squeeze(mine);
    EXPECT_NE(mine.find(squeeze(job.item->get(El::Name))), std::string::npos) << job.path;
    for (const Material& m : job.item->materials)
      EXPECT_NE(mine.find(squeeze(m.title.text)), std::string::npos) << job.path << ": " << m.title.text;
  }
  EXPECT_EQ(at + 1, page_text.size());  // every page accounted for; pdftotext ends with a form feed
}

// Every QR code of every poster page, read at 150 dpi, is exactly the set of
// the window's item URLs; each URL is an item page of the portal.
TEST_F(PrintOutputs, PosterQrCodesDecodeToTheWindowsItemPages) {
  TempDir png("print-png");
  const std::string base = catalog_->settings.portal_base_url;
  int pages = 0, decoded = 0, listed = 0;
  for (const PosterJob& job : plan_posters(*catalog_, OutputPaths(*catalog_))) {
    fs::remove_all(png.path());
    fs::create_directories(png.path());
    Proc r = sh("pdftoppm -r 150 -png " + quote(out(job.path)) + " " + quote(png / "p"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    std::string images;
    for (const auto& e : fs::directory_iterator(png.path())) {
      ++pages;
      images += " " + quote(e.path().string());
    }
    // stderr dropped: zbarimg complains there about D-Bus on headless machines.
    Proc z = sh("{ zbarimg --raw -q" + images + " 2>/dev/null; }");
    std::set<std::string> got;
    std::istringstream lines(z.out);
    std::string url;
    while (std::getline(lines, url))
      if (!url.empty()) {
        got.insert(url);
        ++decoded;
      }
    listed += static_cast<int>(job.items.size());
    std::set<std::string> want;
    for (const Item* it : job.items) want.insert(print::guide_url(catalog_->settings, *it));
    EXPECT_EQ(got, want) << job.path;
    for (const std::string& url : got) {
      ASSERT_TRUE(url.starts_with(base)) << url;
      const std::string rel = url.substr(base.size());
      EXPECT_TRUE(rel.starts_with("item/")) << url;
      EXPECT_TRUE(fs::is_regular_file(out("portal/" + rel))) << url << " → portal/" << rel;
    }
  }
  EXPECT_GT(pages, 18);
  EXPECT_EQ(decoded, listed);  // each code once
}

TEST_F(PrintOutputs, PortalItemPagesLinkTheirNotices) {
  const OutputPaths paths(*catalog_);
  for (const Item& it : catalog_->items) {
    const std::string page = read_file(out("portal/item/" + it.get(El::ImplCode) + ".html"));
    ASSERT_FALSE(page.empty()) << it.get(El::Name);
    const std::string notice = paths.notice(it);
    ASSERT_FALSE(notice.empty()) << it.get(El::Name);
    EXPECT_NE(page.find("href=\"../" + portal::url_path(notice) + "\""), std::string::npos) << it.get(El::Name);
    EXPECT_TRUE(fs::is_regular_file(out("portal/" + notice))) << notice;
  }
}

}  // namespace
}  // namespace qd::e2e
