// End-to-end: the trust issue (15). A published 实施编码 never moves to
// another item, whatever the input carries and whenever the build is killed;
// one department's odd input never stops the county's night.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "e2e.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

const std::string kDept = "涿鹿县民政局";
// A 公共服务 item of the sample: a department may list more of them than its
// public-service list, so clones of it publish once approved.
const std::string kPublicItem = "老年人优待证办理";

// The department's workbook in DIR/input.
std::string workbook(const std::string& dir, const std::string& dept = kDept) {
  return dir + "/input/departments/" + dept + ".xlsx";
}

// Runs `qingdan build` on DIR/input into DIR/output with extra arguments.
Proc build_with(const std::string& dir, const std::string& extra = "",
                const std::string& date = "2017-09-30", const std::string& env = "") {
  return sh(env + " " + quote(qingdan()) + " build --input " + quote(dir + "/input") + " --output " +
            quote(dir + "/output") + " --date " + date + " " + extra + " 2>&1");
}

// Approves an item by 审改办 on `date` (the latest decision wins).
void approve(const std::string& dir, const std::string& dept, const std::string& name,
             const std::string& date = "2017-09-29") {
  Proc ok = edit_xlsx(dir + "/input/review/审改办审核意见.xlsx",
                      {"append", "审核意见", dept, name, "通过", "同意", "审改办", date});
  ASSERT_EQ(ok.exit_code, 0) << ok.out;
}

// Adds a copy of an item under a new name (codes cleared) and approves it.
void add_item(const std::string& dir, const std::string& name, const std::string& from = kPublicItem,
              const std::string& date = "2017-09-29") {
  Proc c = edit_xlsx(workbook(dir), {"clone", "*", from, name});
  ASSERT_EQ(c.exit_code, 0) << c.out;
  approve(dir, kDept, name, date);
}

// The published items of an output by 实施编码: (department, name).
std::map<std::string, std::pair<std::string, std::string>> published_codes(const std::string& output) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  const std::string text = read_file(output + "/portal/data/implementation.json");
  if (text.empty()) return out;
  auto doc = nlohmann::json::parse(text);
  const auto& items = doc.is_object() && doc.contains("items") ? doc["items"] : doc;
  for (const auto& it : items) {
    const std::string code = it.value("impl_code", "");
    EXPECT_FALSE(out.count(code)) << "published twice under one code: " << code;
    out[code] = {it.value("department", ""), it.value("name", "")};
  }
  return out;
}

// The paths whose content differs between two trees (or is in one only).
std::vector<std::string> diff_paths(const std::map<std::string, std::string>& a,
                                    const std::map<std::string, std::string>& b) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : a)
    if (!b.count(path) || b.at(path) != bytes) out.push_back(path);
  for (const auto& [path, bytes] : b)
    if (!a.count(path)) out.push_back(path);
  return out;
}

// The text of a PDF, without spaces and line breaks.
std::string pdf_text(const std::string& pdf) {
  return sh("pdftotext -enc UTF-8 " + quote(pdf) + " - | tr -d ' \\n\\f'").out;
}

TEST(Trust, LongAndLookAlikeNamesEachPublishTheirOwnFiles) {
  TempDir dir("trust-names");
  start_from_sample_build(dir.path());
  // Real lists have names of 86–110 characters; 84 made a notice's file name
  // longer than 255 bytes and stopped the whole county.
  std::string long_name = "困难群众基本生活救助";
  while (long_name.size() < 110 * 3) long_name += "申请审核确认和资金发放及动态管理";
  const std::vector<std::string> names = {long_name, "律师/事务所变更", "律师_事务所变更",
                                          "律师:事务所变更"};
  for (const std::string& n : names) add_item(dir.path(), n);

  Proc r = build_with(dir.path());
  ASSERT_EQ(r.exit_code, 1) << r.out;  // 1: the sample's broken workbook, nothing else
  const std::string out = dir / "output";
  std::set<std::string> published;
  for (const auto& [code, who] : published_codes(out)) published.insert(who.second);
  for (const std::string& n : names) EXPECT_TRUE(published.count(n)) << n;

  // Each item's page links a notice of its own, which prints its whole name.
  auto doc = nlohmann::json::parse(read_file(out + "/portal/data/implementation.json"));
  std::set<std::string> notices;
  for (const auto& it : doc.contains("items") ? doc["items"] : doc) {
    const std::string name = it.value("name", "");
    if (std::find(names.begin(), names.end(), name) == names.end()) continue;
    const std::string page = read_file(out + "/portal/item/" + it.value("impl_code", "") + ".html");
    const size_t at = page.find("href=\"../notices/");
    ASSERT_NE(at, std::string::npos) << name;
    const size_t end = page.find('"', at + 6);
    const std::string href = page.substr(at + 6, end - at - 6);
    EXPECT_TRUE(notices.insert(href).second) << "two items share " << href;
    Proc decoded = sh("/usr/bin/python3 -c 'import sys,urllib.parse;print(urllib.parse.unquote(sys.argv[1]))' " +
                      quote(href.substr(3)));
    const std::string rel = decoded.out.substr(0, decoded.out.find('\n'));
    for (const auto& part : fs::path(rel)) EXPECT_LE(part.string().size(), 255u) << rel;
    ASSERT_TRUE(fs::is_regular_file(out + "/" + rel)) << rel;
    EXPECT_NE(pdf_text(out + "/" + rel).find(name), std::string::npos) << rel;
  }
  EXPECT_EQ(notices.size(), names.size());
}

