#include "history/history.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>

namespace qd {
namespace {

// A county of two departments whose published items the nights share.
class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = Registry::open(":memory:");
    ASSERT_TRUE(r.ok());
    reg_ = std::move(r.value());
  }

  // A catalog for the night of `date`: every item published with a decision
  // dated `approved`.
  Catalog night(const std::string& date, const std::string& approved = "2017-09-25") {
    Catalog c;
    parse_date(date, &c.build_date);
    c.settings.departments = {{"县民政局", "", "", "01"}, {"县财政局", "", "", "02"}};
    decisions_.push_back({});
    parse_date(approved, &decisions_.back().date);
    add(c, "县民政局", "婚姻登记", "D1");
    add(c, "县民政局", "低保审批", "D2");
    add(c, "县财政局", "会计资格", "F1");
    for (const char* d : {"县民政局", "县财政局"}) c.submissions.push_back({d, "", true});
    return c;
  }

  void add(Catalog& c, const std::string& dept, const std::string& name, const std::string& code) {
    Item it;
    it.department = dept;
    it.field(El::Name).text = name;
    it.field(El::ImplCode).text = code;
    it.field(El::PromisedLimit).text = "5个工作日";
    it.state = ItemState::Published;
    it.decision = &decisions_.back();
    c.items.push_back(it);
  }

  Item* find(Catalog& c, const std::string& code, bool carried) {
    for (Item& it : c.items)
      if (it.get(El::ImplCode) == code && it.carried_over == carried) return &it;
    return nullptr;
  }

  int count_rule(const Catalog& c, const std::string& rule) {
    return static_cast<int>(std::count_if(c.findings.begin(), c.findings.end(),
                                          [&](const Finding& f) { return f.rule == rule; }));
  }

  std::unique_ptr<Registry> reg_;
  std::deque<Decision> decisions_;
};

TEST_F(HistoryTest, FirstNightAddsEverythingWithTonightsVersion) {
  Catalog c = night("2017-09-30");
  ASSERT_TRUE(apply_history(c, *reg_).ok());
  EXPECT_EQ(c.changes.size(), 3u);
  for (const ItemChange& ch : c.changes) EXPECT_EQ(ch.kind, ItemChange::Kind::Added);
  for (const Item& it : c.items) EXPECT_EQ(it.version, (Date{2017, 9, 30}));
  EXPECT_EQ(reg_->published_items().size(), 3u);
  EXPECT_TRUE(c.failed_departments.empty());
}

TEST_F(HistoryTest, UnchangedContentKeepsItsVersionAndReportsNoChange) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply_history(c1, *reg_).ok());
  Catalog c2 = night("2017-10-01");
  ASSERT_TRUE(apply_history(c2, *reg_).ok());
  EXPECT_TRUE(c2.changes.empty());
  for (const Item& it : c2.items) EXPECT_EQ(it.version, (Date{2017, 9, 30}));
  EXPECT_EQ(c2.version(), (Date{2017, 9, 30}));
}

TEST_F(HistoryTest, ApprovedChangeIsPublishedWithTheChangedFields) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply_history(c1, *reg_).ok());
  Catalog c2 = night("2017-10-10", "2017-10-09");
  find(c2, "D2", false)->field(El::PromisedLimit).text = "3个工作日";
  ASSERT_TRUE(apply_history(c2, *reg_).ok());
  ASSERT_EQ(c2.changes.size(), 1u);
  const ItemChange& ch = c2.changes[0];
  EXPECT_EQ(ch.kind, ItemChange::Kind::Changed);
  EXPECT_EQ(ch.impl_code, "D2");
  ASSERT_EQ(ch.fields.size(), 1u);
  EXPECT_EQ(ch.fields[0].label, "承诺办结时限");
  EXPECT_EQ(ch.fields[0].before, "5个工作日");
  EXPECT_EQ(ch.fields[0].after, "3个工作日");
  EXPECT_EQ(find(c2, "D2", false)->version, (Date{2017, 10, 10}));
  EXPECT_EQ(find(c2, "D1", false)->version, (Date{2017, 9, 30}));
  EXPECT_EQ(c2.version_of(c2.published("县民政局")), (Date{2017, 10, 10}));
  EXPECT_EQ(c2.version_of(c2.published("县财政局")), (Date{2017, 9, 30}));
}

