// End-to-end: hostile and broken department files. Each gets one clear
// FILE-UNREADABLE finding naming the file; the build goes on for everyone
// else and publishes exactly what it published without them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e.h"
#include "support/test_zip.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

// Writes bytes to a file.
void write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(Hostile, BadFilesAreReportedOneEachAndTheRestStillBuilds) {
  auto baseline = tree(sample_built().dir + "/output/lists");

  TempDir dir("hostile");
  copy_sample_input(dir.path());
  std::string deps = dir / "input/departments/";
  using qd::testing::make_zip;
  using qd::testing::minimal_xlsx_parts;
  using qd::testing::StreamEntry;
  using qd::testing::worksheet_xml;
  // Not a zip at all; an old .xls; a truncated workbook.
  write(deps + "纯文本.xlsx", "这不是工作簿\n");
  write(deps + "旧格式.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
  std::string good = read_file(dir / "input/departments/涿鹿县民政局.xlsx");
  write(deps + "截断.xlsx", good.substr(0, good.size() / 2));
  // A zip bomb: a 300 MB sheet of zeros, compressed to a few hundred KB.
  auto parts = minimal_xlsx_parts(worksheet_xml(""));
  std::vector<qd::testing::ZipEntry> no_sheet;
  for (auto& p : parts)
    if (p.name != "xl/worksheets/sheet1.xml") no_sheet.push_back(p);
  write(deps + "压缩炸弹.xlsx",
        make_zip(no_sheet, {StreamEntry{"xl/worksheets/sheet1.xml", "<worksheet>", ' ', 300u << 20, "</worksheet>"}}));
  // An XML bomb (billion laughs) in the shared strings.
  std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i)
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"" + std::string("&lol") + (i > 1 ? std::to_string(i - 1) : "") + ";&lol" + (i > 1 ? std::to_string(i - 1) : "") + ";\">";
  laughs += "]><sst><si><t>&lol9;</t></si></sst>";
  write(deps + "XML炸弹.xlsx",
        make_zip(minimal_xlsx_parts(worksheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), laughs)));
  // A 100 MB cell (inline string), streamed.
  auto cell_parts = minimal_xlsx_parts(worksheet_xml(""));
  std::vector<qd::testing::ZipEntry> rest;
  for (auto& p : cell_parts)
    if (p.name != "xl/worksheets/sheet1.xml") rest.push_back(p);
  write(deps + "超长单元格.xlsx",
        make_zip(rest, {StreamEntry{"xl/worksheets/sheet1.xml",
                                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>",
                                    'a', 100u << 20, "</t></is></c></row></sheetData></worksheet>"}}));

  Proc r = build(dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  auto rows = read_findings(dir / "output/review/findings.csv");
  for (const char* f : {"纯文本.xlsx", "旧格式.xls", "截断.xlsx", "压缩炸弹.xlsx", "XML炸弹.xlsx", "超长单元格.xlsx"}) {
    int n = 0;
    for (const auto& row : rows)
      if (row.file == std::string("departments/") + f && row.rule == "FILE-UNREADABLE") {
        ++n;
        EXPECT_EQ(row.severity, "error");
        EXPECT_FALSE(row.message.empty());
      }
    EXPECT_EQ(n, 1) << f;
  }
  // The rest of the county is published exactly as without the bad files.
  auto lists = tree(dir / "output/lists");
  for (const auto& [name, bytes] : baseline) EXPECT_TRUE(lists[name] == bytes) << name;
}

// A sheet of `rows` data rows of three text cells under a header row.
std::string rows_sheet(int rows) {
  std::string data =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>事项名称</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>事项类型</t></is></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>设定依据</t></is></c></row>";
  for (int r = 2; r <= rows + 1; ++r) {
    const std::string n = std::to_string(r);
    data += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"inlineStr\"><is><t>事项" + n +
            "</t></is></c><c r=\"B" + n + "\" t=\"inlineStr\"><is><t>行政许可</t></is></c><c r=\"C" + n +
            "\" t=\"inlineStr\"><is><t>《某法》第" + n + "条</t></is></c></row>";
  }
  return qd::testing::worksheet_xml(data);
}

