// The leaders' report as a real PDF: the report joined with the county
// booklet, checked with qpdf and poppler; the layout of the sample county.
#include "writers/leaders/leaders.h"
#include "writers/writer.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <unistd.h>

#include "support/county.h"
#include "ingest/ingest.h"
#include "ingest/settings.h"
#include "merge/merge.h"
#include "pdf/podofo_adapter.h"
#include "validate/validate.h"
#include "writers/digests.h"
#include "writers/leaders/report.h"
#include "print/fonts.h"
#include "base/text.h"

namespace qd {
namespace {

namespace fs = std::filesystem;

const std::string kSource = QD_SOURCE_DIR;
const std::string kTemplates = kSource + "/templates";
const std::string kFonts = kSource + "/fonts/fonts.toml";
const Date kDate{2017, 9, 30};

struct Proc {
  int status = 0;
  std::string out;
};

// Runs a shell command; stdout only (stderr to a file that is appended).
Proc run(const std::string& cmd) {
  Proc r;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return {-1, "popen"};
  std::array<char, 65536> buf;
  size_t got;
  while ((got = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), got);
  r.status = pclose(p);
  return r;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

const pdf::FontLibrary& fonts() {
  auto lib = print::fonts(kFonts);
  if (!lib.ok()) {
    ADD_FAILURE() << lib.error().str();
    std::abort();
  }
  return *lib.value();
}

Item make_item(const std::string& dept, const std::string& name, const std::string& type) {
  Item it;
  it.department = dept;
  it.file = "test.xlsx";
  it.state = ItemState::Published;
  auto set = [&](El e, std::string v) { it.field(e).text = std::move(v); };
  set(El::Name, name);
  set(El::Type, type);
  set(El::Basis, "《中华人民共和国行政许可法》第十二条");
  set(El::Agency, dept);
  set(El::Audience, "自然人");
  set(El::CaseType, "承诺件");
  set(El::LegalLimit, "20个工作日");
  set(El::PromisedLimit, "5个工作日");
  set(El::Visits, "1");
  set(El::OnlineDepth, "Ⅲ");
  set(El::Charged, "否");
  set(El::Place, "涿鹿县政务服务中心二楼");
  Material m;
  m.title.text = "申请书";
  m.source.text = "申请人自备";
  it.materials.push_back(m);
  Step s;
  s.step.text = "受理";
  it.steps.push_back(s);
  return it;
}

Catalog small_catalog() {
  Catalog c;
  c.build_date = kDate;
  c.settings.county = "涿鹿县";  // as input/county.toml says
  c.settings.division = "县";
  c.settings.office = "涿鹿县行政审批局";
  c.settings.area_code = "0313";
  c.settings.deadline = {2017, 8, 31};
  c.settings.departments.push_back({"涿鹿县市场监督管理局", "市场监管局", "11130731MB1234567X", "14"});
  c.settings.departments.push_back({"涿鹿县商务局", "商务局", "11130731MB7654321X", "15"});
  c.items.push_back(make_item("涿鹿县市场监督管理局", "食品经营许可", "01"));
  c.items.push_back(make_item("涿鹿县市场监督管理局", "个体工商户登记", "07"));
  c.items.push_back(make_item("涿鹿县商务局", "再生资源回收经营者备案", "10"));
  // Changed since the last list version: one item added, one changed, one
  // retired; two posters, a notice and a booklet to reprint.
  c.changes_version = kDate;
  c.changes.push_back({ItemChange::Kind::Added, "1", "涿鹿县商务局", "再生资源回收经营者备案", {}});
  c.changes.push_back({ItemChange::Kind::Changed, "2", "涿鹿县市场监督管理局", "食品经营许可",
                       {{"承诺办结时限", "20个工作日", "15个工作日"},
                        {"受理条件", "年满18周岁的本县常住居民，持有有效身份证件。",
                         "年满18周岁的本县常住居民，持有有效身份证件（2017年10月起含外地户籍）。"}}});
  c.changes.push_back({ItemChange::Kind::Retired, "3", "涿鹿县商务局", "酒类商品零售许可", {}});
  c.reprints = {{"窗口海报", "posters/涿鹿县政务服务中心/1号窗口.pdf", "涿鹿县政务服务中心"},
                {"窗口海报", "posters/涿鹿县政务服务中心/2号窗口.pdf", "涿鹿县政务服务中心"},
                {"一次性告知单", "notices/涿鹿县商务局/再生资源回收经营者备案.pdf", "涿鹿县商务局"},
                {"办事指南", "guides/涿鹿县市场监督管理局.pdf", "涿鹿县市场监督管理局"}};
  return c;
}

Catalog sample_catalog() { return testing::read_county(kSource + "/input", kDate); }

Report lay_out(const Catalog& c, const Figures& f) {
  auto t = read_guide_template(kTemplates + "/guide.xml");
  EXPECT_TRUE(t.ok());
  static GuideTemplate tmpl = t.value();
  static layout::Fonts metrics = print::metrics(fonts());
  return lay_out_report({c, f, tmpl, metrics, kDate});
}

// The bookmarks of a PDF flattened depth-first: "depth|title|page (1-based)".
std::vector<std::string> bookmarks(const std::string& pdf) {
  Proc r = run("qpdf --json --json-key=outlines " + quote(pdf));
  EXPECT_EQ(r.status, 0) << r.out;
  std::vector<std::string> flat;
  std::function<void(const nlohmann::json&, int)> walk = [&](const nlohmann::json& list, int depth) {
    for (const auto& o : list) {
      flat.push_back(std::to_string(depth) + "|" + o["title"].get<std::string>() + "|" +
                     std::to_string(o["destpageposfrom1"].get<int>()));
      walk(o["kids"], depth + 1);
    }
  };
  walk(nlohmann::json::parse(r.out)["outlines"], 0);
  return flat;
}

int pages_of(const std::string& pdf) {
  Proc r = run("pdfinfo " + quote(pdf));
  std::smatch m;
  std::regex re(R"(Pages:\s+(\d+))");
  return std::regex_search(r.out, m, re) ? std::stoi(m[1]) : -1;
}

class LeadersPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("leaders_test_" + std::to_string(getpid())));
    fs::remove_all(*dir_);
    catalog_ = new Catalog(small_catalog());
    write(*dir_);
  }
  static void TearDownTestSuite() {
    // LEADERS_TEST_KEEP=1 keeps the PDFs to look at.
    if (std::getenv("LEADERS_TEST_KEEP")) std::printf("PDFs kept in %s\n", dir_->c_str());
    else fs::remove_all(*dir_);
    delete dir_;
    delete catalog_;
  }
  // The guides, then the leaders' report, as a build runs them.
  static void write(const fs::path& dir) {
    OutputContext ctx{dir.string(), kTemplates, kDate, kFonts};
    std::vector<std::string> written;
    // Through the table of outputs: a writer never includes a sibling's header.
    const WriterInfo* guides = find_writer("guides");
    ASSERT_NE(guides, nullptr);
    Status g = guides->write(*catalog_, ctx, &written);
    ASSERT_TRUE(g.ok()) << g.error().str();
    written.clear();
    Status s = write_leaders(*catalog_, ctx, &written);
    ASSERT_TRUE(s.ok()) << s.error().str();
    ASSERT_EQ(written, std::vector<std::string>{"reports/领导汇报.pdf"});
    EXPECT_FALSE(fs::exists(dir / "reports/领导汇报.pdf.tmp"));
  }
  static std::string report() { return (*dir_ / "reports/领导汇报.pdf").string(); }
  static std::string booklet() { return (*dir_ / OutputPaths(*catalog_).county_booklet()).string(); }

