#include "typeset/title.h"

#include <gtest/gtest.h>

#include <cmath>

#include "base/text.h"
#include "typeset/fake_metrics.h"

namespace qd::ts {
namespace {

const testing::FakeMetrics kMetrics;

// 2号 (22 pt) title in the 156 mm type area.
ParagraphStyle title_style() {
  ParagraphStyle st;
  st.size = 22;
  st.width = 442.2;  // 20 characters of 22 pt
  return st;
}

TEST(Title, ShortTitleIsOneCentredLine) {
  const auto st = title_style();
  const auto lines = layout_title("办事指南", kMetrics, st);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NEAR(lines[0].glyphs[0].x, (442.2 - 88) / 2, 1e-9);
  EXPECT_TRUE(lines[0].last);
}

TEST(Title, TwoLinesAreBalancedNotLongAndStub) {
  const auto st = title_style();
  const std::string title = "涿鹿县行政审批局关于公布政务服务事项实施清单的通知";  // 25 chars
  // Greedy filling would give 20 + 5.
  ParagraphStyle greedy = st;
  greedy.indent = 0;
  greedy.justify = false;
  ASSERT_EQ(layout_paragraph(title, kMetrics, greedy)[0].glyphs.size(), 20u);
  const auto lines = layout_title(title, kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(utf8_encode(lines[0].text() + lines[1].text()), title);
  EXPECT_LE(std::abs(static_cast<double>(lines[0].glyphs.size()) -
                     static_cast<double>(lines[1].glyphs.size())), 1.0);
  for (const Line& l : lines) {
    const double left = l.glyphs.front().x;
    const double right = 442.2 - (l.glyphs.back().x + l.glyphs.back().advance);
    EXPECT_NEAR(left, right, 1e-6);  // centred
    EXPECT_GT(left, 0);
  }
}

TEST(Title, ThreeLinesBalanced) {
  auto st = title_style();
  st.width = 10 * 22;
  const std::string title = "关于印发涿鹿县政务服务事项实施清单（2024年版）的通知";
  const auto lines = layout_title(title, kMetrics, st);
  ASSERT_EQ(lines.size(), 3u);
  double lo = 1e9, hi = 0;
  for (const Line& l : lines) {
    lo = std::min(lo, l.natural_width);
    hi = std::max(hi, l.natural_width);
    for (const Glyph& g : l.glyphs) EXPECT_LE(g.x + g.advance, st.width + 0.01);
  }
  EXPECT_LE(hi - lo, 2.5 * 22);
  // 禁则 hold in titles too.
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_FALSE(no_line_start(lines[i].text()[0], true));
    EXPECT_FALSE(no_line_end(lines[i - 1].text().back()));
  }
}

TEST(Title, BalancedWidthNeverWiderThanTheBox) {
  const auto st = title_style();
  const std::u32string t = utf8_decode("涿鹿县行政审批局关于公布政务服务事项实施清单的通知");
  const double w = balanced_width(t, kMetrics, st);
  EXPECT_LE(w, st.width);
  EXPECT_GE(w, 12.5 * 22 - 0.1);
}

}  // namespace
}  // namespace qd::ts
