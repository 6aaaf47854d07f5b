#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesSubmission, OnTimeIsNotReported) {
  Catalog c = make_catalog();
  c.submissions[0].date = c.settings.deadline;
  validate(c);
  EXPECT_TRUE(of(c, "SUBMISSION-LATE").empty()) << dump(c);
}

TEST(RulesSubmission, LateSaysHowManyDays) {
  Catalog c = make_catalog();
  c.submissions[0].date = Date{2017, 9, 3};
  c.submissions[0].date_at = Place{kFile, "填报信息", "B4"};
  validate(c);
  auto f = of(c, "SUBMISSION-LATE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Report);
  EXPECT_EQ(f[0].at, (Place{kFile, "填报信息", "B4"}));
  EXPECT_EQ(f[0].department, kDept);
  EXPECT_NE(f[0].message.find(kDept), std::string::npos);
  EXPECT_NE(f[0].message.find("3天"), std::string::npos) << f[0].message;
}

TEST(RulesSubmission, NotSubmitted) {
  Catalog c = make_catalog();
  c.settings.departments.push_back({"涿鹿县教育局", "教育局", "", "07"});
  validate(c);
  auto f = of(c, "SUBMISSION-LATE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, Place{});
  EXPECT_EQ(f[0].department, "涿鹿县教育局");
  EXPECT_NE(f[0].message.find("未报送"), std::string::npos);
}

TEST(RulesSubmission, UnknownDepartmentOncePerWorkbook) {
  Catalog c = make_catalog();
  Submission s;
  s.department = "涿鹿县某某中心";
  s.file = "departments/某某中心.xlsx";
  s.readable = true;
  s.date = Date{2017, 8, 20};
  c.submissions.push_back(s);
  Item it = make_item("某某登记", 3);
  it.department = s.department;
  it.file = s.file;
  c.items.push_back(it);
  c.items.push_back(make_item("某某备案", 4));
  c.items.back().department = s.department;
  validate(c);
  auto f = of(c, "DEPT-UNKNOWN");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].at, (Place{"departments/某某中心.xlsx", "", ""}));
  EXPECT_NE(f[0].message.find("涿鹿县某某中心"), std::string::npos);
}

TEST(RulesSubmission, ShortNameIsAKnownDepartment) {
  Catalog c = make_catalog();
  c.submissions[0].department = "市场监管局";
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesSubmission, MissingDate) {
  Catalog c = make_catalog();
  c.submissions[0].date = Date{};
  validate(c);
  auto f = of(c, "SUBMISSION-DATE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, (Place{kFile, "填报信息", "B5"}));
  EXPECT_TRUE(of(c, "SUBMISSION-LATE").empty());
}

}  // namespace
}  // namespace qd
