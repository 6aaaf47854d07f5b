#include "model/returns.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

// An item of `dept` read from `file` at row `row`.
Item item(const std::string& dept, const std::string& name, const std::string& file, int row) {
  Item it;
  it.department = dept;
  it.file = file;
  it.at = Place{file, "实施清单", "A" + std::to_string(row)};
  it.field(El::Name) = Field{name, it.at};
  return it;
}

// A finding of `dept` at `at`.
Finding finding(const std::string& dept, Place at, std::string rule, Severity s) {
  Finding f;
  f.at = std::move(at);
  f.rule = std::move(rule);
  f.severity = s;
  f.message = "问题";
  f.department = dept;
  return f;
}

// A decision of `unit` on `dept`'s `name`.
Decision decision(const std::string& dept, const std::string& name, const std::string& verdict,
                  const std::string& unit, Date date) {
  Decision d;
  d.department = dept;
  d.item = name;
  d.verdict = verdict;
  d.opinion = verdict == "退回" ? "依据不全" : "";
  d.unit = unit;
  d.date = date;
  d.at = Place{"review/" + unit + ".xlsx", "审核意见", "A2"};
  return d;
}

// Four departments: 甲 with an error, a returned item and a decision that
// no longer stands; 乙 with a hint and a change awaiting approval only; 丙
// whose file could not be read (its last published items kept); 丁 with
// nothing at all.
Catalog county() {
  Catalog c;
  c.decisions.reserve(16);  // items point at their decisions
  c.build_date = Date{2017, 9, 30};
  c.settings.departments = {{"县甲局", "甲局", "", "01"},
                            {"县乙局", "乙局", "", "02"},
                            {"县丙局", "丙局", "", "03"},
                            {"县丁局", "丁局", "", "04"}};
  const std::string fa = "departments/县甲局.xlsx", fb = "departments/县乙局.xlsx",
                    fc = "departments/县丙局.xlsx";
  c.items.push_back(item("县甲局", "甲一", fa, 2));
  c.items.push_back(item("县甲局", "甲二", fa, 3));
  c.items.push_back(item("县甲局", "甲三", fa, 4));
  c.items.push_back(item("县乙局", "乙一", fb, 2));
  Item kept = item("县甲局", "甲二", "", 0);
  kept.carried_over = true;
  c.items.push_back(kept);
  Item gone = item("县丙局", "丙一", "", 0);
  gone.carried_over = true;
  c.items.push_back(gone);
  c.submissions = {{"县甲局", fa, true, "张三", "0313-6521234", Date{2017, 8, 30}, {}},
                   {"县乙局", fb, true, "", "", Date{2017, 8, 30}, {}},
                   {"县丙局", fc, false, "", "", {}, {}}};
  c.findings.push_back(finding("县甲局", Place{fa, "实施清单", "U2"}, "LIMIT-INSTANT", Severity::Error));
  c.findings.push_back(finding("甲局", Place{"reference/权力清单.xlsx", "权力清单", "B9"}, "POWER-OMITTED",
                               Severity::Error));
  // A date the reader could not read: no department, the department's file.
  c.findings.push_back(finding("", Place{fa, "填报信息", "B4"}, "DATE-FORMAT", Severity::Warning));
  c.findings.push_back(finding("县乙局", Place{fb, "申请材料", "E3"}, "MATERIAL-SHARED", Severity::Hint));
  c.findings.push_back(finding("县乙局", Place{fb, "实施清单", "A2"}, "CONTENT-UNAPPROVED", Severity::Warning));
  c.findings.push_back(finding("县丙局", Place{fc, "", ""}, "FILE-UNREADABLE", Severity::Error));
  c.findings.push_back(finding("县丁局", Place{}, "SUBMISSION-LATE", Severity::Report));
  // 甲二: returned, then approved; 甲三: approved, but 法制办 returned it.
  c.decisions.push_back(decision("县甲局", "甲二", "退回", "审改办", Date{2017, 9, 6}));
  c.decisions.push_back(decision("县甲局", "甲二", "通过", "审改办", Date{2017, 9, 14}));
  c.decisions.push_back(decision("县甲局", "甲三", "退回", "法制办", Date{2017, 9, 8}));
  c.decisions.push_back(decision("县甲局", "甲三", "通过", "审改办", Date{2017, 9, 15}));
  c.decisions.push_back(decision("县乙局", "乙一", "通过", "审改办", Date{2017, 9, 15}));
  for (Item& it : c.items)
    for (const Decision& d : c.decisions)
      if (d.department == it.department && d.item == it.get(El::Name) &&
          (!it.decision || d.date > it.decision->date))
        it.decision = &d;
  return c;
}

