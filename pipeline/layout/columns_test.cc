#include "layout/columns.h"

#include <gtest/gtest.h>

namespace qd::layout {
namespace {

Columns two_columns() {
  Columns c;
  c.x0 = 10;
  c.width = 210;
  c.count = 2;
  c.gap = 10;
  c.top = 500;
  c.bottom = 400;  // 100 pt high
  return c;
}

TEST(Columns, GeometryOfEqualColumns) {
  Columns c = two_columns();
  EXPECT_DOUBLE_EQ(c.column_width(), 100);
  EXPECT_DOUBLE_EQ(c.column_x(1), 120);
  EXPECT_DOUBLE_EQ(c.height(), 100);
}

TEST(Columns, FillsDownThenAcrossThenOntoANewPage) {
  std::vector<BlockSpec> blocks(5, BlockSpec{40, 5, false});
  ColumnFlow f = flow_columns(blocks, two_columns());
  ASSERT_EQ(f.placements.size(), 5u);
  EXPECT_FALSE(f.overflow);
  EXPECT_EQ(f.pages, 2);
  // Column 1: 0–40, 45–85; column 2 likewise; then page 2.
  EXPECT_EQ(f.placements[0].column, 0);
  EXPECT_DOUBLE_EQ(f.placements[0].top, 500);
  EXPECT_DOUBLE_EQ(f.placements[1].top, 455);
  EXPECT_EQ(f.placements[2].column, 1);
  EXPECT_DOUBLE_EQ(f.placements[2].x, 120);
  EXPECT_DOUBLE_EQ(f.placements[2].top, 500);  // space above dropped at a column top
  EXPECT_EQ(f.placements[4].page, 1);
  EXPECT_EQ(f.placements[4].column, 0);
}

TEST(Columns, KeepsAHeadingWithTheBlockAfterIt) {
  std::vector<BlockSpec> blocks = {{60, 0, false}, {20, 0, true}, {30, 0, false}};
  ColumnFlow f = flow_columns(blocks, two_columns());
  // The heading would fit under the first block (60 + 20), its block not.
  EXPECT_EQ(f.placements[1].column, 1);
  EXPECT_EQ(f.placements[2].column, 1);
  EXPECT_DOUBLE_EQ(f.placements[2].top, 480);
}

TEST(Columns, KeepsAHeadingWithTwoLinesOfItsParagraph) {
  // A notice sets a paragraph one block per line, with no space above the
  // lines after the first. The heading and one line would fit under the
  // first block (70 + 5 + 12 + 10), two lines not: all go to column 2.
  std::vector<BlockSpec> blocks = {{70, 0, false}, {12, 5, true}, {10, 0, false},
                                   {10, 0, false}, {10, 0, false}};
  ColumnFlow f = flow_columns(blocks, two_columns());
  EXPECT_EQ(f.placements[1].column, 1);
  EXPECT_DOUBLE_EQ(f.placements[1].top, 500);
  EXPECT_EQ(f.placements[2].column, 1);
  EXPECT_EQ(f.placements[3].column, 1);
  // The third line is not kept: it still follows in the same column.
  EXPECT_EQ(f.placements[4].column, 1);
}

TEST(Columns, HeadingBeforeABlockOfItsOwnKeepsOnlyThatBlock) {
  // Blocks with space above are blocks of their own (a poster's item
  // cards): the heading needs only the first.
  std::vector<BlockSpec> blocks = {{60, 0, false}, {12, 5, true}, {10, 5, false}, {10, 5, false}};
  ColumnFlow f = flow_columns(blocks, two_columns());
  EXPECT_EQ(f.placements[1].column, 0);
  EXPECT_EQ(f.placements[2].column, 0);
  EXPECT_EQ(f.placements[3].column, 1);
}

TEST(Columns, ReportsABlockTallerThanAColumn) {
  ColumnFlow f = flow_columns({{10, 0, false}, {150, 0, false}}, two_columns());
  EXPECT_TRUE(f.overflow);
  EXPECT_EQ(f.placements[1].column, 1);  // at a column top, not after the first block
  EXPECT_FALSE(flow_columns({{100, 0, false}}, two_columns()).overflow);
}

TEST(Columns, NoBlocksNoPages) {
  EXPECT_EQ(flow_columns({}, two_columns()).pages, 0);
}

}  // namespace
}  // namespace qd::layout
