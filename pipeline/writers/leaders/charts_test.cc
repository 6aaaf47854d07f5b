// Charts of the leaders' report: every label inside its box, no two labels
// on top of each other, bars to scale, every character drawable.
#include "writers/leaders/charts.h"

#include <gtest/gtest.h>

#include <set>

#include "base/text.h"
#include "layout/flow.h"
#include "print/fonts.h"

namespace qd {
namespace {

const std::string kFonts = std::string(QD_SOURCE_DIR) + "/fonts/fonts.toml";

const layout::Fonts& fonts() {
  static layout::Fonts f = [] {
    auto lib = print::fonts(kFonts);
    if (!lib.ok()) {
      ADD_FAILURE() << lib.error().str();
      std::abort();
    }
    return print::metrics(*lib.value());
  }();
  return f;
}

// The inked box of a text: [x0, x1] × [y0, y1].
struct Box {
  double x0, x1, y0, y1;
};
Box ink(const ChartText& t) { return {t.x, t.x + t.width, t.y - 0.12 * t.size, t.y + 0.88 * t.size}; }

bool overlap(const Box& a, const Box& b) {
  const double e = 0.01;
  return a.x0 < b.x1 - e && b.x0 < a.x1 - e && a.y0 < b.y1 - e && b.y0 < a.y1 - e;
}

// Every label fits its box and the chart, no two overlap, every character
// has a font, bars stay inside the chart.
void check_chart(const Chart& c, const std::string& what) {
  for (const ChartText& t : c.texts) {
    const double w = layout::set_line(t.text, *fonts()[static_cast<size_t>(t.role)], t.size).width;
    EXPECT_NEAR(w, t.width, 0.01) << what << ": " << t.text;
    EXPECT_GE(t.x, t.box_x0 - 0.01) << what << ": " << t.text;
    EXPECT_LE(t.x + t.width, t.box_x1 + 0.01) << what << ": " << t.text << " is " << t.width
                                              << " pt in a box of " << t.box_x1 - t.box_x0;
    const Box b = ink(t);
    EXPECT_GE(b.x0, c.x - 0.01) << what << ": " << t.text;
    EXPECT_LE(b.x1, c.x + c.width + 0.01) << what << ": " << t.text;
    EXPECT_GE(b.y0, c.y - 0.01) << what << ": " << t.text;
    EXPECT_LE(b.y1, c.y + c.height + 0.01) << what << ": " << t.text;
    for (char32_t cp : utf8_decode(t.text))
      EXPECT_GE(fonts()[static_cast<size_t>(t.role)]->advance(cp), 0) << what << ": no font for U+" << std::hex
                                                                    << static_cast<unsigned>(cp);
  }
  // Readable: no text under 小五 (9 pt).
  for (const ChartText& t : c.texts)
    if (!t.text.empty()) {
      EXPECT_GE(t.size, kMinChartPt - 1e-9) << what << ": " << t.text;
    }
  // The grid is light and behind the bars (drawn first); the axes are black.
  for (const ChartRule& r : c.grid) EXPECT_GT(r.color.r, 0.5) << what;
  for (const ChartRule& r : c.rules) EXPECT_EQ(r.color.r, 0) << what;
  for (size_t i = 0; i < c.texts.size(); ++i)
    for (size_t j = i + 1; j < c.texts.size(); ++j)
      EXPECT_FALSE(overlap(ink(c.texts[i]), ink(c.texts[j])))
          << what << ": “" << c.texts[i].text << "” collides with “" << c.texts[j].text << "”";
  for (const ChartBar& b : c.bars) {
    EXPECT_GE(b.x, c.x);
    EXPECT_LE(b.x + b.w, c.x + c.width + 0.01);
    EXPECT_GE(b.y, c.y);
    EXPECT_LE(b.y + b.h, c.y + c.height + 0.01);
  }
}

const std::vector<Count> kDepartments = {
    {"发改局", 12}, {"教体局", 31}, {"人力资源和社会保障局行政审批服务中心", 7}, {"公安局", 0},
    {"市场监管局", 48}, {"民政局", 19}};

TEST(LeadersCharts, TickSteps) {
  EXPECT_EQ(tick_step(0), 1);
  EXPECT_EQ(tick_step(5), 1);
  EXPECT_EQ(tick_step(7), 2);
  EXPECT_EQ(tick_step(12), 2);
  EXPECT_EQ(tick_step(13), 5);
  EXPECT_EQ(tick_step(31), 10);
  EXPECT_EQ(tick_step(100), 20);
  EXPECT_EQ(tick_step(480), 100);
}

TEST(LeadersCharts, HorizontalBarsLabelsFitAndBarsToScale) {
  ChartStyle s;
  Chart c = horizontal_bars("图1　各部门公布事项数", kDepartments, "单位：项", 79.37, 442.2, fonts(), s);
  check_chart(c, "bars");
  EXPECT_FALSE(c.grid.empty());
  // One bar per non-zero value; lengths proportional to the values.
  ASSERT_EQ(c.bars.size(), 5u);
  const double per_item = c.bars[0].w / 12;
  EXPECT_NEAR(c.bars[1].w, 31 * per_item, 0.01);
  EXPECT_NEAR(c.bars[3].w, 48 * per_item, 0.01);
  // The long label was shrunk or cut to its column; short ones keep their size.
  bool short_full = false, long_fitted = false;
  for (const ChartText& t : c.texts) {
    if (t.text == "发改局") short_full = t.size == s.label_size;
    if (t.text.starts_with("人力资源")) long_fitted = t.size < s.label_size || t.text.ends_with("…");
  }
  EXPECT_TRUE(short_full);
  EXPECT_TRUE(long_fitted);
  // Values and axis ticks are printed.
  std::set<std::string> texts;
  for (const ChartText& t : c.texts) texts.insert(t.text);
  for (const char* v : {"48", "31", "0", "10", "50", "单位：项", "图1　各部门公布事项数"})
    EXPECT_TRUE(texts.count(v)) << v;
  EXPECT_EQ(bar_rows_fitting(c.height, s), static_cast<int>(kDepartments.size()));
}

TEST(LeadersCharts, ColumnsLabelsFitEvenWhenNarrow) {
  const std::vector<Count> kinds = {{"行政许可", 210}, {"行政征收", 9},      {"行政给付", 35},
                                    {"行政确认", 44},  {"其他行政权力", 61}, {"公共服务", 66}};
  ChartStyle s;
  for (double width : {442.2, 260.0, 150.0}) {
    Chart c = columns("图2　公布事项按事项类型分布", kinds, "单位：项", 79.37, width, fonts(), s);
    check_chart(c, "columns " + std::to_string(width));
    EXPECT_EQ(c.bars.size(), 6u);
  }
  // At the full type width every label is printed whole, at full size.
  Chart c = columns("图2", kinds, "单位：项", 79.37, 442.2, fonts(), s);
  for (const Count& k : kinds) {
    bool found = false;
    for (const ChartText& t : c.texts) found |= t.text == k.label && t.size == s.label_size;
    EXPECT_TRUE(found) << k.label;
  }
  // Shares of the total above the columns.
  bool share = false;
  for (const ChartText& t : c.texts) share |= t.text == "49.4%";  // 210 of 425
  EXPECT_TRUE(share);
}

TEST(LeadersCharts, PlaceTopMovesEverything) {
  ChartStyle s;
  Chart c = horizontal_bars("图", kDepartments, "单位：项", 0, 400, fonts(), s);
  const double y0 = c.texts[0].y - c.y;
  c.place_top(700);
  EXPECT_NEAR(c.y + c.height, 700, 1e-9);
  EXPECT_NEAR(c.texts[0].y - c.y, y0, 1e-9);
  check_chart(c, "placed");
}

}  // namespace
}  // namespace qd
