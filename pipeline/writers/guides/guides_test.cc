// The 办事指南 booklets: template reading, TEXT-CHARS, the laid-out lines of
// the sample county, and real PDFs checked with qpdf and poppler.
#include <gtest/gtest.h>

#include <array>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support/county.h"
#include "base/text.h"
#include "ingest/ingest.h"
#include "ingest/settings.h"
#include "merge/merge.h"
#include "validate/validate.h"
#include "writers/guides/booklet.h"
#include "validate/validate.h"
#include "writers/guides/guides.h"
#include "print/guide_template.h"
#include "print/fonts.h"
#include "print/replay.h"

namespace qd {
namespace {

namespace fs = std::filesystem;

const std::string kSource = QD_SOURCE_DIR;
const std::string kTemplates = kSource + "/templates";
const std::string kFonts = kSource + "/fonts/fonts.toml";
const Date kDate{2017, 9, 30};

const pdf::FontLibrary& fonts() {
  auto lib = print::fonts(kFonts);
  if (!lib.ok()) {
    ADD_FAILURE() << lib.error().str();
    std::abort();
  }
  return *lib.value();
}

GuideTemplate tmpl() {
  auto t = read_guide_template(kTemplates + "/guide.xml");
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().str());
  return t.value();
}

struct Proc {
  int status = 0;
  std::string out, err;
};

// Runs a shell command, capturing stdout and stderr separately.
Proc run(const std::string& cmd) {
  static int n = 0;
  const std::string err_path = (fs::temp_directory_path() / ("guides_test_err_" + std::to_string(getpid()) + "_" + std::to_string(++n))).string();
  Proc r;
  FILE* p = popen((cmd + " 2>" + err_path).c_str(), "r");
  if (!p) return {-1, "", "popen"};
  std::array<char, 65536> buf;
  size_t got;
  while ((got = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), got);
  r.status = pclose(p);
  std::ifstream e(err_path);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  fs::remove(err_path);
  return r;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

// Text without whitespace (lines wrap anywhere).
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// ---- A small catalog by hand ------------------------------------------------------

Item make_item(const std::string& dept, const std::string& name, int materials, int steps,
               int basis_len) {
  Item it;
  it.department = dept;
  it.file = "test.xlsx";
  it.state = ItemState::Published;
  auto set = [&](El e, std::string v) { it.field(e).text = std::move(v); it.field(e).at = {"test.xlsx", "实施清单", "B2"}; };
  set(El::Name, name);
  set(El::ImplCode, "11130731MB1234567X4000117001000");
  set(El::Type, "01");
  std::string basis = "《中华人民共和国行政许可法》第十二条";
  while (utf8_length(basis) < static_cast<size_t>(basis_len))
    basis += "；《河北省人民政府关于印发河北省深化“放管服”改革实施方案的通知》（冀政发〔2017〕3号）第二条";
  set(El::Basis, basis);
  set(El::Agency, dept);
  set(El::HandlingUnit, "行政审批股");
  set(El::Audience, "自然人、企业法人");
  set(El::Conditions, "申请人具有完全民事行为能力，材料齐全、符合法定形式。");
  set(El::LegalLimit, "20个工作日");
  set(El::PromisedLimit, "5个工作日");
  set(El::Channels, "窗口办理、网上办理");
  set(El::Visits, "1");
  set(El::Charged, "否");
  set(El::OnlineUrl, "https://zwfw.zhuolu.gov.cn/item/11130731MB1234567X4000117001000.html");
  set(El::Place, "涿鹿县政务服务中心二楼15号窗口（涿鹿县涿鹿镇轩辕大道166号）");
  set(El::Hours, "周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）");
  set(El::ConsultPhone, "0313-6522582");
  set(El::ComplaintPhone, "0313-6512314");
  set(El::Result, "准予许可决定书");
  for (int i = 0; i < materials; ++i) {
    Material m;
    m.title.text = "申请材料第" + std::to_string(i + 1) + "号" + (i % 3 == 0 ? "（含法定代表人身份证明及授权委托书原件）" : "");
    m.kind.text = i % 2 ? "原件" : "原件和复印件";
    m.originals.text = "1";
    m.copies.text = i % 2 ? "" : "2";
    m.form.text = "纸质";
    m.source.text = "申请人自备";
    m.need.text = "必需";
    m.title.at = {"test.xlsx", "申请材料", "C" + std::to_string(i + 2)};
    it.materials.push_back(m);
  }
  const char* names[] = {"受理", "审查", "现场核查", "决定", "制证", "送达", "归档"};
  for (int i = 0; i < steps; ++i) {
    Step s;
    s.step.text = std::string(names[i % 7]) + (i >= 7 ? std::to_string(i) : "");
    s.staff.text = "窗口工作人员";
    s.limit.text = std::to_string(i % 3 + 1) + "个工作日";
    s.standard.text = "申请材料齐全、符合法定形式；对申请材料的实质内容进行核实。";
    s.outcome.text = "出具受理通知书";
    it.steps.push_back(s);
  }
  it.faqs.push_back({{"办理此事项需要本人到场吗？", {}}, {"需要申请人本人携带身份证原件到窗口办理；委托他人办理的，须提交授权委托书。", {}}, {}});
  return it;
}

Catalog small_catalog() {
  Catalog c;
  c.build_date = kDate;
  c.settings.county = "涿鹿县";  // as input/county.toml says
  c.settings.division = "县";
  c.settings.office = "涿鹿县行政审批局";
  c.settings.area_code = "0313";
  c.settings.departments.push_back({"涿鹿县市场监督管理局", "市场监管局", "11130731MB1234567X", "14"});
  c.settings.departments.push_back({"涿鹿县商务局", "商务局", "11130731MB7654321X", "15"});
  c.items.push_back(make_item("涿鹿县市场监督管理局", "食品经营许可", 4, 4, 40));
  c.items.push_back(make_item("涿鹿县市场监督管理局", "药品零售企业开办、变更、换证许可（含跨县区迁移的药品零售企业的开办审批和年度报告）", 45, 23, 1500));
  c.items.push_back(make_item("涿鹿县商务局", "再生资源回收经营者备案", 3, 4, 30));
  return c;
}

// ---- Template -------------------------------------------------------------------

TEST(GuideTemplate, ShippedTemplateMatchesDefaults) {
  GuideTemplate t = tmpl();
  GuideTemplate d = GuideTemplate::defaults();
  ASSERT_EQ(t.fields.size(), d.fields.size());
  for (size_t i = 0; i < t.fields.size(); ++i) {
    EXPECT_EQ(t.fields[i].element, d.fields[i].element);
    EXPECT_EQ(t.fields[i].label, d.fields[i].label);
  }
  EXPECT_EQ(t.fields.front().element, El::Type);
  EXPECT_NEAR(t.frame.top, 37 * layout::kMm, 1e-6);
  EXPECT_NEAR(t.frame.width, 156 * layout::kMm, 1e-6);
  EXPECT_DOUBLE_EQ(t.body.size, 16);
  EXPECT_DOUBLE_EQ(t.body.pitch, 28.95);
  EXPECT_EQ(t.title.role, Role::Title);
  EXPECT_EQ(t.heading2.role, Role::Heading2);
}

TEST(GuideTemplate, ErrorsNameFileAndLine) {
  const std::string path = (fs::temp_directory_path() / "guides_test_bad.xml").string();
  std::ofstream(path) << "<?xml version=\"1.0\"?>\n<guide>\n  <fields>\n    <field key=\"nonsense\" label=\"x\"/>\n  </fields>\n</guide>\n";
  auto t = read_guide_template(path);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().str().find(path + ":第4行"), std::string::npos) << t.error().str();
  EXPECT_NE(t.error().str().find("nonsense"), std::string::npos);

  std::ofstream(path) << "<guide>\n<styles>\n<style kind=\"body\" size=\"abc\"/>\n</styles>\n</guide>\n";
  t = read_guide_template(path);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().str().find("第3行"), std::string::npos) << t.error().str();

