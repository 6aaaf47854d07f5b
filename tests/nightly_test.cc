// The nightly build (issue 5): reuse of unchanged outputs, re-rendering of
// exactly what a change touches, the last published items kept when a
// department's file breaks, and a build killed at any moment leaving the
// published output as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <regex>

#include "e2e.h"

namespace qd::e2e {
namespace {

namespace fs = std::filesystem;

const std::string kDept = "涿鹿县民政局";
const std::string kItem = "老年人优待证办理";

// The paths whose content differs between two trees (or is in one only).
std::vector<std::string> diff(const std::map<std::string, std::string>& a,
                              const std::map<std::string, std::string>& b) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : a) {
    auto it = b.find(path);
    if (it == b.end() || it->second != bytes) out.push_back(path);
  }
  for (const auto& [path, bytes] : b)
    if (!a.count(path)) out.push_back(path);
  return out;
}

// Checks that manifest.json lists every file of the output folder, and only
// those, with the size and the SHA-256 that sha256sum finds.
void expect_manifest_matches_files(const fs::path& out) {
  auto manifest = nlohmann::json::parse(read_file((out / "manifest.json").string()));
  std::map<std::string, std::pair<long long, std::string>> listed;
  for (const auto& f : manifest["files"])
    listed[f["path"].get<std::string>()] = {f["size"].get<long long>(), f["sha256"].get<std::string>()};
  Proc sums = sh("cd " + quote(out.string()) +
                 " && find . -type f ! -path ./manifest.json -print0 | xargs -0 sha256sum");
  ASSERT_EQ(sums.exit_code, 0) << sums.out;
  std::istringstream lines(sums.out);
  size_t files = 0;
  for (std::string line; std::getline(lines, line);) {
    ASSERT_GT(line.size(), 68u) << line;
    const std::string sum = line.substr(0, 64), path = line.substr(68);  // "<sum>  ./<path>"
    ++files;
    auto it = listed.find(path);
    ASSERT_NE(it, listed.end()) << path << " is not in the manifest";
    EXPECT_EQ(it->second.first, static_cast<long long>(fs::file_size(out / path))) << path;
    EXPECT_EQ(it->second.second, sum) << path;
  }
  EXPECT_EQ(files, listed.size());
}

// Runs `qingdan build` with extra arguments (and environment) on DIR/input.
Proc build_with(const std::string& dir, const std::string& extra, const std::string& env = "",
                const std::string& date = "2017-09-30") {
  return sh(env + " " + quote(qingdan()) + " build --input " + quote(dir + "/input") + " --output " +
            quote(dir + "/output") + " --date " + date + " " + extra + " 2>&1");
}

// "[guides] 27 个文件 … （渲染 2 个部分，沿用 25 个）" → {2, 25}.
std::pair<int, int> parts_of(const std::string& log, const std::string& writer) {
  std::smatch m;
  std::regex re("\\[" + writer + "\\] \\d+ 个文件 [0-9.]+ 秒（渲染 (\\d+) 个部分，沿用 (\\d+) 个）");
  if (!std::regex_search(log, m, re)) return {-1, -1};
  return {std::stoi(m[1]), std::stoi(m[2])};
}

// Sets one column of the item and approves the change on `date`.
void change_item_column(const std::string& dir, const std::string& column, const std::string& value,
                        const std::string& date) {
  std::string book = dir + "/input/departments/" + kDept + ".xlsx";
  Proc row = edit_xlsx(book, {"find", "实施清单", "事项名称", kItem});
  ASSERT_EQ(row.exit_code, 0) << row.out;
  std::string r = row.out.substr(0, row.out.find_first_of("\r\n"));
  Proc set = edit_xlsx(book, {"setcol", "实施清单", r, column, value});
  ASSERT_EQ(set.exit_code, 0) << set.out;
  Proc ok = edit_xlsx(dir + "/input/review/审改办审核意见.xlsx",
                      {"append", "审核意见", kDept, kItem, "通过", "同意修改" + column, "审改办", date});
  ASSERT_EQ(ok.exit_code, 0) << ok.out;
}

// Changes the item's 受理条件 (not on its window's poster) and approves the
// change on the build date.
void change_item(const std::string& dir) {
  change_item_column(dir, "受理条件", "年满60周岁的本县常住居民（2017年10月起含外地户籍）。", "2017-09-30");
}

