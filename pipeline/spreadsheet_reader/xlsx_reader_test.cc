#include "spreadsheet_reader/xlsx_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include "base/text.h"

#include "support/test_zip.h"

namespace qd {
namespace {

const std::string kDir = std::string(QD_SOURCE_DIR) + "/tests/fixtures/sheet/";

// Reads a fixture workbook, failing the test if it cannot be read.
Workbook load(const std::string& name) {
  auto wb = read_xlsx_file(kDir + name);
  EXPECT_TRUE(wb.ok()) << name << ": " << (wb.ok() ? "" : wb.error().str());
  return wb.ok() ? std::move(wb).value() : Workbook{};
}

// Checks one cell's type and text.
void expect_cell(const Sheet& s, int r, int c, CellType type, const std::string& text,
                 const std::string& what) {
  const Cell& cell = s.at(r, c);
  EXPECT_EQ(cell.type, type) << what << " " << r << "," << c << " text=" << cell.text;
  EXPECT_EQ(cell.text, text) << what << " " << r << "," << c;
}

// The content shared by all writer variants (see make_fixtures.py).
void expect_common_content(const Workbook& wb, const std::string& what) {
  ASSERT_EQ(wb.sheets.size(), 2u) << what;
  const Sheet* s = wb.find("实施清单");
  ASSERT_NE(s, nullptr) << what;
  EXPECT_FALSE(s->hidden) << what;
  const std::string title = "某县行政许可事项实施清单";
  expect_cell(*s, 0, 0, CellType::String, title, what);
  EXPECT_FALSE(s->at(0, 0).from_merge);
  for (int c = 1; c <= 4; ++c) {
    expect_cell(*s, 0, c, CellType::String, title, what);
    EXPECT_TRUE(s->at(0, c).from_merge) << what << " col " << c;
  }
  EXPECT_EQ(s->at(0, 5).type, CellType::Empty) << what;
  const char* header[] = {"事项名称", "编码(文本)", "编码(数字)", "日期", "备注", "数量"};
  for (int c = 0; c < 6; ++c) expect_cell(*s, 1, c, CellType::String, header[c], what);
  expect_cell(*s, 2, 0, CellType::String, "建设工程规划许可", what);
  expect_cell(*s, 2, 1, CellType::String, "130731", what);
  expect_cell(*s, 2, 2, CellType::Number, "130731", what);
  EXPECT_EQ(s->at(2, 2).number, 130731);
  expect_cell(*s, 2, 3, CellType::Date, "2017-08-30", what);
  EXPECT_EQ(s->at(2, 3).number, 42977);
  expect_cell(*s, 2, 4, CellType::String, "第一行\n第二行", what);
  expect_cell(*s, 2, 5, CellType::Number, "0.5", what);
  for (int c = 0; c < 8; ++c) EXPECT_EQ(s->at(3, c).type, CellType::Empty) << what;
  expect_cell(*s, 4, 0, CellType::String, "=HYPERLINK(\"http://x\")", what);
  expect_cell(*s, 4, 1, CellType::String, "00123", what);
  expect_cell(*s, 4, 2, CellType::Number, "130731000000", what);
  expect_cell(*s, 4, 3, CellType::Boolean, "TRUE", what);
  EXPECT_EQ(s->at(4, 3).number, 1);
  expect_cell(*s, 4, 4, CellType::String, " 前后空格 ", what);
  expect_cell(*s, 4, 5, CellType::Number, "-2.25", what);
  for (int r = 5; r <= 7; ++r) {
    expect_cell(*s, r, 0, CellType::String, "食品经营许可", what);
    EXPECT_EQ(s->at(r, 0).from_merge, r > 5) << what << " row " << r;
  }
  expect_cell(*s, 5, 1, CellType::String, "营业执照", what);
  expect_cell(*s, 6, 1, CellType::String, "身份证明", what);
  expect_cell(*s, 7, 1, CellType::String, "场所证明", what);
  ASSERT_EQ(s->merged.size(), 2u) << what;
  bool title_merge = false, item_merge = false;
  for (const CellRange& m : s->merged) {
    if (m.first_row == 0 && m.first_col == 0 && m.last_row == 0 && m.last_col == 4) title_merge = true;
    if (m.first_row == 5 && m.first_col == 0 && m.last_row == 7 && m.last_col == 0) item_merge = true;
  }
  EXPECT_TRUE(title_merge && item_merge) << what;

  const Sheet* info = wb.find("填报信息");
  ASSERT_NE(info, nullptr) << what;
  EXPECT_TRUE(info->hidden) << what;
  expect_cell(*info, 0, 1, CellType::String, "某县市场监督管理局", what);
  expect_cell(*info, 1, 1, CellType::Date, "2017-09-30", what);
  expect_cell(*info, 2, 1, CellType::String, "0312-1234567", what);
}

TEST(XlsxReader, Openpyxl) { expect_common_content(load("content_openpyxl.xlsx"), "openpyxl"); }
TEST(XlsxReader, LibreOffice) { expect_common_content(load("content_libreoffice.xlsx"), "libreoffice"); }
TEST(XlsxReader, Libxlsxwriter) {
  expect_common_content(load("content_libxlsxwriter.xlsx"), "libxlsxwriter");
}
TEST(XlsxReader, ExcelWpsQuirks) { expect_common_content(load("content_quirks.xlsx"), "quirks"); }

TEST(XlsxReader, AllWritersGiveTheSameCells) {
  std::vector<std::string> names = {"content_openpyxl.xlsx", "content_libreoffice.xlsx",
                                    "content_libxlsxwriter.xlsx", "content_quirks.xlsx"};
  std::vector<Workbook> wbs;
  for (const auto& n : names) wbs.push_back(load(n));
  for (size_t k = 1; k < wbs.size(); ++k) {
    for (const char* sheet : {"实施清单", "填报信息"}) {
      const Sheet* a = wbs[0].find(sheet);
      const Sheet* b = wbs[k].find(sheet);
      ASSERT_TRUE(a && b);
      for (int r = 0; r < 8; ++r) {
        for (int c = 0; c < 8; ++c) {
          EXPECT_EQ(a->at(r, c).type, b->at(r, c).type) << names[k] << " " << sheet << r << "," << c;
          EXPECT_EQ(a->at(r, c).text, b->at(r, c).text) << names[k] << " " << sheet << r << "," << c;
          EXPECT_EQ(a->at(r, c).number, b->at(r, c).number) << names[k] << " " << r << "," << c;
          EXPECT_EQ(a->at(r, c).from_merge, b->at(r, c).from_merge) << names[k] << " " << r << "," << c;
        }
      }
    }
  }
}

TEST(XlsxReader, QuirksExtras) {
  Workbook wb = load("content_quirks.xlsx");
  const Sheet* s = wb.find("实施清单");
  ASSERT_NE(s, nullptr);
  expect_cell(*s, 9, 0, CellType::Number, "2", "shared formula master");
  expect_cell(*s, 9, 1, CellType::Number, "3", "shared formula child");
  expect_cell(*s, 9, 2, CellType::Error, "#N/A", "error cell");
  expect_cell(*s, 9, 3, CellType::String, "ab", "str formula");
  expect_cell(*s, 9, 4, CellType::Empty, "", "formula without value");
  expect_cell(*s, 9, 5, CellType::Date, "2017-08-30", "t=d");
  expect_cell(*s, 10, 0, CellType::String, "_x000D_", "escaped escape");
  expect_cell(*s, 10, 1, CellType::String, "富文本 ", "inline rich text");
  expect_cell(*s, 10, 2, CellType::Date, "2017-08-31", "custom Chinese date format");
  expect_cell(*s, 10, 3, CellType::Boolean, "FALSE", "false");
  EXPECT_EQ(s->row_count(), 11);
}

const std::string kStrictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";

TEST(XlsxReader, StrictNamespacesAndWorkbookOutsideXl) {
  std::vector<testing::ZipEntry> parts = {
      {"_rels/.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"R1\" Type=\"" + kStrictRel + "/officeDocument\" Target=\"book/main.xml\"/>"
       "</Relationships>"},
      {"book/main.xml",
       "<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" xmlns:r=\"" + kStrictRel +
           "\"><workbookPr date1904=\"1\"/><sheets><sheet name=\" 实施清单 \" sheetId=\"1\" "
           "r:id=\"a\" state=\"veryHidden\"/></sheets></workbook>"},
      {"book/_rels/main.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"a\" Type=\"" + kStrictRel + "/worksheet\" Target=\"./s/../sheets/one.xml\"/>"
       "<Relationship Id=\"b\" Type=\"" + kStrictRel + "/styles\" Target=\"st.xml\"/>"
       "</Relationships>"},
      {"book/st.xml",
       "<styleSheet xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><cellXfs>"
       "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"},
      {"book/sheets/one.xml",
       "<worksheet xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><sheetData>"
       "<row r=\"2\"><c r=\"b2\" s=\"1\"><v>0</v></c><c r=\"A2\" t=\"str\"><v>x</v></c></row>"
       "<row r=\"1\"><c r=\"C1\"><v>7</v></c></row>"
       "</sheetData></worksheet>"},
  };
  auto wb = read_xlsx(testing::make_zip(parts), "strict.xlsx");
  ASSERT_TRUE(wb.ok()) << wb.error().str();
  const Sheet* s = wb->find("实施清单");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->hidden);
  expect_cell(*s, 1, 1, CellType::Date, "1904-01-01", "date1904");
  expect_cell(*s, 1, 0, CellType::String, "x", "out of order");
  expect_cell(*s, 0, 2, CellType::Number, "7", "row before");
}

// Reads a minimal workbook around the given <sheetData> children.
Result<Workbook> read_data(const std::string& data, const std::string& after = "",
                           const std::string& sst = "", const ReadLimits& lim = {}) {
  return read_xlsx(testing::make_zip(testing::minimal_xlsx_parts(testing::worksheet_xml(data, after), sst)),
                   "dept.xlsx", lim);
}

TEST(XlsxReader, BadCellReferencesAreErrors) {
  auto wb = read_data("<row><c r=\"XFD1048577\"><v>1</v></c></row>");
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.error().place.file, "dept.xlsx");
  EXPECT_EQ(wb.error().place.sheet, "实施清单");
  EXPECT_NE(wb.error().message.find("XFD1048577"), std::string::npos);
  EXPECT_FALSE(read_data("<row r=\"0\"><c><v>1</v></c></row>").ok());
  EXPECT_FALSE(read_data("<row r=\"99999999999999999999\"><c><v>1</v></c></row>").ok());
  EXPECT_FALSE(read_data("<row><c r=\"1A\"><v>1</v></c></row>").ok());
  // The last column is fine.
  auto ok = read_data("<row><c r=\"XFD1048576\"><v>1</v></c></row>");
  ASSERT_TRUE(ok.ok()) << ok.error().str();
}

