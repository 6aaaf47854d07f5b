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
#include "base/text.h"
#include "model/display.h"

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
        mat.notes.text = m.value("notes", "");
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
  ASSERT_EQ(jobs.size(), 17u);  // 18 windows; 统计档案窗口 has no published item
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
  int multi = 0;
  for (size_t i = 0; i < jobs.size(); ++i) {
    const NoticeJob& job = jobs[i];
    EXPECT_GE(pages[i], 1) << job.path;
    std::string mine;
    for (int p = 0; p < pages[i] && at < page_text.size(); ++p) mine += page_text[at++];
    mine = squeeze(mine);
    EXPECT_NE(mine.find(squeeze(job.item->get(El::Name))), std::string::npos) << job.path;
    for (const Material& m : job.item->materials) {
      EXPECT_NE(mine.find(squeeze(m.title.text)), std::string::npos) << job.path << ": " << m.title.text;
      // The note after its label, not glued to the name.
      if (!m.notes.text.empty()) {
        // Its label and start (a note may wrap, and pdftotext order the wrapped part elsewhere).
        const std::u32string note = utf8_decode(squeeze(material_note(m)));
        EXPECT_NE(mine.find(utf8_encode(note.substr(0, 6))), std::string::npos) << job.path << ": " << m.notes.text;
        EXPECT_EQ(mine.find(squeeze(m.title.text + m.notes.text)), std::string::npos) << job.path;
      }
    }
    // The signature block on the last page.
    const std::string last = squeeze(page_text[at - 1]);
    EXPECT_NE(last.find("告知人（签字）："), std::string::npos) << job.path;
    EXPECT_NE(last.find("申请人（签字）："), std::string::npos) << job.path;
    EXPECT_NE(last.find("日期："), std::string::npos) << job.path;
    if (pages[i] > 1) ++multi;
  }
  EXPECT_EQ(at + 1, page_text.size());  // every page accounted for; pdftotext ends with a form feed
  // Issue 17, point 7: 31 of the 384 notices spilled onto a second page; a
  // notice now shrinks and tightens its leading to fit one: none spills.
  std::printf("notices on more than one page: %d of %zu\n", multi, jobs.size());
  EXPECT_EQ(multi, 0);
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
    // Each sheet in two halves, a column of cards each (A3 at 150 dpi is
    // 1754 px wide; the columns meet in the middle): zbar misses a code
    // now and then among two dozen on a page, never among a dozen.
    Proc r = sh("pdftoppm -r 150 -png -x 0 -y 0 -W 877 -H 2481 " + quote(out(job.path)) + " " + quote(png / "l") +
                " && pdftoppm -r 150 -png -x 877 -y 0 -W 877 -H 2481 " + quote(out(job.path)) + " " + quote(png / "r"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    std::string images;
    for (const auto& e : fs::directory_iterator(png.path())) {
      pages += e.path().filename().string().starts_with("l");
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

// A run of text read back from a PDF by tests/tools/pdf_text_runs.py.
struct TextRun {
  int page = 0;
  double top = 0, left = 0, size = 0;  // pt
  std::string color, text;
};

// The runs of text of each PDF, by path.
std::map<std::string, std::vector<TextRun>> text_runs(const std::vector<std::string>& pdfs) {
  std::string cmd = "/usr/bin/python3 " + quote(source("tests/tools/pdf_text_runs.py"));
  for (const std::string& p : pdfs) cmd += " " + quote(p);
  Proc r = sh(cmd);
  EXPECT_EQ(r.exit_code, 0) << r.out.substr(0, 2000);
  std::map<std::string, std::vector<TextRun>> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    size_t from = 0;
    for (int k = 0; k < 6; ++k) {
      const size_t tab = line.find('\t', from);
      if (tab == std::string::npos) break;
      f.push_back(line.substr(from, tab - from));
      from = tab + 1;
    }
    if (f.size() < 6) continue;
    out[f[0]].push_back({std::stoi(f[1]), std::stod(f[2]), std::stod(f[3]), std::stod(f[4]), f[5], line.substr(from)});
  }
  return out;
}

// Issue 17, point 4: read back from the PDFs, every poster is readable at
// 1–2 m — no text under 16 pt but the footer line (the lowest, grey), every
// item name in 24 pt — and its items are spread evenly over its sheets.
TEST_F(PrintOutputs, PostersAreReadableFromTwoMetresAndSpreadEvenly) {
  const std::vector<PosterJob> jobs = plan_posters(*catalog_, OutputPaths(*catalog_));
  std::vector<std::string> files;
  for (const PosterJob& job : jobs) files.push_back(out(job.path));
  const auto runs = text_runs(files);
  double smallest = 1e9;
  for (const PosterJob& job : jobs) {
    const std::vector<TextRun>& rs = runs.at(out(job.path));
    std::map<int, double> lowest;
    for (const TextRun& r : rs) lowest[r.page] = std::max(lowest[r.page], r.top);
    std::string names;
    std::map<int, int> cards;  // per sheet
    for (const TextRun& r : rs) {
      if (r.top >= lowest[r.page] - 0.5) {  // the footer line
        EXPECT_EQ(r.color, "#7f7f7f") << job.path << ": " << r.text;
        continue;
      }
      smallest = std::min(smallest, r.size);
      EXPECT_GE(r.size, 16 - 0.2) << job.path << " p" << r.page << ": " << r.text;
      if (r.size >= 24 - 0.2) names += r.text;
      if (r.text.find("承诺时限：") != std::string::npos) ++cards[r.page];
    }
    names = squeeze(names);
    for (const Item* it : job.items)
      EXPECT_NE(names.find(squeeze(it->get(El::Name))), std::string::npos) << job.path << ": " << it->get(El::Name);
    int most = 0, least = 1 << 30;
    for (const auto& [page, n] : cards) {
      most = std::max(most, n);
      least = std::min(least, n);
    }
    EXPECT_LE(most - least, 2) << job.path << ": " << cards.size() << " sheets";
  }
  std::printf("smallest text on the posters but their footer lines: %.1f pt\n", smallest);
}

// A window without published items gets no poster; the review and the
// build log say so.
TEST_F(PrintOutputs, AWindowWithoutItemsHasNoPosterButAFinding) {
  EXPECT_FALSE(fs::exists(out("posters/涿鹿县政务服务中心/18-统计档案窗口.pdf")));
  bool found = false;
  for (const FindingRow& f : read_findings(out("review/findings.csv")))
    if (f.rule == "WINDOW-EMPTY") {
      found = true;
      EXPECT_EQ(f.severity, "hint");
      EXPECT_NE(f.message.find("18号窗口（统计档案窗口）暂无公布的政务服务事项，未生成窗口海报"), std::string::npos)
          << f.message;
    }
  EXPECT_TRUE(found);
  const std::string log = read_file(dir_ + "/output.builds/build.log");
  EXPECT_NE(log.find("[WINDOW-EMPTY] 涿鹿县政务服务中心18号窗口（统计档案窗口）"), std::string::npos) << log;
}

// Issue 17, point 3: a material's note is set apart from its name — in the
// booklets a smaller run of its own after "注：", in the .docx guide a
// paragraph of its own in 9 pt, on the portal a span of its own.
TEST_F(PrintOutputs, MaterialNotesAreSetApartFromTheirNames) {
  std::vector<std::string> booklets;
  for (const DepartmentInfo& d : catalog_->settings.departments)
    if (fs::exists(out("guides/" + d.name + ".pdf"))) booklets.push_back(out("guides/" + d.name + ".pdf"));
  ASSERT_GT(booklets.size(), 20u);
  int notes = 0;
  for (const auto& [pdf, rs] : text_runs(booklets))
    for (const TextRun& r : rs) {
      if (!r.text.starts_with("注：")) continue;
      ++notes;
      EXPECT_LT(r.size, 10) << pdf << ": " << r.text;  // the table is 10.5 pt
    }
  EXPECT_GT(notes, 100);

  int portal = 0, docx = 0;
  std::set<std::string> docx_done;
  for (const Item& it : catalog_->items) {
    const std::string page = read_file(out("portal/item/" + it.get(El::ImplCode) + ".html"));
    for (const Material& m : it.materials) {
      if (m.notes.text.empty()) continue;
      EXPECT_NE(page.find("<span class=\"note\">" + portal::escape(material_note(m)) + "</span>"), std::string::npos)
          << it.get(El::Name) << ": " << m.title.text;
      ++portal;
    }
    if (!docx_done.insert(it.department).second) continue;
    Proc x = sh("/usr/bin/python3 -c 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("
                "\"word/document.xml\").decode())' " + quote(out("guides/docx/" + it.department + "办事指南.docx")));
    ASSERT_EQ(x.exit_code, 0) << x.out.substr(0, 500);
    // Every paragraph holding a note holds nothing else, in 9 pt (w:sz 18).
    for (size_t at = x.out.find("注："); at != std::string::npos; at = x.out.find("注：", at + 1)) {
      const size_t p0 = x.out.rfind("<w:p>", at), p0b = x.out.rfind("<w:p ", at);
      const size_t start = p0 == std::string::npos ? p0b : p0b == std::string::npos ? p0 : std::max(p0, p0b);
      const size_t end = x.out.find("</w:p>", at);
      ASSERT_NE(start, std::string::npos);
      const std::string para = x.out.substr(start, end - start);
      if (para.find("w:val=\"TableText\"") == std::string::npos) continue;  // not in a table
      EXPECT_NE(para.find("<w:sz w:val=\"18\"/>"), std::string::npos) << para;
      EXPECT_EQ(para.find("<w:t"), para.rfind("<w:t")) << "one run: " << para;
      ++docx;
    }
  }
  EXPECT_GT(portal, 100);
  EXPECT_GT(docx, 100);
}

// Issue 17, point 9: a department booklet's cover does not print the county
// above a department whose name holds it; the compilation's cover does.
TEST_F(PrintOutputs, BookletCoversNameTheCountyOnce) {
  const std::string& county = catalog_->settings.county;
  int covers = 0;
  for (const DepartmentInfo& d : catalog_->settings.departments) {
    const std::string pdf = out("guides/" + d.name + ".pdf");
    if (!fs::exists(pdf)) continue;
    ++covers;
    Proc r = sh("pdftotext -enc UTF-8 -f 1 -l 1 " + quote(pdf) + " -");
    std::istringstream lines(r.out);
    std::string line, first;
    while (std::getline(lines, line) && first.empty()) first = squeeze(line);
    if (d.name.find(county) != std::string::npos)
      EXPECT_EQ(first, squeeze(d.name)) << pdf;
    else
      EXPECT_EQ(first, county) << pdf;
  }
  EXPECT_GT(covers, 20);
  Proc r = sh("pdftotext -enc UTF-8 -f 1 -l 1 " + quote(out("guides/" + county + "政务服务事项办事指南汇编.pdf")) + " -");
  EXPECT_TRUE(squeeze(r.out).starts_with(county + "政务服务事项")) << r.out;
}

}  // namespace
}  // namespace qd::e2e
