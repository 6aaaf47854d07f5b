// End-to-end: the files a clerk double-clicks. A department types formulas
// into its workbook; the build reports them at their cells (TEXT-FORMULA)
// and still publishes the items. Then LibreOffice Calc opens findings.csv
// and the portal's CSVs as a spreadsheet does (type detection on) and
// openpyxl reads what it made: no cell is a formula, every 实施编码 and
// 基本编码 is text with all its characters, and the .xlsx open data holds the
// same values as text cells.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <nlohmann/json.hpp>

#include "e2e.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

const char* kHyperlink = "=HYPERLINK(\"http://evil.example/x\",\"点击办理\")";
const char* kDash = "-持有效身份证件";
const char* kAt = "@SUM(1+1)*cmd|' /C calc'!A0";

// Runs edit_xlsx.py and returns its output without the line end.
std::string edit(const std::string& xlsx, const std::vector<std::string>& args) {
  Proc r = edit_xlsx(xlsx, args);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::string out = r.out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// The sample county with the formulas typed in, built once per build tree
// (shared by the test processes, see e2e.h). Its .cells file names the three
// edited cells: 受理条件, 受理条件, 材料名称.
class OpenData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = shared_dir("open-data", [](const std::string& dir) {
      copy_sample_input(dir);
      const std::string wb = dir + "/input/departments/涿鹿县水务局.xlsx";
      const std::string r1 = edit(wb, {"find", "实施清单", "事项名称", "取水许可（新办）"});
      const std::string r2 = edit(wb, {"find", "实施清单", "事项名称", "取水许可（延续）"});
      const std::string m1 = edit(wb, {"find", "申请材料", "事项名称", "取水许可（新办）"});
      std::ofstream(dir + "/.cells") << edit(wb, {"where", "实施清单", r1, "受理条件"}) << "\n"
                                     << edit(wb, {"where", "实施清单", r2, "受理条件"}) << "\n"
                                     << edit(wb, {"where", "申请材料", m1, "材料名称"}) << "\n";
      edit(wb, {"setcol", "实施清单", r1, "受理条件", kHyperlink, "--", "setcol", "实施清单", r2, "受理条件", kDash,
                "--", "setcol", "申请材料", m1, "材料名称", kAt});
      std::ofstream(dir + "/.exit") << build(dir).exit_code;
    });
    exit_ = std::stoi("0" + read_file(dir_ + "/.exit"));
    std::istringstream cells(read_file(dir_ + "/.cells"));
    for (std::string line; std::getline(cells, line);) cells_.push_back(line);
    json_ = nlohmann::json::parse(read_file(out("portal/data/implementation.json")));
  }
  static std::string out(const std::string& rel) { return dir_ + "/output/" + rel; }

  static std::string dir_;
  static int exit_;
  static nlohmann::json json_;
  static std::vector<std::string> cells_;  // 受理条件 ×2, 材料名称
};
std::string OpenData::dir_;
int OpenData::exit_ = -1;
nlohmann::json OpenData::json_;
std::vector<std::string> OpenData::cells_;

TEST_F(OpenData, FormulasInTheInputAreWarningsAtTheirCells) {
  ASSERT_EQ(exit_, 1);  // the sample's unreadable workbook
  std::set<std::string> at;
  for (const FindingRow& f : read_findings(out("review/findings.csv"))) {
    if (f.rule != "TEXT-FORMULA") continue;
    EXPECT_EQ(f.severity, "warning") << f.message;
    EXPECT_TRUE(f.file.ends_with("departments/涿鹿县水务局.xlsx")) << f.file;
    at.insert(f.sheet + "!" + f.cell);
  }
  EXPECT_EQ(at, (std::set<std::string>{"实施清单!" + cells_[0], "实施清单!" + cells_[1], "申请材料!" + cells_[2]}));
  // Published all the same, with the text as typed.
  std::map<std::string, std::string> conditions;
  for (const auto& it : json_["items"]) conditions[it["name"]] = it["conditions"];
  EXPECT_EQ(conditions["取水许可（新办）"], kHyperlink);
  EXPECT_EQ(conditions["取水许可（延续）"], kDash);
}