// The text of a PDF, without spaces and line breaks.
std::string pdf_text(const std::string& pdf) {
  return sh("pdftotext -enc UTF-8 " + quote(pdf) + " - | tr -d ' \\n\\f'").out;
}

// The paths of the window posters in a tree.
std::set<std::string> posters_of(const std::map<std::string, std::string>& files) {
  std::set<std::string> out;
  for (const auto& [path, bytes] : files)
    if (path.starts_with("posters/") && path.ends_with(".pdf")) out.insert(path);
  return out;
}

// The paths of the posters in the 待重印清单 of the change report.
std::set<std::string> posters_to_reprint(const std::vector<std::string>& cells) {
  std::set<std::string> out;
  for (const std::string& c : cells) {
    if (!c.starts_with("待重印清单\t")) continue;
    const size_t at = c.find("\tposters/");
    if (at != std::string::npos) out.insert(c.substr(at + 1));
  }
  return out;
}

// The sample build, then change_item and a build that is never interrupted:
// its folder, shared by the tests (made once per binary and input).
std::string changed_after_sample_build() {
  return shared_dir("sample-changed", [](const std::string& dir) {
    start_from_sample_build(dir);
    change_item(dir);
    Proc r = build_with(dir, "");
    EXPECT_EQ(r.exit_code, 1) << r.out;
  });
}

TEST(Nightly, SecondBuildRendersNothingAndKeepsEveryByte) {
  TempDir dir("nightly-same");
  start_from_sample_build(dir.path());
  auto before = published_tree(dir / "output");
  Proc second = build_with(dir.path(), "");
  ASSERT_EQ(second.exit_code, 1) << second.out;
  EXPECT_NE(second.out.find("重新生成 0 个部分"), std::string::npos) << second.out;
  EXPECT_EQ(diff(published_tree(dir / "output"), before), std::vector<std::string>{});
  // The manifest names every file with its size and digest.
  std::string manifest = read_file(dir / "output/manifest.json");
  for (const auto& [path, bytes] : before) {
    if (path == "manifest.json") continue;
    EXPECT_NE(manifest.find("\"path\": \"" + path + "\""), std::string::npos) << path;
  }
  expect_manifest_matches_files(dir / "output");
  // The earlier build is kept beside the output.
  EXPECT_TRUE(fs::exists(dir / "output.builds/2017-09-30"));
}

// The real night after: a new build date, the same input. Nothing prints
// the build date (lists carry the list version, reports the data's date), so
// nothing is rendered and only the manifest's build date changes.
TEST(Nightly, NextNightWithoutChangesRendersNothing) {
  TempDir dir("nightly-next");
  start_from_sample_build(dir.path());
  auto before = published_tree(dir / "output");
  Proc next = build_with(dir.path(), "", "", "2017-10-01");
  ASSERT_EQ(next.exit_code, 1) << next.out;
  EXPECT_NE(next.out.find("重新生成 0 个部分"), std::string::npos) << next.out;
  EXPECT_EQ(diff(published_tree(dir / "output"), before), std::vector<std::string>{"manifest.json"});
  EXPECT_NE(read_file(dir / "output/manifest.json").find("\"build_date\": \"2017-10-01\""),
            std::string::npos);
}

