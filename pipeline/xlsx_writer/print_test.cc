#include "xlsx_writer/print.h"

#include <gtest/gtest.h>

#include <numeric>

namespace qd::xlsx {
namespace {

// The printed width, at 100 %, of columns [from, to) of `w`.
double span_pt(const std::vector<double>& w, size_t from, size_t to) {
  double pt = 0;
  for (size_t c = from; c < to; ++c) pt += column_pt(w[c]);
  return pt;
}

TEST(XlsxPrint, PrintableWidths) {
  EXPECT_NEAR(printable_width_pt(kPaperA3, true), (420 / 25.4 - 1.18) * 72, 0.01);
  EXPECT_NEAR(printable_width_pt(kPaperA4, false), (210 / 25.4 - 1.18) * 72, 0.01);
  EXPECT_NEAR(column_pt(10), 74.25, 1e-9);
}

TEST(XlsxPrint, NarrowSheetsFitOneA4Width) {
  PrintBands b = print_bands({6, 20, 14, 40}, 2);
  EXPECT_EQ(b.paper, kPaperA4);
  EXPECT_TRUE(b.landscape);
  EXPECT_EQ(b.scale, 0);
  EXPECT_TRUE(b.col_breaks.empty());
  // Asked for A4 portrait and fitting there, it stays portrait.
  b = print_bands({6, 20, 14, 40}, 2, kPaperA4, false);
  EXPECT_FALSE(b.landscape);
  EXPECT_EQ(b.scale, 0);
  // Too wide for portrait at 六号: turned.
  b = print_bands({12, 22, 16, 30, 20}, 0, kPaperA4, false);
  EXPECT_TRUE(b.landscape);
  EXPECT_EQ(b.scale, 0);
}

TEST(XlsxPrint, MediumSheetsFitOneA3Width) {
  std::vector<double> w(10, 18);  // ~1300 pt: too wide for A4 at 80 %, fits A3
  PrintBands b = print_bands(w, 2);
  EXPECT_EQ(b.paper, kPaperA3);
  EXPECT_EQ(b.scale, 0);
  EXPECT_TRUE(b.col_breaks.empty());
}

// The 实施清单's 44 columns (643 units): five even bands on A3 with the
// four repeated columns, every band printing at 六号 or larger.
TEST(XlsxPrint, WideSheetsPrintInEvenBandsAtSixHaoOrLarger) {
  const std::vector<double> w = {6,  19.2, 14, 33, 10, 24, 7.2, 8,  19.2, 16, 10, 20, 11.2, 7.2, 14.4,
                                 7.2, 11.2, 8.3, 11.2, 11.2, 24, 32, 32, 14.4, 10.3, 10, 24, 7.2, 8.3, 9.6,
                                 11.2, 7.2, 14.4, 22.4, 19.2, 14, 14, 8, 9.3, 7.2, 19.2, 10, 10, 6};
  PrintBands b = print_bands(w, 4);
  EXPECT_EQ(b.paper, kPaperA3);
  EXPECT_TRUE(b.landscape);
  ASSERT_FALSE(b.col_breaks.empty());
  EXPECT_LE(b.col_breaks.size(), 4u);
  EXPECT_GE(b.scale * kCellPt / 100, kMinPrintedPt);
  EXPECT_LE(b.scale, 100);
  const double room = printable_width_pt(kPaperA3, true);
  const double rep = span_pt(w, 0, 4);
  size_t from = 4;
  std::vector<int> ends = b.col_breaks;
  ends.push_back(static_cast<int>(w.size()));
  double widest = 0, narrowest = 1e9;
  for (int to : ends) {
    ASSERT_GT(static_cast<size_t>(to), from);
    const double band = rep + span_pt(w, from, static_cast<size_t>(to));
    // Every band fits the page at the scale, with room to spare.
    EXPECT_LE(band * b.scale / 100, room * 0.97) << to;
    widest = std::max(widest, band);
    narrowest = std::min(narrowest, band);
    from = static_cast<size_t>(to);
  }
  // As even as the columns allow: no band much narrower than the widest.
  EXPECT_GT(narrowest, widest * 0.7);
}

TEST(XlsxPrint, ApplyBandsRepeatsColumnsOnlyInBands) {
  PrintSetup s;
  apply_bands(s, print_bands({6, 20, 14, 40}, 2), 2);
  EXPECT_EQ(s.repeat_cols, 0);
  EXPECT_EQ(s.scale, 0);
  std::vector<double> wide(40, 20);
  apply_bands(s, print_bands(wide, 3), 3);
  EXPECT_EQ(s.repeat_cols, 3);
  EXPECT_GT(s.scale, 0);
  EXPECT_FALSE(s.col_breaks.empty());
}

}  // namespace
}  // namespace qd::xlsx
