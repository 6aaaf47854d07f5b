#include "merge/merge.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

// A catalog with one registered department and items named `names`.
Catalog make(std::initializer_list<const char*> names) {
  Catalog c;
  c.settings.departments = {{"县民政局", "民政局", "11440232MB2D06811W", "07"}};
  for (const char* n : names) {
    Item it;
    it.department = "县民政局";
    it.field(El::Name).text = n;
    c.items.push_back(it);
  }
  return c;
}

// A decision about item `name`.
Decision decide(const char* name, const char* verdict, const char* unit, Date date) {
  Decision d;
  d.department = "县民政局";
  d.item = name;
  d.verdict = verdict;
  d.unit = unit;
  d.date = date;
  d.at = Place{"review/x.xlsx", "审核意见", "C2"};
  return d;
}

TEST(Merge, LatestDecisionWins) {
  Catalog c = make({"甲", "乙"});
  c.decisions = {decide("甲", "退回", "审改办", {2017, 9, 1}), decide("甲", "通过", "审改办", {2017, 9, 5}),
                 decide("乙", "通过", "审改办", {2017, 9, 1}), decide("乙", "退回", "行政审批局", {2017, 9, 6})};
  merge(c);
  EXPECT_EQ(c.items[0].state, ItemState::Published);
  EXPECT_EQ(c.items[1].state, ItemState::Rejected);
}

TEST(Merge, LegalOfficeReturnBlocksALaterApproval) {
  Catalog c = make({"甲"});
  c.decisions = {decide("甲", "退回", "法制办", {2017, 9, 2}), decide("甲", "通过", "审改办", {2017, 9, 9})};
  merge(c);
  EXPECT_EQ(c.items[0].state, ItemState::Rejected);
}

TEST(Merge, ErrorsNoDecisionCancelAndUnregistered) {
  Catalog c = make({"甲", "乙", "丙", "丁"});
  c.items[0].errors = 1;
  c.items[3].department = "县未登记局";
  c.decisions = {decide("甲", "通过", "审改办", {2017, 9, 2}), decide("丙", "取消", "审改办", {2017, 9, 2})};
  Decision d = decide("丁", "通过", "审改办", {2017, 9, 2});
  d.department = "县未登记局";
  c.decisions.push_back(d);
  merge(c);
  EXPECT_EQ(c.items[0].state, ItemState::Rejected);
  EXPECT_EQ(c.items[1].state, ItemState::Pending);
  EXPECT_EQ(c.items[2].state, ItemState::Retired);
  EXPECT_EQ(c.items[3].state, ItemState::Rejected);
}

TEST(Merge, DecisionForAnUnknownItemIsReported) {
  Catalog c = make({"甲"});
  c.decisions = {decide("无此事项", "通过", "审改办", {2017, 9, 2})};
  merge(c);
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].rule, "DECISION-ORPHAN");
  EXPECT_EQ(c.findings[0].at.cell, "C2");
}

TEST(Merge, PublicationOrderPutsMainItemsFirst) {
  Catalog c = make({"食品经营许可（新办）", "食品经营许可"});
  c.items[0].field(El::Parent).text = "食品经营许可";
  for (Item& it : c.items) it.state = ItemState::Published;
  auto order = publication_order(c);
  ASSERT_EQ(order.size(), 2u);
  EXPECT_EQ(order[0]->get(El::Name), "食品经营许可");
}

}  // namespace
}  // namespace qd