TEST(Nightly, OneChangedItemRendersOnlyWhatContainsIt) {
  TempDir dir("nightly-change");
  start_from_sample_build(dir.path());
  auto before = published_tree(dir / "output");
  change_item(dir.path());
  Proc again = build_with(dir.path(), "");
  ASSERT_EQ(again.exit_code, 1) << again.out;
  // The department's booklet, the county's compilation and the
  // department's editable guide; its form and its returned form (it has a
  // DUPLICATE to correct); the review report; nothing else of those writers.
  EXPECT_EQ(parts_of(again.out, "guides").first, 3) << again.out;
  EXPECT_EQ(parts_of(again.out, "forms").first, 1) << again.out;
  EXPECT_EQ(parts_of(again.out, "returns").first, 1) << again.out;
  EXPECT_EQ(parts_of(again.out, "review").first, 1) << again.out;
  // The portal: the department's pages and the county's (index, search, data).
  EXPECT_EQ(parts_of(again.out, "portal").first, 2) << again.out;
  auto after = published_tree(dir / "output");
  EXPECT_NE(after["guides/" + kDept + ".pdf"], before["guides/" + kDept + ".pdf"]);
  EXPECT_EQ(after["guides/涿鹿县财政局.pdf"], before["guides/涿鹿县财政局.pdf"]);
  // Files rendered tonight, copied from last night and linked twice (the
  // portal's copies) are all described by what they hold.
  expect_manifest_matches_files(dir / "output");
  // 受理条件 is not on a window poster: every poster is copied, byte for byte.
  EXPECT_EQ(parts_of(again.out, "posters"), std::make_pair(0, static_cast<int>(posters_of(before).size())))
      << again.out;
  for (const std::string& p : posters_of(before)) EXPECT_EQ(after[p], before[p]) << p;
  // The change report names the item, the field with old and new value, and
  // the booklets to reprint.
  auto cells = cells_by_qingdan(dir / "output/reports/变更情况.xlsx");
  auto has = [&](const std::string& text) {
    return std::any_of(cells.begin(), cells.end(),
                       [&](const std::string& c) { return c.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(has("变更情况\tB3\t变更")) << cells.size();
  EXPECT_TRUE(has(kItem));
  EXPECT_TRUE(has("受理条件"));
  EXPECT_TRUE(has("2017年10月起含外地户籍"));
  EXPECT_TRUE(has("待重印清单\tD3\tguides/" + kDept + ".pdf") ||
              has("待重印清单\tD4\tguides/" + kDept + ".pdf"));
  EXPECT_FALSE(has("guides/涿鹿县财政局.pdf"));
  EXPECT_EQ(posters_to_reprint(cells), std::set<std::string>{});
  // So does the leaders' report's 变更情况 section (before the appended booklet).
  Proc text = sh("pdftotext -enc UTF-8 " + quote(dir / "output/reports/领导汇报.pdf") + " - | tr -d ' \\n\\f'");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  const size_t at = text.out.find("六、变更情况（动态调整）");
  ASSERT_NE(at, std::string::npos);
  const std::string section = text.out.substr(at, text.out.find("办事指南汇编", at) - at);
  EXPECT_NE(section.find("新增0项、调整1项、取消0项"), std::string::npos) << section;
  EXPECT_NE(section.find(kItem), std::string::npos) << section;
  EXPECT_NE(section.find("受理条件："), std::string::npos) << section;
  EXPECT_NE(section.find("→年满60周岁的本县常住居民"), std::string::npos) << section;
  EXPECT_NE(section.find("本办事指南"), std::string::npos) << section;
}

TEST(Nightly, APhoneChangeRendersAndListsExactlyThePostersShowingTheItem) {
  TempDir dir("nightly-phone");
  start_from_sample_build(dir.path());
  auto before = published_tree(dir / "output");
  // The posters of the windows that show the item, read from the posters.
  std::set<std::string> showing;
  for (const std::string& p : posters_of(before))
    if (pdf_text(dir / ("output/" + p)).find(kItem) != std::string::npos) showing.insert(p);
  ASSERT_FALSE(showing.empty());
  ASSERT_LT(showing.size(), posters_of(before).size());
  // A new consulting phone, approved and built the next day.
  const std::string phone = "0313-6529876";
  change_item_column(dir.path(), "咨询电话", phone, "2017-10-01");
  Proc again = build_with(dir.path(), "", "", "2017-10-01");
  ASSERT_EQ(again.exit_code, 1) << again.out;
  EXPECT_EQ(parts_of(again.out, "posters"),
            std::make_pair(static_cast<int>(showing.size()),
                           static_cast<int>(posters_of(before).size() - showing.size())))
      << again.out;
  auto after = published_tree(dir / "output");
  std::set<std::string> changed;
  for (const std::string& p : posters_of(before))
    if (after[p] != before[p]) changed.insert(p);
  EXPECT_EQ(changed, showing);
  for (const std::string& p : showing) {
    const std::string text = pdf_text(dir / ("output/" + p));
    EXPECT_NE(text.find(phone), std::string::npos) << p;
    EXPECT_NE(text.find("清单版本：2017年10月1日"), std::string::npos) << p;
  }
  // The 待重印清单 names exactly those posters.
  EXPECT_EQ(posters_to_reprint(cells_by_qingdan(dir / "output/reports/变更情况.xlsx")), showing);
}

TEST(Nightly, BrokenWorkbookKeepsTheDepartmentsLastPublishedItems) {
  TempDir dir("nightly-broken");
  start_from_sample_build(dir.path());
  auto lists_before = cells_by_qingdan(dir / "output/lists/实施清单.xlsx");
  std::string guide_before = read_file(dir / ("output/guides/" + kDept + ".pdf"));
  ASSERT_FALSE(guide_before.empty());

  std::ofstream(dir / ("input/departments/" + kDept + ".xlsx"), std::ios::trunc) << "这不是工作簿";
  Proc r = build_with(dir.path(), "", "", "2017-10-01");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("以下部门本期失败（上期已公布的事项继续沿用）"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(kDept), std::string::npos) << r.out;
  // Still published: every cell of the implementation list that names the
  // department's items is still there.
  // (Kept items follow the department's other items: compare values, not cells.)
  auto values = [](const std::vector<std::string>& cells) {
    std::multiset<std::string> out;
    for (const std::string& c : cells) {
      size_t a = c.find('\t'), b = c.find('\t', a + 1);
      out.insert(c.substr(0, a) + "\t" + c.substr(b + 1));
    }
    return out;
  };
  auto after = values(cells_by_qingdan(dir / "output/lists/实施清单.xlsx"));
  int kept = 0;
  for (const std::string& c : values(lists_before))
    if (c.find(kItem) != std::string::npos) {
      ++kept;
      EXPECT_TRUE(after.count(c)) << c;
    }
  EXPECT_GT(kept, 0);
  EXPECT_TRUE(fs::exists(dir / ("output/guides/" + kDept + ".pdf")));
  // The reports say so.
  auto findings = read_findings(dir / "output/review/findings.csv");
  int carried = 0;
  for (const FindingRow& f : findings)
    if (f.rule == "CARRIED-OVER") {
      ++carried;
      EXPECT_NE(f.message.find("沿用上期"), std::string::npos);
      // Placed at the department's file as handed in, never at a path of this machine.
      EXPECT_EQ(f.file, "departments/" + kDept + ".xlsx");
    }
  EXPECT_GT(carried, 10);
  // No output names a folder of this machine (the registry, the input, the output).
  Proc paths = sh("grep -rlF " + quote(dir.path()) + " " + quote(dir / "output/review") + " " +
                  quote(dir / "output/portal/data") + " " + quote(dir / "output/lists"));
  EXPECT_EQ(paths.out, "") << paths.out;
}

// Kills a build at `point` after a change and checks the published output
// is the previous one, byte for byte; then a normal build publishes the change.
void kill_at(const std::string& point, const std::string& extra) {
  SCOPED_TRACE(point);
  TempDir dir("nightly-kill");
  start_from_sample_build(dir.path());
  auto published = published_tree(dir / "output");
  change_item(dir.path());
  Proc killed = build_with(dir.path(), extra, "QINGDAN_CRASH_AT=" + point);
  EXPECT_NE(killed.exit_code, 0);
  EXPECT_NE(killed.exit_code, 1) << killed.out;
  if (point != "exchanged" && point != "published") {
    EXPECT_EQ(diff(published_tree(dir / "output"), published), std::vector<std::string>{});
  }
  Proc next = build_with(dir.path(), "");
  ASSERT_EQ(next.exit_code, 1) << next.out;
  auto now = published_tree(dir / "output");
  EXPECT_NE(now["guides/" + kDept + ".pdf"], published["guides/" + kDept + ".pdf"]);
  // The following build is the same as one that was never interrupted.
  EXPECT_EQ(diff(published_tree(changed_after_sample_build() + "/output"), now), std::vector<std::string>{});
}

TEST(Nightly, KilledBetweenStagesLeavesTheOutputIntact) { kill_at("codes", ""); }
TEST(Nightly, KilledAfterRenderingLeavesTheOutputIntact) { kill_at("rendered", ""); }
TEST(Nightly, KilledWritingAPdfLeavesTheOutputIntact) { kill_at("mid-pdf", "--jobs 1"); }
TEST(Nightly, KilledBeforeTheSwapLeavesTheOutputIntact) { kill_at("publish", ""); }
TEST(Nightly, KilledDuringTheSwapLeavesAWholeOutput) { kill_at("exchanged", ""); }

TEST(Nightly, AWorkerKilledWritingAPdfFailsTheBuildAndKeepsTheOutput) {
  TempDir dir("nightly-worker");
  start_from_sample_build(dir.path());
  auto published = published_tree(dir / "output");
  change_item(dir.path());
  Proc r = build_with(dir.path(), "--jobs 2", "QINGDAN_CRASH_AT=mid-pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("渲染进程异常结束"), std::string::npos) << r.out;
  EXPECT_EQ(diff(published_tree(dir / "output"), published), std::vector<std::string>{});
}

TEST(Nightly, JobsDoNotChangeTheOutput) {
  // The shared sample build ran with the default, one job per core.
  TempDir dir("nightly-jobs");
  start_from_sample_build(dir.path());
  ASSERT_EQ(build_with(dir.path(), "--jobs 1 --full").exit_code, 1);
  EXPECT_EQ(diff(published_tree(dir / "output"), published_tree(sample_built().dir + "/output")), std::vector<std::string>{});
  ASSERT_EQ(build_with(dir.path(), "--jobs 3 --full").exit_code, 1);
  EXPECT_EQ(diff(published_tree(dir / "output"), published_tree(sample_built().dir + "/output")), std::vector<std::string>{});
}

TEST(Nightly, ShardsMergedGiveTheSameOutputAsOneBuild) {
  TempDir dir("nightly-shards");
  copy_sample_input(dir.path());
  auto run = [&](const std::string& out, const std::string& registry, const std::string& extra) {
    return sh(quote(qingdan()) + " build --input " + quote(dir / "input") + " --output " +
              quote(dir / out) + " --registry " + quote(dir / registry) +
              " --date 2017-09-30 " + extra + " 2>&1");
  };
  // One build of everything: the shared sample build.
  for (int i = 0; i < 3; ++i) {
    Proc shard = run("shard" + std::to_string(i), "shared.sqlite", "--shard " + std::to_string(i) + "/3");
    ASSERT_EQ(shard.exit_code, 1) << shard.out;
    EXPECT_NE(shard.out.find("沿用上次 0 个"), std::string::npos) << shard.out;
  }
  // The shards read the registry but never write it.
  Proc codes = sh("/usr/bin/python3 -c \"import sqlite3,sys; print(sqlite3.connect(sys.argv[1])"
                  ".execute('select count(*) from items').fetchone()[0])\" " + quote(dir / "shared.sqlite"));
  EXPECT_EQ(codes.out.substr(0, 2), "0\n") << codes.out;
  // No department part is rendered again by the merge.
  Proc merged = run("merged", "shared.sqlite",
                    "--reuse " + quote(dir / "shard0") + " --reuse " + quote(dir / "shard1") +
                        " --reuse " + quote(dir / "shard2"));
  ASSERT_EQ(merged.exit_code, 1) << merged.out;
  EXPECT_EQ(parts_of(merged.out, "notices").first, 0) << merged.out;
  EXPECT_EQ(parts_of(merged.out, "forms").first, 0) << merged.out;
  EXPECT_EQ(parts_of(merged.out, "returns").first, 0) << merged.out;
  EXPECT_EQ(parts_of(merged.out, "guides").first, 1) << merged.out;  // the county's compilation
  EXPECT_EQ(diff(published_tree(dir / "merged"), published_tree(sample_built().dir + "/output")), std::vector<std::string>{});
}

TEST(Nightly, ASecondBuildWaitsForNoneAndFailsWhileOneHoldsTheLock) {
  TempDir dir("nightly-lock");
  copy_sample_input(dir.path());
  fs::create_directories(dir / "output.builds");
  // flock(1) holds the lock while the second build tries.
  Proc r = sh("flock " + quote(dir / "output.builds/.lock") + " " + quote(qingdan()) +
              " build --quiet --input " + quote(dir / "input") + " --output " +
              quote(dir / "output") + " 2>&1; echo rc=$?");
  EXPECT_NE(r.out.find("另一个构建正在进行"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rc=2"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "output"));
}

}  // namespace
}  // namespace qd::e2e
