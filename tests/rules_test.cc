// End-to-end: the rules the sample county does not plant, triggered from
// real workbooks (the sample's openpyxl- and LibreOffice-written files,
// edited as a clerk would) and checked at their cells.
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <sstream>

#include "e2e.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

// The first line of a command's output.
std::string first_line(const Proc& p) { return p.out.substr(0, p.out.find('\n')); }

// The findings of `rule` at `place` ("file:sheet!cell").
int count_at(const std::vector<FindingRow>& rows, const std::string& rule, const std::string& place) {
  int n = 0;
  for (const auto& r : rows)
    n += r.rule == rule && r.file + ":" + r.sheet + "!" + r.cell == place;
  return n;
}

TEST(Rules, CodeFormatAndCodeConflictAtTheCodeCells) {
  TempDir dir("rules-codes");
  start_from_sample_build(dir.path());  // night 1: output/
  // Night 1 gave 县民政局's 遗体火化服务 a code; night 2, 县水务局 (a
  // LibreOffice-written workbook) claims that code for one of its items, and
  // 县民政局 types a 基本编码 one character short.
  Proc code = sh("/usr/bin/python3 " + quote(source("tests/tools/list_codes.py")) + " " +
                 quote(dir / "output/lists/实施清单.xlsx") + " | grep -F " +
                 quote("涿鹿县民政局\t遗体火化服务") + " | cut -f3");
  std::string taken = first_line(code);
  ASSERT_EQ(taken.size(), 31u) << code.out;

  std::string water = dir / "input/departments/涿鹿县水务局.xlsx";
  Proc row = edit_xlsx(water, {"find", "实施清单", "事项名称", "取水许可"});
  ASSERT_EQ(row.exit_code, 0) << row.out;
  ASSERT_EQ(edit_xlsx(water, {"setcol", "实施清单", first_line(row), "实施编码", taken}).exit_code, 0);
  std::string civil = dir / "input/departments/涿鹿县民政局.xlsx";
  Proc row2 = edit_xlsx(civil, {"find", "实施清单", "事项名称", "结婚登记"});
  ASSERT_EQ(edit_xlsx(civil, {"setcol", "实施清单", first_line(row2), "基本编码", "13200700100"}).exit_code, 0);

  ASSERT_EQ(build(dir.path(), "night2").exit_code, 1);
  auto rows = read_findings(dir / "night2/review/findings.csv");
  // Column letters come from each workbook's own header row.
  auto col_of = [&](const std::string& wb, const std::string& label) {
    Proc p = sh("/usr/bin/python3 -c " +
                quote("import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nws=wb['实施清单']\n"
                      "for r in ws.iter_rows(max_row=10):\n"
                      "  for c in r:\n"
                      "    if isinstance(c.value,str) and c.value.strip().rstrip('*')==sys.argv[2]: print(c.column_letter); sys.exit()") +
                " " + quote(wb) + " " + quote(label));
    return first_line(p);
  };
  std::string conflict = "departments/涿鹿县水务局.xlsx:实施清单!" + col_of(water, "实施编码") + first_line(row);
  std::string format = "departments/涿鹿县民政局.xlsx:实施清单!" + col_of(civil, "基本编码") + first_line(row2);
  EXPECT_EQ(count_at(rows, "CODE-CONFLICT", conflict), 1) << conflict;
  EXPECT_EQ(count_at(rows, "CODE-FORMAT", format), 1) << format;
  // Neither new version is published: both items stay published as night 1
  // published them (沿用上期, rules.md), with night 1's codes; the code
  // stays with its owner.
  auto list = [&](const std::string& night) {
    return sh("/usr/bin/python3 " + quote(source("tests/tools/list_codes.py")) + " " +
              quote(dir / (night + "/lists/实施清单.xlsx"))).out;
  };
  auto line_of = [](const std::string& text, const std::string& key) {
    size_t at = text.find(key);
    return at == std::string::npos ? std::string() : text.substr(at, text.find('\n', at) - at);
  };
  std::string before = list("output"), after = list("night2");
  EXPECT_NE(after.find("涿鹿县民政局\t遗体火化服务\t" + taken), std::string::npos);
  for (const char* key : {"涿鹿县水务局\t取水许可\t", "涿鹿县民政局\t结婚登记\t"}) {
    EXPECT_FALSE(line_of(before, key).empty()) << key;
    EXPECT_EQ(line_of(after, key), line_of(before, key)) << key;
  }
  EXPECT_EQ(after.find("涿鹿县水务局\t取水许可\t" + taken), std::string::npos);
  auto carried = std::count_if(rows.begin(), rows.end(), [](const FindingRow& f) {
    return f.rule == "CARRIED-OVER" && (f.message.find("取水许可") != std::string::npos ||
                                        f.message.find("结婚登记") != std::string::npos);
  });
  EXPECT_EQ(carried, 2);
}

TEST(Rules, MaterialSharedHintsAtTheMaterialRow) {
  std::string dir = sample_built().dir;
  auto rows = read_findings(dir + "/output/review/findings.csv");
  // Every 政府部门核发 material of the openpyxl-written 市场监管局 workbook is hinted, at its row.
  Proc shared = sh("/usr/bin/python3 -c " +
                   quote("import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1])['申请材料']\n"
                         "h=[c.value for c in ws[1]]\ns=h.index('来源渠道')\nt=h.index('材料名称')\n"
                         "for r in ws.iter_rows(min_row=2):\n"
                         "  if r[s].value=='政府部门核发': print(r[t].coordinate)") +
                   " " + quote(dir + "/input/departments/涿鹿县市场监督管理局.xlsx"));
  std::istringstream in(shared.out);
  std::string cell;
  int n = 0;
  while (std::getline(in, cell)) {
    ++n;
    bool found = false;
    for (const auto& r : rows)
      found |= r.rule == "MATERIAL-SHARED" && r.severity == "hint" &&
               r.file == "departments/涿鹿县市场监督管理局.xlsx" && r.sheet == "申请材料" &&
               r.cell.substr(1) == cell.substr(1);
    EXPECT_TRUE(found) << cell;
  }
  EXPECT_GT(n, 3);
}

}  // namespace
}  // namespace qd::e2e
