#include "writers/writer.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

TEST(Writers, TableHasTheXlsxOutputs) {
  ASSERT_NE(find_writer("lists"), nullptr);
  ASSERT_NE(find_writer("review"), nullptr);
  ASSERT_NE(find_writer("forms"), nullptr);
  EXPECT_TRUE(find_writer("lists")->in_build);
  EXPECT_TRUE(find_writer("review")->in_build);
  EXPECT_TRUE(find_writer("forms")->in_build);
  EXPECT_EQ(find_writer("nope"), nullptr);
  // The leaders' report appends the county booklet the guides writer wrote.
  ASSERT_NE(find_writer("leaders"), nullptr);
  EXPECT_GT(find_writer("leaders"), find_writer("guides"));
  EXPECT_TRUE(find_writer("leaders")->in_build);
  for (const WriterInfo& w : writers()) {
    EXPECT_NE(w.write, nullptr) << w.name;
    EXPECT_FALSE(w.summary.empty()) << w.name;
  }
}

}  // namespace
}  // namespace qd