// The 实施编码 of a published item of the output, or "".
std::string code_of(const std::string& output, const std::string& dept, const std::string& name) {
  for (const auto& [code, who] : published_codes(output))
    if (who == std::make_pair(dept, name)) return code;
  return "";
}

TEST(Trust, ARowCarryingAnotherItemsCodeIsAConflictAndTheCodeStays) {
  TempDir dir("trust-hijack");
  start_from_sample_build(dir.path());
  const std::string victim = code_of(dir / "output", kDept, kPublicItem);
  ASSERT_FALSE(victim.empty());
  // Another published item of the same department carries it.
  const std::string thief = "遗体火化服务";
  const std::string thief_code = code_of(dir / "output", kDept, thief);
  ASSERT_FALSE(thief_code.empty());
  Proc row = edit_xlsx(workbook(dir.path()), {"find", "实施清单", "事项名称", thief});
  ASSERT_EQ(row.exit_code, 0) << row.out;
  const std::string r = row.out.substr(0, row.out.find_first_of("\r\n"));
  Proc set = edit_xlsx(workbook(dir.path()), {"setcol", "实施清单", r, "实施编码", victim});
  ASSERT_EQ(set.exit_code, 0) << set.out;

  Proc b = build_with(dir.path(), "--quiet");
  ASSERT_EQ(b.exit_code, 1) << b.out;
  auto codes = published_codes(dir / "output");  // fails on a code published twice
  EXPECT_EQ(codes[victim], std::make_pair(kDept, kPublicItem));
  // The other item stays published in its last version, under its own code (沿用上期).
  EXPECT_EQ(codes[thief_code], std::make_pair(kDept, thief));
  bool found = false;
  for (const FindingRow& f : read_findings(dir / "output/review/findings.csv")) {
    if (f.rule != "CODE-CONFLICT") continue;
    found = true;
    EXPECT_EQ(f.file, "departments/" + kDept + ".xlsx");
    EXPECT_EQ(f.sheet, "实施清单");
    EXPECT_NE(f.message.find(kPublicItem), std::string::npos) << f.message;
    EXPECT_NE(f.message.find(thief), std::string::npos) << f.message;
  }
  EXPECT_TRUE(found);
}

// Renames an item in every sheet of the department's workbook and approves
// it under its new name (a new item for the registry: no code in the row).
void rename_item(const std::string& dir, const std::string& from, const std::string& to,
                 const std::string& date) {
  Proc r = edit_xlsx(workbook(dir), {"rename", "*", from, to});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  approve(dir, kDept, to, date);
}

// Adds every (code → item) of an output to `seen`, failing on a code that
// names another item than it did in an earlier output.
void expect_codes_keep_their_items(
    const std::string& output, const std::string& when,
    std::map<std::string, std::pair<std::string, std::string>>* seen) {
  for (const auto& [code, who] : published_codes(output)) {
    auto [it, fresh] = seen->emplace(code, who);
    EXPECT_TRUE(fresh || it->second == who)
        << when << ": 实施编码 " << code << " names " << who.second << ", published before for "
        << it->second.second;
  }
}