  std::ofstream(path) << "<guide>\n<page width=\"210\"\n</guide>\n";
  t = read_guide_template(path);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().str().find("不是有效的 XML"), std::string::npos) << t.error().str();
  fs::remove(path);
}

// ---- TEXT-CHARS -------------------------------------------------------------------

TEST(Coverage, ReportsUncoveredCharactersAtTheirCell) {
  Catalog c = small_catalog();
  c.items[0].field(El::Place).text = "涿鹿县𠮷祥路1号";  // U+20BB7: outside the BMP
  c.items[0].materials[1].title.text = "𠮷字证明";
  c.items[2].state = ItemState::Rejected;
  c.items[2].field(El::Hours).text = "𠮷";  // not published: not reported
  report_unprintable(c, [](char32_t cp) { return print::printable(fonts(), cp); });
  ASSERT_EQ(c.findings.size(), 2u);
  for (const Finding& f : c.findings) {
    EXPECT_EQ(f.rule, "TEXT-CHARS");
    EXPECT_EQ(f.severity, Severity::Warning);
    EXPECT_EQ(f.item, "食品经营许可");
    EXPECT_NE(f.message.find("U+20BB7"), std::string::npos) << f.message;
  }
  EXPECT_NE(c.findings[0].message.find("办理地点"), std::string::npos);
  EXPECT_EQ(c.findings[1].at.cell, "C3");
  EXPECT_EQ(c.items[0].warnings, 2);
}

