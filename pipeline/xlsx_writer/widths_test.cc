#include "xlsx_writer/widths.h"

#include <gtest/gtest.h>

namespace qd::xlsx {
namespace {

TEST(Widths, ChineseCountsDouble) {
  EXPECT_DOUBLE_EQ(text_width("abc"), 3);
  EXPECT_NEAR(text_width("事项名称"), 8.4, 1e-9);
  EXPECT_NEAR(text_width("长一点的一行\n短"), 12.6, 1e-9);
  EXPECT_NEAR(text_width("（，）"), 6.3, 1e-9);
}

TEST(Widths, FitIsCappedAndAtLeastMin) {
  Widths w(3, 6, 30);
  w.fit(0, "a");
  w.fit(1, "事项名称");
  w.fit(2, std::string(200, 'x'));
  EXPECT_DOUBLE_EQ(w.get(0), 6);
  EXPECT_NEAR(w.get(1), 10.4, 1e-9);
  EXPECT_DOUBLE_EQ(w.get(2), 30);
  w.at_least(0, 12);
  EXPECT_DOUBLE_EQ(w.get(0), 12);
}

}  // namespace
}  // namespace qd::xlsx
