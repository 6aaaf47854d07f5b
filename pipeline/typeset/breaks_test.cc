#include "typeset/breaks.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "base/text.h"
#include "typeset/line.h"

namespace qd::ts {
namespace {

// Break opportunities of UTF-8 text, rendered as the text with "|" at each.
std::string marked(std::string_view utf8, bool strict = true) {
  const std::u32string t = utf8_decode(utf8);
  const auto b = break_opportunities(t, strict);
  EXPECT_EQ(b.size(), t.size());
  std::u32string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (b[i]) out += U'|';
    out += t[i];
  }
  return utf8_encode(out);
}

TEST(Breaks, BetweenHanCharacters) {
  EXPECT_EQ(marked("办事指南"), "办|事|指|南");
}

TEST(Breaks, FirstPositionNeverBreaks) {
  const auto b = break_opportunities(U"汉字", true);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0], 0);
  EXPECT_EQ(b[1], 1);
  EXPECT_TRUE(break_opportunities(U"", true).empty());
}

TEST(Breaks, NoBreakBeforeClosingOrAfterOpeningPunctuation) {
  EXPECT_EQ(marked("项目（含子项），审批。"), "项|目|（含|子|项），|审|批。");
  EXPECT_EQ(marked("《条例》第三条、第六条"), "《条|例》|第|三|条、|第|六|条");
}

TEST(Breaks, TildeAndMiddleDotNeverStartALine) {
  EXPECT_EQ(marked("8时～12时"), "8时～|12时");
  EXPECT_EQ(marked("甲·乙"), "甲·|乙");
}

TEST(Breaks, QuotesBreakOnTheirOutsideOnly) {
  // ICU 72 forbids breaks around “”; the tailoring allows them on the outside.
  EXPECT_EQ(marked("填了“五个工作日”的"), "填|了|“五|个|工|作|日”|的");
}

TEST(Breaks, DoubledDashAndEllipsisStayTogether) {
  EXPECT_EQ(marked("甲——乙……丙", /*strict=*/true), "甲——|乙……|丙");
  EXPECT_EQ(marked("甲——乙……丙", /*strict=*/false), "甲|——|乙……|丙");
}

TEST(Breaks, UrlPhoneAndCodeAreUnbroken) {
  // Raw ICU breaks after "/" and "-"; the tailoring removes those.
  const std::u32string url = U"见https://www.hbzwfw.gov.cn/item/08016.html。";
  std::vector<uint8_t> raw;
  icu_line_breaks(url, true, raw);
  size_t raw_inside = 0;
  for (size_t i = 2; i + 1 < url.size(); ++i) raw_inside += raw[i];
  EXPECT_GT(raw_inside, 0u);
  EXPECT_EQ(marked("见https://www.hbzwfw.gov.cn/item/08016.html。"),
            "见|https://www.hbzwfw.gov.cn/item/08016.html。");
  EXPECT_EQ(marked("电话0313-6521234，"), "电|话|0313-6521234，");
  EXPECT_EQ(marked("编码11130731402547295C4130101001000号"),
            "编|码|11130731402547295C4130101001000号");
  EXPECT_EQ(marked("时间8:30-12:00，"), "时|间|8:30-12:00，");
}

TEST(Breaks, DatesAreNeverBroken) {
  EXPECT_EQ(marked("2017年9月30日"), "2017年9月30日");
  EXPECT_EQ(marked("截至2026年12月6日，"), "截|至|2026年12月6日，");
  EXPECT_EQ(marked("9月1日至9月20日"), "9月1日|至|9月20日");
  // 年 and 月 as words still break: 每年|3月, 月|10日 not after a number.
  EXPECT_EQ(marked("每年3月"), "每|年|3月");
}

TEST(Breaks, NumberStaysWithItsUnit) {
  EXPECT_EQ(marked("需20个工作日"), "需|20个工作日");
  EXPECT_EQ(marked("约3个月，1.5小时内"), "约|3个月，|1.5小时|内");
  EXPECT_EQ(marked("满18周岁的"), "满|18周岁|的");
  // A number before other words keeps only its first character.
  EXPECT_EQ(marked("20个部门"), "20个|部|门");
  EXPECT_EQ(marked("占5％以上"), "占|5％|以|上");
}

TEST(Breaks, LatinWordsBreakAtSpaces) {
  EXPECT_EQ(marked("use LXGW WenKai font"), "use |LXGW |WenKai |font");
}

TEST(Breaks, MandatoryBreak) {
  EXPECT_EQ(marked("甲，\n乙"), "甲，\n|乙");
  EXPECT_EQ(marked("甲，\r\n乙"), "甲，\r\n|乙");
}

TEST(Breaks, SupplementaryCharactersMapBackToCodePoints) {
  // U+20000 and U+2A6D6 are surrogate pairs in UTF-16.
  EXPECT_EQ(marked("𠀀甲𪛖，乙"), "𠀀|甲|𪛖，|乙");
}

TEST(Breaks, IteratorsArePerThread) {
  std::string a, b;
  std::thread t1([&] { for (int i = 0; i < 200; ++i) a = marked("办事指南，电话0313-6521234。"); });
  std::thread t2([&] { for (int i = 0; i < 200; ++i) b = marked("办事指南，电话0313-6521234。"); });
  t1.join();
  t2.join();
  EXPECT_EQ(a, "办|事|指|南，|电|话|0313-6521234。");
  EXPECT_EQ(a, b);
}

// Word breaks of UTF-8 text, rendered with "|" at each.
std::string words_marked(std::string_view utf8) {
  const std::u32string t = utf8_decode(utf8);
  std::vector<uint8_t> b;
  word_breaks(t, true, b);
  std::u32string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (b[i]) out += U'|';
    out += t[i];
  }
  return utf8_encode(out);
}

TEST(WordBreaks, ChineseWordsFromTheDictionary) {
  // ICU segments Chinese with its dictionary: no break inside 养老 or 权益.
  const std::string a = words_marked("企业职工基本养老保险参保登记");
  EXPECT_NE(a.find("养老"), std::string::npos) << a;
  EXPECT_NE(a.find("|基本|"), std::string::npos) << a;
  const std::string b = words_marked("社会保险个人权益记录查询打印");
  EXPECT_NE(b.find("|权益|"), std::string::npos) << b;
}

TEST(WordBreaks, OnlyWhereTheKinsokuAllowAWordBoundary) {
  // ICU has word boundaries around the brackets and after 2024 (年版 is a
  // word); the 禁则 take away those inside the brackets and 2024|年.
  EXPECT_EQ(words_marked("清单（2024年版）的通知"), "清单|（2024年版）|的|通知");
  EXPECT_EQ(words_marked("原件/复印件"), "原件/|复印|件");
}

}  // namespace
}  // namespace qd::ts