TEST(Trust, KilledAtAnyPointNoPublishedCodeEverNamesAnotherItem) {
  for (const std::string point :
       {"staging", "codes", "rendered", "mid-pdf", "committed", "publish", "exchanged", "published"}) {
    SCOPED_TRACE(point);
    TempDir dir("trust-kill-" + point);
    start_from_sample_build(dir.path());
    std::map<std::string, std::pair<std::string, std::string>> seen;
    expect_codes_keep_their_items(dir / "output", "night 1", &seen);

    // Night 2 adds an item and is killed at `point`.
    add_item(dir.path(), "居家养老服务补贴申请", kPublicItem, "2017-09-30");
    Proc killed = build_with(dir.path(), "--quiet --jobs 1", "2017-10-01", "QINGDAN_CRASH_AT=" + point);
    EXPECT_NE(killed.exit_code, 0) << killed.out;
    EXPECT_NE(killed.exit_code, 1) << killed.out;
    expect_codes_keep_their_items(dir / "output", "after the kill", &seen);

    // Night 3: the department renames the new row (a new item), night 4 builds again.
    rename_item(dir.path(), "居家养老服务补贴申请", "居家养老服务补贴发放", "2017-10-01");
    Proc third = build_with(dir.path(), "--quiet", "2017-10-02");
    ASSERT_EQ(third.exit_code, 1) << third.out;
    expect_codes_keep_their_items(dir / "output", "night 3", &seen);
    Proc fourth = build_with(dir.path(), "--quiet", "2017-10-03");
    ASSERT_EQ(fourth.exit_code, 1) << fourth.out;
    expect_codes_keep_their_items(dir / "output", "night 4", &seen);
    // Every item published tonight has a code of its own.
    std::set<std::pair<std::string, std::string>> items;
    for (const auto& [code, who] : published_codes(dir / "output"))
      EXPECT_TRUE(items.insert(who).second) << who.second << " published twice";
    EXPECT_TRUE(items.count({kDept, "居家养老服务补贴发放"}));
  }
}

TEST(Trust, ALostRegistryStopsTheBuildUntilItIsRestored) {
  TempDir dir("trust-lost");
  start_from_sample_build(dir.path());
  const std::string reg = dir / "state/registry.sqlite";
  const auto night1 = published_codes(dir / "output");
  ASSERT_FALSE(night1.empty());
  const auto before = tree(dir / "output");

  // Deleted, truncated to 0 bytes, or a new machine: each stops the build.
  for (const std::string how : {"deleted", "truncated"}) {
    SCOPED_TRACE(how);
    TempDir copy("trust-lost-" + how);
    copy_tree(dir.path(), copy.path());
    const std::string path = copy / "state/registry.sqlite";
    if (how == "deleted") {
      for (const char* s : {"", "-wal", "-shm"}) fs::remove(path + s);
    } else {
      fs::resize_file(path, 0);
    }
    Proc refused = build_with(copy.path(), "", "2017-10-01");
    EXPECT_EQ(refused.exit_code, 2) << refused.out;
    EXPECT_NE(refused.out.find(path), std::string::npos) << refused.out;
    EXPECT_NE(refused.out.find("2017-09-30"), std::string::npos) << "names the build that used it: " << refused.out;
    EXPECT_NE(read_file(copy / "output.builds/build.log").find("构建失败"), std::string::npos);
    EXPECT_EQ(diff_paths(tree(copy / "output"), before), std::vector<std::string>{});

    // Restored from the copy the published build keeps: the same codes.
    Proc restored = sh(quote(qingdan()) + " registry restore --input " + quote(copy / "input") +
                       " --output " + quote(copy / "output"));
    ASSERT_EQ(restored.exit_code, 0) << restored.out;
    Proc again = build_with(copy.path(), "--quiet", "2017-10-01");
    ASSERT_EQ(again.exit_code, 1) << again.out;
    EXPECT_EQ(published_codes(copy / "output"), night1);
  }

  // A registry put back from an older copy is refused as well.
  TempDir old("trust-old");
  copy_tree(dir.path(), old.path());
  fs::copy(old / "state", old / "state-night1", fs::copy_options::recursive);
  add_item(old.path(), "居家养老服务补贴申请");
  ASSERT_EQ(build_with(old.path(), "--quiet", "2017-10-01").exit_code, 1);
  fs::remove_all(old / "state");
  fs::rename(old / "state-night1", old / "state");
  Proc older = build_with(old.path(), "", "2017-10-02");
  EXPECT_EQ(older.exit_code, 2) << older.out;
  EXPECT_NE(older.out.find("旧"), std::string::npos) << older.out;
  // Told explicitly, the build starts from it.
  EXPECT_EQ(build_with(old.path(), "--quiet --new-registry", "2017-10-02").exit_code, 1);
}

