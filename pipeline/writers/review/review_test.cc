#include "writers/review/review.h"

#include <gtest/gtest.h>

#include "model/counts.h"
#include "writers/review/findings_csv.h"
#include "writers/review/review_report.h"
#include "support/testing.h"

namespace qd {
namespace {

namespace t = qd::testing;

// Writes the review output of the sample catalog into a fresh folder.
std::string write_sample(std::string_view name, std::vector<std::string>* written = nullptr) {
  Catalog c = t::sample_catalog();
  std::string dir = t::fresh_dir(name);
  Status s = write_review(c, OutputContext{dir, "", c.build_date}, written);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().str());
  return dir;
}

TEST(Review, WritesThreeFiles) {
  std::vector<std::string> written;
  write_sample("review_files", &written);
  EXPECT_EQ(written, (std::vector<std::string>{"review/findings.csv", "review/审核报告.xlsx",
                                               "reports/审核报告.docx"}));
}

TEST(Review, FindingsCsvSortedAndQuoted) {
  std::string dir = write_sample("review_csv");
  std::string csv = t::slurp(dir + "/review/findings.csv");
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"  // UTF-8 byte order mark: Excel reads the file as UTF-8
            "file,sheet,cell,rule,severity,message\r\n"
            "input/county.toml,,,SUBMISSION-LATE,report,县人力资源和社会保障局逾期3天报送\r\n"
            "input/departments/人社局.xlsx,申请材料,D3,MATERIAL-SHARED,hint,"
            "\"材料“营业执照”由政府部门核发，建议通过数据共享获取, 不再要求申请人提交\"\r\n"
            "input/departments/坏文件.xlsx,,,FILE-UNREADABLE,error,文件不是有效的工作簿（不是zip文件）\r\n"
            "input/departments/市场监管局.xlsx,实施清单,B4,BASIS-MISSING,error,"
            "\"设定依据为空，建议取消，\"\"依法依规\"\"\"\r\n"
            "input/departments/市场监管局.xlsx,实施清单,C4,REQ-MISSING,error,“实施编码”不能为空\r\n"
            "input/departments/市场监管局.xlsx,实施清单,E10,BASIS-FORM,warning,"
            "设定依据未写明条款，如“第十二条”\r\n"
            "input/departments/某某局.xlsx,实施清单,A2,DEPT-UNKNOWN,warning,"
            "实施主体“县某某管理局”不是已登记的部门\r\n");
}

TEST(Review, ReportReadsBack) {
  std::string dir = write_sample("review_report");
  auto dump = t::dump_xlsx(dir + "/review/审核报告.xlsx");
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  EXPECT_EQ(t::sheet_names(*dump),
            (std::vector<std::string>{"汇总", "县市场监督管理局", "县人力资源和社会保障局",
                                      "规划服务中心", "县某某管理局", "全部问题"}));
  const auto& sum = t::sheet(*dump, "汇总");
  EXPECT_EQ(t::cell(sum, "A2"), "部门");
  // 市场监管局: 3 errors (incl. the unreadable file), 1 warning; 3 items: 2 published, 1 returned.
  EXPECT_EQ(t::cell(sum, "A3"), "县市场监督管理局");
  EXPECT_EQ(t::cell(sum, "B3"), "3");
  EXPECT_EQ(t::cell(sum, "C3"), "1");
  EXPECT_EQ(t::cell(sum, "F3"), "3");
  EXPECT_EQ(t::cell(sum, "G3"), "2");
  EXPECT_EQ(t::cell(sum, "H3"), "1");
  // 人社局: 1 hint, 1 report; 4 items: 2 published, 1 pending, 1 retired.
  EXPECT_EQ(t::cell(sum, "D4"), "1");
  EXPECT_EQ(t::cell(sum, "E4"), "1");
  EXPECT_EQ(t::cell(sum, "F4"), "4");
  EXPECT_EQ(t::cell(sum, "I4"), "1");
  EXPECT_EQ(t::cell(sum, "J4"), "1");
  EXPECT_EQ(t::cell(sum, "A6"), "县某某管理局（未登记）");
  EXPECT_EQ(t::cell(sum, "A7"), "合计");
  EXPECT_EQ(t::cell(sum, "B7"), "3");
  EXPECT_EQ(t::cell(sum, "F7"), "8");

  const auto& a = t::sheet(*dump, "县市场监督管理局");
  EXPECT_EQ(t::cell(a, "A2"), "位置");
  EXPECT_EQ(t::cell(a, "E2"), "说明");
  EXPECT_EQ(t::cell(a, "A3"), "input/departments/坏文件.xlsx");
  EXPECT_EQ(t::cell(a, "A4"), "input/departments/市场监管局.xlsx:实施清单!B4");
  EXPECT_EQ(t::cell(a, "B4"), "BASIS-MISSING");
  EXPECT_EQ(t::cell(a, "C4"), "错误");
  EXPECT_EQ(t::cell(a, "D4"), "广告发布登记");
  EXPECT_EQ(t::cell(t::sheet(*dump, "规划服务中心"), "A3"), "（未发现问题）");
  const auto& all = t::sheet(*dump, "全部问题");
  EXPECT_EQ(t::cell(all, "A2"), "部门");
  EXPECT_EQ(t::cell(all, "A9"), "县某某管理局");
  EXPECT_EQ(t::cell(all, "A10"), "");
}

// A department that handed in items without a 报送日期 (a platform's export
// has no 填报信息) is neither on time nor late: the counts add up with it
// on a line of its own.
TEST(Review, SameCatalogSameBytes) {
  std::string a = write_sample("review_det_a"), b = write_sample("review_det_b");
  for (const char* f : {"/review/findings.csv", "/review/审核报告.xlsx"})
    EXPECT_TRUE(t::slurp(a + f) == t::slurp(b + f)) << f;
}

}  // namespace
}  // namespace qd