// ---- Laid-out lines of the sample county -------------------------------------------

Catalog sample_catalog() { return testing::read_county(kSource + "/input", kDate); }

bool all_dots(const ts::Line& l) {
  for (const ts::Glyph& g : l.glyphs)
    if (g.cp != U'.') return false;
  return true;
}

void check_lines(const Booklet& b, const std::string& name, int* lines) {
  for (size_t pi = 0; pi < b.pages.size(); ++pi) {
    const layout::Page& p = b.pages[pi];
    for (const layout::TextOp& t : p.texts) {
      // Folios ("— 7 —") and footers sit below the type area and are no text lines.
      if (t.line.glyphs.empty() || all_dots(t.line) || t.y < 841.89 - 37 * layout::kMm - 225 * layout::kMm) continue;
      ++*lines;
      const std::string text = utf8_encode(t.line.text());
      EXPECT_FALSE(ts::no_line_start(t.line.glyphs.front().cp, true)) << name << " p" << pi + 1 << ": " << text;
      EXPECT_FALSE(ts::no_line_end(t.line.glyphs.back().cp)) << name << " p" << pi + 1 << ": " << text;
      const double left = t.x + t.line.glyphs.front().x;
      const double right = t.x + t.line.glyphs.back().x + t.line.glyphs.back().advance;
      // Inside the paper, and inside the type area above the footer zone.
      EXPECT_GE(left, 0);
      EXPECT_LE(right, 595.3);
      if (t.y > 100) {
        EXPECT_GE(left, 79.3) << name << " p" << pi + 1 << ": " << text;
        EXPECT_LE(right, 79.37 + 442.21) << name << " p" << pi + 1 << ": " << text;
      }
      // Never across a table rule or a box edge at its height.
      for (const layout::RuleOp& r : p.rules) {
        if (r.x1 != r.x2) continue;
        if (t.y < std::min(r.y1, r.y2) || t.y > std::max(r.y1, r.y2)) continue;
        EXPECT_FALSE(left < r.x1 - 0.01 && right > r.x1 + 0.01) << name << " p" << pi + 1 << ": " << text;
      }
      for (const layout::RectOp& r : p.rects) {
        if (t.y < r.y || t.y > r.y + r.h) continue;
        bool crosses = (left < r.x - 0.01 && right > r.x + 0.01) ||
                       (left < r.x + r.w - 0.01 && right > r.x + r.w + 0.01);
        EXPECT_FALSE(crosses) << name << " p" << pi + 1 << ": " << text;
      }
    }
  }
}

