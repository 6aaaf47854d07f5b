#include "sheet/csv_reader.h"

#include <gtest/gtest.h>
#include <iconv.h>

namespace qd {
namespace {

const std::string kDir = std::string(QD_SOURCE_DIR) + "/tests/fixtures/sheet/";

// Converts UTF-8 to GB18030 with iconv (to make test input).
std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* dst = out.data();
  size_t out_left = out.size();
  size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  EXPECT_NE(r, static_cast<size_t>(-1));
  out.resize(out.size() - out_left);
  return out;
}

// The content of the CSV fixtures (see make_fixtures.py).
void expect_fixture_content(const Sheet& s, const std::string& what) {
  EXPECT_EQ(s.name, "实施清单");
  ASSERT_EQ(s.row_count(), 4) << what;
  EXPECT_EQ(s.at(0, 0).text, "事项名称") << what;
  EXPECT_EQ(s.at(0, 2).text, "备注") << what;
  EXPECT_EQ(s.at(1, 0).text, "建设工程规划许可") << what;
  EXPECT_EQ(s.at(1, 1).type, CellType::String) << what;
  EXPECT_EQ(s.at(1, 1).text, "130731") << what;
  EXPECT_EQ(s.at(1, 2).text, "含,逗号") << what;
  EXPECT_EQ(s.at(2, 1).text, "00123") << what;
  EXPECT_EQ(s.at(2, 2).text, "他说\"好\"") << what;
  EXPECT_EQ(s.at(3, 1).type, CellType::Empty) << what;
  EXPECT_EQ(s.at(3, 2).text, "第一行\n第二行") << what;
}

TEST(CsvReader, Utf8WithBom) {
  auto s = read_csv_file(kDir + "utf8_bom.csv", "实施清单");
  ASSERT_TRUE(s.ok()) << s.error().str();
  expect_fixture_content(s.value(), "utf8 bom");
}

TEST(CsvReader, Utf8WithoutBomLf) {
  auto s = read_csv_file(kDir + "utf8.csv", "实施清单");
  ASSERT_TRUE(s.ok()) << s.error().str();
  expect_fixture_content(s.value(), "utf8");
}

TEST(CsvReader, Gb18030Fixture) {
  auto s = read_csv_file(kDir + "gb18030.csv", "实施清单");
  ASSERT_TRUE(s.ok()) << s.error().str();
  expect_fixture_content(s.value(), "gb18030");
}

TEST(CsvReader, Gb18030MadeWithIconv) {
  std::string gb = to_gb18030("事项名称,实施主体\r\n食品经营许可,某县市场监督管理局\r\n");
  auto s = read_csv(gb, "部门.csv", "实施清单");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->at(1, 1).text, "某县市场监督管理局");
  EXPECT_EQ(s->row_count(), 2);
}

TEST(CsvReader, QuotesCommasLineBreaksCrlf) {
  auto s = read_csv("a,\"b,c\",\"d\"\"e\"\r\n\"x\r\ny\",,z\r\n\r\nlast", "t.csv", "s");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->row_count(), 4);
  EXPECT_EQ(s->at(0, 1).text, "b,c");
  EXPECT_EQ(s->at(0, 2).text, "d\"e");
  EXPECT_EQ(s->at(1, 0).text, "x\ny");
  EXPECT_EQ(s->at(1, 1).type, CellType::Empty);
  EXPECT_EQ(s->at(1, 2).text, "z");
  EXPECT_TRUE(s->rows[2].empty());
  EXPECT_EQ(s->at(3, 0).text, "last");
}

TEST(CsvReader, TrailingEmptyLinesAndKeepsSpaces) {
  auto s = read_csv(" a ,b\n\n\n", "t.csv", "s");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->row_count(), 1);
  EXPECT_EQ(s->at(0, 0).text, " a ");
  auto empty = read_csv("", "t.csv", "s");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->row_count(), 0);
}

TEST(CsvReader, LeadingEqualsIsText) {
  auto s = read_csv("=HYPERLINK(\"x\"),130731\n", "t.csv", "s");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->at(0, 0).type, CellType::String);
  EXPECT_EQ(s->at(0, 0).text, "=HYPERLINK(\"x\")");
}

TEST(CsvReader, InvalidBytesAreAnError) {
  auto s = read_csv("a,b\n\xFF\xFF\x80,c\n", "坏.csv", "s");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().place.file, "坏.csv");
  EXPECT_NE(s.error().message.find("编码"), std::string::npos);
}

TEST(CsvReader, OtherBadInput) {
  auto utf16 = read_csv(std::string("\xFF\xFE" "a\0,\0", 6), "u.csv", "s");
  ASSERT_FALSE(utf16.ok());
  EXPECT_NE(utf16.error().message.find("UTF-16"), std::string::npos);
  auto xlsx = read_csv(std::string("PK\x03\x04junk", 8), "x.csv", "s");
  ASSERT_FALSE(xlsx.ok());
  EXPECT_NE(xlsx.error().message.find(".xlsx"), std::string::npos);
  auto unterminated = read_csv("a,b\nc,\"open", "q.csv", "实施清单");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_EQ(unterminated.error().place.str(), "q.csv:实施清单!B2");
  auto missing = read_csv_file("/nonexistent/x.csv", "s");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().place.file, "/nonexistent/x.csv");
}

TEST(CsvReader, Limits) {
  ReadLimits lim;
  lim.max_cell_chars = 5;
  auto s = read_csv("ok,toolong\n", "l.csv", "s", lim);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().place.str(), "l.csv:s!B1");
  ReadLimits rows;
  rows.max_rows = 2;
  EXPECT_FALSE(read_csv("a\nb\nc\n", "l.csv", "s", rows).ok());
  ReadLimits cols;
  cols.max_cols = 2;
  EXPECT_FALSE(read_csv("a,b,c\n", "l.csv", "s", cols).ok());
  // Rows holding a value (not blank lines) and cells holding one.
  ReadLimits data;
  data.max_data_rows = 2;
  EXPECT_TRUE(read_csv("a\n\n,\nb\n", "l.csv", "s", data).ok());
  auto many = read_csv("a\nb\nc\n", "l.csv", "实施清单", data);
  ASSERT_FALSE(many.ok());
  EXPECT_NE(many.error().message.find("实施清单"), std::string::npos) << many.error().str();
  ReadLimits cells;
  cells.max_cells = 3;
  EXPECT_TRUE(read_csv("a,b\nc,\n", "l.csv", "s", cells).ok());
  EXPECT_FALSE(read_csv("a,b\nc,d\n", "l.csv", "s", cells).ok());
}

}  // namespace
}  // namespace qd
