// Lays out every text of the sample county catalogue
// (tools/sample_data/items.txt: item names, legal bases, results, materials,
// conditions, contents, fees, FAQs …) plus guide paragraphs composed from
// them (deadlines, phones, portal URLs, codes) at several column widths, and
// checks every line: 禁则, box width, and that no character is lost.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include "base/text.h"
#include "typeset/fake_metrics.h"
#include "typeset/kinsoku.h"
#include "typeset/paragraph.h"

namespace qd::ts {
namespace {

// Splits on a separator string, keeping empty parts out.
std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    size_t q = s.find(sep, p);
    std::string part = trim(s.substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (!part.empty()) out.push_back(part);
    if (q == std::string::npos) break;
    p = q + sep.size();
  }
  return out;
}

// Every text of the catalogue and composed guide paragraphs.
std::vector<std::string> load_corpus() {
  std::ifstream in(std::string(QD_SOURCE_DIR) + "/tools/sample_data/items.txt");
  EXPECT_TRUE(in.good());
  std::vector<std::string> out;
  std::string line;
  int item = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("==", 0) == 0) continue;
    const auto f = split(line, "|");
    if (f.size() < 8) continue;
    ++item;
    for (int i : {1, 2, 3}) out.push_back(f[static_cast<size_t>(i)]);
    std::string mats;
    int m = 0;
    for (std::string mat : split(f[7], ";")) {
      if (!mat.empty() && (mat[0] == '@' || mat[0] == '#')) mat.erase(0, 1);
      while (!mat.empty() && (mat.back() == '?' || mat.back() == '!')) mat.pop_back();
      for (const auto& part : split(mat, "/")) out.push_back(part);
      mats += std::to_string(++m) + "." + split(mat, "/")[0] + "；";
    }
    if (!mats.empty()) out.push_back("申请材料：" + mats);
    if (f.size() > 8) {
      for (const auto& flag : split(f[8], ";")) {
        const size_t eq = flag.find('=');
        if (eq == std::string::npos) continue;
        const std::string value = flag.substr(eq + 1);
        out.push_back(value);
        for (const auto& part : split(value, ">>")) out.push_back(part);
      }
    }
    char buf[1024];
    std::snprintf(buf, sizeof buf,
                  "%s：法定办结时限%s个工作日，承诺办结时限%s个工作日（即办件除外）。"
                  "咨询电话：0313-65%05d，投诉电话：0313-6512%03d；办公时间：周一至周五 "
                  "上午8:30—12:00，下午14:30—17:30（法定节假日除外）。网上办理："
                  "https://www.hbzwfw.gov.cn/zjk/zlx/bsfw/item/11130731402547295C41301010%05d.html，"
                  "实施编码11130731402547295C41301010%05d——扫描二维码也可查看“%s”的办事指南……",
                  f[1].c_str(), f[4].c_str(), f[5].c_str(), 21000 + item * 113, 300 + item % 700,
                  item, item, f[1].c_str());
    out.push_back(buf);
  }
  return out;
}

TEST(Corpus, EveryLineOfTheSampleCatalogueKeepsTheRules) {
  const auto corpus = load_corpus();
  ASSERT_GT(corpus.size(), 1000u);
  const testing::FakeMetrics metrics;
  const bool dump = std::getenv("QD_TYPESET_DUMP") != nullptr;  // print sample lines
  size_t paragraphs = 0, chars = 0, lines = 0, forced = 0, squeezed = 0, checks = 0;
  size_t initial_brackets = 0;
  for (const std::string& para : corpus) {
    const std::u32string text = utf8_decode(para);
    ++paragraphs;
    chars += text.size();
    for (int width : {10, 13, 17, 28}) {
      for (bool strict : {true, false}) {
        ParagraphStyle st;
        st.size = 16;
        st.width = width * 16.0;
        st.strict = strict;
        const auto out = layout_paragraph(std::u32string_view(text), metrics, st);
        lines += out.size();
        std::u32string joined;
        for (size_t i = 0; i < out.size(); ++i) {
          const Line& l = out[i];
          ASSERT_FALSE(l.glyphs.empty());
          joined += l.text();
          EXPECT_EQ(l.last, i + 1 == out.size());
          for (const Glyph& g : l.glyphs) {
            EXPECT_LE(g.x + g.advance, st.width + 0.01) << para << " @" << width;
            EXPECT_GE(g.x, -0.01);
            squeezed += g.advance > 0 && g.advance < 15.99 && g.cp > 0x2000;
          }
          if (!l.last) {
            EXPECT_NEAR(l.width, st.width, 0.01) << para << " @" << width;
          }
          forced += l.forced_break;
          // A line-initial opening bracket is not indented (clreq 3.1.6):
          // its ink starts at the box edge on wrapped lines.
          if (i > 0 && opening_bracket(l.glyphs.front().cp)) {
            EXPECT_NEAR(l.glyphs.front().x, 0, 1e-9) << para;
            EXPECT_NEAR(l.glyphs.front().lead, 8, 1e-9) << para;
            ++initial_brackets;
          }
          if (dump && width == 13 && strict && paragraphs % 97 == 1)
            std::printf("%s|%s\n", l.forced_break ? "F" : " ", utf8_encode(l.text()).c_str());
          if (i + 1 < out.size() && l.forced_break) {
            // Even a forced break keeps clear of the punctuation 禁则.
            EXPECT_FALSE(no_line_end(l.glyphs.back().cp)) << para;
            EXPECT_FALSE(no_line_start(out[i + 1].glyphs.front().cp, strict)) << para;
          }
          if (i + 1 < out.size() && !l.forced_break) {
            const char32_t end = l.glyphs.back().cp;
            const char32_t next = out[i + 1].glyphs.front().cp;
            ++checks;
            EXPECT_FALSE(no_line_end(end)) << para << " @" << width;
            EXPECT_FALSE(no_line_start(next, strict)) << para << " @" << width;
            EXPECT_FALSE(latin_run_char(end) && latin_run_char(next)) << para << " @" << width;
            EXPECT_FALSE(end == next && doubled_punctuation(end)) << para;
            EXPECT_FALSE(is_digit(end) && unit_after_number(next)) << para << " @" << width;
          }
        }
        ASSERT_EQ(joined, text) << para << " @" << width;
      }
    }
  }
  std::printf("[corpus] %zu paragraphs, %zu characters; %zu lines over 4 widths x 2 modes; "
              "%zu line ends checked, %zu forced breaks, %zu squeezed glyphs, %zu line-initial brackets\n",
              paragraphs, chars, lines, checks, forced, squeezed, initial_brackets);
}

}  // namespace
}  // namespace qd::ts
