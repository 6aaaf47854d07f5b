#include "typeset/display.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "base/text.h"
#include "typeset/breaks.h"
#include "typeset/fake_metrics.h"
#include "typeset/kinsoku.h"
#include "typeset/title.h"

namespace qd::ts {
namespace {

const testing::FakeMetrics kMetrics;

// A display style `chars` characters of 16 pt wide, flush left.
ParagraphStyle display(double chars) {
  ParagraphStyle st;
  st.size = 16;
  st.width = chars * 16;
  st.indent = 0;
  return st;
}

// The UTF-8 text of each line.
std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) out.push_back(utf8_encode(l.text()));
  return out;
}

// Positions where the lines after the first start.
std::vector<size_t> starts(const std::vector<Line>& lines) {
  std::vector<size_t> out;
  size_t pos = 0;
  for (const Line& l : lines) {
    if (pos > 0) out.push_back(pos);
    pos += l.glyphs.size();
  }
  return out;
}

// Checks what holds for every display layout: all the text, in order; no
// glyph outside the box; no line breaks inside a word unless forced; the
// 禁则 at every break.
void expect_display_rules(const std::string& utf8, const std::vector<Line>& lines,
                          const ParagraphStyle& st) {
  const std::u32string text = utf8_decode(utf8);
  std::u32string joined;
  for (const Line& l : lines) joined += l.text();
  ASSERT_EQ(utf8_encode(joined), utf8);
  std::vector<uint8_t> words;
  icu_word_breaks(text, words);
  for (const Line& l : lines)
    for (const Glyph& g : l.glyphs) {
      EXPECT_GE(g.x, -1e-9) << utf8;
      EXPECT_LE(g.x + g.advance, st.width + 1e-6) << utf8;
    }
  const auto at = starts(lines);
  for (size_t k = 0; k < at.size(); ++k) {
    const size_t b = at[k];
    EXPECT_FALSE(no_line_start(text[b], st.strict)) << utf8;
    EXPECT_FALSE(no_line_end(text[b - 1])) << utf8;
    if (!lines[k].forced_break) {
      EXPECT_TRUE(words[b]) << utf8 << " broken inside a word at " << b;
    }
  }
}

TEST(Display, IssueExamplesBreakBetweenWords) {
  // The poster names of issue 17 point 4, at the width where the balanced
  // character breaks gave "企业职工基本养／老保险参保登记".
  const std::string a = "企业职工基本养老保险参保登记";
  ParagraphStyle title = display(7);
  ASSERT_EQ(texts(layout_title(a, kMetrics, title))[0], "企业职工基本养");  // the old way
  auto st = display(8);
  auto lines = layout_display(a, kMetrics, st);
  expect_display_rules(a, lines, st);
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"企业职工基本", "养老保险参保登记"}));

  const std::string b = "社会保险个人权益记录查询打印";
  ASSERT_EQ(texts(layout_title(b, kMetrics, title))[0], "社会保险个人权");  // the old way
  lines = layout_display(b, kMetrics, st);
  expect_display_rules(b, lines, st);
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"社会保险个人", "权益记录查询打印"}));
}

TEST(Display, MoreLinesRatherThanABrokenWord) {
  // At 7 characters no two whole-word lines hold the name: three lines,
  // each made of whole words, no forced break.
  const std::string a = "企业职工基本养老保险参保登记";
  const auto st = display(7);
  const auto lines = layout_display(a, kMetrics, st);
  ASSERT_EQ(lines.size(), 3u);
  for (const Line& l : lines) EXPECT_FALSE(l.forced_break);
  expect_display_rules(a, lines, st);
}

TEST(Display, OneLineWhenItFits) {
  auto st = display(20);
  st.align = ParagraphStyle::Align::Center;
  const auto lines = layout_display("办事指南", kMetrics, st);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[0].x, (320 - 64) / 2.0);
  EXPECT_TRUE(lines[0].last);
  EXPECT_FALSE(lines[0].forced_break);
}

