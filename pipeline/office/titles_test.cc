#include "office/titles.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "office/blocks.h"
#include "print/fonts.h"

namespace qd::office {
namespace {

const ts::Metrics* title_font() {
  return print::role_metrics(QD_SOURCE_DIR "/fonts/fonts.toml", Role::Title);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    if (c == '\n') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// 21 characters at 22 pt are wider than the 156 mm type area: two balanced
// lines, none of one character, each within the room.
TEST(OfficeTitles, LongTitleBreaksIntoBalancedLines) {
  ASSERT_NE(title_font(), nullptr);
  for (const std::string title : {"涿鹿县人力资源和社会保障局政务服务事项办事指南",
                                  "张家口市生态环境局涿鹿县分局政务服务事项办事指南",
                                  "涿鹿县县城规划建设管理与市政公用事业综合服务保障中心临时办公室协调组政务服务事项办事指南"}) {
    const std::string out = balanced_title(title, title_font());
    const std::vector<std::string> lines = lines_of(out);
    ASSERT_GE(lines.size(), 2u) << out;
    std::string joined;
    size_t shortest = 1000, longest = 0;
    for (const std::string& l : lines) {
      joined += l;
      const size_t n = utf8_length(l);
      shortest = std::min(shortest, n);
      longest = std::max(longest, n);
      EXPECT_LE(text_ems(l) * kTitlePt, kTitleRoomMm / 25.4 * 72 + 0.01) << l;
    }
    EXPECT_EQ(joined, title);
    EXPECT_GE(shortest, 2u) << out;
    EXPECT_LE(longest - shortest, 6u) << out;  // balanced, not a long line and a stub
  }
}

TEST(OfficeTitles, ShortTitleStaysOneLineAndNoMetricsLeavesItAlone) {
  EXPECT_EQ(balanced_title("涿鹿县民政局政务服务事项办事指南", title_font()), "涿鹿县民政局政务服务事项办事指南");
  const std::string long_title = "涿鹿县人力资源和社会保障局政务服务事项办事指南";
  EXPECT_EQ(balanced_title(long_title, nullptr), long_title);
  docx::Paragraph p = title_paragraph(long_title, title_font());
  EXPECT_EQ(p.style, "Title");
  ASSERT_EQ(p.runs.size(), 1u);
  EXPECT_NE(p.runs[0].text.find('\n'), std::string::npos);
}

TEST(OfficeTables, ColumnsFitTheirTextAndLongNamesBreakEvenly) {
  const std::vector<std::string> header = {"序号", "部门", "报送情况", "报送日期", "事项数"};
  const std::vector<std::vector<std::string>> rows = {
      {"1", "涿鹿县市场监督管理局", "文件无法读取", "2017年8月30日", "38"},
      {"2", "张家口市生态环境局涿鹿县分局", "逾期3天", "2017年9月2日", "9"}};
  const std::vector<double> w = fitted_widths(header, rows, 10.5, 156, 1);
  double total = 0;
  for (double x : w) total += x;
  EXPECT_NEAR(total, 156, 0.01);
  const double em = 10.5 * 25.4 / 72;
  EXPECT_GE(w[2], 6 * em + 3);   // 文件无法读取 whole
  EXPECT_GE(w[3], 8.45 * em + 3);  // 2017年8月30日 whole, spaced: 7 × 0.6 + 3 + 5 × 0.25
  EXPECT_NEAR(text_ems("2017年8月30日"), 8.45, 1e-9);
  EXPECT_GE(w[4], 3 * em + 3);   // 事项数 whole
  EXPECT_EQ(balanced_cell("涿鹿县市场监督管理局", w[1], 10.5), "涿鹿县市场监督管理局");
  EXPECT_EQ(balanced_cell("张家口市生态环境局涿鹿县分局", 30, 10.5), "张家口市生态环\n境局涿鹿县分局");
  EXPECT_EQ(balanced_cell("人力资源和社会保障局", 30, 10.5), "人力资源和\n社会保障局");
  // With the font's widths, between words.
  const std::string by_words = balanced_cell("张家口市生态环境局涿鹿县分局", 40, 10.5, title_font());
  EXPECT_TRUE(by_words == "张家口市生态\n环境局涿鹿县分局" || by_words == "张家口市生态环境局\n涿鹿县分局") << by_words;
}

}  // namespace
}  // namespace qd::office
