#include "history/history.h"

#include <gtest/gtest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>

#include "model/item_json.h"
#include "writers/posters/poster.h"

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

  // The history stage as the build runs it: with the posters' fields.
  Result<bool> apply(Catalog& c) { return apply_history(c, *reg_, poster_fields); }

  // The registry's published record of an item.
  PublishedRecord record(const std::string& code) {
    for (PublishedRecord& r : reg_->published_items())
      if (r.impl_code == code) return r;
    return {};
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
  ASSERT_TRUE(apply(c).ok());
  EXPECT_EQ(c.changes.size(), 3u);
  for (const ItemChange& ch : c.changes) EXPECT_EQ(ch.kind, ItemChange::Kind::Added);
  for (const Item& it : c.items) EXPECT_EQ(it.version, (Date{2017, 9, 30}));
  EXPECT_EQ(reg_->published_items().size(), 3u);
  EXPECT_TRUE(c.failed_departments.empty());
}

TEST_F(HistoryTest, UnchangedContentKeepsItsVersionAndReportsNoChange) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply(c1).ok());
  Catalog c2 = night("2017-10-01");
  ASSERT_TRUE(apply(c2).ok());
  EXPECT_TRUE(c2.changes.empty());
  for (const Item& it : c2.items) EXPECT_EQ(it.version, (Date{2017, 9, 30}));
  EXPECT_EQ(c2.version(), (Date{2017, 9, 30}));
}

TEST_F(HistoryTest, ApprovedChangeIsPublishedWithTheChangedFields) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply(c1).ok());
  Catalog c2 = night("2017-10-10", "2017-10-09");
  find(c2, "D2", false)->field(El::PromisedLimit).text = "3个工作日";
  ASSERT_TRUE(apply(c2).ok());
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
  // 承诺时限 is on the poster's card: the poster version moves too.
  EXPECT_EQ(find(c2, "D2", false)->poster_version, (Date{2017, 10, 10}));
  EXPECT_EQ(find(c2, "D1", false)->poster_version, (Date{2017, 9, 30}));
  EXPECT_EQ(c2.version_of(c2.published("县民政局")), (Date{2017, 10, 10}));
  EXPECT_EQ(c2.version_of(c2.published("县财政局")), (Date{2017, 9, 30}));
}

TEST_F(HistoryTest, UnapprovedChangeKeepsTheApprovedVersionPublished) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply(c1).ok());
  Catalog c2 = night("2017-10-10");  // same old decision
  find(c2, "D2", false)->field(El::PromisedLimit).text = "3个工作日";
  ASSERT_TRUE(apply(c2).ok());
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
  ASSERT_TRUE(apply(c1).ok());
  Catalog c2 = night("2017-10-01");
  std::erase_if(c2.items, [](const Item& it) { return it.department == "县民政局"; });
  c2.submissions[0].readable = false;
  ASSERT_TRUE(apply(c2).ok());
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
  ASSERT_TRUE(apply(c1).ok());
  Catalog c2 = night("2017-10-01");
  find(c2, "F1", false)->state = ItemState::Rejected;
  ASSERT_TRUE(apply(c2).ok());
  EXPECT_EQ(c2.failed_departments, std::vector<std::string>{"县财政局"});
  ASSERT_NE(find(c2, "F1", true), nullptr);
  EXPECT_EQ(c2.published("县财政局").size(), 1u);
}

TEST_F(HistoryTest, ANightWithoutChangesShowsTheCurrentVersionsChangeLog) {
  Catalog c1 = night("2017-09-30");
  auto fresh = apply(c1);
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(fresh.value());
  c1.reprints = {{"办事指南", "guides/县民政局.pdf", "县民政局"}};
  ASSERT_TRUE(save_change_log(c1, *reg_).ok());
  Catalog c2 = night("2017-10-01");
  auto again = apply(c2);
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
  ASSERT_TRUE(apply(c1).ok());
  Catalog c2 = night("2017-10-01");
  find(c2, "D1", false)->state = ItemState::Retired;
  ASSERT_TRUE(apply(c2).ok());
  ASSERT_EQ(c2.changes.size(), 1u);
  EXPECT_EQ(c2.changes[0].kind, ItemChange::Kind::Retired);
  EXPECT_EQ(find(c2, "D1", true), nullptr);
  EXPECT_EQ(reg_->published_items().size(), 2u);
}

TEST_F(HistoryTest, FirstNightGivesEveryItemTonightsPosterVersion) {
  Catalog c = night("2017-09-30");
  ASSERT_TRUE(apply(c).ok());
  for (const Item& it : c.items) EXPECT_EQ(it.poster_version, (Date{2017, 9, 30}));
  EXPECT_EQ(record("D1").poster_version, "2017-09-30");
}

TEST_F(HistoryTest, PosterVersionStaysWhenOnlyTheConditionsChange) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply(c1).ok());
  Catalog c2 = night("2017-10-10", "2017-10-09");
  find(c2, "D2", false)->field(El::Conditions).text = "年满18周岁";
  ASSERT_TRUE(apply(c2).ok());
  ASSERT_EQ(c2.changes.size(), 1u);  // a change of the list all the same
  const Item* d2 = find(c2, "D2", false);
  EXPECT_EQ(d2->version, (Date{2017, 10, 10}));
  EXPECT_EQ(d2->poster_version, (Date{2017, 9, 30}));
  EXPECT_EQ(record("D2").version, "2017-10-10");
  EXPECT_EQ(record("D2").poster_version, "2017-09-30");
  // The night after, unchanged: both stay.
  Catalog c3 = night("2017-10-11", "2017-10-09");
  find(c3, "D2", false)->field(El::Conditions).text = "年满18周岁";
  ASSERT_TRUE(apply(c3).ok());
  EXPECT_TRUE(c3.changes.empty());
  EXPECT_EQ(find(c3, "D2", false)->version, (Date{2017, 10, 10}));
  EXPECT_EQ(find(c3, "D2", false)->poster_version, (Date{2017, 9, 30}));
}