TEST_F(HistoryTest, UnapprovedChangeKeepsTheApprovedVersionPublished) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply_history(c1, *reg_).ok());
  Catalog c2 = night("2017-10-10");  // same old decision
  find(c2, "D2", false)->field(El::PromisedLimit).text = "3个工作日";
  ASSERT_TRUE(apply_history(c2, *reg_).ok());
  EXPECT_TRUE(c2.changes.empty());
  EXPECT_EQ(find(c2, "D2", false)->state, ItemState::Pending);
  Item* kept = find(c2, "D2", true);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->state, ItemState::Published);
  EXPECT_EQ(kept->get(El::PromisedLimit), "5个工作日");
  EXPECT_EQ(kept->version, (Date{2017, 9, 30}));
  EXPECT_EQ(count_rule(c2, "CONTENT-UNAPPROVED"), 1);
  EXPECT_EQ(count_rule(c2, "CARRIED-OVER"), 1);
  EXPECT_EQ(c2.published("县民政局").size(), 2u);
}

TEST_F(HistoryTest, UnreadableDepartmentKeepsItsLastPublishedItems) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply_history(c1, *reg_).ok());
  Catalog c2 = night("2017-10-01");
  std::erase_if(c2.items, [](const Item& it) { return it.department == "县民政局"; });
  c2.submissions[0].readable = false;
  ASSERT_TRUE(apply_history(c2, *reg_).ok());
  ASSERT_EQ(c2.failed_departments, std::vector<std::string>{"县民政局"});
  auto kept = c2.published("县民政局");
  ASSERT_EQ(kept.size(), 2u);
  for (const Item* it : kept) EXPECT_TRUE(it->carried_over);
  EXPECT_EQ(count_rule(c2, "CARRIED-OVER"), 2);
  EXPECT_NE(c2.findings[0].message.find("无法读取"), std::string::npos);
  EXPECT_TRUE(c2.changes.empty());
  // The registry still holds them for the night after.
  EXPECT_EQ(reg_->published_items().size(), 3u);
}

TEST_F(HistoryTest, DepartmentWhoseItemsAllFailIsFailedAndKept) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply_history(c1, *reg_).ok());
  Catalog c2 = night("2017-10-01");
  find(c2, "F1", false)->state = ItemState::Rejected;
  ASSERT_TRUE(apply_history(c2, *reg_).ok());
  EXPECT_EQ(c2.failed_departments, std::vector<std::string>{"县财政局"});
  ASSERT_NE(find(c2, "F1", true), nullptr);
  EXPECT_EQ(c2.published("县财政局").size(), 1u);
}

TEST_F(HistoryTest, ANightWithoutChangesShowsTheCurrentVersionsChangeLog) {
  Catalog c1 = night("2017-09-30");
  auto fresh = apply_history(c1, *reg_);
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(fresh.value());
  c1.reprints = {{"办事指南", "guides/县民政局.pdf", "县民政局"}};
  ASSERT_TRUE(save_change_log(c1, *reg_).ok());
  Catalog c2 = night("2017-10-01");
  auto again = apply_history(c2, *reg_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.value());
  EXPECT_EQ(c2.changes_version, (Date{2017, 9, 30}));
  ASSERT_EQ(c2.changes.size(), 3u);
  EXPECT_EQ(c2.changes[0].kind, ItemChange::Kind::Added);
  ASSERT_EQ(c2.reprints.size(), 1u);
  EXPECT_EQ(c2.reprints[0].path, "guides/县民政局.pdf");
}

TEST_F(HistoryTest, RetiredItemLeavesThePublishedList) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply_history(c1, *reg_).ok());
  Catalog c2 = night("2017-10-01");
  find(c2, "D1", false)->state = ItemState::Retired;
  ASSERT_TRUE(apply_history(c2, *reg_).ok());
  ASSERT_EQ(c2.changes.size(), 1u);
  EXPECT_EQ(c2.changes[0].kind, ItemChange::Kind::Retired);
  EXPECT_EQ(find(c2, "D1", true), nullptr);
  EXPECT_EQ(reg_->published_items().size(), 2u);
}

}  // namespace
}  // namespace qd