TEST(XlsxReader, BadValuesAreCellErrors) {
  auto wb = read_data("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>5</v></c></row>");
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.error().place.str(), "dept.xlsx:实施清单!C3");
  auto num = read_data("<row r=\"1\"><c r=\"A1\"><v>12abc</v></c></row>");
  ASSERT_FALSE(num.ok());
  EXPECT_EQ(num.error().place.cell, "A1");
}

TEST(XlsxReader, CellOverLimitNamesTheCell) {
  std::string big(40000, 'x');
  auto wb = read_data("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + big + "</t></is></c></row>");
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.error().place.str(), "dept.xlsx:实施清单!B2");
  EXPECT_NE(wb.error().message.find("32767"), std::string::npos);
  // The same through a shared string.
  auto sst = read_data("<row r=\"4\"><c r=\"D4\" t=\"s\"><v>0</v></c></row>", "",
                       "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                       "<si><r><t>" + big.substr(0, 20000) + "</t></r><r><t>" + big.substr(0, 20000) +
                           "</t></r></si></sst>");
  ASSERT_FALSE(sst.ok());
  EXPECT_EQ(sst.error().place.str(), "dept.xlsx:实施清单!D4");
  // Exactly at the limit (in code points, not bytes) is fine.
  std::string at_limit;
  for (int i = 0; i < 32767; ++i) at_limit += "中";
  auto ok = read_data("<row><c t=\"inlineStr\"><is><t>" + at_limit + "</t></is></c></row>");
  ASSERT_TRUE(ok.ok()) << ok.error().str();
  EXPECT_EQ(ok->sheets[0].at(0, 0).text.size(), at_limit.size());
}

