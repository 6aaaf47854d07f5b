#include "typeset/paragraph.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "base/text.h"
#include "typeset/fake_metrics.h"

namespace qd::ts {
namespace {

using testing::FakeMetrics;

// A 16 pt style `chars` characters wide, no indent unless given.
ParagraphStyle style(double chars, double indent = 0) {
  ParagraphStyle st;
  st.size = 16;
  st.width = chars * 16;
  st.indent = indent;
  return st;
}

// `n` distinct-looking Han characters.
std::string han(int n) {
  static const std::u32string pool = U"涿鹿县政务服务事项实施清单办事指南行政许可审批局";
  std::u32string s;
  for (int i = 0; i < n; ++i) s += pool[static_cast<size_t>(i) % pool.size()];
  return utf8_encode(s);
}

// The UTF-8 text of each line.
std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) out.push_back(utf8_encode(l.text()));
  return out;
}

// Checks the geometric invariants: no glyph beyond the box, glyphs in
// order, justified lines exactly box wide.
void expect_geometry(const std::vector<Line>& lines, const ParagraphStyle& st) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    EXPECT_EQ(l.last, i + 1 == lines.size());
    double prev = -1;
    for (const Glyph& g : l.glyphs) {
      EXPECT_LE(g.x + g.advance, st.width + 0.01) << "line " << i;
      EXPECT_GE(g.x, prev - 0.01);
      prev = g.x;
    }
    if (!l.last && st.justify && l.glyphs.size() > 1) {
      EXPECT_NEAR(l.width, st.width, 0.01) << "line " << i;
      EXPECT_NEAR(l.glyphs.back().x + l.glyphs.back().advance, st.width, 0.01);
    }
  }
}

const FakeMetrics kMetrics;

TEST(Paragraph, EmptyTextHasNoLines) {
  EXPECT_TRUE(layout_paragraph(std::string_view(""), kMetrics, style(10)).empty());
}

TEST(Paragraph, FillsLinesOfExactlyTheBoxWidth) {
  const auto st = style(28);
  const auto lines = layout_paragraph(han(60), kMetrics, st);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].glyphs.size(), 28u);
  EXPECT_EQ(lines[1].glyphs.size(), 28u);
  EXPECT_EQ(lines[2].glyphs.size(), 4u);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[27].x, 27 * 16);
  EXPECT_TRUE(lines[2].last);
  EXPECT_DOUBLE_EQ(lines[2].width, 64);
  expect_geometry(lines, st);
}

TEST(Paragraph, FirstLineIndentOfTwoCharacters) {
  const auto st = style(28, 2);
  const auto lines = layout_paragraph(han(60), kMetrics, st);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].glyphs.size(), 26u);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[0].x, 32);
  EXPECT_EQ(lines[1].glyphs.size(), 28u);
  EXPECT_DOUBLE_EQ(lines[1].glyphs[0].x, 0);
  expect_geometry(lines, st);
}

TEST(Paragraph, HangingIndentForWrappedLines) {
  auto st = style(10, 0);
  st.hanging = 2;
  const auto lines = layout_paragraph(han(25), kMetrics, st);
  ASSERT_EQ(lines.size(), 3u);  // 10 + 8 + 7
  EXPECT_EQ(lines[1].glyphs.size(), 8u);
  EXPECT_DOUBLE_EQ(lines[1].glyphs[0].x, 32);
  EXPECT_DOUBLE_EQ(lines[2].glyphs[0].x, 32);
  expect_geometry(lines, st);
}

TEST(Paragraph, LineNeverStartsWithClosingPunctuationPush) {
  // 10 Han fill the 10-em line; "，" may not start the next one and does
  // not fit even squeezed (10.5 em), so the 10th Han moves down with it and
  // the 9 left are justified: 16 pt of slack over 8 gaps.
  const auto st = style(10);
  const auto lines = layout_paragraph(han(10) + "，" + han(5), kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], han(9));
  EXPECT_EQ(lines[1].text()[1], U'，');
  EXPECT_NEAR(lines[0].natural_width, 144, 1e-9);
  EXPECT_NEAR(lines[0].width, 160, 1e-9);
  EXPECT_NEAR(lines[0].glyphs[1].x, 18, 1e-9);
  EXPECT_NEAR(lines[0].glyphs[8].x, 144, 1e-9);
  expect_geometry(lines, st);
}

