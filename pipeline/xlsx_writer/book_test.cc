#include "xlsx_writer/book.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "xlsx_writer/print.h"
#include "support/testing.h"

namespace qd::xlsx {
namespace {

// Writes a small workbook with texts that look like formulas.
Status write_sample(const std::string& path) {
  Book book;
  DocInfo info{"测试", "主题", "涿鹿县行政审批局", "涿鹿县行政审批局", "", Date{2017, 9, 30}};
  if (Status s = book.open(path, info); !s) return s;
  lxw_worksheet* ws = book.add_sheet("汇总");
  lxw_format* f = book.format(body_style());
  book.text(ws, 0, 0, "=HYPERLINK(\"http://evil.example\",\"点我\")", f);
  book.text(ws, 1, 0, "+86 0313", f);
  book.text(ws, 2, 0, "-1", f);
  book.text(ws, 3, 0, "@SUM(A1)", f);
  book.text(ws, 4, 0, std::string(40000, 'x'), f);
  book.text(ws, 5, 0, "0313", book.format(text_style()));
  book.text(ws, 6, 0, "控制\x01字符", f);
  setup_print(book, ws, PrintSetup{"涿鹿县&测试", 0, 0});
  return book.close();
}

TEST(Book, FormulaLikeTextStaysText) {
  std::string dir = testing::fresh_dir("book_text");
  std::string path = dir + "/t.xlsx";
  ASSERT_TRUE(write_sample(path).ok());
  auto dump = testing::dump_xlsx(path);
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  const auto& ws = testing::sheet(*dump, "汇总");
  EXPECT_EQ(testing::cell(ws, "A1"), "=HYPERLINK(\"http://evil.example\",\"点我\")");
  for (const char* ref : {"A1", "A2", "A3", "A4", "A5", "A6"})
    EXPECT_EQ(ws["types"][ref], "s") << ref;
  EXPECT_EQ(testing::cell(ws, "A2"), "+86 0313");
  EXPECT_EQ(testing::cell(ws, "A3"), "-1");
  EXPECT_EQ(testing::cell(ws, "A4"), "@SUM(A1)");
  std::string cut = testing::cell(ws, "A5");
  EXPECT_EQ(utf8_length(cut), kMaxCellChars);
  EXPECT_TRUE(cut.ends_with("…"));
  EXPECT_EQ(ws["formats"]["A6"], "@");
  // Characters XML 1.0 cannot carry are left out (validation reported them
  // at their input cell): openpyxl and Excel read the rest.
  EXPECT_EQ(testing::cell(ws, "A7"), "控制字符");
  EXPECT_EQ(ws["paper"], 8);
  EXPECT_EQ(ws["orientation"], "landscape");
  EXPECT_TRUE(ws["fit_to_page"].get<bool>());
  EXPECT_EQ(ws["fit_height"], 0);
  EXPECT_EQ(ws["footer"], "第 &P 页，共 &N 页");
  EXPECT_NE(ws["header"].get<std::string>().find("涿鹿县&&测试"), std::string::npos);
  EXPECT_EQ((*dump)["properties"]["created"], "2017-09-30T00:00:00");
  EXPECT_EQ((*dump)["properties"]["creator"], "涿鹿县行政审批局");
}

TEST(Book, SameInputSameBytesWhateverClockAndZone) {
  std::string dir = testing::fresh_dir("book_det");
  setenv("TZ", "UTC", 1);
  tzset();
  ASSERT_TRUE(write_sample(dir + "/a.xlsx").ok());
  sleep(1);
  setenv("TZ", "Asia/Shanghai", 1);
  tzset();
  ASSERT_TRUE(write_sample(dir + "/b.xlsx").ok());
  unsetenv("TZ");
  tzset();
  std::string a = testing::slurp(dir + "/a.xlsx"), b = testing::slurp(dir + "/b.xlsx");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
}

TEST(Book, CellTextCutsOnlyLongText) {
  EXPECT_EQ(cell_text("短文本"), "短文本");
  std::string s;
  for (int i = 0; i < 40000; ++i) s += "汉";
  std::string cut = cell_text(s);
  EXPECT_EQ(utf8_length(cut), kMaxCellChars);
  EXPECT_TRUE(cut.ends_with("汉…"));
  EXPECT_EQ(cell_text("a\xff"), "a\xEF\xBF\xBD");  // invalid UTF-8 becomes U+FFFD
}

TEST(Book, SheetNamesValidAndUnique) {
  EXPECT_TRUE(valid_sheet_name("县市场监督管理局"));
  EXPECT_FALSE(valid_sheet_name("a/b"));
  EXPECT_FALSE(valid_sheet_name(std::string(32, 'a')));
  EXPECT_EQ(clean_sheet_name("a[b]:c"), "a_b__c");
  std::string dir = testing::fresh_dir("book_names");
  Book book;
  ASSERT_TRUE(book.open(dir + "/n.xlsx", DocInfo{}).ok());
  std::string longname = "涿鹿县县城规划建设管理与市政公用事业综合服务保障中心临时办公室协调组";
  lxw_worksheet* a = book.add_sheet(longname, "规划服务中心");
  lxw_worksheet* b = book.add_sheet("规划服务中心");
  lxw_worksheet* c = book.add_sheet("x/y?");
  lxw_worksheet* d = book.add_sheet(longname);
  EXPECT_EQ(book.sheet_name(a), "规划服务中心");
  EXPECT_EQ(book.sheet_name(b), "规划服务中心(2)");
  EXPECT_EQ(book.sheet_name(c), "x_y_");
  EXPECT_EQ(utf8_length(book.sheet_name(d)), 31u);
  EXPECT_TRUE(book.close().ok());
}

TEST(Book, ErrorsComeBackAsStatus) {
  Book book;
  Status s = book.open("/proc/no/such/dir/x.xlsx", DocInfo{});
  if (s.ok()) {
    book.add_sheet("a");
    s = book.close();
  }
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace qd::xlsx
