#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

const Place kEntry2{kPowerFile, "权力清单", "B3"};

// A second registered department with its own workbook.
void add_second_department(Catalog& c) {
  c.settings.departments.push_back({"涿鹿县卫生健康局", "卫健局", "12441500196720244T", "06"});
  Submission s;
  s.department = "涿鹿县卫生健康局";
  s.file = "departments/卫健局.xlsx";
  s.readable = true;
  s.date = Date{2017, 8, 30};
  c.submissions.push_back(s);
}

TEST(RulesLists, ItemNotInPowerList) {
  Catalog c = make_catalog();
  c.items.push_back(make_item("食品生产许可", 4));
  validate(c);
  auto f = of(c, "POWER-MISMATCH");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::Name, 4));
  EXPECT_NE(f[0].message.find("权力清单中没有"), std::string::npos);
}

TEST(RulesLists, TypeDiffersFromPowerList) {
  Catalog c = make_catalog();
  set(c.items[0], El::Type, "行政确认");
  validate(c);
  auto f = of(c, "POWER-MISMATCH");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::Type, 3));
  EXPECT_NE(f[0].message.find("“行政许可”"), std::string::npos);
  EXPECT_TRUE(of(c, "POWER-OMITTED").empty()) << "one finding, not two";
}

TEST(RulesLists, PowerListMatchesByShortDepartmentName) {
  Catalog c = make_catalog();
  c.power_list[0].department = "市场监管局";
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesLists, NoPowerListNoPowerChecks) {
  Catalog c = make_catalog();
  c.power_list.clear();
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesLists, PublicServicesAreNotInThePowerList) {
  Catalog c = make_catalog();
  Item p = make_item("食品安全咨询", 4);
  set(p, El::Type, "公共服务");
  set(p, El::PowerSource, "");
  set(p, El::PublicDomain, "基本社会服务");
  c.items.push_back(p);
  validate(c);
  EXPECT_TRUE(of(c, "POWER-MISMATCH").empty()) << dump(c);
}

TEST(RulesLists, ItemOfAnotherDepartmentInPowerList) {
  Catalog c = make_catalog();
  add_second_department(c);
  c.power_list.push_back({"涿鹿县卫生健康局", "医疗机构执业登记", "01", "", "", "", kEntry2});
  c.items.push_back(make_item("医疗机构执业登记", 4));
  validate(c);
  auto f = of(c, "POWER-MISMATCH");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_NE(f[0].message.find("涿鹿县卫生健康局"), std::string::npos);
}

TEST(RulesLists, PowerOmitted) {
  Catalog c = make_catalog();
  c.power_list.push_back({kDept, "食品生产许可", "01", "", "", "", kEntry2});
  validate(c);
  auto f = of(c, "POWER-OMITTED");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, kEntry2);
  EXPECT_EQ(f[0].department, kDept);
  EXPECT_EQ(f[0].item, "食品生产许可");
  EXPECT_NE(f[0].message.find("漏报"), std::string::npos);
}

TEST(RulesLists, PowerOmittedOnlyForDepartmentsThatSubmitted) {
  Catalog c = make_catalog();
  add_second_department(c);
  c.submissions[1].readable = false;
  c.power_list.push_back({"涿鹿县卫生健康局", "医疗机构执业登记", "01", "", "", "", kEntry2});
  validate(c);
  EXPECT_TRUE(of(c, "POWER-OMITTED").empty()) << dump(c);
}

TEST(RulesLists, SubItemOfPowerListMatchesBySubName) {
  Catalog c = make_catalog();
  c.power_list[0].sub_name = "食品经营许可（新办）";
  c.power_list.push_back({kDept, "食品经营许可", "01", "", "食品经营许可（延续）", "", kEntry2});
  set(c.items[0], El::Name, "食品经营许可（新办）");
  validate(c);
  auto f = of(c, "POWER-OMITTED");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, kEntry2);
  EXPECT_TRUE(of(c, "POWER-MISMATCH").empty()) << dump(c);
}

// The power list gives a 主项 row and its 子项 rows; the department submits
// every 子项 (naming the 主项 in 主项名称) and no row for the 主项.
Catalog main_with_subs(bool all_subs) {
  Catalog c = make_catalog();
  const Place main_row{kPowerFile, "权力清单", "B2"};
  c.power_list[0] = {kDept, "食品经营许可", "01", "", "", "", main_row};
  c.power_list.push_back({kDept, "食品经营许可", "01", "", "食品经营许可（新办）", "", kEntry2});
  c.power_list.push_back({kDept, "食品经营许可", "01", "", "食品经营许可（延续）", "",
                          Place{kPowerFile, "权力清单", "B4"}});
  set(c.items[0], El::Name, "食品经营许可（新办）");
  set(c.items[0], El::Parent, "食品经营许可");
  if (all_subs) {
    c.items.push_back(make_item("食品经营许可（延续）", 4));
    set(c.items[1], El::Parent, "食品经营许可");
  }
  return c;
}