TEST(Paragraph, SqueezeMakesTheLineFit) {
  // "a" + 9 Han = 9.5 em; "。" makes 10.5 em, squeezed to half it is 10 em.
  const auto st = style(10);
  const auto lines = layout_paragraph("a" + han(9) + "。" + han(4), kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], "a" + han(9) + "。");
  EXPECT_DOUBLE_EQ(lines[0].glyphs.back().advance, 8);
  EXPECT_DOUBLE_EQ(lines[0].natural_width, 160);
  EXPECT_EQ(texts(lines)[1], han(4));
  expect_geometry(lines, st);
}

TEST(Paragraph, NoSqueezeWhenTheLineFitsAnyway) {
  const auto lines = layout_paragraph(han(9) + "。" + han(4), kMetrics, style(10));
  EXPECT_EQ(texts(lines)[0], han(9) + "。");
  EXPECT_DOUBLE_EQ(lines[0].glyphs.back().advance, 16);
}

TEST(Paragraph, SqueezesAPairOfClosingMarks) {
  // 9 Han + "。”" = 11 em; both squeezed = 10 em.
  const auto lines = layout_paragraph(han(9) + "。”" + han(4), kMetrics, style(10));
  EXPECT_EQ(texts(lines)[0], han(9) + "。”");
  EXPECT_DOUBLE_EQ(lines[0].natural_width, 160);
}

TEST(Paragraph, LineNeverEndsWithOpeningBracket) {
  const auto st = style(10);
  const auto lines = layout_paragraph(han(9) + "（" + han(6) + "）", kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], han(9));
  EXPECT_EQ(lines[1].text()[0], U'（');
  expect_geometry(lines, st);
}

TEST(Paragraph, DoubledDashStaysTogether) {
  auto st = style(10);
  // Strict: —— may not start a line, so the Han before it moves down too.
  auto lines = layout_paragraph(han(9) + "——" + han(5), kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], han(8));
  EXPECT_EQ(texts(lines)[1].substr(3, 6), "——");
  expect_geometry(lines, st);
  // Non-strict: —— may start a line but not be split.
  st.strict = false;
  lines = layout_paragraph(han(9) + "——" + han(5), kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], han(9));
  EXPECT_EQ(texts(lines)[1].substr(0, 6), "——");
}

TEST(Paragraph, EllipsisStaysTogether) {
  const auto lines = layout_paragraph(han(9) + "……" + han(5), kMetrics, style(10));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], han(8));
}

TEST(Paragraph, NumberStaysWithItsUnit) {
  // 9 Han + "20" = 10 em; "个" would overflow; "20" moves down with it.
  const auto st = style(10);
  const auto lines = layout_paragraph(han(9) + "20个工作日", kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], han(9));
  EXPECT_EQ(texts(lines)[1], "20个工作日");
  expect_geometry(lines, st);
}

TEST(Paragraph, UrlAndPhoneAreNotBroken) {
  const std::string url = "https://www.hbzwfw.gov.cn/item/08016.html";  // 20.5 em
  const std::string text = "网上办理地址：" + url + "，咨询电话：0313-6521234，工作日上午8:30-12:00。";
  for (int chars : {22, 24, 28, 30}) {
    const auto st = style(chars);
    const auto lines = layout_paragraph(text, kMetrics, st);
    bool url_whole = false, phone_whole = false;
    for (const auto& t : texts(lines)) {
      url_whole |= t.find(url) != std::string::npos;
      phone_whole |= t.find("0313-6521234") != std::string::npos;
      EXPECT_NE(t.substr(0, 1), "/");
    }
    EXPECT_TRUE(url_whole) << chars;
    EXPECT_TRUE(phone_whole) << chars;
    for (const Line& l : lines) EXPECT_FALSE(l.forced_break);
    expect_geometry(lines, st);
  }
}

