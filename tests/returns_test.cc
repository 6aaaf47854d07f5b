// End-to-end: the returned forms (退回修改) of the sample county. Every
// finding of a department is a comment on the cell of its returned form
// that holds the flagged value (whatever the layout it submitted), or a line
// of its 审核意见 sheet; a clerk corrects the flagged cells in place (with
// openpyxl, and once through LibreOffice), hands the workbook in again, and
// the next build finds nothing left to return and publishes the items.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "e2e.h"
#include "spreadsheet_reader/csv_reader.h"
#include "spreadsheet_reader/xlsx_reader.h"
#include "support/testing.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

namespace t = qd::testing;

// The departments of the sample that get their form back: a planted error
// or warning in their own workbook (input/README.md), a 法制办 退回 in force
// (卫生健康局), an omission from the reference lists (自然资源和规划局,
// 文化广电和旅游局) or an unreadable file (档案馆).
const std::set<std::string> kPlanted = {
    "涿鹿县发展和改革局", "涿鹿县教育和体育局", "涿鹿县公安局",     "涿鹿县民政局",
    "涿鹿县人力资源和社会保障局", "涿鹿县自然资源和规划局", "涿鹿县住房和城乡建设局",
    "涿鹿县交通运输局", "涿鹿县农业农村局", "涿鹿县商务局",       "涿鹿县卫生健康局",
    "涿鹿县应急管理局", "涿鹿县市场监督管理局", "涿鹿县医疗保障局", "涿鹿县林业和草原局",
    "涿鹿县文化广电和旅游局", "涿鹿县档案馆"};

// The departments of the returned forms in `output`.
std::set<std::string> returned(const std::string& output) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(output + "/returns", ec))
    if (e.path().extension() == ".xlsx") out.insert(e.path().stem().string());
  return out;
}

// Every cell of a submission as qingdan reads it, "sheet!A1" → text: an
// .xlsx, or a department's folder of CSV sheets.
std::map<std::string, std::string> submitted_cells(const fs::path& path) {
  std::vector<Sheet> sheets;
  if (fs::is_directory(path)) {
    for (const auto& e : fs::directory_iterator(path))
      if (e.path().extension() == ".csv")
        if (auto s = read_csv_file(e.path().string(), e.path().stem().string()); s.ok())
          sheets.push_back(std::move(s.value()));
  } else if (auto wb = read_xlsx_file(path.string()); wb.ok()) {
    sheets = std::move(wb->sheets);
  }
  std::map<std::string, std::string> out;
  for (const Sheet& s : sheets)
    for (size_t r = 0; r < s.rows.size(); ++r)
      for (size_t c = 0; c < s.rows[r].size(); ++c)
        out[s.name + "!" + cell_ref(static_cast<int>(r), static_cast<int>(c))] = s.rows[r][c].text;
  return out;
}

// The text with its control characters left out (what XML can carry).
std::string printable(std::string s) {
  std::erase_if(s, [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; });
  return s;
}

// The lines of a dumped 审核意见 sheet: {类别, 规则或审核单位, 事项名称, 位置, 说明}.
std::vector<std::vector<std::string>> note_lines(const nlohmann::json& sheet) {
  int header = 0;
  for (int r = 1; r < 20 && !header; ++r)
    if (t::cell(sheet, "A" + std::to_string(r)) == "序号") header = r;
  std::vector<std::vector<std::string>> out;
  for (int r = header + 1; header && !t::cell(sheet, "C" + std::to_string(r)).empty(); ++r) {
    std::vector<std::string> line;
    for (const char* col : {"B", "C", "D", "E", "F"}) line.push_back(t::cell(sheet, col + std::to_string(r)));
    out.push_back(std::move(line));
  }
  return out;
}