  static fs::path* dir_;
  static Catalog* catalog_;
};
fs::path* LeadersPdf::dir_ = nullptr;
Catalog* LeadersPdf::catalog_ = nullptr;

TEST_F(LeadersPdf, PlanNamesTheReportAndTheBooklet) {
  LeadersPlan p = plan_leaders(*catalog_, OutputPaths(*catalog_));
  EXPECT_EQ(p.path, "reports/领导汇报.pdf");
  EXPECT_EQ(p.booklet, "guides/涿鹿县政务服务事项办事指南汇编.pdf");
  Catalog none;
  EXPECT_EQ(plan_leaders(none, OutputPaths(none)).booklet, "");
}

TEST_F(LeadersPdf, QpdfCheckPasses) {
  Proc r = run("qpdf --check " + quote(report()));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos) << r.out;
}

TEST_F(LeadersPdf, PagesAreTheReportsAndTheBookletsAndInfoIsSet) {
  const Figures f = compute_figures(*catalog_);
  const Report rep = lay_out(*catalog_, f);
  const int booklet_pages = pages_of(booklet());
  ASSERT_GT(booklet_pages, 4);
  EXPECT_EQ(pages_of(report()), static_cast<int>(rep.pages.size()) + booklet_pages);
  Proc r = run("pdfinfo " + quote(report()));
  EXPECT_NE(r.out.find("Title:           涿鹿县政务服务事项清单工作汇报"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Author:          涿鹿县行政审批局"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("CreationDate: +(Sat Sep 30 00:00:00|Fri Sep 29 16:00:00) 2017"))) << r.out;
}

TEST_F(LeadersPdf, OneBookmarkTreeSectionsThenBookletDepartmentsAndItems) {
  const Report rep = lay_out(*catalog_, compute_figures(*catalog_));
  const int n = static_cast<int>(rep.pages.size());
  std::vector<std::string> expect;
  for (const pdf::Outline& o : rep.outlines) expect.push_back("0|" + o.title + "|" + std::to_string(o.page + 1));
  ASSERT_EQ(expect.size(), report_sections().size());
  expect.push_back("0|附件：政务服务事项办事指南汇编|" + std::to_string(n + 1));
  // The booklet's own tree, one level down, shifted by the report's pages.
  for (const std::string& b : bookmarks(booklet())) {
    const size_t a = b.find('|'), z = b.rfind('|');
    expect.push_back(std::to_string(std::stoi(b.substr(0, a)) + 1) + b.substr(a, z - a + 1) +
                     std::to_string(std::stoi(b.substr(z + 1)) + n));
  }
  EXPECT_EQ(bookmarks(report()), expect);
  // Departments, then their items.
  int departments = 0;
  for (const std::string& e : expect)
    departments += e.starts_with("1|涿鹿县市场监督管理局|") || e.starts_with("1|涿鹿县商务局|");
  EXPECT_EQ(departments, 2) << ::testing::PrintToString(expect);
  EXPECT_GT(expect.size(), report_sections().size() + 1 + 2 + 2);  // and their items
  // The sections in the table's order.
  EXPECT_EQ(rep.outlines[0].title, "一、主要数据");
  EXPECT_EQ(rep.outlines[0].page, 1);
}

TEST_F(LeadersPdf, FontsEmbeddedAndSubset) {
  Proc r = run("pdffonts " + quote(report()));
  std::istringstream in(r.out);
  std::string line;
  int fonts_seen = 0;
  while (std::getline(in, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0) continue;
    ++fonts_seen;
    std::regex row(R"(^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, row)) << line;
    EXPECT_EQ(m[2], "yes") << line;
    EXPECT_EQ(m[3], "yes") << line;
    EXPECT_TRUE(std::regex_search(std::string(m[1]), std::regex("^[A-Z]{6}\\+"))) << line;
  }
  EXPECT_GE(fonts_seen, 3);
}

TEST_F(LeadersPdf, FiguresPageAndAppendedBookletText) {
  Proc r = run("pdftotext -raw -enc UTF-8 -f 2 -l 2 " + quote(report()) + " -");
  const std::string p2 = squeeze(r.out);
  EXPECT_NE(p2.find("一、主要数据"), std::string::npos) << p2;
  EXPECT_NE(p2.find("公布事项3项"), std::string::npos) << p2;
  EXPECT_NE(p2.find("行政权力事项3项占100.0%"), std::string::npos) << p2;
  EXPECT_NE(p2.find("平均法定办结时限20.0个工作日"), std::string::npos) << p2;
  EXPECT_NE(p2.find("平均承诺办结时限5.0个工作日"), std::string::npos) << p2;
  // The first appended page is the booklet's cover.
  const Report rep = lay_out(*catalog_, compute_figures(*catalog_));
  const std::string first = std::to_string(rep.pages.size() + 1);
  Proc b = run("pdftotext -enc UTF-8 -f " + first + " -l " + first + " " + quote(report()) + " -");
  EXPECT_NE(squeeze(b.out).find("办事指南汇编"), std::string::npos) << b.out;
}

TEST_F(LeadersPdf, SameInputSameBytes) {
  const fs::path again = fs::temp_directory_path() / ("leaders_test_again_" + std::to_string(getpid()));
  fs::remove_all(again);
  write(again);
  EXPECT_EQ(read((again / "reports/领导汇报.pdf").string()), read(report()));
  fs::remove_all(again);
}

TEST(LeadersNoBooklet, ReportAloneWhenNothingIsPublished) {
  const fs::path dir = fs::temp_directory_path() / ("leaders_test_none_" + std::to_string(getpid()));
  fs::remove_all(dir);
  Catalog c = small_catalog();
  for (Item& it : c.items) it.state = ItemState::Rejected;
  OutputContext ctx{dir.string(), kTemplates, kDate, kFonts};
  std::vector<std::string> written;
  Status s = write_leaders(c, ctx, &written);
  ASSERT_TRUE(s.ok()) << s.error().str();
  const std::string pdf = (dir / "reports/领导汇报.pdf").string();
  EXPECT_EQ(run("qpdf --check " + quote(pdf)).status, 0);
  const Report rep = lay_out(c, compute_figures(c));
  EXPECT_EQ(pages_of(pdf), static_cast<int>(rep.pages.size()));
  auto marks = bookmarks(pdf);
  ASSERT_EQ(marks.size(), report_sections().size());
  EXPECT_EQ(marks[0].substr(0, 2), "0|");
  fs::remove_all(dir);
}

TEST(LeadersAdapter, AppendStripsTheInputsOutlinesAndReadsThemBack) {
  // Two small documents with bookmarks of their own.
  auto doc = [](const std::string& title, int pages) {
    pdf::Document d(fonts(), {title, "作者", "", "", kDate});
    for (int i = 0; i < pages; ++i) {
      d.new_page(595.276, 841.89);
      d.draw_text(title + std::to_string(i + 1), Role::Body, 16, 100, 700);
    }
    d.add_outline({title + "书签", pages - 1, {{title + "子书签", 0, {}}}});
    auto bytes = d.finish();
    EXPECT_TRUE(bytes.ok());
    return bytes.value();
  };
  const std::string a = doc("甲", 2), b = doc("乙", 3);
  auto tree = pdf::read_outlines(b);
  ASSERT_TRUE(tree.ok());
  ASSERT_EQ(tree->size(), 1u);
  EXPECT_EQ((*tree)[0].title, "乙书签");
  EXPECT_EQ((*tree)[0].page, 2);
  EXPECT_EQ((*tree)[0].children[0].title, "乙子书签");
  auto joined = pdf::append_pdfs({a, b}, {{"合并", 3, {}}}, {"合并文件", "县", "", "", kDate});
  ASSERT_TRUE(joined.ok()) << joined.error().str();
  EXPECT_EQ(pdf::count_pages(joined.value()).value(), 5);
  auto back = pdf::read_outlines(joined.value());
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].title, "合并");
  EXPECT_EQ((*back)[0].page, 3);
  EXPECT_TRUE((*back)[0].children.empty());
  // No bookmark object of the inputs is left in the file.
  const std::regex first(R"(/First \d+ 0 R)");
  EXPECT_EQ(std::distance(std::sregex_iterator(joined->begin(), joined->end(), first), std::sregex_iterator()), 1);
  EXPECT_EQ(pdf::append_pdfs({a, b}, {{"合并", 3, {}}}, {"合并文件", "县", "", "", kDate}).value(),
            joined.value());
}

TEST(LeadersAdapter, JoinGetsEachPartsTreeAndFirstPageAndMatchesTheFixedTree) {
  // Three documents: 2, 1 and 3 pages, each with a bookmark on its last page
  // holding one on its first; the tree is made from the parts' own.
  auto doc = [](const std::string& title, int pages) {
    pdf::Document d(fonts(), {title, "作者", "", "", kDate});
    for (int i = 0; i < pages; ++i) {
      d.new_page(595.276, 841.89);
      d.draw_text(title + std::to_string(i + 1), Role::Body, 16, 100, 700);
    }
    d.add_outline({title + "书签", pages - 1, {{title + "子书签", 0, {}}}});
    auto bytes = d.finish();
    EXPECT_TRUE(bytes.ok());
    return bytes.value();
  };
  const std::vector<std::string> parts{doc("甲", 2), doc("乙", 1), doc("丙", 3)};
  const pdf::DocumentInfo info{"合并文件", "县", "", "", kDate};
  std::vector<pdf::JoinedPart> seen;
  auto joined = pdf::append_pdfs(
      parts,
      [&](const std::vector<pdf::JoinedPart>& p) {
        seen = p;
        return std::vector<pdf::Outline>{{"丙", p[2].first_page, {}}, {"乙", p[1].first_page, {}}};
      },
      info);
  ASSERT_TRUE(joined.ok()) << joined.error().str();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].first_page, 0);
  EXPECT_EQ(seen[1].first_page, 2);
  EXPECT_EQ(seen[2].first_page, 3);
  EXPECT_EQ(seen[2].pages, 3);
  ASSERT_EQ(seen[2].outlines.size(), 1u);
  EXPECT_EQ(seen[2].outlines[0].title, "丙书签");
  EXPECT_EQ(seen[2].outlines[0].page, 2);  // within the part
  EXPECT_EQ(seen[2].outlines[0].children[0].title, "丙子书签");
  EXPECT_EQ(seen[2].outlines[0].children[0].page, 0);
  EXPECT_EQ(pdf::count_pages(joined.value()).value(), 6);
  // The same bytes as the fixed tree.
  EXPECT_EQ(pdf::append_pdfs(parts, {{"丙", 3, {}}, {"乙", 2, {}}}, info).value(), joined.value());
  auto back = pdf::read_outlines(joined.value());
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0].page, 3);
  EXPECT_EQ((*back)[1].page, 2);
}