TEST(SampleBooklets, LinesObeyKinsokuAndStayInTheirBoxes) {
  Catalog c = sample_catalog();
  ASSERT_GT(c.published().size(), 100u);
  GuideTemplate t = tmpl();
  layout::Fonts f = print::metrics(fonts());
  int lines = 0;
  for (const DepartmentInfo& d : c.settings.departments) {
    if (c.published(d.name).empty()) continue;
    check_lines(lay_out_department(c, d, t, f, kDate), d.name, &lines);
  }
  Booklet county = lay_out_county(c, t, f, kDate);
  check_lines(county, "汇编", &lines);
  EXPECT_GT(lines, 10000);
  // The sample's text is all drawable with the configured fonts: no tofu, nothing skipped.
  const size_t before = c.findings.size();
  report_unprintable(c, [](char32_t cp) { return print::printable(fonts(), cp); });
  for (size_t i = before; i < c.findings.size(); ++i) ADD_FAILURE() << c.findings[i].message;
  // Every item has its page in the compilation, in order.
  EXPECT_EQ(county.item_pages.size(), c.published().size());
  for (size_t i = 1; i < county.item_pages.size(); ++i)
    EXPECT_GT(county.item_pages[i].second, county.item_pages[i - 1].second);
}

// ---- Real PDFs ---------------------------------------------------------------------

class GuidePdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("guides_test_pdf_" + std::to_string(getpid())));
    fs::remove_all(*dir_);
    catalog_ = new Catalog(small_catalog());
    OutputContext ctx{dir_->string(), kTemplates, kDate, kFonts};
    std::vector<std::string> written;
    Status s = write_guides(*catalog_, ctx, &written);
    ASSERT_TRUE(s.ok()) << s.error().str();
    // Two booklets, the compilation, and the two editable guides.
    ASSERT_EQ(written.size(), 5u);
    EXPECT_EQ(written[0], "guides/涿鹿县市场监督管理局.pdf");
    EXPECT_EQ(written[2], "guides/涿鹿县政务服务事项办事指南汇编.pdf");
    EXPECT_EQ(written[3], "guides/docx/涿鹿县市场监督管理局办事指南.docx");
  }
  static void TearDownTestSuite() {
    // GUIDES_TEST_KEEP=1 keeps the PDFs to look at.
    if (std::getenv("GUIDES_TEST_KEEP")) std::printf("PDFs kept in %s\n", dir_->c_str());
    else fs::remove_all(*dir_);
    delete dir_;
    delete catalog_;
  }
  static std::string path(const std::string& name) { return (*dir_ / "guides" / name).string(); }

  // pdftotext of pages [first, last] (1-based), no poppler warnings.
  static std::string text(const std::string& pdf, int first, int last) {
    Proc r = run("pdftotext -enc UTF-8 -f " + std::to_string(first) + " -l " + std::to_string(last) +
                " " + quote(pdf) + " -");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "") << pdf;
    return r.out;
  }

  static fs::path* dir_;
  static Catalog* catalog_;
};
fs::path* GuidePdf::dir_ = nullptr;
Catalog* GuidePdf::catalog_ = nullptr;

TEST_F(GuidePdf, QpdfCheckPasses) {
  for (const char* name : {"涿鹿县市场监督管理局.pdf", "涿鹿县商务局.pdf", "涿鹿县政务服务事项办事指南汇编.pdf"}) {
    Proc r = run("qpdf --check " + quote(path(name)));
    EXPECT_EQ(r.status, 0) << name << r.out << r.err;
    EXPECT_EQ(r.err, "");
  }
}