TEST(XlsxReader, HugeMergeAndSparseCells) {
  auto wb = read_data("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>t</v></c><c r=\"C3\"><v>1</v></c></row>",
                      "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/><mergeCell ref=\"bad\"/></mergeCells>");
  ASSERT_TRUE(wb.ok()) << wb.error().str();
  const Sheet& s = wb->sheets[0];
  EXPECT_EQ(s.at(0, 2).text, "t");
  EXPECT_EQ(s.at(2, 2).text, "t");  // the fill replaces content hidden under the merge
  EXPECT_TRUE(s.at(2, 2).from_merge);
  EXPECT_EQ(s.merged.size(), 1u);

  std::string sparse;
  for (int r = 1; r <= 1000; ++r)
    sparse += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
  auto sp = read_data(sparse);
  ASSERT_FALSE(sp.ok());
  EXPECT_EQ(sp.error().place.file, "dept.xlsx");
}

TEST(XlsxReader, MissingFile) {
  auto wb = read_xlsx_file("/nonexistent/部门.xlsx");
  ASSERT_FALSE(wb.ok());
  EXPECT_NE(wb.error().str().find("部门.xlsx"), std::string::npos);
}

// A large sheet reads completely. (How fast is measured by bench/, not here:
// unit tests never assert timings.)
TEST(XlsxReader, TwoThousandRowsFiftyColumns) {
  std::string sst = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (int i = 0; i < 1000; ++i) sst += "<si><t>事项名称文本" + std::to_string(i) + "</t></si>";
  sst += "</sst>";
  std::string data;
  data.reserve(8 << 20);
  for (int r = 1; r <= 2000; ++r) {
    data += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < 50; ++c) {
      std::string ref = column_name(c) + std::to_string(r);
      if (c % 2 == 0)
        data += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string((r * 50 + c) % 1000) + "</v></c>";
      else
        data += "<c r=\"" + ref + "\" s=\"0\"><v>" + std::to_string(r * 1.25 + c) + "</v></c>";
    }
    data += "</row>";
  }
  std::string bytes =
      testing::make_zip(testing::minimal_xlsx_parts(testing::worksheet_xml(data), sst));
  // CPU time is printed for the curious; no assertion on it.
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    std::clock_t start = std::clock();
    auto wb = read_xlsx(bytes, "big.xlsx");
    double ms = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    best = std::min(best, ms);
    ASSERT_TRUE(wb.ok()) << wb.error().str();
    EXPECT_EQ(wb->sheets[0].row_count(), 2000);
    EXPECT_EQ(wb->sheets[0].rows[1999].size(), 50u);
    EXPECT_EQ(wb->sheets[0].at(1999, 1).text, "2501");
  }
  std::printf("2000x50 sheet read in %.1f ms CPU\n", best);
}

}  // namespace
}  // namespace qd