TEST(Returns, TheSampleReturnsEveryDepartmentWithSomethingToCorrect) {
  const SampleBuilt& built = sample_built();
  const std::set<std::string> got = returned(built.dir + "/output");
  for (const std::string& d : kPlanted) EXPECT_TRUE(got.count(d)) << d;
  // Not: a department that handed in nothing, nor one not registered.
  EXPECT_FALSE(got.count("涿鹿县统计局"));
  EXPECT_FALSE(got.count("涿鹿县不动产登记中心"));
  EXPECT_NE(built.run.out.find("退回修改：" + std::to_string(got.size()) + " 个部门"), std::string::npos)
      << built.run.out;
  // Listed in the manifest, one part each.
  const std::string manifest = read_file(built.dir + "/output/manifest.json");
  for (const std::string& d : got)
    EXPECT_NE(manifest.find("\"returns/" + d + ".xlsx\""), std::string::npos) << d;
}

TEST(Returns, EveryFindingIsACommentOnTheCellThatHoldsItsValue) {
  const SampleBuilt& built = sample_built();
  const std::string out = built.dir + "/output/";
  const auto findings = read_findings(out + "review/findings.csv");
  int commented = 0, listed = 0;
  for (const std::string& dept : returned(built.dir + "/output")) {
    SCOPED_TRACE(dept);
    auto dump = t::dump_xlsx(out + "returns/" + dept + ".xlsx");
    ASSERT_TRUE(dump.ok()) << dump.error().str();
    ASSERT_EQ(t::sheet_names(*dump).front(), "审核意见");
    const auto lines = note_lines(t::sheet(*dump, "审核意见"));
    ASSERT_FALSE(lines.empty());
    // Where each comment paragraph is: "【级别】RULE\nmessage" → "sheet!A1".
    std::map<std::string, std::string> paragraph_at;
    for (const auto& sheet : (*dump)["sheets"])
      for (const auto& [ref, text] : sheet["comments"].items()) {
        std::string all = text.get<std::string>() + "\n\n";
        for (size_t at = 0, end; (end = all.find("\n\n", at)) != std::string::npos; at = end + 2)
          paragraph_at[all.substr(at, end - at)] = sheet["name"].get<std::string>() + "!" + ref;
      }
    const fs::path input = fs::path(built.dir) / "input/departments";
    const fs::path own = fs::exists(input / (dept + ".xlsx")) ? input / (dept + ".xlsx") : input / dept;
    const std::string file = "departments/" + own.filename().string();
    const auto submitted = submitted_cells(own);
    for (const FindingRow& f : findings) {
      if (!(f.file == file || f.file.starts_with(file + "/"))) continue;
      if (f.rule == "DEPT-UNKNOWN") continue;
      const std::string place = f.sheet + "!" + f.cell;
      const std::string label = f.severity == "error" ? "错误" : f.severity == "warning" ? "警告"
                                : f.severity == "hint"   ? "建议" : "通报";
      // Listed on the 审核意见 sheet, whatever else.
      bool on_sheet = std::any_of(lines.begin(), lines.end(), [&](const auto& l) {
        return l[0] == label && l[1] == f.rule && l[4] == f.message;
      });
      EXPECT_TRUE(on_sheet) << place << " " << f.rule;
      auto at = paragraph_at.find("【" + label + "】" + f.rule + "\n" + f.message);
      if (at == paragraph_at.end()) {
        // No cell of the form holds it: a header, a whole file.
        ++listed;
        EXPECT_TRUE(f.cell.empty() || f.rule.starts_with("COLUMN-")) << place << " " << f.rule << " has no comment";
        continue;
      }
      ++commented;
      if (f.sheet == "填报信息") {
        EXPECT_EQ(at->second, "填报信息!B4") << f.rule;
        continue;
      }
      // The commented cell holds the value the finding is about.
      const std::string sheet = at->second.substr(0, at->second.find('!'));
      const std::string ref = at->second.substr(at->second.find('!') + 1);
      auto held = submitted.find(place);
      const std::string want = held == submitted.end() ? "" : printable(held->second);
      EXPECT_EQ(t::cell(t::sheet(*dump, sheet), ref), want) << place << " → " << at->second << " " << f.rule;
    }
  }
  EXPECT_GT(commented, 40);
  EXPECT_GT(listed, 0);
  // The returned item's name carries 法制办's decision.
  auto health = t::dump_xlsx(out + "returns/涿鹿县卫生健康局.xlsx");
  ASSERT_TRUE(health.ok());
  bool seen = false;
  for (const auto& [ref, text] : t::sheet(*health, "实施清单")["comments"].items())
    if (text.get<std::string>().find("【退回】法制办") != std::string::npos) {
      seen = true;
      EXPECT_EQ(t::cell(t::sheet(*health, "实施清单"), ref), "放射诊疗许可");
      EXPECT_EQ(ref.front(), 'A');
    }
  EXPECT_TRUE(seen);
}

