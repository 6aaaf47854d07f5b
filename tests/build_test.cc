// End-to-end: `qingdan build` on the sample county, checked with the
// project's reader, openpyxl, LibreOffice and poppler.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "e2e.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

// One build of the sample county, shared by the tests of this file.
class SampleBuild : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("sample");
    copy_sample_input(dir_->path());
    run_ = new Proc(build(dir_->path()));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete dir_;
  }
  static std::string out(const std::string& rel) { return *dir_ / ("output/" + rel); }

  static TempDir* dir_;
  static Proc* run_;
};
TempDir* SampleBuild::dir_ = nullptr;
Proc* SampleBuild::run_ = nullptr;

TEST_F(SampleBuild, ExitsOneBecauseOneWorkbookIsUnreadable) {
  // 涿鹿县档案馆.xlsx is an HTML page: done, but some input unreadable.
  EXPECT_EQ(run_->exit_code, 1) << run_->out;
}

TEST_F(SampleBuild, WritesListsReviewAndForms) {
  for (const char* f : {"lists/目录清单.xlsx", "lists/实施清单.xlsx", "review/findings.csv",
                        "review/审核报告.xlsx", "review/报送情况.xlsx",
                        "forms/涿鹿县市场监督管理局.xlsx", "forms/涿鹿县统计局.xlsx"})
    EXPECT_TRUE(fs::exists(out(f))) << f;
  int forms = 0;
  for (const auto& e : fs::directory_iterator(out("forms"))) forms += e.path().extension() == ".xlsx";
  EXPECT_EQ(forms, 28);  // one per registered department, even those that did not submit
}

TEST_F(SampleBuild, FindingsCsvHasTheExactHeaderAndIsSorted) {
  std::string csv = read_file(out("review/findings.csv"));
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "file,sheet,cell,rule,severity,message");
  auto rows = read_findings(out("review/findings.csv"));
  ASSERT_GT(rows.size(), 30u);
  std::set<std::string> severities;
  for (const auto& r : rows) severities.insert(r.severity);
  EXPECT_EQ(severities, (std::set<std::string>{"error", "warning", "hint", "report"}));
  for (size_t i = 1; i < rows.size(); ++i)
    EXPECT_LE(rows[i - 1].file, rows[i].file) << "row " << i;
}

// Every deliberate mistake listed in input/README.md ("| RULE | place | …")
// is reported with that rule at that place.
TEST_F(SampleBuild, EveryPlantedMistakeIsFoundAtItsCell) {
  auto rows = read_findings(out("review/findings.csv"));
  std::set<std::string> found;
  for (const auto& r : rows) {
    std::string place = r.file;
    if (!r.sheet.empty()) place += ":" + r.sheet + (r.cell.empty() ? "" : "!" + r.cell);
    found.insert(r.rule + " " + place);
  }
  std::istringstream readme(read_file(source("input/README.md")));
  std::regex line(R"(^\| ([A-Z-]+) \| ([^|]+) \|)");
  std::string l;
  int planted = 0;
  while (std::getline(readme, l)) {
    std::smatch m;
    if (!std::regex_search(l, m, line) || m[1] == "rule") continue;
    std::string rule = m[1], place = m[2];
    place.erase(place.find_last_not_of(' ') + 1);
    ++planted;
    if (place.find(".xlsx") == std::string::npos) {
      // A department that handed in nothing: reported with no file.
      EXPECT_TRUE(found.count(rule + " ")) << rule << " without a file";
      continue;
    }
    EXPECT_TRUE(found.count(rule + " " + place)) << rule << " at " << place;
  }
  EXPECT_GE(planted, 25);
}

