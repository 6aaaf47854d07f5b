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

// The code-point definitions of trim and fold_width, which the byte-level
// versions must match on any input, invalid UTF-8 included.
std::string trim_by_code_points(std::string_view s) {
  auto space = [](char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' ||
           c == 0x3000 || c == 0xA0 || c == 0xFEFF;
  };
  std::u32string u = utf8_decode(s);
  size_t b = 0, e = u.size();
  while (b < e && space(u[b])) ++b;
  while (e > b && space(u[e - 1])) --e;
  return utf8_encode(std::u32string_view(u).substr(b, e - b));
}

std::string fold_width_by_code_points(std::string_view s) {
  std::u32string u = utf8_decode(s);
  for (char32_t& cp : u) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    else if (cp == 0x3000) cp = ' ';
  }
  return utf8_encode(u);
}

TEST(Text, TrimAndFoldWidthWorkOnBytesAsOnCodePoints) {
  std::vector<std::string> cases = {
      "", " ", "\u3000", "\u00A0事项\u00A0", "\uFEFF名称\uFEFF", "\u3000\u3000\t", "a\u3000b",
      "（必填）ＡＢ１２！～", "\uFF00\uFF5F", "、。「」\u3001", "\xA0", "\xC2", "\xE3\x80",
      "\xE3\x80\x80\xA0", "a\xff \u3000", "\xC2\xA0\xC2", "\xEF\xBC", "\xEF\xBC\x81\xEF",
      "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xA0", "𠀀 \u3000", " \xE3\x80\x80\x80"};
  // Random byte strings over the bytes that matter, the same every run.
  const unsigned char alphabet[] = {' ', '\t', 'a', 0x80, 0x81, 0x9E, 0xA0, 0xBB, 0xBC, 0xBD,
                                    0xBF, 0xC2, 0xE3, 0xE4, 0xEF, 0xF0, 0xFF};
  uint32_t seed = 12345;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int len = n % 9; len > 0; --len) {
      seed = seed * 1103515245u + 12345u;
      s += static_cast<char>(alphabet[(seed >> 16) % sizeof alphabet]);
    }
    cases.push_back(s);
  }
  for (const std::string& s : cases) {
    EXPECT_EQ(trim(s), trim_by_code_points(s)) << testing::PrintToString(s);
    EXPECT_EQ(fold_width(s), fold_width_by_code_points(s)) << testing::PrintToString(s);
    EXPECT_EQ(utf8_valid(s), utf8_encode(utf8_decode(s)) == s) << testing::PrintToString(s);
  }
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

TEST(Text, XmlTextKeepsOnlyWhatXmlAllows) {
  EXPECT_EQ(xml_text("受理条件\t第一行\n第二行\r"), "受理条件\t第一行\n第二行\r");
  EXPECT_EQ(xml_text("a\x01" "b\x0B\x0C\x1F\x7F"), "ab\x7F");
  EXPECT_EQ(xml_text("申\xEF\xBF\xBE请\xEF\xBF\xBF"), "申请");           // U+FFFE, U+FFFF
  EXPECT_EQ(xml_text("\xEF\xBF\xBD\xF0\xA0\x80\x80"), "\xEF\xBF\xBD\xF0\xA0\x80\x80");  // U+FFFD, U+20000
  EXPECT_EQ(xml_text("a\xFF" "b"), "a\xEF\xBF\xBD" "b") << "invalid UTF-8 becomes U+FFFD";
  EXPECT_TRUE(xml_char(0xD7FF));
  EXPECT_FALSE(xml_char(0xD800));
  EXPECT_FALSE(xml_char(0xFFFE));
  EXPECT_TRUE(xml_char(0x10FFFF));
}

}  // namespace

}  // namespace qd
