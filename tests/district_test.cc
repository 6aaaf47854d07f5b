// End-to-end: the second sample, a 区 in another province
// (tests/fixtures/district, made by tools/make_district_sample.py): the
// province's own codes, 事项类型 as national code numbers, counts typed as
// numbers, items of subordinate units, 主项 given as all their 子项,
// departments without a submission date. It builds with no false finding,
// its documents speak of the 区, and its codes are kept as given.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "e2e.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

// The district built once for 2017-09-30, shared by the tests of this file.
struct DistrictBuilt {
  std::string dir;
  Proc run;
};

const DistrictBuilt& district_built() {
  static const DistrictBuilt built = [] {
    DistrictBuilt b;
    b.dir = shared_dir(
        "district",
        [](const std::string& dir) {
          copy_district_input(dir);
          Proc r = build(dir);
          std::ofstream(dir + "/.exit") << r.exit_code;
          std::ofstream(dir + "/.out") << r.out;
        },
        kDistrictFixture);
    std::string exit = read_file(b.dir + "/.exit");
    b.run.exit_code = exit.empty() ? -1 : std::stoi(exit);
    b.run.out = read_file(b.dir + "/.out");
    return b;
  }();
  return built;
}

// A file of the district's output.
std::string out(const std::string& rel) { return district_built().dir + "/output/" + rel; }

// Runs tests/tools/input_facts.py on the fixture.
std::string facts(const std::string& what) {
  Proc p = sh("/usr/bin/python3 " + quote(source("tests/tools/input_facts.py")) + " " +
              quote(source(kDistrictFixture)) + " " + what);
  EXPECT_EQ(p.exit_code, 0) << p.out;
  return p.out;
}

// The lines of a text.
std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

// Splits a line on tabs.
std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string f; std::getline(in, f, '\t');) out.push_back(f);
  return out;
}

// The text of a document as a reader sees it, without white space: PDF by
// pdftotext, .docx and .xlsx by their XML with the tags taken out.
std::string squeezed_text(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::string cmd;
  if (ext == ".pdf")
    cmd = "pdftotext -q " + quote(path) + " -";
  else if (ext == ".docx" || ext == ".xlsx")
    cmd = "unzip -p " + quote(path) + " '*.xml' | sed 's/<[^>]*>//g'";
  else
    cmd = "cat " + quote(path);
  Proc p = sh(cmd);
  std::string s;
  for (char c : p.out)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') s += c;
  return s;
}

TEST(District, BuildsWithNoFalseFinding) {
  const DistrictBuilt& b = district_built();
  EXPECT_EQ(b.run.exit_code, 0) << b.run.out;
  // Findings by rule: the only ones are the two departments that gave no
  // 报送日期 and the materials that data sharing could supply.
  std::map<std::string, int> by_rule;
  std::set<std::string> undated_files;
  for (const FindingRow& r : read_findings(out("review/findings.csv"))) {
    ++by_rule[r.rule + "," + r.severity];
    if (r.rule == "SUBMISSION-DATE") undated_files.insert(fs::path(r.file).filename().string());
  }
  const std::vector<std::string> undated = lines(facts("undated"));
  const int shared = std::stoi(facts("shared"));
  ASSERT_EQ(undated.size(), 2u);
  EXPECT_EQ(by_rule, (std::map<std::string, int>{{"MATERIAL-SHARED,hint", shared},
                                                 {"SUBMISSION-DATE,warning", 2}}));
  EXPECT_EQ(undated_files, std::set<std::string>(undated.begin(), undated.end()));
}

TEST(District, PublishesEveryItem) {
  Proc listed = sh("/usr/bin/python3 " + quote(source("tests/tools/list_codes.py")) + " " +
                   quote(out("lists/实施清单.xlsx")));
  ASSERT_EQ(listed.exit_code, 0) << listed.out;
  EXPECT_EQ(lines(listed.out).size(), static_cast<size_t>(std::stoi(facts("items"))));
}

TEST(District, TheProvincesCodesAreKeptAsGivenAndRecorded) {
  // Published: name -> 实施编码, and the registry's entries.
  std::map<std::string, std::string> published;
  Proc listed = sh("/usr/bin/python3 " + quote(source("tests/tools/list_codes.py")) + " " +
                   quote(out("lists/实施清单.xlsx")));
  for (const std::string& l : lines(listed.out)) {
    auto f = fields(l);
    ASSERT_EQ(f.size(), 3u) << l;
    published[f[1]] = f[2];
  }
  Proc reg = sh("/usr/bin/python3 -c " +
                quote("import sqlite3,sys\nfor r in sqlite3.connect(sys.argv[1]).execute("
                      "'SELECT name, impl_code, basic_code, origin FROM items'): print('\\t'.join(r))") +
                " " + quote(district_built().dir + "/state/registry.sqlite"));
  ASSERT_EQ(reg.exit_code, 0) << reg.out;
  std::map<std::string, std::vector<std::string>> registered;
  for (const std::string& l : lines(reg.out)) registered[fields(l)[0]] = fields(l);

  int given = 0, composed = 0;
  for (const std::string& l : lines(facts("codes"))) {
    auto f = fields(l);  // file, name, basic, impl, agency
    ASSERT_GE(f.size(), 5u) << l;
    const std::string& name = f[1];
    std::string want = f[3].empty() ? f[4] + "4" + f[2] : f[3];
    (f[3].empty() ? composed : given) += 1;
    EXPECT_EQ(published[name], want) << name;
    ASSERT_TRUE(registered.count(name)) << name;
    EXPECT_EQ(registered[name][1], want) << name;
    EXPECT_EQ(registered[name][2], f[2]) << name;  // the province's 基本编码, as given
    EXPECT_EQ(registered[name][3], "input") << name;
  }
  EXPECT_GT(given, 40);
  EXPECT_GT(composed, 0);
}

