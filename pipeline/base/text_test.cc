#include "base/text.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

TEST(Text, TrimRemovesIdeographicAndAsciiSpace) {
  EXPECT_EQ(trim("\u3000 事项名称 \t\n"), "事项名称");
  EXPECT_EQ(trim("第一行\n第二行"), "第一行\n第二行");
  EXPECT_EQ(trim(""), "");
}

TEST(Text, FoldWidthMapsFullWidthForms) {
  EXPECT_EQ(fold_width("（必填）ＡＢ１２"), "(必填)AB12");
}

TEST(Text, NormalizeHeaderDropsMarksOfRequiredColumns) {
  EXPECT_EQ(normalize_header(" 事项名称* "), "事项名称");
  EXPECT_EQ(normalize_header("设定依据（必填）"), "设定依据");
  EXPECT_EQ(normalize_header("事项\n名称＊"), "事项名称");
}

TEST(Text, SplitAnyTrimsAndDropsEmptyParts) {
  auto parts = split_any("自然人、 企业法人，,", {"、", "，", ","});
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "自然人");
  EXPECT_EQ(parts[1], "企业法人");
}

TEST(Text, CellReferencesRoundTrip) {
  EXPECT_EQ(column_name(0), "A");
  EXPECT_EQ(column_name(25), "Z");
  EXPECT_EQ(column_name(26), "AA");
  EXPECT_EQ(column_name(16383), "XFD");
  EXPECT_EQ(cell_ref(9, 27), "AB10");
  int r, c;
  ASSERT_TRUE(parse_cell_ref("$AB$10", &r, &c));
  EXPECT_EQ(r, 9);
  EXPECT_EQ(c, 27);
  EXPECT_FALSE(parse_cell_ref("A0", &r, &c));
  EXPECT_FALSE(parse_cell_ref("XFE1", &r, &c));
  EXPECT_FALSE(parse_cell_ref("12", &r, &c));
}

TEST(Text, Utf8DecodeReplacesInvalidBytes) {
  EXPECT_EQ(utf8_decode("a\xff").size(), 2u);
  EXPECT_EQ(utf8_decode("a\xff")[1], U'\uFFFD');
  EXPECT_FALSE(utf8_valid("\xe4\xb8"));
  EXPECT_TRUE(utf8_valid("涿鹿县"));
  EXPECT_EQ(utf8_length("涿鹿县ab"), 5u);
  EXPECT_EQ(utf8_encode(utf8_decode("𠀀涿")), "𠀀涿");
}

TEST(Date, ParsesTheFormsClerksType) {
  Date d;
  ASSERT_TRUE(parse_date("2017年8月30日", &d));
  EXPECT_EQ(d.iso(), "2017-08-30");
  ASSERT_TRUE(parse_date("2017/9/1", &d));
  EXPECT_EQ(d.chinese(), "2017年9月1日");
  EXPECT_FALSE(parse_date("2017-02-30", &d));
  EXPECT_FALSE(parse_date("明天", &d));
}

TEST(Date, ExcelSerialsAndEpochDays) {
  EXPECT_EQ(date_from_excel_serial(42977).iso(), "2017-08-30");
  Date d{2017, 9, 30};
  EXPECT_EQ(date_from_days(d.days_since_epoch()), d);
  EXPECT_EQ((Date{2017, 9, 3}.days_since_epoch() - Date{2017, 8, 31}.days_since_epoch()), 3);
}

}  // namespace
}  // namespace qd
