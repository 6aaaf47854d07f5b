#include "writers/guides/guides.h"
#include "writers/review/review.h"
#include "writers/submissions/submissions.h"

#include <gtest/gtest.h>
#include <tinyxml2.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <algorithm>

#include "spreadsheet_reader/zip_archive.h"
#include "office/blocks.h"
#include "print/fonts.h"
#include "base/text.h"
#include "model/counts.h"
#include "support/testing.h"

namespace qd {
namespace {

namespace t = qd::testing;
namespace fs = std::filesystem;

const std::string kFonts = QD_SOURCE_DIR "/fonts/fonts.toml";

Catalog sample() {
  Catalog c = t::sample_catalog();
  auto decide = [&](std::string dept, std::string item, std::string verdict, std::string opinion,
                    std::string unit, Date d) {
    Decision x;
    x.department = std::move(dept);
    x.item = std::move(item);
    x.verdict = std::move(verdict);
    x.opinion = std::move(opinion);
    x.unit = std::move(unit);
    x.date = d;
    c.decisions.push_back(x);
  };
  // A material whose 材料类型, 份数 and 材料形式 are the longest values of the
  // code tables: the guide's columns must hold them without splitting a word.
  for (Item& it : c.items) {
    if (it.get(El::Name) != "食品经营许可") continue;
    Material m;
    m.seq.text = "3";
    m.title.text = "申请人居民身份证";
    m.kind.text = "原件和复印件";
    m.originals.text = "1";
    m.copies.text = "1";
    m.form.text = "纸质和电子";
    m.source.text = "政府部门核发";
    m.need.text = "必需";
    it.materials.push_back(m);
  }
  // Out of date order on purpose: the report lists them by date.
  decide("县市场监督管理局", "广告发布登记", "退回", "设定依据缺失，请补充", "法制办", Date{2017, 9, 12});
  decide("县市场监督管理局", "广告发布登记", "退回", "实施编码为空", "审改办", Date{2017, 9, 5});
  decide("县市场监督管理局", "食品经营许可", "通过", "同意公布", "审改办", Date{2017, 9, 8});
  return c;
}

// Writes the three kinds of .docx documents as a build does.
Status write_documents(const Catalog& c, const OutputContext& ctx, std::vector<std::string>* written) {
  std::vector<std::string> local;
  if (!written) written = &local;
  ReportSettings rs = ReportSettings::defaults(c);
  rs.title_metrics = print::role_metrics(ctx.fonts_config, Role::Title);
  QD_TRY(office::save(review_document(c, c.as_of(), rs), ctx.output_dir, kReviewDocxPath, written));
  QD_TRY(office::save(notice_document(c, c.as_of(), rs), ctx.output_dir, kNoticeDocxPath, written));
  auto parts = plan_guides(c, ctx, Digests{});
  if (!parts.ok()) return parts.error();
  for (const Part& p : parts.value())
    if (p.id.ends_with(".docx")) QD_TRY(p.render(ctx, written));
  return Ok{};
}

std::string write_sample(std::string_view name, std::vector<std::string>* written = nullptr) {
  Catalog c = sample();
  std::string dir = t::fresh_dir(name);
  Status s = write_documents(c, OutputContext{dir, QD_SOURCE_DIR "/templates", c.build_date, kFonts}, written);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().str());
  return dir;
}

std::string part(const std::string& docx, const std::string& name) {
  std::string bytes = t::slurp(docx);
  auto z = ZipArchive::open(bytes, docx, ReadLimits{});
  if (!z.ok()) return "";
  auto p = z->read(name);
  return p.ok() ? p.value() : "";
}

// The text of document.xml: every w:t, paragraphs separated by '\n'.
std::string doc_text(const std::string& docx) {
  std::string xml = part(docx, "word/document.xml");
  tinyxml2::XMLDocument d;
  if (d.Parse(xml.c_str(), xml.size()) != tinyxml2::XML_SUCCESS) return "";
  std::string out;
  std::function<void(const tinyxml2::XMLElement*)> walk = [&](const tinyxml2::XMLElement* e) {
    for (; e; e = e->NextSiblingElement()) {
      if (std::string_view(e->Name()) == "w:t" && e->GetText()) out += e->GetText();
      walk(e->FirstChildElement());
      if (std::string_view(e->Name()) == "w:p") out += "\n";
    }
  };
  walk(d.RootElement());
  return out;
}

TEST(Reports, Numerals) {
  EXPECT_EQ(office::numeral(1), "一");
  EXPECT_EQ(office::numeral(10), "十");
  EXPECT_EQ(office::numeral(15), "十五");
  EXPECT_EQ(office::numeral(21), "二十一");
  EXPECT_EQ(office::numeral(105), "一百零五");
  EXPECT_EQ(office::numeral(110), "一百一十");
}

TEST(Reports, DocumentNumber) {
  Catalog c = sample();
  ReportSettings rs = ReportSettings::defaults(c);
  EXPECT_EQ(rs.issuer, "涿鹿县人民政府推进职能转变协调小组办公室");
  EXPECT_EQ(notice_number(rs, Date{2017, 9, 30}), "涿审改办〔2017〕1号");
  rs.number = 21;
  EXPECT_EQ(notice_number(rs, Date{2018, 1, 2}), "涿审改办〔2018〕21号");
}

TEST(Reports, WritesEveryDocument) {
  std::vector<std::string> written;
  std::string dir = write_sample("reports_files", &written);
  EXPECT_EQ(written, (std::vector<std::string>{"reports/审核报告.docx", "reports/报送情况通报.docx",
                                               "guides/docx/县市场监督管理局办事指南.docx",
                                               "guides/docx/县人力资源和社会保障局办事指南.docx"}));
  for (const std::string& w : written) {
    for (const char* p : {"[Content_Types].xml", "word/document.xml", "word/styles.xml",
                          "word/footer1.xml", "word/fontTable.xml", "docProps/core.xml"}) {
      std::string xml = part(dir + "/" + w, p);
      tinyxml2::XMLDocument d;
      EXPECT_EQ(d.Parse(xml.c_str(), xml.size()), tinyxml2::XML_SUCCESS) << w << " " << p;
    }
  }
}

TEST(Reports, SameInputSameBytes) {
  std::vector<std::string> written;
  std::string a = write_sample("reports_same_a", &written);
  setenv("TZ", "America/New_York", 1);
  tzset();
  std::string b = write_sample("reports_same_b");
  unsetenv("TZ");
  tzset();
  for (const std::string& w : written) {
    std::string x = t::slurp(a + "/" + w);
    EXPECT_FALSE(x.empty()) << w;
    EXPECT_EQ(x, t::slurp(b + "/" + w)) << w;
  }
}

TEST(Reports, ReviewReportContent) {
  std::string dir = write_sample("reports_review");
  std::string text = doc_text(dir + "/reports/审核报告.docx");
  EXPECT_NE(text.find("涿鹿县政务服务事项审核报告"), std::string::npos);
  EXPECT_NE(text.find("（截至2017年9月30日）"), std::string::npos);
  EXPECT_NE(text.find("一、审核概况"), std::string::npos);
  EXPECT_NE(text.find("二、各部门审核情况"), std::string::npos);
  EXPECT_NE(text.find("BASIS-MISSING"), std::string::npos);
  EXPECT_NE(text.find("市场监管局.xlsx 实施清单!B4"), std::string::npos);
  EXPECT_NE(text.find("县某某管理局（未登记）"), std::string::npos);
  // Decision history by date.
  size_t d5 = text.find("2017年9月5日"), d12 = text.find("2017年9月12日");
  ASSERT_NE(d5, std::string::npos);
  ASSERT_NE(d12, std::string::npos);
  EXPECT_LT(d5, d12);
  EXPECT_NE(text.find("设定依据缺失，请补充"), std::string::npos);
  // Per-rule counts agree with the model.
  for (const RuleCount& r : rule_counts(sample())) EXPECT_NE(text.find(r.rule), std::string::npos);
  std::string doc = part(dir + "/reports/审核报告.docx", "word/document.xml");
  EXPECT_NE(doc.find("<w:tblHeader/>"), std::string::npos);
}

TEST(Reports, NoticeContent) {
  std::string dir = write_sample("reports_notice");
  std::string path = dir + "/reports/报送情况通报.docx";
  std::string text = doc_text(path);
  EXPECT_NE(text.find("涿鹿县人民政府推进职能转变协调小组办公室\n"), std::string::npos);
  EXPECT_NE(text.find("涿审改办〔2017〕1号"), std::string::npos);
  EXPECT_NE(text.find("关于全县政务服务事项清单报送情况的通报"), std::string::npos);
  EXPECT_NE(text.find("县市场监督管理局共1个部门按照要求按时报送"), std::string::npos);
  EXPECT_NE(text.find("县人力资源和社会保障局（逾期3天）"), std::string::npos);
  EXPECT_NE(text.find("通报批评"), std::string::npos);
  EXPECT_NE(text.find("2017年8月31日前"), std::string::npos);
  // Signature and date at the end of the body, then the attachment.
  size_t sig = text.rfind("涿鹿县人民政府推进职能转变协调小组办公室\n2017年9月30日\n");
  size_t att = text.find("附件\n");
  ASSERT_NE(sig, std::string::npos);
  ASSERT_NE(att, std::string::npos);
  EXPECT_LT(sig, att);
  std::string doc = part(path, "word/document.xml");
  // Red mark (the Issuer style) and the red line under the document number.
  EXPECT_NE(doc.find("w:color=\"FF0000\""), std::string::npos);
  EXPECT_NE(doc.find("<w:pStyle w:val=\"Issuer\"/>"), std::string::npos);
  std::string styles = part(path, "word/styles.xml");
  EXPECT_NE(styles.find("<w:name w:val=\"发文机关标志\"/>"), std::string::npos);
  // The 版记 closes the document (GB/T 9704 7.3): 抄送, then 印发机关 and
  // 印发日期 on one line (a right tab, which doc_text drops), between a thick, a thin and a thick line.
  const size_t copy = text.rfind("抄送：县委办公室，县人大常委会办公室，县政府办公室，县政协办公室。\n");
  const size_t printed = text.rfind("涿鹿县人民政府推进职能转变协调小组办公室2017年9月30日印发\n");
  ASSERT_NE(copy, std::string::npos) << text;
  ASSERT_NE(printed, std::string::npos) << text;
  EXPECT_LT(att, copy);
  EXPECT_LT(copy, printed);
  EXPECT_EQ(printed + std::string("涿鹿县人民政府推进职能转变协调小组办公室2017年9月30日印发\n").size(), text.size());
  EXPECT_NE(doc.find("<w:tab w:val=\"right\""), std::string::npos);
  EXPECT_NE(doc.find("<w:bottom w:val=\"single\" w:sz=\"8\""), std::string::npos);  // thick
  EXPECT_NE(doc.find("<w:top w:val=\"single\" w:sz=\"6\""), std::string::npos);     // thin
  EXPECT_NE(doc.find("w:hangingChars=\"300\""), std::string::npos);
}

// The sample as a 区: every word that follows the division says 区, and a
// department that handed in no 报送日期 is counted on its own.
TEST(Reports, TheNoticeSpeaksOfTheDistrictAndCountsTheUndated) {
  Catalog c = sample();
  c.settings.county = "成都市武侯区";
  c.settings.city = "成都市";
  c.settings.division = "区";
  // The third department, which handed in nothing, hands in a form without a date.
  Submission undated;
  undated.department = c.settings.departments[2].name;
  undated.file = "input/departments/规划服务中心.xlsx";
  undated.readable = true;
  c.submissions.push_back(undated);
  std::string dir = t::fresh_dir("reports_district");
  ASSERT_TRUE(write_documents(c, OutputContext{dir, QD_SOURCE_DIR "/templates", c.build_date}, nullptr).ok());
  std::string text = doc_text(dir + "/reports/报送情况通报.docx");
  for (const char* words : {"武审改办〔2017〕1号", "关于全区政务服务事项清单报送情况的通报", "区直各有关部门：",
                            "按照区政府", "报送区审改办", "影响了全区工作进度",
                            "已报送3个（按时1个，逾期1个，报送日期不详1个），未报送0个"})
    EXPECT_NE(text.find(words), std::string::npos) << words << "\n" << text;
  for (const char* words : {"全县", "县直", "县审改办", "县政府"})
    EXPECT_EQ(text.find(words), std::string::npos) << words;
  EXPECT_NE(doc_text(dir + "/reports/审核报告.docx").find("由区审改办另行通报"), std::string::npos);

  // The 发文机关代字 may be set.
  c.settings.document_prefix = "武侯审改办";
  EXPECT_EQ(notice_number(ReportSettings::defaults(c), Date{2017, 9, 30}), "武侯审改办〔2017〕1号");
}

TEST(Reports, GuideContent) {
  std::string dir = write_sample("reports_guide");
  std::string path = dir + "/guides/docx/县市场监督管理局办事指南.docx";
  std::string text = doc_text(path);
  EXPECT_NE(text.find("县市场监督管理局政务服务事项办事指南"), std::string::npos);
  EXPECT_NE(text.find("1．食品经营许可"), std::string::npos);
  EXPECT_NE(text.find("2．个体工商户登记"), std::string::npos);
  EXPECT_EQ(text.find("广告发布登记"), std::string::npos);  // rejected: not published
  EXPECT_NE(text.find("每件10元"), std::string::npos);
  EXPECT_NE(text.find("申请材料"), std::string::npos);
  // The field table in the template's order: 事项类型 before 设定依据 before 办理地点.
  size_t a = text.find("事项类型"), b = text.find("设定依据"), c = text.find("办理地点");
  ASSERT_NE(a, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  std::string doc = part(path, "word/document.xml");
  EXPECT_NE(doc.find("<w:pageBreakBefore/>"), std::string::npos);
}

// ---- LibreOffice ------------------------------------------------------------

bool has_tool(const char* name) {
  return t::run(std::string("command -v ") + name + " >/dev/null 2>&1") == 0;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

int pdf_pages(const std::string& pdf) {
  std::string out;
  t::run("pdfinfo " + quote(pdf) + " 2>/dev/null", &out);
  std::smatch m;
  if (std::regex_search(out, m, std::regex("Pages:\\s+(\\d+)"))) return std::stoi(m[1]);
  return -1;
}

// All the documents in ONE soffice call (plus the review report with the installed
// fonts named, to see what LibreOffice draws then).
TEST(Reports, LibreOfficeConvertsEveryDocument) {
  if (!has_tool("soffice") || !has_tool("pdffonts")) GTEST_SKIP() << "soffice or poppler-utils missing";
  std::vector<std::string> written;
  std::string dir = write_sample("reports_lo", &written);
  Catalog c = sample();
  ReportSettings installed = ReportSettings::defaults(c);
  installed.fonts.use_installed = true;
  ASSERT_TRUE(
      docx::save(review_document(c, c.build_date, installed), dir + "/installed/审核报告（本机字体）.docx").ok());
  written.push_back("installed/审核报告（本机字体）.docx");
  // A department whose guide title (25 characters at 22 pt) is wider than
  // the type area: its title must come out as two balanced lines.
  {
    Catalog longer = sample();
    const std::string name = "涿鹿县市场监督管理局食品药品稽查执法大队";
    for (Item& it : longer.items)
      if (it.department == "县市场监督管理局") it.department = name;
    DepartmentInfo dept = longer.settings.departments[0];
    dept.name = name;
    ReportSettings rs = ReportSettings::defaults(longer);
    rs.title_metrics = print::role_metrics(kFonts, Role::Title);
    ASSERT_TRUE(docx::save(guide_document(longer, dept, {}, longer.build_date, rs), dir + "/long/长标题办事指南.docx").ok());
    written.push_back("long/长标题办事指南.docx");
  }

  std::string pdfs = dir + "/pdf";
  fs::create_directories(pdfs);
  std::string cmd = "cd " + quote(dir) + " && timeout 300 soffice --headless --norestore "
                    "-env:UserInstallation=file:///tmp/lo_docx_" + std::to_string(::getpid()) +
                    " --convert-to pdf --outdir " + quote(pdfs);
  for (const std::string& w : written) cmd += " " + quote(w);
  std::string log;
  t::run(cmd + " 2>&1", &log);

  struct Expect {
    std::string file;
    int min_pages, max_pages;
    std::vector<std::string> text;
  };
  const std::vector<Expect> expect = {
      {"审核报告", 2, 8, {"审核报告", "县市场监督管理局", "BASIS-MISSING", "广告发布登记", "审核意见记录"}},
      {"报送情况通报", 2, 3, {"涿鹿县人民政府推进职能转变协调小组办公室", "〔2017〕", "通报批评", "逾期3天",
                              "2017年9月30日", "附件"}},
      {"县市场监督管理局办事指南", 3, 6, {"食品经营许可", "个体工商户登记", "申请材料", "办理流程"}},
      {"县人力资源和社会保障局办事指南", 3, 6, {"失业保险金申领", "就业失业登记"}},
      {"审核报告（本机字体）", 2, 8, {"审核报告", "BASIS-MISSING"}},
      {"长标题办事指南", 2, 6, {"食品药品稽查执法大队", "食品经营许可"}},
  };
  for (const Expect& e : expect) {
    std::string pdf = pdfs + "/" + e.file + ".pdf";
    ASSERT_TRUE(fs::exists(pdf)) << e.file << "\n" << log;
    int pages = pdf_pages(pdf);
    EXPECT_GE(pages, e.min_pages) << e.file;
    EXPECT_LE(pages, e.max_pages) << e.file;
    std::string text = t::pdf_text(pdf);
    // pdftotext may break lines inside a long name; compare without breaks.
    std::string flat;
    for (char ch : text)
      if (ch != '\n' && ch != ' ') flat += ch;
    for (const std::string& s : e.text) EXPECT_NE(flat.find(s), std::string::npos) << e.file << ": " << s;
    if (e.file == "县市场监督管理局办事指南") {
      // The table cells as LibreOffice breaks them: 原件和 / 复印件 (the break
      // the guide asks for), 复印件 1 份 and 纸质和电子 whole.
      std::vector<std::string> lines;
      std::istringstream in(text);
      for (std::string line; std::getline(in, line);) lines.push_back(line);
      auto has_line = [&](const std::string& s) { return std::find(lines.begin(), lines.end(), s) != lines.end(); };
      EXPECT_TRUE(has_line("原件和")) << text;
      EXPECT_TRUE(has_line("复印件")) << text;
      EXPECT_NE(text.find("复印件 1 份"), std::string::npos) << text;
      EXPECT_NE(text.find("纸质和电子"), std::string::npos) << text;
    }
    // No title line and no department name in the 通报's table is cut to a
    // lone character: the notice, and the guides' cover pages.
    if (e.file == "长标题办事指南") {
      // Two lines of the title, as even as they go.
      std::string cover;
      t::run("pdftotext -enc UTF-8 -f 1 -l 1 " + quote(pdf) + " - 2>/dev/null", &cover);
      std::istringstream in(cover);
      std::string first, second;
      std::getline(in, first);
      std::getline(in, second);
      EXPECT_EQ(first + second, "涿鹿县市场监督管理局食品药品稽查执法大队政务服务事项办事指南") << cover;
      const long a = static_cast<long>(utf8_length(first)), b = static_cast<long>(utf8_length(second));
      EXPECT_LE(std::labs(a - b), 4) << cover;
    }
    if (e.file == "报送情况通报" || e.file.ends_with("办事指南")) {
      std::string shown = text;
      if (e.file != "报送情况通报") t::run("pdftotext -enc UTF-8 -f 1 -l 1 " + quote(pdf) + " - 2>/dev/null", &shown);
      std::istringstream in(shown);
      for (std::string line; std::getline(in, line);) {
        std::string trimmed;
        for (char ch : line)
          if (ch != ' ' && ch != '\f' && ch != '\r') trimmed += ch;
        const std::u32string u = utf8_decode(trimmed);
        EXPECT_FALSE(u.size() == 1 && u[0] >= 0x4E00 && u[0] <= 0x9FFF)
            << e.file << ": a line of one character “" << trimmed << "”\n" << shown;
      }
    }
    std::string fonts;
    t::run("pdffonts " + quote(pdf), &fonts);
    for (const char* bad : {"JP", "Japan", "Droid", "DejaVu", "Liberation", "KR", "Gothic", "Mincho"})
      EXPECT_EQ(fonts.find(bad), std::string::npos) << e.file << " uses " << bad << "\n" << fonts;
    const bool chinese = fonts.find("WenQuanYi") != std::string::npos ||
                         fonts.find("UMing") != std::string::npos ||
                         fonts.find("UKai") != std::string::npos ||
                         fonts.find("WenKai") != std::string::npos;
    EXPECT_TRUE(chinese) << e.file << "\n" << fonts;
    if (e.file == "审核报告（本机字体）") {
      // Named directly, the installed families serve their roles.
      EXPECT_NE(fonts.find("UMing"), std::string::npos) << fonts;
      EXPECT_NE(fonts.find("UKai"), std::string::npos) << fonts;
      EXPECT_NE(fonts.find("WenQuanYi"), std::string::npos) << fonts;
    }
  }
}

}  // namespace
}  // namespace qd