TEST_F(GuidePdf, InfoTitleAuthorPages) {
  Proc r = run("pdfinfo " + quote(path("涿鹿县市场监督管理局.pdf")));
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("涿鹿县市场监督管理局政务服务事项办事指南"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Author:          涿鹿县市场监督管理局"), std::string::npos) << r.out;
  GuideTemplate t = tmpl();
  Booklet b = lay_out_department(*catalog_, catalog_->settings.departments[0], t, print::metrics(fonts()), kDate);
  EXPECT_NE(r.out.find("Pages:           " + std::to_string(b.pages.size()) + "\n"), std::string::npos) << r.out;
  EXPECT_GT(b.pages.size(), 12u);
  EXPECT_NE(r.out.find("2017"), std::string::npos);
}

TEST_F(GuidePdf, FontsEmbeddedAndSubset) {
  for (const char* name : {"涿鹿县市场监督管理局.pdf", "涿鹿县政务服务事项办事指南汇编.pdf"}) {
    Proc r = run("pdffonts " + quote(path(name)));
    EXPECT_EQ(r.err, "");
    std::istringstream in(r.out);
    std::string line;
    int fonts_seen = 0;
    std::set<std::string> names;
    while (std::getline(in, line)) {
      if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0) continue;
      ++fonts_seen;
      std::regex row(R"(^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
      std::smatch m;
      ASSERT_TRUE(std::regex_match(line, m, row)) << line;
      EXPECT_EQ(m[2], "yes") << line;  // embedded
      EXPECT_EQ(m[3], "yes") << line;  // subset
      EXPECT_TRUE(names.insert(m[1]).second) << "font embedded twice: " << line;
    }
    EXPECT_GE(fonts_seen, 2);
  }
}

// In content-stream order (-raw): a table cell's wrapped lines stay together.
std::string GuidePdf_text(const std::string& pdf, int first, int last) {
  Proc r = run("pdftotext -raw -enc UTF-8 -f " + std::to_string(first) + " -l " + std::to_string(last) + " " + quote(pdf) + " -");
  EXPECT_EQ(r.err, "") << pdf;
  return r.out;
}

// Each item's pages hold its name, every material name and every step name.
void check_items(const std::string& pdf, const Booklet& b, int total_pages) {
  for (size_t i = 0; i < b.item_pages.size(); ++i) {
    const Item& item = *b.item_pages[i].first;
    const int first = b.item_pages[i].second + 1;
    const int last = i + 1 < b.item_pages.size() ? b.item_pages[i + 1].second : total_pages;
    std::string txt = squeeze(GuidePdf_text(pdf, first, last));
    EXPECT_NE(txt.find(squeeze(item.get(El::Name))), std::string::npos) << item.get(El::Name);
    for (const Material& m : item.materials)
      EXPECT_NE(txt.find(squeeze(m.title.text)), std::string::npos) << m.title.text;
    for (const Step& s : item.steps) EXPECT_NE(txt.find(squeeze(s.step.text)), std::string::npos) << s.step.text;
    // The title is on the first page.
    EXPECT_NE(squeeze(GuidePdf_text(pdf, first, first)).find(squeeze(item.get(El::Name))), std::string::npos);
  }
}

TEST_F(GuidePdf, ItemPagesHoldNamesMaterialsAndSteps) {
  GuideTemplate t = tmpl();
  layout::Fonts f = print::metrics(fonts());
  Booklet b = lay_out_department(*catalog_, catalog_->settings.departments[0], t, f, kDate);
  check_items(path("涿鹿县市场监督管理局.pdf"), b, static_cast<int>(b.pages.size()));
  Booklet county = lay_out_county(*catalog_, t, f, kDate);
  check_items(path("涿鹿县政务服务事项办事指南汇编.pdf"), county, static_cast<int>(county.pages.size()));
  // The long item's tables broke across pages and the header row is on each.
  const int first = b.item_pages[1].second + 1;
  int headers = 0;
  for (int p = first; p <= static_cast<int>(b.pages.size()); ++p)
    if (squeeze(text(path("涿鹿县市场监督管理局.pdf"), p, p)).find("序号材料名称") != std::string::npos) ++headers;
  EXPECT_GE(headers, 2);
}

TEST_F(GuidePdf, ContentsPageNumbersMatch) {
  GuideTemplate t = tmpl();
  layout::Fonts f = print::metrics(fonts());
  for (const char* which : {"dept", "county"}) {
    const bool county = std::string(which) == "county";
    Booklet b = county ? lay_out_county(*catalog_, t, f, kDate)
                       : lay_out_department(*catalog_, catalog_->settings.departments[0], t, f, kDate);
    const std::string pdf = path(county ? "涿鹿县政务服务事项办事指南汇编.pdf" : "涿鹿县市场监督管理局.pdf");
    // The contents (page 3 on) print each title with its number after the leaders.
    const std::string contents = squeeze(text(pdf, 3, 4));
    for (const auto& [title, page] : b.contents) {
      const std::string page_text = squeeze(text(pdf, page, page));
      EXPECT_NE(page_text.find(squeeze(title)), std::string::npos) << title << " not on page " << page;
      // Title, dot leaders, the number.
      std::string flat = squeeze(title);
      size_t at = contents.find(flat);
      ASSERT_NE(at, std::string::npos) << title;
      size_t k = at + flat.size();
      while (k < contents.size() && contents[k] == '.') ++k;
      EXPECT_EQ(contents.substr(k, std::to_string(page).size()), std::to_string(page)) << title;
      // The page carries its number "— N —".
      EXPECT_NE(page_text.find("—" + std::to_string(page) + "—"), std::string::npos) << page;
    }
  }
}

TEST_F(GuidePdf, BookmarksForEveryEntry) {
  GuideTemplate t = tmpl();
  Booklet county = lay_out_county(*catalog_, t, print::metrics(fonts()), kDate);
  Proc r = run("qpdf --json --json-key=outlines " + quote(path("涿鹿县政务服务事项办事指南汇编.pdf")));
  EXPECT_EQ(r.status, 0) << r.err;
  // Flattened depth-first, the bookmarks are the contents entries in order.
  std::vector<std::pair<std::string, int>> flat;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& list) {
    for (const auto& o : list) {
      flat.push_back({o["title"].get<std::string>(), o["destpageposfrom1"].get<int>()});
      walk(o["kids"]);
    }
  };
  walk(nlohmann::json::parse(r.out)["outlines"]);
  EXPECT_EQ(flat, county.contents);
  // Departments hold their items.
  EXPECT_EQ(nlohmann::json::parse(r.out)["outlines"].size(), 2u);
}