TEST(District, AGivenCodeIsNeverReassignedWhenTheFormComesBackWithoutIt) {
  TempDir dir("district-night2");
  copy_tree(district_built().dir, dir.path());
  // Night 2: 人社局's form comes back with its 实施编码 column emptied.
  std::string form = dir / "input/departments/武侯区人力资源和社会保障局.xlsx";
  Proc clear = sh("/usr/bin/python3 -c " +
                  quote("import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nws=wb['实施清单']\n"
                        "col=[c.value for c in ws[1]].index('实施编码')+1\n"
                        "for r in range(2, ws.max_row+1): ws.cell(row=r, column=col).value=None\n"
                        "wb.save(sys.argv[1])") +
                  " " + quote(form));
  ASSERT_EQ(clear.exit_code, 0) << clear.out;
  Proc night2 = build(dir.path(), "night2", "2017-10-01");
  EXPECT_EQ(night2.exit_code, 0) << night2.out;
  auto codes = [&](const std::string& night) {
    return sh("/usr/bin/python3 " + quote(source("tests/tools/list_codes.py")) + " " +
              quote(dir / (night + "/lists/实施清单.xlsx")) + " | sort").out;
  };
  std::string before = codes("output");
  EXPECT_FALSE(before.empty());
  EXPECT_EQ(codes("night2"), before);
}

TEST(District, DivisionWordsReadQu) {
  const std::string notice = squeezed_text(out("reports/报送情况通报.docx"));
  for (const char* words : {"关于全区政务服务事项清单报送情况的通报", "区直各有关部门：", "按照区政府",
                            "报送区审改办", "武审改办〔2017〕1号"})
    EXPECT_NE(notice.find(words), std::string::npos) << words;
  EXPECT_NE(squeezed_text(out("reports/审核报告.docx")).find("由区审改办另行通报"), std::string::npos);
  EXPECT_NE(squeezed_text(out("reports/领导汇报.pdf")).find("全区公布政务服务事项"), std::string::npos);
  EXPECT_NE(squeezed_text(out("forms/武侯区民政局.xlsx")).find("报送区审改办"), std::string::npos);

  // No 县 anywhere a reader sees it, but in 县级 (行使层级 A.2 and laws'
  // 县级以上): every document, sheet and page of the output.
  std::vector<std::string> with_xian;
  for (const auto& e : fs::recursive_directory_iterator(out(""))) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    if (ext != ".pdf" && ext != ".docx" && ext != ".xlsx" && ext != ".html" && ext != ".json" &&
        ext != ".csv")
      continue;
    std::string text = squeezed_text(e.path().string());
    for (size_t at = text.find("县"); at != std::string::npos; at = text.find("县", at + 1)) {
      if (text.compare(at + 3, 3, "级") == 0) continue;
      with_xian.push_back(e.path().string() + ": …" + text.substr(at < 30 ? 0 : at - 30, 60) + "…");
      break;
    }
  }
  EXPECT_TRUE(with_xian.empty()) << with_xian.size() << " files, e.g. " << with_xian.front();
}

TEST(District, SubmissionCountsAddUpWithTheUndatedOnTheirOwnLine) {
  const int undated = static_cast<int>(lines(facts("undated")).size());
  // "应报送5个部门，已报送5个（按时3个，逾期0个，报送日期不详2个），未报送0个，文件无法读取0个"
  std::regex counts(
      "应报送(\\d+)个部门，已报送(\\d+)个（按时(\\d+)个，逾期(\\d+)个，报送日期不详(\\d+)个），未报送(\\d+)个，文件无法读取(\\d+)个");
  for (const char* file : {"reports/报送情况通报.docx", "reports/领导汇报.pdf", "review/报送情况.xlsx"}) {
    std::string text = squeezed_text(out(file));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, counts)) << file;
    int n[8];
    for (int i = 1; i <= 7; ++i) n[i] = std::stoi(m[i]);
    EXPECT_EQ(n[5], undated) << file;
    EXPECT_EQ(n[2], n[3] + n[4] + n[5]) << file;
    EXPECT_EQ(n[1], n[2] + n[6] + n[7]) << file;
  }
  // The leaders' table of figures: 按时, 逾期, 报送日期不详, 未报送 and 无法读取 make 应报送.
  std::string report = squeezed_text(out("reports/领导汇报.pdf"));
  std::smatch m;
  std::regex row("应报送(\\d+)个，按时(\\d+)个，逾期(\\d+)个，报送日期不详(\\d+)个，未报送(\\d+)个，文件无法读取(\\d+)个");
  ASSERT_TRUE(std::regex_search(report, m, row)) << report.substr(0, 2000);
  EXPECT_EQ(std::stoi(m[1]), std::stoi(m[2]) + std::stoi(m[3]) + std::stoi(m[4]) + std::stoi(m[5]) +
                                 std::stoi(m[6]));
  EXPECT_EQ(std::stoi(m[4]), undated);
}

}  // namespace
}  // namespace qd::e2e
