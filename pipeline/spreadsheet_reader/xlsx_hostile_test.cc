// Broken and hostile files: each must be rejected with an error that names
// the file and says what is wrong, without crashing or eating memory.
#include <gtest/gtest.h>

#include <fstream>

#include "spreadsheet_reader/messages.h"
#include "support/test_zip.h"
#include "spreadsheet_reader/xlsx_reader.h"

namespace qd {
namespace {

const std::string kDir = std::string(QD_SOURCE_DIR) + "/tests/fixtures/sheet/";

// Reads a whole fixture file.
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Asserts that `r` failed, that its rendering names `file`, and that the
// message contains `needle`.
void expect_rejected(const Result<Workbook>& r, const std::string& file, const std::string& needle) {
  ASSERT_FALSE(r.ok()) << file;
  EXPECT_EQ(r.error().place.file, file);
  EXPECT_NE(r.error().str().find(file), std::string::npos) << r.error().str();
  EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().str();
}

using testing::make_zip;
using testing::minimal_xlsx_parts;
using testing::worksheet_xml;
using testing::StreamEntry;

TEST(XlsxHostile, EmptyFile) { expect_rejected(read_xlsx("", "空.xlsx"), "空.xlsx", "为空"); }

TEST(XlsxHostile, NotAZip) {
  expect_rejected(read_xlsx("事项名称,编码\n许可,1\n", "部门.xlsx"), "部门.xlsx",
                  "不是有效的 Excel 工作簿");
}

TEST(XlsxHostile, OldXls) {
  std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  xls += std::string(4096, '\0');
  expect_rejected(read_xlsx(xls, "旧.xls"), "旧.xls", ".xls");
}

TEST(XlsxHostile, EncryptedXlsx) {
  std::string cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  cfb += std::string(1000, '\0');
  for (char c : std::string("EncryptedPackage")) {
    cfb += c;
    cfb += '\0';
  }
  cfb += std::string(1000, '\0');
  expect_rejected(read_xlsx(cfb, "密.xlsx"), "密.xlsx", "密码");
}

TEST(XlsxHostile, TruncatedInHalf) {
  std::string bytes = slurp(kDir + "content_openpyxl.xlsx");
  ASSERT_GT(bytes.size(), 1000u);
  expect_rejected(read_xlsx(std::string_view(bytes).substr(0, bytes.size() / 2), "cut.xlsx"),
                  "cut.xlsx", "不完整");
  // Cut just before the end: the central directory is damaged.
  auto r = read_xlsx(std::string_view(bytes).substr(0, bytes.size() - 10), "cut2.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place.file, "cut2.xlsx");
}

TEST(XlsxHostile, CorruptedEntryData) {
  std::string bytes = make_zip(minimal_xlsx_parts(worksheet_xml(std::string(5000, ' '))));
  // Damage the deflated data of the sheet (the 5th entry) without touching headers.
  size_t p = bytes.find("xl/worksheets/sheet1.xml");
  ASSERT_NE(p, std::string::npos);
  for (size_t k = p + 30; k < p + 60 && k < bytes.size(); ++k) bytes[k] = static_cast<char>(bytes[k] ^ 0x5A);
  auto r = read_xlsx(bytes, "bad.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place.file, "bad.xlsx");
}

TEST(XlsxHostile, ZipBomb300MB) {
  auto parts = minimal_xlsx_parts(worksheet_xml(""));
  parts.pop_back();  // the sheet comes from the generator instead
  std::string bytes = make_zip(parts, {{"xl/worksheets/sheet1.xml", "", '\0', 300u << 20, ""}});
  EXPECT_LT(bytes.size(), 2u << 20);
  expect_rejected(read_xlsx(bytes, "bomb.xlsx"), "bomb.xlsx", "解压后过大（压缩比异常）");
}

TEST(XlsxHostile, ZipBombUnderEntryLimitCaughtByRatio) {
  auto parts = minimal_xlsx_parts(worksheet_xml(""));
  parts.pop_back();
  std::string bytes = make_zip(parts, {{"xl/worksheets/sheet1.xml", "", ' ', 50u << 20, ""}});
  expect_rejected(read_xlsx(bytes, "bomb2.xlsx"), "bomb2.xlsx", "压缩比异常");
}

TEST(XlsxHostile, HeaderThatLiesAboutSize) {
  auto parts = minimal_xlsx_parts(worksheet_xml("<row><c><v>1</v></c></row>" + std::string(4 << 20, ' ')));
  std::string bytes = make_zip(parts);
  testing::patch_uncompressed_size(&bytes, "xl/worksheets/sheet1.xml", 100);
  auto r = read_xlsx(bytes, "lie.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place.file, "lie.xlsx");
}

TEST(XlsxHostile, BillionLaughsInSharedStrings) {
  std::string sst =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol9;</t></si></sst>";
  auto bytes = make_zip(minimal_xlsx_parts(worksheet_xml("<row><c t=\"s\"><v>0</v></c></row>"), sst));
  expect_rejected(read_xlsx(bytes, "laughs.xlsx"), "laughs.xlsx", "DOCTYPE");
}

TEST(XlsxHostile, DoctypeInSheet) {
  auto bytes = make_zip(minimal_xlsx_parts(
      "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"file:///etc/passwd\"><worksheet/>"));
  auto r = read_xlsx(bytes, "dt.xlsx");
  expect_rejected(r, "dt.xlsx", "DOCTYPE");
  EXPECT_EQ(r.error().place.sheet, "实施清单");
}

TEST(XlsxHostile, HundredMegabyteCell) {
  auto parts = minimal_xlsx_parts(worksheet_xml(""));
  parts.pop_back();
  std::string prefix =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>";
  std::string suffix = "</t></is></c></row></sheetData></worksheet>";
  std::string bytes = make_zip(parts, {{"xl/worksheets/sheet1.xml", prefix, 'a', 100u << 20, suffix}});
  auto r = read_xlsx(bytes, "cell.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place.file, "cell.xlsx");
  // Rejected before parsing: by the ratio check with default limits...
  EXPECT_NE(r.error().message.find("解压后过大"), std::string::npos) << r.error().str();
  // ...and by the cell limit when the ratio check is relaxed.
  ReadLimits relaxed;
  relaxed.max_ratio = 1e9;
  relaxed.max_entry_bytes = relaxed.max_total_bytes = 256u << 20;
  auto r2 = read_xlsx(bytes, "cell.xlsx", relaxed);
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.error().message.find("32767"), std::string::npos) << r2.error().str();
  EXPECT_EQ(r2.error().place.sheet, "实施清单");
}

TEST(XlsxHostile, ASheetOfMillionsOfNumbersIsRejectedEarly) {
  // 14.5 million number cells (a 30 MB workbook): refused by its size
  // before it is parsed, and by the cell limit when the size is allowed.
  auto parts = minimal_xlsx_parts(worksheet_xml(""));
  parts.pop_back();
  std::string prefix =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  std::string suffix = "</sheetData></worksheet>";
  StreamEntry numbers{"xl/worksheets/sheet1.xml", prefix, 0, 500'000, suffix};
  numbers.fill_text = "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c>"
                      "<c><v>5</v></c><c><v>6</v></c><c><v>7</v></c><c><v>8</v></c>"
                      "<c><v>9</v></c><c><v>10</v></c><c><v>11</v></c><c><v>12</v></c>"
                      "<c><v>13</v></c><c><v>14</v></c><c><v>15</v></c><c><v>16</v></c>"
                      "<c><v>17</v></c><c><v>18</v></c><c><v>19</v></c><c><v>20</v></c>"
                      "<c><v>21</v></c><c><v>22</v></c><c><v>23</v></c><c><v>24</v></c>"
                      "<c><v>25</v></c><c><v>26</v></c><c><v>27</v></c><c><v>28</v></c><c><v>29</v></c></row>";
  const std::string bytes = make_zip(parts, {numbers});
  // (This generated sheet compresses far better than a real one; the
  // ratio check is relaxed to see the size and the cell limits.)
  ReadLimits real;
  real.max_ratio = 1e9;
  auto r = read_xlsx(bytes, "numbers.xlsx", real);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, sheet_msg::kContentTooBig);
  ReadLimits big = real;
  big.max_entry_bytes = big.max_total_bytes = 512u << 20;
  auto r2 = read_xlsx(bytes, "numbers.xlsx", big);
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.error().message.find("行超过 10000 行"), std::string::npos) << r2.error().str();
  big.max_data_rows = 1'000'000;
  auto r3 = read_xlsx(bytes, "numbers.xlsx", big);
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.error().message.find("单元格超过 1000000 个"), std::string::npos) << r3.error().str();
}

TEST(XlsxHostile, RowsAndCellsAreCountedPerSheetAndPerFile) {
  std::string data;
  for (int r = 1; r <= 30; ++r)
    data += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c><c r=\"B" +
            std::to_string(r) + "\"><v>2</v></c></row>";
  const std::string bytes = make_zip(minimal_xlsx_parts(worksheet_xml(data)));
  ReadLimits rows;
  rows.max_data_rows = 29;
  auto r = read_xlsx(bytes, "rows.xlsx", rows);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place.sheet, "实施清单");
  EXPECT_NE(r.error().message.find("29"), std::string::npos) << r.error().str();
  rows.max_data_rows = 30;
  EXPECT_TRUE(read_xlsx(bytes, "rows.xlsx", rows).ok());
  ReadLimits cells;
  cells.max_cells = 59;
  EXPECT_FALSE(read_xlsx(bytes, "cells.xlsx", cells).ok());
  cells.max_cells = 60;
  EXPECT_TRUE(read_xlsx(bytes, "cells.xlsx", cells).ok());
}

TEST(XlsxHostile, DeepNesting) {
  std::string deep;
  deep.reserve(800000);
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  auto bytes = make_zip(minimal_xlsx_parts(worksheet_xml("<row><c><is>" + deep + "</is></c></row>")));
  expect_rejected(read_xlsx(bytes, "deep.xlsx"), "deep.xlsx", "嵌套");
  // Deeper than our limit but within tinyxml2's is also refused.
  std::string mid;
  for (int i = 0; i < 80; ++i) mid += "<a>";
  for (int i = 0; i < 80; ++i) mid += "</a>";
  auto bytes2 = make_zip(minimal_xlsx_parts(worksheet_xml("<row><c>" + mid + "</c></row>")));
  expect_rejected(read_xlsx(bytes2, "deep2.xlsx"), "deep2.xlsx", "嵌套");
}

TEST(XlsxHostile, MissingWorkbook) {
  auto parts = minimal_xlsx_parts(worksheet_xml(""));
  parts.erase(parts.begin() + 2);  // xl/workbook.xml
  expect_rejected(read_xlsx(make_zip(parts), "nowb.xlsx"), "nowb.xlsx", "workbook.xml");
}

TEST(XlsxHostile, MissingSheetPart) {
  auto parts = minimal_xlsx_parts(worksheet_xml(""));
  parts.pop_back();
  auto r = read_xlsx(make_zip(parts), "nosheet.xlsx");
  expect_rejected(r, "nosheet.xlsx", "sheet1.xml");
}

TEST(XlsxHostile, OdsFile) {
  auto bytes = make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                         {"content.xml", "<office:document-content/>"}});
  expect_rejected(read_xlsx(bytes, "表.ods"), "表.ods", ".ods");
}

TEST(XlsxHostile, ManyEntries) {
  std::vector<testing::ZipEntry> parts = minimal_xlsx_parts(worksheet_xml(""));
  for (int i = 0; i < 10001; ++i) parts.push_back({"junk/" + std::to_string(i), ""});
  expect_rejected(read_xlsx(make_zip(parts), "many.xlsx"), "many.xlsx", "数量异常");
}

TEST(XlsxHostile, BrokenXml) {
  auto bytes = make_zip(minimal_xlsx_parts(worksheet_xml("<row><c><v>1</v></row>")));
  expect_rejected(read_xlsx(bytes, "broken.xlsx"), "broken.xlsx", "XML");
}

TEST(XlsxHostile, FileOverSizeLimit) {
  ReadLimits lim;
  lim.max_file_bytes = 100;
  expect_rejected(read_xlsx_file(kDir + "content_openpyxl.xlsx", lim), kDir + "content_openpyxl.xlsx",
                  "过大");
}

}  // namespace
}  // namespace qd
