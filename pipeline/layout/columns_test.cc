#include "layout/columns.h"

#include <gtest/gtest.h>

#include <map>

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

// Thirteen blocks of 30 pt fill two columns of 100 pt three by three: three
// pages, the third holding one block. Balanced: still three pages, each
// with four or five blocks, no column with fewer than two.
TEST(Columns, BalancedSpreadsTheBlocksOverThePagesAndColumns) {
  std::vector<BlockSpec> blocks(13, BlockSpec{30, 0, false});
  const Columns c = two_columns();
  ColumnFlow full = flow_columns(blocks, c);
  ASSERT_EQ(full.pages, 3);
  EXPECT_EQ(full.placements.back().page, 2);
  EXPECT_EQ(full.placements.back().column, 0);
  ColumnFlow even = flow_balanced(blocks, c);
  EXPECT_FALSE(even.overflow);
  EXPECT_EQ(even.pages, 3);
  std::map<int, int> per_page;
  std::map<std::pair<int, int>, int> per_column;
  for (const Placement& p : even.placements) {
    ++per_page[p.page];
    ++per_column[{p.page, p.column}];
    EXPECT_GE(p.top - 30, c.bottom - 1e-9);
  }
  for (const auto& [page, n] : per_page) EXPECT_TRUE(n == 4 || n == 5) << page << ": " << n;
  EXPECT_EQ(per_column.size(), 6u);
  for (const auto& [at, n] : per_column) EXPECT_GE(n, 2) << at.first << "/" << at.second;
  // In order: pages and columns never go back.
  for (size_t i = 1; i < even.placements.size(); ++i) {
    const Placement& a = even.placements[i - 1];
    const Placement& b = even.placements[i];
    EXPECT_TRUE(b.page > a.page || (b.page == a.page && b.column >= a.column)) << i;
  }
  // A heading kept with the next block is not split from it.
  blocks[3].keep_with_next = true;
  ColumnFlow kept = flow_balanced(blocks, c);
  EXPECT_EQ(kept.placements[3].page, kept.placements[4].page);
  EXPECT_EQ(kept.placements[3].column, kept.placements[4].column);
  // One column: a heading and the lines of its paragraph (no space above a
  // line). No page ends with the heading and one line of it.
  Columns single = two_columns();
  single.count = 1;
  single.width = 100;
  for (int k = 0; k < 40; ++k) {
    std::vector<BlockSpec> lines;
    for (int i = 0; i < 7 + k % 5; ++i) lines.push_back(BlockSpec{20, 4, false});
    const size_t h = lines.size() - 1 - static_cast<size_t>(k % 3);
    lines[h] = BlockSpec{20, 6, true};
    for (size_t i = h + 1; i < lines.size(); ++i) lines[i].before = 0;
    ColumnFlow f = flow_balanced(lines, single);
    ASSERT_FALSE(f.overflow);
    if (h + 2 < lines.size()) {
      EXPECT_EQ(f.placements[h].page, f.placements[h + 1].page) << k;
      EXPECT_EQ(f.placements[h].page, f.placements[h + 2].page) << k;
    }
  }
// One page whose blocks fill one column and a bit: the two columns even.
  std::vector<BlockSpec> four(4, BlockSpec{30, 0, false});
  ColumnFlow one = flow_balanced(four, c);
  EXPECT_EQ(one.pages, 1);
  EXPECT_EQ(one.placements[1].column, 0);
  EXPECT_EQ(one.placements[2].column, 1);
  // Too tall a block: as flow_columns says.
  EXPECT_TRUE(flow_balanced({BlockSpec{150, 0, false}}, c).overflow);
}

}  // namespace
}  // namespace qd::layout