TEST(Paragraph, JustificationDoesNotLetterSpaceLatinRuns) {
  const auto st = style(10);
  const auto lines = layout_paragraph(han(7) + "0313-6521234", kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], han(7));
  EXPECT_NEAR(lines[0].width, 160, 1e-9);
  // The phone number on the last line keeps its natural 8 pt pitch.
  EXPECT_DOUBLE_EQ(lines[1].glyphs[1].x - lines[1].glyphs[0].x, 8);
}

TEST(Paragraph, OverlongCodeIsBrokenByCharactersAsLastResort) {
  const std::string code = "11130731402547295C4130101001000";  // 31 chars, 15.5 em
  const auto st = style(10, 2);
  const std::string text = "实施编码：" + code + "。";
  const auto lines = layout_paragraph(text, kMetrics, st);
  std::u32string all;
  bool forced = false;
  for (const Line& l : lines) {
    all += l.text();
    forced |= l.forced_break;
  }
  EXPECT_EQ(utf8_encode(all), text);
  EXPECT_TRUE(forced);
  // The first line is filled with the start of the code, not left with a stub.
  EXPECT_EQ(texts(lines)[0], "实施编码：" + code.substr(0, 6));
  EXPECT_EQ(lines.back().text().back(), U'。');
  EXPECT_NE(lines.back().text().size(), 1u);  // "。" does not start a line
  expect_geometry(lines, st);
}

TEST(Paragraph, ForcedBreakAvoidsSlashAtLineStart) {
  const auto st = style(5);
  const auto lines = layout_paragraph("https://www.hbzwfw.gov.cn/item/0801612345.html", kMetrics, st);
  for (size_t i = 1; i < lines.size(); ++i) EXPECT_NE(lines[i].text()[0], U'/');
  expect_geometry(lines, st);
}

TEST(Paragraph, CharacterWiderThanTheBoxStillPlaced) {
  const auto lines = layout_paragraph(han(3), kMetrics, style(0.5));
  EXPECT_EQ(lines.size(), 3u);
}

TEST(Paragraph, TrackingAddsSpaceAfterEveryCharacter) {
  auto st = style(10);
  st.tracking = 2;
  const auto lines = layout_paragraph(han(12), kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].glyphs.size(), 8u);  // 8 × 18 = 144 ≤ 160 < 9 × 18
  EXPECT_DOUBLE_EQ(lines[1].glyphs[1].x, 18);
  expect_geometry(lines, st);
}

TEST(Paragraph, LastLineAlignment) {
  auto st = style(10);
  st.justify = false;
  st.align = ParagraphStyle::Align::Center;
  auto lines = layout_paragraph(han(4), kMetrics, st);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[0].x, 48);
  st.align = ParagraphStyle::Align::Right;
  lines = layout_paragraph(han(4), kMetrics, st);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[0].x, 96);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[3].x + 16, 160);
}

TEST(Paragraph, TrailingSpaceHangs) {
  const auto st = style(5);
  const auto lines = layout_paragraph(std::string_view("abcdefgh ijklmnop"), kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], "abcdefgh ");
  EXPECT_DOUBLE_EQ(lines[0].glyphs.back().advance, 0);
  expect_geometry(lines, st);
}

TEST(Paragraph, MandatoryBreakEndsALineUnjustified) {
  const auto lines = layout_paragraph(std::string_view("甲乙\n丙丁"), kMetrics, style(10));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], "甲乙\n");
  EXPECT_DOUBLE_EQ(lines[0].width, 32);
}

TEST(Paragraph, MissingGlyphIsOneEm) {
  const auto lines = layout_paragraph(std::u32string_view(U"\uFFFF甲"), kMetrics, style(10));
  EXPECT_DOUBLE_EQ(lines[0].glyphs[1].x, 16);
  EXPECT_DOUBLE_EQ(measure("甲a", kMetrics, 16), 24);
}