TEST(LeadersAdapter, JoinKeepsThePartsInOrderWhateverPartIsTheLargest) {
  // The largest part is the document the others are copied into; the pages
  // still come part by part, in the order given, with the Info of the join.
  auto doc = [](const std::string& title, int pages) {
    pdf::Document d(fonts(), {title + "原标题", "原作者", "原主题", "", kDate});
    for (int i = 0; i < pages; ++i) {
      d.new_page(595.276, 841.89);
      d.draw_text(title + std::to_string(i + 1), Role::Body, 16, 100, 700);
    }
    auto bytes = d.finish();
    EXPECT_TRUE(bytes.ok());
    return bytes.value();
  };
  const std::vector<std::string> parts{doc("甲", 2), doc("乙", 4), doc("丙", 1)};
  ASSERT_GT(parts[1].size(), parts[0].size());
  ASSERT_GT(parts[1].size(), parts[2].size());
  auto joined = pdf::append_pdfs(parts, {{"乙", 2, {}}}, {"合并文件", "县", "", "", kDate});
  ASSERT_TRUE(joined.ok()) << joined.error().str();
  const fs::path file = fs::temp_directory_path() / ("leaders_join_" + std::to_string(getpid()) + ".pdf");
  {
    std::ofstream out(file, std::ios::binary);
    out << joined.value();
  }
  const std::vector<std::string> expect{"甲1", "甲2", "乙1", "乙2", "乙3", "乙4", "丙1"};
  for (size_t i = 0; i < expect.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    Proc r = run("pdftotext -enc UTF-8 -f " + n + " -l " + n + " " + quote(file.string()) + " -");
    EXPECT_NE(r.out.find(expect[i]), std::string::npos) << "page " << n << ": " << r.out;
  }
  Proc info = run("pdfinfo " + quote(file.string()));
  EXPECT_NE(info.out.find("合并文件"), std::string::npos) << info.out;
  EXPECT_EQ(info.out.find("原"), std::string::npos) << info.out;  // no property of the base part
  Proc check = run("qpdf --check " + quote(file.string()));
  EXPECT_EQ(check.status, 0) << check.out;
  auto back = pdf::read_outlines(joined.value());
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].page, 2);
  fs::remove(file);
}