TEST(Trust, CharactersXmlCannotCarryNeverMakeAnOutputUnreadable) {
  TempDir dir("trust-xml");
  copy_sample_input(dir.path());
  // _xFFFE_ in a workbook (how Excel writes U+FFFE) …
  Proc row = edit_xlsx(workbook(dir.path()), {"find", "实施清单", "事项名称", kPublicItem});
  ASSERT_EQ(row.exit_code, 0) << row.out;
  const std::string r = row.out.substr(0, row.out.find_first_of("\r\n"));
  Proc set = edit_xlsx(workbook(dir.path()),
                       {"setcol", "实施清单", r, "受理条件", "年满60周岁_xFFFE_的本县常住居民。"});
  ASSERT_EQ(set.exit_code, 0) << set.out;
  // … and U+FFFF as raw bytes in a GB18030 CSV.
  const std::string csv = dir / "input/departments/涿鹿县退役军人事务局/实施清单.csv";
  Proc edit = sh("/usr/bin/python3 -c " +
                 quote("import csv,sys\n"
                       "p=sys.argv[1]\n"
                       "rows=list(csv.reader(open(p,encoding='gb18030',newline='')))\n"
                       "c=rows[0].index('受理条件')\n"
                       "rows[1][c]='\\uffff'+rows[1][c]\n"
                       "csv.writer(open(p,'w',encoding='gb18030',newline='')).writerows(rows)\n") +
                 " " + quote(csv));
  ASSERT_EQ(edit.exit_code, 0) << edit.out;

  Proc b = build_with(dir.path(), "--quiet");
  ASSERT_EQ(b.exit_code, 1) << b.out;
  const std::string out = dir / "output";
  // Reported at their cells.
  int at_cells = 0;
  for (const FindingRow& f : read_findings(out + "/review/findings.csv")) {
    if (f.rule != "TEXT-CHARS" || f.message.find("已从发布的内容中删除") == std::string::npos) continue;
    EXPECT_FALSE(f.cell.empty()) << f.message;
    at_cells += f.message.find("U+FFFE") != std::string::npos || f.message.find("U+FFFF") != std::string::npos;
  }
  EXPECT_EQ(at_cells, 2);
  // Every workbook opens in openpyxl, every document in LibreOffice.
  for (const char* book : {"lists/实施清单.xlsx", "lists/目录清单.xlsx", "review/审核报告.xlsx",
                                  "forms/涿鹿县民政局.xlsx", "forms/涿鹿县退役军人事务局.xlsx"}) {
    EXPECT_FALSE(cells_by_openpyxl(out + "/" + std::string(book)).empty()) << book;
  }
  TempDir pdfs("trust-xml-pdf");
  auto converted = soffice_to_pdfs({out + "/reports/审核报告.docx", out + "/guides/docx/涿鹿县民政局办事指南.docx",
                                    out + "/guides/docx/涿鹿县退役军人事务局办事指南.docx"},
                                   pdfs.path());
  for (const std::string& pdf : converted) EXPECT_FALSE(pdf.empty());
  EXPECT_NE(pdf_text(converted[1]).find("年满60周岁的本县常住居民"), std::string::npos);
}

TEST(Trust, AKilledBuildsWorkersDieWithItAndLeaveTheLockFree) {
  TempDir dir("trust-workers");
  start_from_sample_build(dir.path());
  // Killed while its workers render (the county's booklet first, the
  // largest part) in a full build; then at once: is the lock free, is any
  // process of the killed build left? (Output to /dev/null: the shell waits
  // for the build alone, not for whoever holds its output.)
  const std::string pattern = "[q]ingdan build --input " + (dir / "input");
  Proc p = sh("QINGDAN_CRASH_AT=working " + quote(qingdan()) + " build --quiet --full --jobs 2 --input " +
              quote(dir / "input") + " --output " + quote(dir / "output") +
              " --date 2017-10-01 >/dev/null 2>&1; echo exit=$?; "
              "flock -n " + quote(dir / "output.builds/.lock") + " true && echo lock=free || echo lock=held; "
              "pgrep -f -- " + quote(pattern) + " >/dev/null && echo workers=alive || echo workers=gone");
  EXPECT_EQ(p.out.find("exit=0"), std::string::npos) << p.out;
  EXPECT_EQ(p.out.find("exit=1\n"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("lock=free"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("workers=gone"), std::string::npos) << p.out;
  // The next build is not refused for a build that is gone.
  Proc next = build_with(dir.path(), "--quiet", "2017-10-01");
  EXPECT_EQ(next.exit_code, 1) << next.out;
  EXPECT_EQ(next.out.find("另一个构建正在进行"), std::string::npos) << next.out;
}

}  // namespace
}  // namespace qd::e2e