// Index of the first glyph of `cp` on a line.
size_t find_glyph(const Line& l, char32_t cp) {
  for (size_t i = 0; i < l.glyphs.size(); ++i)
    if (l.glyphs[i].cp == cp) return i;
  ADD_FAILURE() << "no glyph U+" << std::hex << static_cast<uint32_t>(cp);
  return 0;
}

TEST(Punctuation, ClosingThenOpeningBracketTakesOneEm) {
  // clreq 3.1.6.2: the blank after "）" and the blank before "（" are both cut.
  auto st = style(20);
  st.justify = false;
  const auto lines = layout_paragraph("申请表（原件）（复印件）", kMetrics, st);
  ASSERT_EQ(lines.size(), 1u);
  const Line& l = lines[0];
  const size_t close = find_glyph(l, U'）');
  const Glyph& c = l.glyphs[close];
  const Glyph& o = l.glyphs[close + 1];
  ASSERT_EQ(o.cp, U'（');
  EXPECT_DOUBLE_EQ(c.advance, 8);
  EXPECT_DOUBLE_EQ(o.x, c.x + 8);
  EXPECT_DOUBLE_EQ(o.advance, 8);
  EXPECT_DOUBLE_EQ(o.lead, 8);
  EXPECT_DOUBLE_EQ(o.origin(), c.x);  // drawn over the closing bracket's blank half
  // The character after the pair is one em after the closing bracket.
  EXPECT_DOUBLE_EQ(l.glyphs[close + 2].x - c.x, 16);
  // 12 characters, the inner "）（" half each: 11 em.
  EXPECT_DOUBLE_EQ(l.natural_width, 11 * 16);
}

TEST(Punctuation, ClosingPairsAndOpeningPairsTakeOneAndAHalfEm) {
  auto st = style(20);
  st.justify = false;
  auto lines = layout_paragraph("见《办法》）。其后", kMetrics, st);
  ASSERT_EQ(lines.size(), 1u);
  const Line& a = lines[0];
  const size_t r = find_glyph(a, U'》');
  EXPECT_DOUBLE_EQ(a.glyphs[r].advance, 8);      // 》 before ）
  EXPECT_DOUBLE_EQ(a.glyphs[r + 1].advance, 8);  // ） before 。
  EXPECT_DOUBLE_EQ(a.glyphs[r + 2].advance, 16); // 。 before a Han: full
  EXPECT_DOUBLE_EQ(a.glyphs[r + 2].lead, 0);
  lines = layout_paragraph("依据（《条例》第三条）", kMetrics, st);
  const Line& b = lines[0];
  const size_t o = find_glyph(b, U'（');
  EXPECT_DOUBLE_EQ(b.glyphs[o].advance, 16);  // （ after a Han: full
  EXPECT_DOUBLE_EQ(b.glyphs[o].lead, 0);
  EXPECT_DOUBLE_EQ(b.glyphs[o + 1].advance, 8);  // 《 after （: its leading blank cut
  EXPECT_DOUBLE_EQ(b.glyphs[o + 1].lead, 8);
  EXPECT_DOUBLE_EQ(b.glyphs[o + 1].x, b.glyphs[o].x + 16);
}

TEST(Punctuation, NoSqueezeBetweenHanAndBrackets) {
  auto st = style(20);
  st.justify = false;
  const auto lines = layout_paragraph("甲（乙）丙", kMetrics, st);
  for (const Glyph& g : lines[0].glyphs) {
    EXPECT_DOUBLE_EQ(g.advance, 16);
    EXPECT_DOUBLE_EQ(g.lead, 0);
  }
}

TEST(Punctuation, SqueezedPairLetsALineHoldMore) {
  // 4 Han + "）（" + 5 Han: 11 characters in 10 em once the pair is one em.
  const auto st = style(10);
  const auto lines = layout_paragraph(han(4) + "）（" + han(5), kMetrics, st);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].natural_width, 160);
  expect_geometry(lines, st);
}