// ---- The sample county ---------------------------------------------------------------

TEST(LeadersSample, SectionsStartOnTheirPagesAndTextStaysInTheTypeArea) {
  Catalog c = sample_catalog();
  ASSERT_GT(c.published().size(), 100u);
  const Figures f = compute_figures(c);
  const Report rep = lay_out(c, f);
  ASSERT_EQ(rep.outlines.size(), 6u);
  // Cover, one page of headline figures, the problems on the next, then the charts.
  EXPECT_EQ(rep.outlines[0].page, 1);
  EXPECT_EQ(rep.outlines[1].page, 2) << "the headline figures take more than one page";
  EXPECT_EQ(rep.outlines[1].title, "二、存在问题和下一步工作");
  EXPECT_EQ(rep.outlines[2].page, 3) << "the problems take more than one page";
  EXPECT_TRUE(rep.pages[0].texts.size() >= 5);  // county, title (2), office, data date
  // Every chart on a page of the charts section, inside the type area.
  auto tmpl = read_guide_template(kTemplates + "/guide.xml");
  const layout::Frame& fr = tmpl->frame;
  ASSERT_GE(rep.charts.size(), 3u);
  for (const auto& [page, chart] : rep.charts) {
    EXPECT_GE(page, rep.outlines[2].page);
    EXPECT_LT(page, rep.outlines[3].page);
    EXPECT_GE(chart.y, fr.y_bottom() - 0.01);
    EXPECT_LE(chart.y + chart.height, fr.y_top() + 0.01);
    EXPECT_GE(chart.x, fr.x0() - 0.01);
    EXPECT_LE(chart.x + chart.width, fr.x1() + 0.01);
  }
  // Charts on one page do not overlap.
  for (size_t i = 0; i + 1 < rep.charts.size(); ++i)
    if (rep.charts[i].first == rep.charts[i + 1].first) {
      EXPECT_GE(rep.charts[i].second.y, rep.charts[i + 1].second.y + rep.charts[i + 1].second.height - 0.01);
    }
  // Every department appears in the bars, once.
  std::multiset<std::string> labels;
  for (const auto& [page, chart] : rep.charts)
    if (chart.texts[0].text.starts_with("图1"))
      for (const ChartText& t : chart.texts) labels.insert(t.text);
  for (const DepartmentInfo& d : c.settings.departments)
    EXPECT_EQ(labels.count(d.short_name.empty() ? d.name : d.short_name), 1u) << d.name;
  // Text inside the paper and the type area (page numbers and footers below it).
  for (size_t pi = 0; pi < rep.pages.size(); ++pi)
    for (const layout::TextOp& t : rep.pages[pi].texts) {
      if (t.line.glyphs.empty()) continue;
      const double left = t.x + t.line.glyphs.front().x;
      const double right = t.x + t.line.glyphs.back().x + t.line.glyphs.back().advance;
      EXPECT_GE(left, fr.x0() - 0.01) << "p" << pi + 1;
      EXPECT_LE(right, fr.x1() + 0.01) << "p" << pi + 1;
    }
}

