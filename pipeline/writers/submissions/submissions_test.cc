#include "writers/submissions/submissions.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "model/counts.h"
#include "support/testing.h"

namespace qd {
namespace {

namespace t = qd::testing;

TEST(Submissions, WritesTheSheetAndTheNotice) {
  Catalog c = t::sample_catalog();
  std::vector<std::string> written;
  ASSERT_TRUE(write_submissions(c, OutputContext{t::fresh_dir("subs_files"), "", c.build_date}, &written).ok());
  EXPECT_EQ(written, (std::vector<std::string>{"review/报送情况.xlsx", "reports/报送情况通报.docx"}));
}

TEST(Submissions, SubmissionStatus) {
  Catalog c = t::sample_catalog();
  std::string dir = t::fresh_dir("review_sub");
  ASSERT_TRUE(write_submission_sheet(c, OutputContext{dir, "", c.build_date}, nullptr).ok());
  auto dump = t::dump_xlsx(dir + "/review/报送情况.xlsx");
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  EXPECT_EQ(t::sheet_names(*dump), (std::vector<std::string>{"报送情况", "未登记部门"}));
  const auto& s = t::sheet(*dump, "报送情况");
  std::vector<std::string> header;
  for (int c = 0; c < 11; ++c) header.push_back(t::cell(s, column_name(c) + "2"));
  EXPECT_EQ(header, (std::vector<std::string>{"序号", "部门", "是否报送", "报送日期", "截止日期",
                                              "是否按时", "填报人", "联系电话", "事项数", "错误数",
                                              "警告数"}));
  // 市场监管局: two files, the later one (8-30) counts: on time.
  EXPECT_EQ(t::cell(s, "C3"), "已报送");
  EXPECT_EQ(t::cell(s, "D3"), "2017-08-30");
  EXPECT_EQ(t::cell(s, "E3"), "2017-08-31");
  EXPECT_EQ(t::cell(s, "F3"), "按时");
  EXPECT_EQ(t::cell(s, "G3"), "李四");
  EXPECT_EQ(t::cell(s, "I3"), "3");
  EXPECT_EQ(t::cell(s, "J3"), "3");
  EXPECT_EQ(t::cell(s, "F4"), "逾期3天");
  EXPECT_EQ(t::cell(s, "H4"), "13800000000");
  EXPECT_EQ(s["types"]["H4"], "s");
  EXPECT_EQ(t::cell(s, "C5"), "未报送");
  EXPECT_EQ(t::cell(s, "F5"), "未报送");
  EXPECT_NE(t::cell(s, "A7").find("按时1个，逾期1个），未报送1个"), std::string::npos);
  const auto& u = t::sheet(*dump, "未登记部门");
  EXPECT_EQ(t::cell(u, "A3"), "县某某管理局");
  EXPECT_EQ(t::cell(u, "D3"), "2017-08-28");
}

TEST(Submissions, AnUndatedSubmissionIsCountedOnItsOwn) {
  Catalog c = t::sample_catalog();
  Submission undated;
  undated.department = c.settings.departments[2].name;  // handed in nothing so far
  undated.file = "input/departments/规划服务中心.xlsx";
  undated.readable = true;
  c.submissions.push_back(undated);
  auto st = submission_status(c);
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[2].state, "已报送");
  EXPECT_EQ(st[2].on_time, "日期不详");
  SubmissionTotals tot = submission_totals(st);
  EXPECT_EQ(tot.undated, 1);
  EXPECT_EQ(tot.submitted, tot.on_time + tot.late + tot.undated);
  EXPECT_EQ(tot.departments, tot.submitted + tot.missing + tot.unreadable);

  std::string dir = t::fresh_dir("review_undated");
  ASSERT_TRUE(write_submission_sheet(c, OutputContext{dir, "", c.build_date}, nullptr).ok());
  auto dump = t::dump_xlsx(dir + "/review/报送情况.xlsx");
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  EXPECT_EQ(t::cell(t::sheet(*dump, "报送情况"), "A7"),
            "应报送3个部门，已报送3个（按时1个，逾期1个，报送日期不详1个），未报送0个，文件无法读取0个。");
}

TEST(Submissions, UnreadableOnlyFile) {
  Catalog c = t::sample_catalog();
  for (Submission& s : c.submissions)
    if (s.department == "县人力资源和社会保障局") s.readable = false;
  auto st = submission_status(c);
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[1].state, "文件无法读取");
  EXPECT_EQ(st[1].on_time, "未报送");
}

}  // namespace
}  // namespace qd