TEST(DepartmentReturns, OnlyDepartmentsWithSomethingToCorrect) {
  Catalog c = county();
  std::vector<DepartmentReturn> returns = department_returns(c);
  ASSERT_EQ(returns.size(), 2u);
  EXPECT_EQ(returns[0].department->name, "县甲局");
  EXPECT_EQ(returns[1].department->name, "县丙局");
  // 乙: a hint and a change awaiting approval ask nothing of it.
  EXPECT_FALSE(is_returned(department_return(c, c.settings.departments[1])));
  EXPECT_FALSE(is_returned(department_return(c, c.settings.departments[3])));
}

TEST(DepartmentReturns, WhatTheDepartmentSubmittedItsFindingsAndTheDecisionsInForce) {
  Catalog c = county();
  DepartmentReturn r = department_return(c, c.settings.departments[0]);
  EXPECT_FALSE(r.kept);
  // Submitted items only, in input order: not the copy kept from last time.
  ASSERT_EQ(r.items.size(), 3u);
  EXPECT_EQ(r.items[0]->get(El::Name), "甲一");
  EXPECT_FALSE(r.items[1]->carried_over);
  // By full name, by short name, and by file when the finding names none.
  ASSERT_EQ(r.findings.size(), 3u);
  EXPECT_EQ(r.findings[0]->rule, "LIMIT-INSTANT");
  EXPECT_EQ(r.findings[1]->rule, "POWER-OMITTED");
  EXPECT_EQ(r.findings[2]->rule, "DATE-FORMAT");
  ASSERT_EQ(r.submissions.size(), 1u);
  // 甲二's 退回 was followed by 通过; 法制办's 退回 on 甲三 still stands.
  ASSERT_EQ(r.decisions.size(), 1u);
  EXPECT_EQ(r.decisions[0].item->get(El::Name), "甲三");
  EXPECT_EQ(r.decisions[0].decision->unit, "法制办");
  EXPECT_EQ(returning_decisions(c, *r.items[1]).size(), 0u);
  EXPECT_EQ(returning_decisions(c, *r.items[2]).size(), 1u);
}

TEST(DepartmentReturns, AnUnreadableFileGetsItsLastPublishedItemsBack) {
  Catalog c = county();
  DepartmentReturn r = department_return(c, c.settings.departments[2]);
  EXPECT_TRUE(r.kept);
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(r.items[0]->get(El::Name), "丙一");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0]->rule, "FILE-UNREADABLE");
  EXPECT_TRUE(is_returned(r));
}

TEST(DepartmentReturns, ALatestReturnIsInForce) {
  Catalog c = county();
  c.decisions.push_back(decision("县乙局", "乙一", "退回", "行政审批局", Date{2017, 9, 20}));
  c.items[3].decision = &c.decisions.back();
  DepartmentReturn r = department_return(c, c.settings.departments[1]);
  ASSERT_EQ(r.decisions.size(), 1u);
  EXPECT_EQ(r.decisions[0].decision->unit, "行政审批局");
  EXPECT_TRUE(is_returned(r));
}

}  // namespace
}  // namespace qd