TEST_F(GuidePdf, SameInputSameBytes) {
  const fs::path again = fs::temp_directory_path() / ("guides_test_again_" + std::to_string(getpid()));
  fs::remove_all(again);
  OutputContext ctx{again.string(), kTemplates, kDate, kFonts};
  std::vector<std::string> written;
  ASSERT_TRUE(write_guides(*catalog_, ctx, &written).ok());
  for (const std::string& w : written) EXPECT_EQ(read((again / w).string()), read((*dir_ / w).string())) << w;
  fs::remove_all(again);
}

// render_booklet() streams (characters declared up front, each page written
// and dropped): the bytes are those of the same pages drawn into a document
// that keeps them all until finish().
TEST_F(GuidePdf, StreamedBookletIsTheDocumentKeptWhole) {
  GuideTemplate t = tmpl();
  const Booklet county = lay_out_county(*catalog_, t, print::metrics(fonts()), catalog_->version());
  pdf::Document kept(fonts(), county.info);
  for (const layout::Page& p : county.pages) {
    kept.new_page(t.frame.page_width, t.frame.page_height);
    print::draw_page(kept, p);
  }
  for (const pdf::Outline& o : county.outlines) kept.add_outline(o);
  auto bytes = kept.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().str();
  EXPECT_TRUE(bytes.value() == read(path("涿鹿县政务服务事项办事指南汇编.pdf")));
}

TEST_F(GuidePdf, OneItemGuideIsSmall) {
  const auto size = fs::file_size(path("涿鹿县商务局.pdf"));
  std::printf("one-item guide: %.1f KB\n", size / 1024.0);
  EXPECT_LE(size, 150u * 1024);
}

}  // namespace
}  // namespace qd