TEST(Punctuation, LineInitialOpeningBracketIsNotIndented) {
  // "（" moves to the second line ("（" may not end a line): its leading
  // blank is cut, so its ink starts at the box's left edge.
  const auto st = style(10);
  const auto lines = layout_paragraph(han(9) + "（" + han(6) + "）", kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  const Glyph& g = lines[1].glyphs[0];
  ASSERT_EQ(g.cp, U'（');
  EXPECT_DOUBLE_EQ(g.x, 0);
  EXPECT_DOUBLE_EQ(g.lead, 8);
  EXPECT_DOUBLE_EQ(g.advance, 8);
  EXPECT_DOUBLE_EQ(g.origin(), -8);
  EXPECT_DOUBLE_EQ(lines[1].glyphs[1].x, 8);
  expect_geometry(lines, st);
}

TEST(Punctuation, OpeningBracketAtAnIndentStartsAtTheIndent) {
  // A heading "（一）…" indented two characters: its ink at two em, like a
  // paragraph starting with a Han character.
  auto st = style(10, 2);
  st.justify = false;
  const auto lines = layout_paragraph("（一）办理步骤", kMetrics, st);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[0].x, 32);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[0].origin(), 24);
  EXPECT_DOUBLE_EQ(lines[0].glyphs[1].x, 40);
}

TEST(Punctuation, PairBrokenAcrossLinesSqueezesBothEnds) {
  // "）" ends the first line at half width, "（" starts the second with its
  // blank cut: the same as the pair on one line.
  const auto st = style(10);
  const auto lines = layout_paragraph(han(9) + "）（" + han(3), kMetrics, st);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts(lines)[0], han(9) + "）");
  EXPECT_EQ(lines[1].glyphs[0].cp, U'（');
  EXPECT_DOUBLE_EQ(lines[1].glyphs[0].x, 0);
  EXPECT_DOUBLE_EQ(lines[1].glyphs[0].origin(), -8);
  expect_geometry(lines, st);
}

TEST(Punctuation, HalfWidthBracketsAreLeftAlone) {
  // A font whose brackets are narrow has no blank half to cut.
  struct Narrow : Metrics {
    double advance(char32_t cp) const override {
      return cp == U'（' || cp == U'）' ? 0.5 : 1.0;
    }
  } narrow;
  auto st = style(20);
  st.justify = false;
  const auto lines = layout_paragraph("甲）（乙", narrow, st);
  for (const Glyph& g : lines[0].glyphs) EXPECT_DOUBLE_EQ(g.lead, 0);
  EXPECT_DOUBLE_EQ(lines[0].natural_width, 48);
}

// A million characters lay out without trouble (timings printed, not asserted).
TEST(Paragraph, MillionCharacters) {
  const std::string para =
      "申请人应当提交项目申请报告、城乡规划主管部门出具的选址意见书（县自然资源和规划局）、"
      "用地预审意见等材料；承诺办结时限为20个工作日，咨询电话：0313-6521234，"
      "网上办理：https://www.hbzwfw.gov.cn/item/08016.html。";
  const std::u32string p = utf8_decode(para);
  const size_t paras = 1000000 / p.size() + 1;
  ParagraphStyle st = style(28, 2);
  std::vector<Line> lines;
  lines.reserve(64);
  layout_paragraph_into(p, kMetrics, st, lines);  // warm up (creates the ICU iterator)
  size_t chars = 0, nlines = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < paras; ++i) {
    lines.clear();
    layout_paragraph_into(p, kMetrics, st, lines);
    chars += p.size();
    nlines += lines.size();
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("[perf] %zu chars, %zu paragraphs, %zu lines in %.3f s (%.0f ns/char)\n", chars,
              paras, nlines, secs, secs * 1e9 / static_cast<double>(chars));
  // Also through the public API that returns a vector per paragraph.
  const auto t1 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < paras; ++i) nlines += layout_paragraph(p, kMetrics, st).size();
  const double secs2 =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  std::printf("[perf] public layout_paragraph: %.3f s\n", secs2);
  // Timings are printed only: speed is checked by bench/, never by unit tests.
  EXPECT_GT(nlines, paras);
}

}  // namespace
}  // namespace qd::ts