TEST(RulesLists, AMainItemWhoseSubItemsAreAllThereIsComplete) {
  Catalog c = main_with_subs(true);
  validate(c);
  EXPECT_TRUE(of(c, "POWER-OMITTED").empty()) << dump(c);
  EXPECT_TRUE(of(c, "POWER-MISMATCH").empty()) << dump(c);
}

TEST(RulesLists, AMissingSubItemIsReportedNotItsMainItem) {
  Catalog c = main_with_subs(false);
  validate(c);
  auto f = of(c, "POWER-OMITTED");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at.cell, "B4");
  EXPECT_NE(f[0].message.find("食品经营许可（延续）"), std::string::npos) << f[0].message;
}

TEST(RulesLists, AMainItemWithNoneOfItsSubItemsIsOmitted) {
  Catalog c = main_with_subs(false);
  set(c.items[0], El::Name, "食品生产许可");
  set(c.items[0], El::Parent, "");
  c.power_list.push_back({kDept, "食品生产许可", "01", "", "", "", Place{kPowerFile, "权力清单", "B5"}});
  validate(c);
  std::vector<std::string> cells;
  for (const Finding& f : of(c, "POWER-OMITTED")) cells.push_back(f.at.cell);
  EXPECT_EQ(cells, (std::vector<std::string>{"B2", "B3", "B4"})) << dump(c);
}

TEST(RulesLists, PublicFewer) {
  Catalog c = make_catalog();
  c.public_list.push_back({kDept, "消费投诉受理", "基本社会服务", {kPublicFile, "公共服务", "B2"}});
  c.public_list.push_back({kDept, "食品安全咨询", "基本社会服务", {kPublicFile, "公共服务", "B3"}});
  Item p = make_item("食品安全咨询", 4);
  set(p, El::Type, "公共服务");
  set(p, El::PowerSource, "");
  set(p, El::PublicDomain, "基本社会服务");
  c.items.push_back(p);
  validate(c);
  auto f = of(c, "PUBLIC-FEWER");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, (Place{kPublicFile, "公共服务", "B2"}));
  EXPECT_NE(f[0].message.find("只有1项"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("未报送：消费投诉受理"), std::string::npos);

  Item q = p;
  set(q, El::Name, "消费投诉受理");
  c.items.push_back(q);
  c.findings.clear();
  validate(c);
  EXPECT_TRUE(of(c, "PUBLIC-FEWER").empty()) << dump(c);
}

TEST(RulesLists, DuplicateInDepartment) {
  Catalog c = make_catalog();
  c.items.push_back(make_item("食品经营许可", 9));
  validate(c);
  auto f = of(c, "DUPLICATE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::Name, 9));
  EXPECT_NE(f[0].message.find("!A3"), std::string::npos) << "names the first occurrence";
  EXPECT_EQ(c.items[0].errors, 0);
  EXPECT_EQ(c.items[1].errors, 1);
}

TEST(RulesLists, SameNameUnderDifferentParentsIsNoDuplicate) {
  Catalog c = make_catalog();
  c.power_list.push_back({kDept, "变更", "01", "", "", "", kEntry2});
  Item a = make_item("变更", 4), b = make_item("变更", 5);
  set(a, El::Parent, "食品经营许可");
  set(b, El::Parent, "食品生产许可");
  c.items.push_back(a);
  c.items.push_back(b);
  validate(c);
  EXPECT_TRUE(of(c, "DUPLICATE").empty()) << dump(c);
}

TEST(RulesLists, ClaimedByTwoDepartments) {
  Catalog c = make_catalog();
  add_second_department(c);
  Item other = make_item("食品经营许可", 2);
  other.department = "涿鹿县卫生健康局";
  other.file = "departments/卫健局.xlsx";
  other.at.file = other.file;
  other.field(El::Name).at.file = other.file;
  set(other, El::AgencyCode, "12441500196720244T");
  c.items.push_back(other);
  validate(c);
  auto f = of(c, "DUPLICATE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at.file, "departments/卫健局.xlsx");
  EXPECT_EQ(f[0].department, "涿鹿县卫生健康局");
  EXPECT_NE(f[0].message.find(kDept), std::string::npos);
}

TEST(RulesLists, ListedForBothDepartmentsIsNoDuplicate) {
  Catalog c = make_catalog();
  add_second_department(c);
  c.power_list.push_back({"涿鹿县卫生健康局", "食品经营许可", "01", "", "", "", kEntry2});
  Item other = make_item("食品经营许可", 2);
  other.department = "涿鹿县卫生健康局";
  set(other, El::AgencyCode, "12441500196720244T");
  c.items.push_back(other);
  validate(c);
  EXPECT_TRUE(of(c, "DUPLICATE").empty()) << dump(c);
}

}  // namespace
}  // namespace qd
