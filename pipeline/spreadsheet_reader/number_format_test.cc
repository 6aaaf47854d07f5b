#include "spreadsheet_reader/number_format.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

TEST(FormatNumber, Canonical) {
  EXPECT_EQ(format_number(130731), "130731");
  EXPECT_EQ(format_number(130731000000.0), "130731000000");
  EXPECT_EQ(format_number(0.5), "0.5");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(-2.25), "-2.25");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(1e20), "1e+20");
  EXPECT_EQ(format_number(1.5e-7), "1.5e-07");
}

TEST(DateFormat, BuiltIn) {
  for (int id : {14, 15, 17, 22, 27, 36, 45, 47, 50, 58}) EXPECT_TRUE(is_builtin_date_format(id)) << id;
  for (int id : {0, 1, 2, 9, 10, 13, 23, 26, 37, 44, 48, 49, 59}) EXPECT_FALSE(is_builtin_date_format(id)) << id;
}

TEST(DateFormat, Custom) {
  EXPECT_TRUE(is_date_format_code("yyyy-mm-dd"));
  EXPECT_TRUE(is_date_format_code("yyyy\"年\"m\"月\"d\"日\";@"));
  EXPECT_TRUE(is_date_format_code("[$-F800]dddd, mmmm dd, yyyy"));
  EXPECT_TRUE(is_date_format_code("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(is_date_format_code("mmm-yy"));
  EXPECT_TRUE(is_date_format_code("yyyy/m/d h:mm"));
  EXPECT_FALSE(is_date_format_code("General"));
  EXPECT_FALSE(is_date_format_code("G/通用格式"));
  EXPECT_FALSE(is_date_format_code("0.00_);[Red](0.00)"));
  EXPECT_FALSE(is_date_format_code("#,##0\" 元\""));
  EXPECT_FALSE(is_date_format_code("[h]:mm:ss"));
  EXPECT_FALSE(is_date_format_code("mm:ss"));
  EXPECT_FALSE(is_date_format_code("h:mm AM/PM"));
  EXPECT_FALSE(is_date_format_code("@"));
  EXPECT_FALSE(is_date_format_code("0.00E+00"));
  EXPECT_FALSE(is_date_format_code("\"yyyy\"0"));
}

}  // namespace
}  // namespace qd
