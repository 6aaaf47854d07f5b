#include "model/catalog.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

TEST(Catalog, CellOrderIsRowMajor) {
  EXPECT_TRUE(cell_less("B2", "A10"));
  EXPECT_FALSE(cell_less("A10", "B2"));
  EXPECT_TRUE(cell_less("A2", "B2"));
  EXPECT_TRUE(cell_less("", "A1"));
}

TEST(Catalog, ReportCountsAgainstTheItem) {
  Catalog c;
  Item item;
  item.department = "县民政局";
  item.field(El::Name).text = "最低生活保障对象认定";
  c.report(Finding{{"a.xlsx", "实施清单", "E3"}, "BASIS-MISSING", Severity::Error, "m", "", ""}, &item);
  c.report(Finding{{"a.xlsx", "实施清单", "F3"}, "BASIS-FORM", Severity::Warning, "m", "", ""}, &item);
  EXPECT_EQ(item.errors, 1);
  EXPECT_EQ(item.warnings, 1);
  EXPECT_EQ(c.findings[0].item, "最低生活保障对象认定");
  EXPECT_EQ(c.findings[0].department, "县民政局");
}

TEST(Catalog, FindingsSortByFileSheetCellRule) {
  Catalog c;
  c.findings.push_back({{"b.xlsx", "实施清单", "A2"}, "X", Severity::Error, "", "", ""});
  c.findings.push_back({{"a.xlsx", "实施清单", "C10"}, "X", Severity::Error, "", "", ""});
  c.findings.push_back({{"a.xlsx", "实施清单", "D9"}, "Y", Severity::Error, "", "", ""});
  c.findings.push_back({{"a.xlsx", "实施清单", "D9"}, "A", Severity::Error, "", "", ""});
  c.sort_findings();
  EXPECT_EQ(c.findings[0].at.cell, "D9");
  EXPECT_EQ(c.findings[0].rule, "A");
  EXPECT_EQ(c.findings[2].at.cell, "C10");
  EXPECT_EQ(c.findings[3].at.file, "b.xlsx");
}

TEST(Catalog, PublishedFollowsSettingsOrder) {
  Catalog c;
  c.settings.departments = {{"县民政局", "", "", "01"}, {"县财政局", "", "", "02"}};
  for (const char* dep : {"县财政局", "县民政局", "县未登记局"}) {
    Item it;
    it.department = dep;
    it.state = ItemState::Published;
    c.items.push_back(it);
  }
  auto p = c.published();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0]->department, "县民政局");
}

TEST(Catalog, VersionIsTheLatestItemVersionElseAsOf) {
  Catalog c;
  c.build_date = Date{2017, 9, 30};
  Item a, b, unset;
  a.version = Date{2017, 6, 1};
  b.version = Date{2017, 8, 15};
  EXPECT_EQ(c.version_of({&a, &b}), (Date{2017, 8, 15}));
  EXPECT_EQ(c.version_of({&a, &unset}), (Date{2017, 6, 1}));
  EXPECT_EQ(c.version_of({&unset}), (Date{2017, 9, 30}));
  EXPECT_EQ(c.version_of({}), (Date{2017, 9, 30}));
  // No versions anywhere: as_of(), which is then the build date; with a
  // submission, its date.
  Submission s;
  s.date = Date{2017, 9, 2};
  c.submissions.push_back(s);
  EXPECT_EQ(c.version_of({&unset}), (Date{2017, 9, 2}));
}

TEST(Catalog, AsOfIsTheLatestDateOfTheDataNotTheBuildDate) {
  Catalog c;
  c.build_date = Date{2017, 10, 3};
  EXPECT_EQ(c.as_of(), (Date{2017, 10, 3}));  // nothing at all: the build date
  Item a;
  a.version = Date{2017, 9, 30};
  c.items.push_back(a);
  EXPECT_EQ(c.as_of(), (Date{2017, 9, 30}));
  Submission early, future;
  early.date = Date{2017, 9, 12};
  future.date = Date{2017, 12, 1};  // after the build date: a typo, not data
  c.submissions = {early, future};
  EXPECT_EQ(c.as_of(), (Date{2017, 9, 30}));
  Decision d;
  d.date = Date{2017, 10, 2};
  c.decisions.push_back(d);
  EXPECT_EQ(c.as_of(), (Date{2017, 10, 2}));
  c.changes_version = Date{2017, 10, 3};
  EXPECT_EQ(c.as_of(), (Date{2017, 10, 3}));
  // The next night, nothing new: the same date.
  c.build_date = Date{2017, 10, 4};
  EXPECT_EQ(c.as_of(), (Date{2017, 10, 3}));
}

TEST(Catalog, FindingsOfOneFileAreListedUpToTheLimitThenCounted) {
  Catalog c;
  Item item;
  item.field(El::Name).text = "甲";
  const int extra = 1234;
  for (int i = 0; i < kMaxFindingsPerFile + extra; ++i) {
    Finding f;
    f.at = Place{"departments/垃圾.xlsx", "实施清单", "B" + std::to_string(i + 2)};
    f.rule = "REQ-MISSING";
    f.message = "缺少必填项";
    c.report(std::move(f), &item);
  }
  Finding other;
  other.at = Place{"departments/正常.xlsx", "实施清单", "A2"};
  other.rule = "PHONE";
  c.report(other);
  c.sort_findings();
  // Every error still counts against its item.
  EXPECT_EQ(item.errors, kMaxFindingsPerFile + extra);
  int listed = 0, limits = 0;
  for (const Finding& f : c.findings) {
    if (f.at.file != "departments/垃圾.xlsx") continue;
    if (f.rule == "FINDINGS-LIMIT") {
      ++limits;
      EXPECT_TRUE(f.at.cell.empty());
      EXPECT_NE(f.message.find("另有 " + std::to_string(extra) + " 个"), std::string::npos) << f.message;
    } else {
      ++listed;
    }
  }
  EXPECT_EQ(listed, kMaxFindingsPerFile);
  EXPECT_EQ(limits, 1);
  EXPECT_EQ(c.findings.size(), static_cast<size_t>(kMaxFindingsPerFile + 2));
}

}  // namespace
}  // namespace qd