// `qingdan check` on a returned form, as a clerk would run it before handing
// it in, finds at each cell what the cell's comment says: the form holds the
// submission with every value where its finding points.
TEST(Returns, CheckingAReturnedFormFindsWhatItsCommentsSay) {
  const SampleBuilt& built = sample_built();
  for (const std::string& dept : returned(built.dir + "/output")) {
    if (dept == "涿鹿县档案馆") continue;  // nothing of it could be read: an empty form
    SCOPED_TRACE(dept);
    const std::string form = built.dir + "/output/returns/" + dept + ".xlsx";
    Proc check = sh(quote(qingdan()) + " check --input " + quote(built.dir + "/input") +
                    " --date 2017-09-30 " + quote(form) + " 2>/dev/null");
    std::set<std::string> found;  // "sheet!A1 RULE"
    std::istringstream lines(check.out);
    const std::regex line("^" + std::regex_replace(form, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                          R"(:(\S+!\w+): \S+ \[([A-Z-]+)\])");
    std::smatch m;
    for (std::string l; std::getline(lines, l);)
      if (std::regex_search(l, m, line)) found.insert(m[1].str() + " " + m[2].str());
    std::set<std::string> said;
    auto dump = t::dump_xlsx(form);
    ASSERT_TRUE(dump.ok());
    const std::regex mark("【(错误|警告|建议|通报)】([A-Z-]+)");
    for (const auto& sheet : (*dump)["sheets"])
      for (const auto& [ref, text] : sheet["comments"].items()) {
        const std::string t = text.get<std::string>();
        for (auto it = std::sregex_iterator(t.begin(), t.end(), mark); it != std::sregex_iterator(); ++it) {
          // What the form's text no longer carries: a character XML cannot
          // hold (left out), a code typed as a number (now text).
          if ((*it)[2] == "TEXT-CHARS" || (*it)[2] == "NUMBER-AS-CODE") continue;
          said.insert(sheet["name"].get<std::string>() + "!" + ref + " " + (*it)[2].str());
        }
      }
    EXPECT_FALSE(said.empty());
    EXPECT_EQ(found, said);
  }
}

TEST(Returns, ADepartmentSeesOnlyItsOwn) {
  const SampleBuilt& built = sample_built();
  std::vector<std::string> depts;
  for (const auto& e : fs::directory_iterator(built.dir + "/input/departments"))
    depts.push_back(e.path().stem().string());
  for (const std::string& dept : returned(built.dir + "/output")) {
    auto dump = t::dump_xlsx(built.dir + "/output/returns/" + dept + ".xlsx");
    ASSERT_TRUE(dump.ok());
    // No other department's workbook is named (places, findings) and every
    // item row is its own.
    const std::string all = dump->dump();
    for (const std::string& other : depts)
      if (other != dept) {
        EXPECT_EQ(all.find("departments/" + other), std::string::npos) << dept << ": " << other;
      }
    const auto& items = t::sheet(*dump, "实施清单");
    ASSERT_EQ(t::cell(items, "I1"), "实施主体*");
    for (int r = 2; !t::cell(items, "A" + std::to_string(r)).empty(); ++r)
      EXPECT_EQ(t::cell(items, "I" + std::to_string(r)), dept) << dept << " row " << r;
  }
}

TEST(Returns, CorrectedInPlaceAndHandedInTheFindingsAreGoneAndTheItemsPublish) {
  TempDir dir("returns-round");
  start_from_sample_build(dir.path());
  const std::string before = dir / "output";
  const std::set<std::string> depts = returned(before);
  // 档案馆's file could not be read and nothing of it was ever published:
  // its form comes back empty, to be filled in from scratch.
  ASSERT_TRUE(depts.count("涿鹿县档案馆"));
  auto empty = t::dump_xlsx(before + "/returns/涿鹿县档案馆.xlsx");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(t::cell(t::sheet(*empty, "实施清单"), "A2"), "");

  // What each department was told: the items with an error or a warning,
  // by name. An item published in spite of a warning changes when it is
  // corrected: the office approves it again (else the last version stays
  // published, CONTENT-UNAPPROVED, until it does).
  std::map<std::string, std::set<std::string>> flagged;
  std::vector<std::string> to_approve;
  for (const std::string& dept : depts) {
    auto dump = t::dump_xlsx(before + "/returns/" + dept + ".xlsx");
    ASSERT_TRUE(dump.ok());
    std::set<std::string> errors;
    for (const auto& l : note_lines(t::sheet(*dump, "审核意见")))
      if ((l[0] == "错误" || l[0] == "警告") && !l[2].empty()) {
        flagged[dept].insert(l[2]);
        if (l[0] == "错误") errors.insert(l[2]);
      }
    for (const std::string& name : flagged[dept])
      if (!errors.count(name)) to_approve.push_back(dept + "\t" + name);
  }
  EXPECT_EQ(to_approve.size(), 4u);

  // Each department corrects its returned form and hands it in again as its
  // workbook (民政局's through LibreOffice: opened, corrected, saved there).
  std::vector<std::string> added;
  for (const std::string& dept : depts) {
    if (dept == "涿鹿县档案馆") continue;
    const fs::path in = dir / "input/departments";
    fs::remove_all(in / dept);  // the CSV sheets of 退役军人事务局, if it were returned
    const std::string book = (in / (dept + ".xlsx")).string();
    fs::copy_file(before + "/returns/" + dept + ".xlsx", book, fs::copy_options::overwrite_existing);
    Proc fix = sh("/usr/bin/python3 " + quote(source("tests/tools/fix_returned.py")) + " " + quote(book));
    ASSERT_EQ(fix.exit_code, 0) << dept << fix.out;
    std::istringstream lines(fix.out);
    for (std::string l; std::getline(lines, l);)
      if (l.starts_with("ADDED ")) added.push_back(dept + "\t" + l.substr(6));
    if (dept == "涿鹿县民政局") {
      const std::string lo = dir / "lo";
      fs::create_directories(lo);
      sh("cd " + quote(lo) + " && HOME=" + quote(lo) + " timeout 300 soffice --headless --norestore " +
         "-env:UserInstallation=file://" + lo + "/.profile --convert-to xlsx:\"Calc MS Excel 2007 XML\" --outdir " +
         quote(lo) + " " + quote(book));
      ASSERT_TRUE(fs::exists(lo + "/" + dept + ".xlsx"));
      // LibreOffice keeps the comments (the hints' on 申请材料; the
      // DUPLICATE's went with the row deleted).
      auto saved = t::dump_xlsx(lo + "/" + dept + ".xlsx");
      ASSERT_TRUE(saved.ok());
      EXPECT_GT(t::sheet(*saved, "申请材料")["comments"].size(), 10u);
      fs::copy_file(lo + "/" + dept + ".xlsx", book, fs::copy_options::overwrite_existing);
    }
  }
  // The office approves the items the departments added, and the ones
  // corrected after a warning.
  to_approve.insert(to_approve.end(), added.begin(), added.end());
  for (const std::string& a : to_approve) {
    const std::string dept = a.substr(0, a.find('\t')), name = a.substr(a.find('\t') + 1);
    Proc ok = edit_xlsx(dir / "input/review/审改办审核意见.xlsx",
                        {"append", "审核意见", dept, name, "通过", "同意", "审改办", "2017-10-09"});
    ASSERT_EQ(ok.exit_code, 0) << ok.out;
  }
  EXPECT_EQ(added.size(), 2u);  // 临时用地审批; 流动文化服务（送戏下乡）

  Proc again = build(dir.path(), "output", "2017-10-10");
  ASSERT_EQ(again.exit_code, 1) << again.out;  // 档案馆's file is still unreadable
  // Nothing left to return but 法制办's 退回 (卫生健康局), and 档案馆's file.
  EXPECT_EQ(returned(before), (std::set<std::string>{"涿鹿县卫生健康局", "涿鹿县档案馆"})) << again.out;
  EXPECT_NE(again.out.find("退回修改：2 个部门"), std::string::npos) << again.out;
  auto health = t::dump_xlsx(before + "/returns/涿鹿县卫生健康局.xlsx");
  ASSERT_TRUE(health.ok());
  for (const auto& l : note_lines(t::sheet(*health, "审核意见")))
    EXPECT_TRUE(l[0] == "退回" || l[0] == "建议" || l[0] == "通报") << l[0] << " " << l[1] << " " << l[4];
  // The planted findings are gone from the review. (The decision on the
  // item taken out names nothing now: the office's to delete.)
  for (const FindingRow& f : read_findings(before + "/review/findings.csv")) {
    if (f.severity != "error" && f.severity != "warning") continue;
    if (f.rule == "DECISION-ORPHAN" && f.message.find("石油天然气管道保护范围内施工作业审批") != std::string::npos)
      continue;
    EXPECT_TRUE(f.file.starts_with("departments/涿鹿县档案馆") || f.file.starts_with("departments/涿鹿县不动产登记中心"))
        << f.file << ":" << f.sheet << "!" << f.cell << " " << f.rule << " " << f.message;
  }
  // The flagged items publish (unless a decision still returns them, or
  // the correction was to take them out).
  Proc codes = sh("/usr/bin/python3 " + quote(source("tests/tools/list_codes.py")) + " " +
                  quote(before + "/lists/实施清单.xlsx"));
  std::set<std::string> published;
  std::istringstream in(codes.out);
  for (std::string l; std::getline(in, l);) published.insert(l.substr(0, l.rfind('\t')));
  const std::set<std::string> taken_out = {"涿鹿县发展和改革局\t石油天然气管道保护范围内施工作业审批",
                                           "涿鹿县卫生健康局\t放射诊疗许可"};
  int publishing = 0;
  for (const auto& [dept, names] : flagged)
    for (const std::string& name : names) {
      if (taken_out.count(dept + "\t" + name)) continue;
      EXPECT_TRUE(published.count(dept + "\t" + name)) << dept << " " << name;
      ++publishing;
    }
  EXPECT_GE(publishing, 19);
  for (const std::string& a : added) EXPECT_TRUE(published.count(a)) << a;
}

TEST(Returns, OpensInLibreOfficeWithItsComments) {
  const SampleBuilt& built = sample_built();
  TempDir dir("returns-lo");
  const std::string form = built.dir + "/output/returns/涿鹿县人力资源和社会保障局.xlsx";
  const std::string pdf = soffice_to_pdf(form, dir.path());
  ASSERT_FALSE(pdf.empty());
  const std::string text = sh("pdftotext -enc UTF-8 " + quote(pdf) + " - | tr -d ' \\n\\f'").out;
  EXPECT_NE(text.find("审核意见（退回修改）"), std::string::npos);
  EXPECT_NE(text.find("ONLINE-VISITS"), std::string::npos);
  EXPECT_NE(text.find("实施清单!"), std::string::npos);
}

}  // namespace
}  // namespace qd::e2e