TEST_F(HistoryTest, PosterVersionMovesWhenTheNameOrAPhoneChanges) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply(c1).ok());
  Catalog c2 = night("2017-10-10", "2017-10-09");
  find(c2, "D1", false)->field(El::Name).text = "结婚登记";
  find(c2, "D2", false)->field(El::ConsultPhone).text = "0313-6521234";
  find(c2, "F1", false)->field(El::ComplaintPhone).text = "0313-6520000";
  ASSERT_TRUE(apply(c2).ok());
  EXPECT_EQ(c2.changes.size(), 3u);
  for (const char* code : {"D1", "D2", "F1"}) {
    SCOPED_TRACE(code);
    EXPECT_EQ(find(c2, code, false)->poster_version, (Date{2017, 10, 10}));
    EXPECT_EQ(record(code).poster_version, "2017-10-10");
  }
}

TEST_F(HistoryTest, CarriedOverItemsKeepTheirPosterVersion) {
  Catalog c1 = night("2017-09-30");
  ASSERT_TRUE(apply(c1).ok());
  // Night 2: D1's conditions change (poster version stays 09-30), F1's
  // name changes (poster version 10-10).
  Catalog c2 = night("2017-10-10", "2017-10-09");
  find(c2, "D1", false)->field(El::Conditions).text = "年满18周岁";
  find(c2, "F1", false)->field(El::Name).text = "会计资格认定";
  ASSERT_TRUE(apply(c2).ok());
  // Night 3: the 民政局 workbook cannot be read; F1 changes its phone
  // without a newer approval. All three are carried over.
  Catalog c3 = night("2017-10-12", "2017-10-09");
  std::erase_if(c3.items, [](const Item& it) { return it.department == "县民政局"; });
  c3.submissions[0].readable = false;
  find(c3, "F1", false)->field(El::Name).text = "会计资格认定";
  find(c3, "F1", false)->field(El::ConsultPhone).text = "0313-6521234";
  ASSERT_TRUE(apply(c3).ok());
  const Item* d1 = find(c3, "D1", true);
  const Item* d2 = find(c3, "D2", true);
  const Item* f1 = find(c3, "F1", true);
  ASSERT_TRUE(d1 && d2 && f1);
  EXPECT_EQ(d1->version, (Date{2017, 10, 10}));
  EXPECT_EQ(d1->poster_version, (Date{2017, 9, 30}));
  EXPECT_EQ(d2->poster_version, (Date{2017, 9, 30}));
  EXPECT_EQ(f1->get(El::ConsultPhone), "");
  EXPECT_EQ(f1->poster_version, (Date{2017, 10, 10}));
  EXPECT_EQ(record("F1").poster_version, "2017-10-10");
}

// A registry written before poster versions (schema 1, no poster_version
// column) opens, is migrated, and each item's poster version is its version.
TEST_F(HistoryTest, ARegistryWithoutPosterVersionsOpensAndUsesTheVersion) {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() /
                        ("qd-history-migration-" + std::to_string(::getpid()) + ".sqlite");
  fs::remove(path);
  Item item;
  item.department = "县民政局";
  item.field(El::Name).text = "婚姻登记";
  item.field(El::ImplCode).text = "D1";
  item.field(El::PromisedLimit).text = "5个工作日";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string sql =
        "CREATE TABLE schema_version(version INTEGER NOT NULL);"
        "INSERT INTO schema_version VALUES (1);"
        "CREATE TABLE published_items(impl_code TEXT PRIMARY KEY, department TEXT NOT NULL,"
        " name TEXT NOT NULL, content TEXT NOT NULL, version TEXT NOT NULL,"
        " approved TEXT NOT NULL DEFAULT '');"
        "INSERT INTO published_items VALUES ('D1', '县民政局', '婚姻登记', '" +
        item_content_json(item) + "', '2017-09-20', '2017-09-19');";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_close(db);
  }
  {
    auto reg = Registry::open(path.string());
    ASSERT_TRUE(reg.ok()) << reg.error().message;
    auto all = reg.value()->published_items();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].poster_version, "2017-09-20");
    // A night that changes only the conditions keeps it.
    decisions_.push_back({});
    parse_date("2017-10-09", &decisions_.back().date);
    Catalog c;
    parse_date("2017-10-10", &c.build_date);
    c.settings.departments = {{"县民政局", "", "", "01"}};
    c.submissions.push_back({"县民政局", "", true});
    item.field(El::Conditions).text = "年满18周岁";
    item.state = ItemState::Published;
    item.decision = &decisions_.back();
    c.items.push_back(item);
    ASSERT_TRUE(reg.value()->begin().ok());
    ASSERT_TRUE(apply_history(c, *reg.value(), poster_fields).ok());
    ASSERT_TRUE(reg.value()->commit().ok());
    EXPECT_EQ(c.items[0].version, (Date{2017, 10, 10}));
    EXPECT_EQ(c.items[0].poster_version, (Date{2017, 9, 20}));
  }
  {
    // Opened again (already migrated): the saved poster version is there.
    auto reg = Registry::open(path.string());
    ASSERT_TRUE(reg.ok()) << reg.error().message;
    auto all = reg.value()->published_items();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].version, "2017-10-10");
    EXPECT_EQ(all[0].poster_version, "2017-09-20");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

}  // namespace
}  // namespace qd