TEST_F(OpenData, CsvsOpenInLibreOfficeWithoutFormulasAndWithWholeCodes) {
  ASSERT_EQ(exit_, 1);
  for (const char* csv : {"review/findings.csv", "portal/data/implementation.csv", "portal/data/catalog.csv"})
    EXPECT_EQ(read_file(out(csv)).substr(0, 3), "\xEF\xBB\xBF") << csv << ": no UTF-8 byte order mark";
  TempDir lo("open-data-lo");
  auto xlsx = soffice_csv_to_xlsx({out("review/findings.csv"), out("portal/data/implementation.csv"),
                                   out("portal/data/catalog.csv")},
                                  lo.path());
  ASSERT_EQ(xlsx.size(), 3u);
  ASSERT_EQ(cells_.size(), 3u);
  std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>> book;
  for (const std::string& x : xlsx) {
    ASSERT_FALSE(x.empty()) << "LibreOffice did not convert a CSV";
    book[fs::path(x).stem().string()] = typed_cells(x);
  }
  for (const auto& [name, cells] : book) {
    ASSERT_GT(cells.size(), 100u) << name;
    for (const auto& [ref, tv] : cells) EXPECT_NE(tv.first, "f") << name << " " << ref << " is a formula: " << tv.second;
  }
  // Header row: keys, in order (column D is impl_code, C basic_code).
  const auto& impl = book["implementation"];
  const std::string sheet = impl.begin()->first.substr(0, impl.begin()->first.find('\t'));
  auto at = [&](const std::string& ref) {
    auto it = impl.find(sheet + "\t" + ref);
    return it == impl.end() ? std::pair<std::string, std::string>{} : it->second;
  };
  ASSERT_EQ(at("C1").second, "basic_code");
  ASSERT_EQ(at("D1").second, "impl_code");
  std::string conditions;  // its column letter
  for (const auto& [ref, tv] : impl)
    if (tv.second == "conditions" && ref.ends_with("1") && ref.find_first_of("0123456789") == ref.size() - 1)
      conditions = ref.substr(sheet.size() + 1, ref.size() - sheet.size() - 2);
  ASSERT_FALSE(conditions.empty());
  const auto& items = json_["items"];
  int digits_only = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string row = std::to_string(i + 2);
    const std::string impl_code = items[i]["impl_code"], basic = items[i]["basic_code"];
    digits_only += impl_code.find_first_not_of("0123456789") == std::string::npos;
    // Text, every character, the trailing tab the CSV adds where the value
    // would read as a number.
    for (const auto& [ref, code] : {std::pair{"D" + row, impl_code}, std::pair{"C" + row, basic}}) {
      auto [type, value] = at(ref);
      EXPECT_EQ(type, "s") << ref << " " << code;
      if (value.ends_with("\\t")) value.resize(value.size() - 2);
      EXPECT_EQ(value, code) << ref;
    }
    // The formulas typed in stay text, behind the apostrophe.
    for (const char* typed : {kHyperlink, kDash})
      if (items[i]["conditions"] == typed) {
        EXPECT_EQ(at(conditions + row), (std::pair<std::string, std::string>{"s", std::string("'") + typed}));
      }
  }
  EXPECT_GT(digits_only, 10) << "the sample has 实施编码 of 31 digits";
}

TEST_F(OpenData, XlsxOpenDataEqualsTheJsonAsTextCells) {
  ASSERT_EQ(exit_, 1);
  auto cells = typed_cells(out("portal/data/implementation.xlsx"));
  const auto& items = json_["items"];
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string row = std::to_string(i + 2);
    EXPECT_EQ(cells["实施清单\tD" + row], (std::pair<std::string, std::string>{"s", items[i]["impl_code"]})) << row;
    EXPECT_EQ(cells["实施清单\tC" + row], (std::pair<std::string, std::string>{"s", items[i]["basic_code"]})) << row;
  }
  EXPECT_EQ(cells["实施清单\tD1"].second, "实施编码");
  for (const auto& [ref, tv] : cells) EXPECT_EQ(tv.first, "s") << ref;
}

}  // namespace
}  // namespace qd::e2e
