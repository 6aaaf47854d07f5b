#include "codes/assign.h"

#include <gtest/gtest.h>

#include "model/elements.h"

namespace qd {
namespace {

const std::string kDept = "某某县市场监督管理局";
const std::string kOther = "某某县卫生健康局";

// A catalog with two registered departments and no items.
Catalog county() {
  Catalog c;
  c.build_date = Date{2017, 9, 30};
  c.settings.region_code = "13";
  c.settings.level_code = "4";
  c.settings.departments = {{kDept, "市场监管局", "11130731421398512J", "19"},
                            {kOther, "卫健局", "11130731418256644T", "16"}};
  return c;
}

// The credit code of the departments above.
std::string c_agency(const std::string& dept) {
  return dept == kDept ? "11130731421398512J" : "11130731418256644T";
}

// An approved item of a department, at row `row` of its workbook.
Item item(const std::string& dept, const std::string& name, int row, const std::string& impl = "") {
  Item it;
  it.department = dept;
  it.file = "departments/" + dept + ".xlsx";
  it.at = Place{it.file, "实施清单", "A" + std::to_string(row)};
  it.field(El::Name).text = name;
  it.field(El::Type).text = "行政许可";
  it.field(El::Level).text = "县级";
  it.field(El::AgencyCode).text = c_agency(dept);
  it.field(El::ImplCode) = Field{impl, Place{it.file, "实施清单", "D" + std::to_string(row)}};
  it.state = ItemState::Published;
  return it;
}

// Runs the codes stage on a fresh catalog of `items` against `reg`.
Catalog night(Registry& reg, std::vector<Item> items, int day) {
  Catalog c = county();
  c.build_date = Date{2017, 9, day};
  c.items = std::move(items);
  EXPECT_TRUE(reg.begin().ok());
  Status s = assign_codes(c, reg);
  EXPECT_TRUE(s.ok()) << s.error().str();
  EXPECT_TRUE(reg.commit().ok());
  return c;
}

TEST(AssignCodes, ARowCarryingAnotherItemsCodeIsRejectedAtItsCell) {
  auto reg = Registry::open(":memory:");
  ASSERT_TRUE(reg.ok());
  Catalog first = night(**reg, {item(kDept, "食品经营许可", 3), item(kDept, "药品零售许可", 4)}, 29);
  const std::string food = first.items[0].get(El::ImplCode), drugs = first.items[1].get(El::ImplCode);
  ASSERT_FALSE(food.empty());

  // The next night a clerk copies the first row's code into the second row,
  // and a third row of another department carries it too.
  Catalog c = night(**reg,
                    {item(kDept, "食品经营许可", 3), item(kDept, "药品零售许可", 4, food),
                     item(kOther, "医疗机构执业登记", 5, food)},
                    30);
  EXPECT_EQ(c.items[0].state, ItemState::Published);
  EXPECT_EQ(c.items[0].get(El::ImplCode), food);
  EXPECT_EQ(c.items[1].state, ItemState::Rejected);
  EXPECT_EQ(c.items[2].state, ItemState::Rejected);
  int conflicts = 0;
  for (const Finding& f : c.findings) {
    ASSERT_EQ(f.rule, "CODE-CONFLICT") << f.message;
    ++conflicts;
    EXPECT_NE(f.message.find("食品经营许可"), std::string::npos) << f.message;
    EXPECT_EQ(f.at.cell, f.item == "药品零售许可" ? "D4" : "D5") << f.message;
  }
  EXPECT_EQ(conflicts, 2);
  EXPECT_EQ((*reg)->find(food)->name, "食品经营许可");
  EXPECT_EQ((*reg)->find(drugs)->name, "药品零售许可");
}

TEST(AssignCodes, TwoNewRowsWithOneCodeGiveItToTheFirstOnly) {
  auto reg = Registry::open(":memory:");
  ASSERT_TRUE(reg.ok());
  const std::string code = "11130731421398512J4000117051000";
  Catalog c = night(**reg, {item(kDept, "食品生产许可", 3, code), item(kDept, "食品生产许可变更", 4, code)}, 30);
  EXPECT_EQ(c.items[0].state, ItemState::Published);
  EXPECT_EQ(c.items[1].state, ItemState::Rejected);
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].rule, "CODE-CONFLICT");
  EXPECT_NE(c.findings[0].message.find("食品生产许可"), std::string::npos);
  EXPECT_EQ(c.findings[0].at.cell, "D4");
  EXPECT_EQ((*reg)->find(code)->name, "食品生产许可");
}

TEST(AssignCodes, ARenamedItemKeepsItsCode) {
  auto reg = Registry::open(":memory:");
  ASSERT_TRUE(reg.ok());
  Catalog first = night(**reg, {item(kDept, "食品经营许可", 3)}, 29);
  const std::string code = first.items[0].get(El::ImplCode);
  Catalog c = night(**reg, {item(kDept, "食品经营许可（含备案）", 3, code)}, 30);
  EXPECT_EQ(c.items[0].state, ItemState::Published);
  EXPECT_TRUE(c.items[0].renamed);
  EXPECT_EQ(c.items[0].get(El::ImplCode), code);
  EXPECT_TRUE(c.findings.empty());
}

}  // namespace
}  // namespace qd