TEST(Display, BalancedNotLongAndStub) {
  // 25 characters in a 20-character box: two lines within a word of each
  // other, the shorter first (梯形).
  const std::string t = "涿鹿县行政审批局关于公布政务服务事项实施清单的通知";
  const auto st = display(20);
  const auto lines = layout_display(t, kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  expect_display_rules(t, lines, st);
  const double a = lines[0].natural_width, b = lines[1].natural_width;
  EXPECT_LE(std::abs(a - b), 3 * 16.0);
  EXPECT_LE(a, b);
}

TEST(Display, CentredLinesAreCentredInTheBox) {
  auto st = display(10);
  st.align = ParagraphStyle::Align::Center;
  const auto lines = layout_display("关于印发涿鹿县政务服务事项实施清单（2024年版）的通知", kMetrics, st);
  ASSERT_GE(lines.size(), 3u);
  for (const Line& l : lines) {
    const double left = l.glyphs.front().x;
    const double right = st.width - (l.glyphs.back().x + l.glyphs.back().advance);
    EXPECT_NEAR(left, right, 1e-6);
  }
}

TEST(Display, WordWiderThanTheLineIsBrokenByCharacters) {
  const std::string code = "11130731402547295C4130101001000";  // 15.5 em
  const std::string t = "实施编码" + code;
  const auto st = display(10);
  const auto lines = layout_display(t, kMetrics, st);
  bool forced = false;
  for (const Line& l : lines) forced |= l.forced_break;
  EXPECT_TRUE(forced);
  expect_display_rules(t, lines, st);
  // Nothing but the code is broken: "实施编码" stays whole.
  EXPECT_EQ(texts(lines)[0].substr(0, 12), "实施编码");
}

TEST(Display, KeepsTheKinsoku) {
  const std::string t = "食品经营许可证核发（新办）（含网络经营）";
  for (int w : {3, 4, 5, 6, 7, 9, 12}) {
    const auto st = display(w);
    expect_display_rules(t, layout_display(t, kMetrics, st), st);
  }
}

TEST(Display, OneCharacterSuffixesStayWithTheirWord) {
  // ICU: 剧毒|化学|品|购买|许可. Both "剧毒化学／品购买许可" and
  // "剧毒化学品／购买许可" are 4 + 5 characters: the suffix stays.
  const auto st = display(8);
  EXPECT_EQ(display_lines("剧毒化学品购买许可", kMetrics, st),
            (std::vector<std::string>{"剧毒化学品", "购买许可"}));
  EXPECT_EQ(display_lines("补领结婚证、离婚证", kMetrics, st),
            (std::vector<std::string>{"补领结婚证、", "离婚证"}));
  EXPECT_EQ(display_lines("机动车驾驶证核发、审验", kMetrics, st),
            (std::vector<std::string>{"机动车驾驶证", "核发、审验"}));
  // Where a line holds 补助金, it stays whole.
  const auto lines = display_lines("失业人员丧葬补助金和抚恤金给付", kMetrics, display(9));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].find("补助金") != std::string::npos ||
              lines[1].find("补助金") != std::string::npos);
  // Words ICU does not know are split into characters (特|困, 供|养):
  // breaks between those are weak too.
  for (const std::string& l : display_lines("特困人员集中供养（入住供养服务机构）", kMetrics, st)) {
    EXPECT_NE(l.substr(l.size() - 3), "供") << l;
    EXPECT_NE(l.substr(l.size() - 3), "特") << l;
  }
}

TEST(Display, TableHeadsBreakAtTheirParts) {
  // A head in a column three characters wide.
  const auto st = display(3);
  const auto lines = layout_display("原件/复印件", kMetrics, st);
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"原件/", "复印件"}));
}

TEST(Display, LineFeedsEndLines) {
  const auto st = display(20);
  EXPECT_EQ(display_lines("涿鹿县\n办事指南", kMetrics, st),
            (std::vector<std::string>{"涿鹿县", "办事指南"}));
}

TEST(Display, BreaksAndLinesAgree) {
  const std::string t = "城乡居民基本医疗保险参保登记";
  const auto st = display(8);
  const std::u32string u = utf8_decode(t);
  const auto at = display_breaks(u, kMetrics, st);
  const auto lines = display_lines(t, kMetrics, st);
  ASSERT_EQ(at.size() + 1, lines.size());
  EXPECT_EQ(utf8_length(lines[0]), at[0]);
}

TEST(Display, CharacterWiderThanTheBoxStillSet) {
  const auto lines = layout_display("政务", kMetrics, display(0.5));
  std::u32string all;
  for (const Line& l : lines) all += l.text();
  EXPECT_EQ(utf8_encode(all), "政务");
}

// Every item name of the sample catalogue at the widths of poster cards,
// booklet titles and table heads: whole words on every line unless a word
// is wider than the line, never more lines than a whole-word greedy fill,
// and the 禁则.
TEST(Display, SampleCatalogueNames) {
  std::ifstream in(std::string(QD_SOURCE_DIR) + "/tools/sample_data/items.txt");
  ASSERT_TRUE(in.good());
  std::string line;
  size_t names = 0, broken_words_before = 0, lines_total = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("==", 0) == 0) continue;
    const size_t a = line.find('|');
    const size_t b = line.find('|', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    const std::string name = line.substr(a + 1, b - a - 1);
    const std::u32string u = utf8_decode(name);
    std::vector<uint8_t> words;
    icu_word_breaks(u, words);
    ++names;
    for (int w : {6, 8, 11, 20}) {
      const auto st = display(w);
      const auto lines = layout_display(name, kMetrics, st);
      lines_total += lines.size();
      if (std::getenv("QD_TYPESET_DUMP") && w == 8) {
        std::string shown;
        for (const auto& t : texts(lines)) shown += (shown.empty() ? "" : "／") + t;
        std::printf("%s\n", shown.c_str());
      }
      expect_display_rules(name, lines, st);
      // The balanced character breaks of layout_title, for the record.
      for (size_t p : starts(layout_title(name, kMetrics, st))) broken_words_before += !words[p];
    }
  }
  EXPECT_GT(names, 300u);
  std::printf("[display] %zu names at 4 widths: %zu lines; layout_title broke %zu words\n", names,
              lines_total, broken_words_before);
}

}  // namespace
}  // namespace qd::ts
