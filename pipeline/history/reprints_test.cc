#include "history/reprints.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

// A registry in memory.
std::unique_ptr<Registry> memory_registry() {
  auto r = Registry::open(":memory:");
  EXPECT_TRUE(r.ok());
  return std::move(r.value());
}

const PrintedPart kPoster{"posters/大厅/01.pdf", "d1", kReprintPoster, "政务服务大厅"};
const PrintedPart kNotice{"notices/民政局/a.pdf", "d2", kReprintNotice, "民政局"};

TEST(Reprints, EverythingIsReprintedWhenNothingWasRecorded) {
  auto reg = memory_registry();
  auto list = reprints_since(*reg, {kPoster, kNotice});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].kind, kReprintPoster);
  EXPECT_EQ(list[0].path, kPoster.id);
  EXPECT_EQ(list[0].where, "政务服务大厅");
}

TEST(Reprints, OnlyPartsMadeFromSomethingElseAreReprinted) {
  auto reg = memory_registry();
  ASSERT_TRUE(record_printed_parts(*reg, {kPoster, kNotice}).ok());
  PrintedPart changed = kNotice;
  changed.made_from = "d3";
  PrintedPart added{"notices/民政局/b.pdf", "d4", kReprintNotice, "民政局"};
  auto list = reprints_since(*reg, {kPoster, changed, added});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].path, changed.id);
  EXPECT_EQ(list[1].path, added.id);
  EXPECT_TRUE(reprints_since(*reg, {kPoster, kNotice}).empty());
}

}  // namespace
}  // namespace qd