TEST(Hostile, HugeFilesFailAloneWithOneFindingEach) {
  auto baseline = tree(sample_built().dir + "/output/lists");
  TempDir dir("huge");
  copy_sample_input(dir.path());
  const std::string deps = dir / "input/departments/";
  // 50,000 rows of three filled columns (as the 756 KB attack file): over
  // the rows a department's list may have.
  write(deps + "五万行.xlsx", qd::testing::make_zip(qd::testing::minimal_xlsx_parts(rows_sheet(50'000))));
  // 9,000 such rows are read, but give tens of thousands of findings: the
  // first 1,000 are listed, the rest counted in one finding.
  write(deps + "涿鹿县统计局.xlsx", qd::testing::make_zip(qd::testing::minimal_xlsx_parts(rows_sheet(9'000))));

  Proc r = build(dir.path());
  ASSERT_EQ(r.exit_code, 1) << r.out;
  auto rows = read_findings(dir / "output/review/findings.csv");
  int unreadable = 0, listed = 0, limit = 0;
  for (const auto& row : rows) {
    if (row.file == "departments/五万行.xlsx" && row.rule != "DEPT-UNKNOWN") {
      EXPECT_EQ(row.rule, "FILE-UNREADABLE");
      EXPECT_NE(row.message.find("10000"), std::string::npos) << row.message;
      ++unreadable;
    }
    if (row.file == "departments/涿鹿县统计局.xlsx") {
      if (row.rule == "FINDINGS-LIMIT") {
        ++limit;
        EXPECT_NE(row.message.find("另有"), std::string::npos) << row.message;
      } else {
        ++listed;
      }
    }
  }
  EXPECT_EQ(unreadable, 1);
  EXPECT_EQ(listed, 1000);
  EXPECT_EQ(limit, 1);
  // The review workbook holds them, and the rest of the county is published as before.
  EXPECT_FALSE(cells_by_openpyxl(dir / "output/review/审核报告.xlsx").empty());
  auto lists = tree(dir / "output/lists");
  for (const auto& [name, bytes] : baseline) EXPECT_TRUE(lists[name] == bytes) << name;
}

TEST(Hostile, FormulaLikeTextIsWrittenBackAsText) {
  TempDir dir("formula");
  copy_sample_input(dir.path());
  std::string wb = dir / "input/departments/涿鹿县民政局.xlsx";
  Proc find = edit_xlsx(wb, {"find", "实施清单", "事项名称", "遗体火化服务"});
  ASSERT_EQ(find.exit_code, 0) << find.out;
  std::string row = find.out.substr(0, find.out.find('\n'));
  const std::string evil = "=HYPERLINK(\"http://evil.example/\",\"点击办理\")";
  ASSERT_EQ(edit_xlsx(wb, {"setcol", "实施清单", row, "行使内容", evil, "--", "setcol", "实施清单", row,
                           "特别程序", "+1 -1 @SUM(A1)"}).exit_code, 0);
  ASSERT_EQ(build(dir.path()).exit_code, 1);
  // openpyxl sees plain strings ('s'), never formulas ('f'), with the text unchanged.
  Proc dump = sh("/usr/bin/python3 " + quote(source("tests/tools/dump_xlsx.py")) + " " +
                quote(dir / "output/lists/实施清单.xlsx"));
  bool seen = false;
  std::string line;
  std::istringstream in(dump.out);
  while (std::getline(in, line)) {
    if (line.find("HYPERLINK") == std::string::npos && line.find("@SUM") == std::string::npos) continue;
    seen = true;
    EXPECT_NE(line.find("\ts\t"), std::string::npos) << line;
  }
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace qd::e2e