// ---- 五、变更情况 ------------------------------------------------------------------

// The text of the report's 变更情况 section (its pages, to the end of the
// report), squeezed; the PDF is rendered by render_report().
std::string changes_text(const Catalog& c) {
  const Report rep = lay_out(c, compute_figures(c));
  EXPECT_EQ(rep.outlines.back().title, "六、变更情况（动态调整）");
  auto t = read_guide_template(kTemplates + "/guide.xml");
  auto bytes = render_report(rep, t->frame, fonts());
  EXPECT_TRUE(bytes.ok()) << bytes.error().str();
  const fs::path pdf = fs::temp_directory_path() / ("leaders_changes_" + std::to_string(getpid()) + ".pdf");
  std::ofstream(pdf, std::ios::binary) << bytes.value();
  const std::string first = std::to_string(rep.outlines.back().page + 1);
  Proc r = run("pdftotext -raw -enc UTF-8 -f " + first + " " + quote(pdf.string()) + " -");
  EXPECT_EQ(r.status, 0) << r.out;
  if (!std::getenv("LEADERS_TEST_KEEP")) fs::remove(pdf);
  return squeeze(r.out);
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST_F(LeadersPdf, ChangesSectionHasItsBookmarkAfterTheOthers) {
  auto marks = bookmarks(report());
  const Report rep = lay_out(*catalog_, compute_figures(*catalog_));
  ASSERT_EQ(rep.outlines.size(), 6u);
  EXPECT_EQ(marks[5], "0|六、变更情况（动态调整）|" + std::to_string(rep.outlines[5].page + 1));
  EXPECT_GT(rep.outlines[5].page, rep.outlines[4].page);
}

TEST(LeadersChanges, ListsEachChangedItemWithOldAndNewValuesAndCounts) {
  const std::string text = changes_text(small_catalog());
  EXPECT_NE(text.find("六、变更情况（动态调整）"), std::string::npos) << text;
  EXPECT_NE(text.find("本期清单（2017年9月30日版）与上一版本相比，新增1项、调整1项、取消1项。"),
            std::string::npos) << text;
  for (const char* h : {"部门", "事项名称", "变更类型", "变更内容"}) EXPECT_NE(text.find(h), std::string::npos) << h;
  EXPECT_NE(text.find("食品经营许可"), std::string::npos) << text;
  EXPECT_NE(text.find("酒类商品零售许可"), std::string::npos) << text;
  EXPECT_NE(text.find("再生资源回收经营者备案"), std::string::npos) << text;
  // Short values whole; long ones from a little before where they differ.
  EXPECT_NE(text.find("承诺办结时限：20个工作日→15个工作日"), std::string::npos) << text;
  EXPECT_NE(text.find("受理条件："), std::string::npos) << text;
  EXPECT_NE(text.find("（2017年10月起含外地"), std::string::npos) << text;
  EXPECT_EQ(text.find("年满18周岁的本县常住居民，持有有效身份证件（2017"), std::string::npos) << text;
  EXPECT_NE(text.find("市场监管局"), std::string::npos) << text;  // short names
  // What to reprint, by hall or department.
  EXPECT_NE(text.find("待重印：2张窗口海报、1份一次性告知单、1本办事指南。"), std::string::npos) << text;
  EXPECT_NE(text.find("涿鹿县政务服务中心"), std::string::npos) << text;
  EXPECT_EQ(text.find("沿用上期"), std::string::npos) << text;
}

TEST(LeadersChanges, NoChangesIsOneSentence) {
  Catalog c = small_catalog();
  c.changes.clear();
  c.reprints.clear();
  const std::string text = changes_text(c);
  EXPECT_NE(text.find("六、变更情况（动态调整）本期清单与上期相比无变化。"), std::string::npos) << text;
  EXPECT_EQ(text.find("变更内容"), std::string::npos) << text;
  EXPECT_EQ(text.find("待重印"), std::string::npos) << text;
}

TEST(LeadersChanges, FirstPublicationWithManyItemsCountsPerDepartment) {
  Catalog c = small_catalog();
  c.changes.clear();
  c.reprints.clear();
  c.items.clear();
  const std::string depts[] = {"涿鹿县市场监督管理局", "涿鹿县商务局"};
  for (int i = 0; i < 45; ++i) {
    const std::string& d = depts[i % 3 == 0 ? 1 : 0];
    const std::string name = "测试事项第" + std::to_string(i + 1) + "号";
    c.items.push_back(make_item(d, name, "01"));
    c.changes.push_back({ItemChange::Kind::Added, std::to_string(i + 1), d, name, {}});
  }
  ASSERT_GT(c.changes.size(), kChangeRowsListed);
  const std::string text = changes_text(c);
  EXPECT_NE(text.find("本期清单（2017年9月30日版）为首次公布，新增45项、调整0项、取消0项。"),
            std::string::npos) << text;
  EXPECT_NE(text.find("详见变更情况表"), std::string::npos) << text;
  EXPECT_EQ(text.find("reports/"), std::string::npos) << text;  // no file paths in the prose
  // Settings order: 市场监管局 30, 商务局 15, then the total.
  EXPECT_NE(text.find("1涿鹿县市场监督管理局3000302涿鹿县商务局150015合计450045"), std::string::npos) << text;
  EXPECT_EQ(text.find("测试事项第"), std::string::npos) << text;
  EXPECT_NE(text.find("本期没有需要重印"), std::string::npos) << text;
  // Up to the threshold the items are listed.
  c.changes.resize(kChangeRowsListed);
  const std::string listed = changes_text(c);
  EXPECT_EQ(count_of(listed, "测试事项第"), kChangeRowsListed) << listed;
  EXPECT_EQ(listed.find("详见变更情况表"), std::string::npos) << listed;
}

TEST(LeadersChanges, CarriedOverDepartmentsAreNamed) {
  Catalog c = small_catalog();
  c.items[2].carried_over = true;  // 商务局's only item
  c.failed_departments = {"涿鹿县商务局"};
  const std::string text = changes_text(c);
  EXPECT_NE(text.find("（三）沿用上期"), std::string::npos) << text;
  EXPECT_NE(text.find("共1项事项沿用上期已公布的版本继续公布，涉及1个部门：涿鹿县商务局1项（本期填报文件无法读取或事项均未通过审核）。"),
            std::string::npos) << text;
}

TEST(LeadersChanges, LongChangeListBreaksAcrossPagesInsideTheTypeArea) {
  Catalog c = small_catalog();
  c.changes.clear();
  c.reprints.clear();
  for (int i = 0; i < 40; ++i)
    c.changes.push_back({ItemChange::Kind::Changed, std::to_string(i), "涿鹿县市场监督管理局",
                         "食品经营许可（仅销售预包装食品）第" + std::to_string(i + 1) + "项",
                         {{"承诺办结时限", "20个工作日", "15个工作日"},
                          {"办理地点", "涿鹿县政务服务中心二楼市场监管窗口", "涿鹿县政务服务中心一楼综合受理窗口"},
                          {"申请材料 2「材料名称」", "营业执照副本复印件", "（空）"},
                          {"收费标准", "不收费", "按省物价局规定收取工本费"}}});
  const Report rep = lay_out(c, compute_figures(c));
  const int first = rep.outlines.back().page;
  ASSERT_GT(static_cast<int>(rep.pages.size()), first + 2) << "the list takes several pages";
  auto tmpl = read_guide_template(kTemplates + "/guide.xml");
  const layout::Frame& fr = tmpl->frame;
  for (size_t pi = static_cast<size_t>(first); pi < rep.pages.size(); ++pi)
    for (const layout::TextOp& t : rep.pages[pi].texts) {
      if (t.line.glyphs.empty()) continue;
      EXPECT_GE(t.x + t.line.glyphs.front().x, fr.x0() - 0.01) << "p" << pi + 1;
      EXPECT_LE(t.x + t.line.glyphs.back().x + t.line.glyphs.back().advance, fr.x1() + 0.01) << "p" << pi + 1;
    }
  // The header on every page of the list.
  const std::string text = changes_text(c);
  // (The last page may hold only what follows the list.)
  const size_t pages = rep.pages.size() - static_cast<size_t>(first);
  EXPECT_GE(count_of(text, "变更内容"), pages - 1) << text;
  EXPECT_LE(count_of(text, "变更内容"), pages) << text;
  EXPECT_NE(text.find("等4处调整"), std::string::npos) << text;
}

// ---- 二、存在问题和下一步工作 -----------------------------------------------------------

// The squeezed text of the report's pages [first, last] (0-based).
std::string report_text(const Catalog& c, int first, int last) {
  const Report rep = lay_out(c, compute_figures(c));
  auto t = read_guide_template(kTemplates + "/guide.xml");
  auto bytes = render_report(rep, t->frame, fonts());
  EXPECT_TRUE(bytes.ok()) << bytes.error().str();
  const fs::path pdf = fs::temp_directory_path() / ("leaders_pages_" + std::to_string(getpid()) + ".pdf");
  std::ofstream(pdf, std::ios::binary) << bytes.value();
  Proc r = run("pdftotext -raw -enc UTF-8 -f " + std::to_string(first + 1) + " -l " + std::to_string(last + 1) +
               " " + quote(pdf.string()) + " -");
  fs::remove(pdf);
  return squeeze(r.out);
}

TEST(LeadersIssues, ProblemsAndNextStepsComeFromTheData) {
  Catalog c = small_catalog();
  c.items[2].carried_over = true;  // 商务局's only item
  c.failed_departments = {"涿鹿县商务局"};
  c.items[1].state = ItemState::Rejected;
  const Report rep = lay_out(c, compute_figures(c));
  ASSERT_GE(rep.outlines.size(), 3u);
  EXPECT_EQ(rep.outlines[1].title, "二、存在问题和下一步工作");
  EXPECT_EQ(rep.outlines[1].page, 2);  // right after the headline figures
  const std::string text = report_text(c, rep.outlines[1].page, rep.outlines[2].page - 1);
  for (const char* s : {"二、存在问题和下一步工作", "（一）存在问题", "（二）下一步工作", "报送方面：",
                        "审核方面：退回修改1项事项（市场监管局1项）", "更新方面：1项事项本期未能更新，沿用上期已公布的版本（商务局1项）",
                        "退回的事项由相关部门按审核意见修改后重新报审", "沿用上期的事项，督促相关部门更新后重新报送"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  EXPECT_EQ(text.find("reports/"), std::string::npos) << text;
  EXPECT_EQ(text.find(".xlsx"), std::string::npos) << text;
}

// The cover and the figures carry one date, the data's: never the build date.
TEST(LeadersIssues, OneDateForTheDataNotTheBuildDate) {
  Catalog c = small_catalog();
  c.build_date = Date{2026, 12, 6};
  for (Item& it : c.items) it.version = c.build_date;  // first published tonight
  Submission sub;
  sub.department = "涿鹿县市场监督管理局";
  sub.readable = true;
  sub.date = Date{2017, 8, 30};
  c.submissions.push_back(sub);
  Decision dec;
  dec.department = sub.department;
  dec.item = "食品经营许可";
  dec.verdict = "通过";
  dec.date = Date{2017, 9, 20};
  c.decisions.push_back(dec);
  const Date data = data_date(c);
  EXPECT_EQ(data, (Date{2017, 9, 20}));
  EXPECT_LT(data, c.build_date);
  EXPECT_EQ(data.year, 2017);
  const Report rep = lay_out_report({c, compute_figures(c), *read_guide_template(kTemplates + "/guide.xml"),
                                     print::metrics(fonts()), data});
  std::string all;
  for (const layout::Page& p : rep.pages)
    for (const layout::TextOp& t : p.texts) all += utf8_encode(t.line.text());
  EXPECT_EQ(all.find("2026"), std::string::npos) << all;
  EXPECT_NE(all.find("数据截至" + data.chinese()), std::string::npos) << all;
}

TEST(LeadersChanges, PartIsMadeFromTheChangesAndTheReprints) {
  const WriterInfo* w = find_writer("leaders");
  ASSERT_NE(w, nullptr);
  EXPECT_TRUE(w->plan_last);  // after the printed parts: it counts their reprints
  OutputContext ctx{"/nonexistent", kTemplates, kDate, kFonts};
  auto made_from = [&](const Catalog& c) {
    auto parts = plan_parts(*w, c, ctx, compute_digests(c, {}));
    EXPECT_TRUE(parts.ok());
    EXPECT_EQ(parts->size(), 1u);
    EXPECT_EQ(parts->at(0).phase, 1);
    return parts->at(0).made_from;
  };
  const Catalog c = small_catalog();
  const std::string base = made_from(c);
  EXPECT_EQ(made_from(small_catalog()), base);
  Catalog changed = small_catalog();
  changed.changes[1].fields[0].after = "10个工作日";
  EXPECT_NE(made_from(changed), base);
  Catalog reprint = small_catalog();
  reprint.reprints.pop_back();
  EXPECT_NE(made_from(reprint), base);
  Catalog carried = small_catalog();
  carried.failed_departments = {"涿鹿县商务局"};
  EXPECT_NE(made_from(carried), base);
}

TEST(LeadersChanges, SameChangesSameBytes) {
  const Catalog c = small_catalog();
  auto t = read_guide_template(kTemplates + "/guide.xml");
  auto a = render_report(lay_out(c, compute_figures(c)), t->frame, fonts());
  auto b = render_report(lay_out(c, compute_figures(c)), t->frame, fonts());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.value(), b.value());
  Catalog d = small_catalog();
  d.changes[1].fields[0].after = "10个工作日";
  EXPECT_NE(render_report(lay_out(d, compute_figures(d)), t->frame, fonts()).value(), a.value());
}

}  // namespace
}  // namespace qd