TEST_F(SampleBuild, PublishesOnlyApprovedItemsWithoutErrors) {
  auto cells = cells_by_qingdan(out("lists/实施清单.xlsx"));
  std::string all;
  for (const auto& c : cells) all += c + "\n";
  // Published: approved after an earlier return.
  EXPECT_NE(all.find("巡游出租汽车经营许可"), std::string::npos);
  // Not published: 法制办 returned it; cancelled; no decision; an error.
  EXPECT_EQ(all.find("放射诊疗许可"), std::string::npos);
  EXPECT_EQ(all.find("社会团体年度检查"), std::string::npos);
  EXPECT_EQ(all.find("洗染业经营者备案"), std::string::npos);
  EXPECT_EQ(all.find("建筑工程施工许可证核发"), std::string::npos);
  // Not published: an unregistered department.
  EXPECT_EQ(all.find("不动产首次登记"), std::string::npos);
}

TEST_F(SampleBuild, EveryPublishedItemHasValidCodes) {
  auto cells = cells_by_qingdan(out("lists/实施清单.xlsx"));
  std::regex impl(R"(\t([0-9A-HJ-NPQRTUWXY]{18}[1-7][0-9]{2}(0[1-9]|10|20)[0-9A-Z]{5}[0-9Y]{3})$)");
  std::set<std::string> codes;
  for (const auto& c : cells) {
    std::smatch m;
    if (std::regex_search(c, m, impl) && c.rfind("汇总", 0) != 0) codes.insert(m[1]);
  }
  EXPECT_GT(codes.size(), 350u);
}

// openpyxl and qingdan's own reader see the same cells in every output.
TEST_F(SampleBuild, OwnReaderAndOpenpyxlAgreeOnEveryOutput) {
  for (const char* f : {"lists/目录清单.xlsx", "lists/实施清单.xlsx", "review/审核报告.xlsx",
                        "review/报送情况.xlsx", "forms/涿鹿县民政局.xlsx"}) {
    auto a = cells_by_openpyxl(out(f));
    auto b = cells_by_qingdan(out(f));
    ASSERT_GT(a.size(), 10u) << f;
    EXPECT_EQ(a.size(), b.size()) << f;
    for (size_t i = 0, shown = 0; i < std::min(a.size(), b.size()) && shown < 5; ++i) {
      if (a[i] == b[i]) continue;
      ADD_FAILURE() << f << "\n openpyxl: " << a[i] << "\n qingdan:  " << b[i];
      ++shown;
    }
  }
}

// Every kind of .xlsx output opens in LibreOffice and prints its content.
TEST_F(SampleBuild, EveryWorkbookOpensInLibreOffice) {
  TempDir pdfs("lo");
  const std::vector<std::pair<std::string, std::string>> expect = {
      {"lists/目录清单.xlsx", "涿鹿县市场监督管理局"},
      {"lists/实施清单.xlsx", "巡游出租汽车经营许可"},
      {"review/审核报告.xlsx", "LIMIT-ORDER"},
      {"review/报送情况.xlsx", "涿鹿县统计局"},
      {"forms/涿鹿县民政局.xlsx", "填报单位"}};
  std::vector<std::string> files;
  for (const auto& [f, text] : expect) files.push_back(out(f));
  auto result = soffice_to_pdfs(files, pdfs.path());
  for (size_t i = 0; i < expect.size(); ++i) {
    ASSERT_FALSE(result[i].empty()) << expect[i].first;
    Proc text = sh("pdftotext " + quote(result[i]) + " -");
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find(expect[i].second), std::string::npos) << expect[i].first;
  }
}

TEST_F(SampleBuild, SameInputSameDateGivesByteIdenticalFiles) {
  TempDir again("again");
  copy_sample_input(again.path());
  Proc r = build(again.path());
  ASSERT_EQ(r.exit_code, 1) << r.out;
  auto a = tree(*dir_ / "output");
  auto b = tree(again / "output");
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) EXPECT_TRUE(b.count(name) && b[name] == bytes) << name;
}

TEST_F(SampleBuild, RebuildWithTheSameRegistryKeepsEveryFileIdentical) {
  auto before = tree(*dir_ / "output");
  Proc r = build(dir_->path(), "output2");
  ASSERT_EQ(r.exit_code, 1) << r.out;
  auto after = tree(*dir_ / "output2");
  for (const auto& [name, bytes] : before) EXPECT_EQ(after[name], bytes) << name;
}

}  // namespace
}  // namespace qd::e2e
