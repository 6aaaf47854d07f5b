// End-to-end: the command line — help, exit codes, `check`, `forms`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "e2e.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

TEST(Cli, HelpOnEveryCommand) {
  for (const char* cmd : {"", " build", " forms", " check"}) {
    Proc r = sh(quote(qingdan()) + cmd + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd << r.out;
    EXPECT_NE(r.out.find("--"), std::string::npos) << cmd;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(sh(quote(qingdan())).exit_code, 2);
  EXPECT_EQ(sh(quote(qingdan()) + " build --no-such-flag").exit_code, 2);
  EXPECT_EQ(sh(quote(qingdan()) + " build --date 2017-13-01").exit_code, 2);
  TempDir dir("cli-empty");
  Proc r = sh(quote(qingdan()) + " build --input " + quote(dir / "nothing"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("county.toml"), std::string::npos) << r.out;
}

TEST(Cli, BadSettingsExitTwoNamingTheProblem) {
  TempDir dir("cli-settings");
  copy_sample_input(dir.path());
  std::string toml = dir / "input/county.toml";
  std::string text = read_file(toml);
  text.replace(text.find("division_code = \"130731\""), 24, "division_code = \"1307\"");
  std::ofstream(toml) << text;
  Proc r = build(dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("division_code"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "output"));
}

// Settings of the sample with `from` replaced by `to` (once): a build exits
// 2, names `key`, and publishes nothing.
void expect_settings_refused(const std::string& from, const std::string& to, const std::string& key) {
  TempDir dir("cli-settings-key");
  copy_sample_input(dir.path());
  std::string toml = dir / "input/county.toml";
  std::string text = read_file(toml);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(toml) << text;
  Proc r = build(dir.path());
  EXPECT_EQ(r.exit_code, 2) << from << r.out;
  EXPECT_NE(r.out.find(key), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "output")) << from;
}

TEST(Cli, AMissingRequiredSettingExitsTwoNamingIt) {
  // No county's data stands in for a key left out.
  for (const char* key : {"name", "division_code", "area_code", "office"})
    expect_settings_refused("\n" + std::string(key) + " = ", "\n# " + std::string(key) + " = ", key);
}

TEST(Cli, ADepartmentOrHallNamedDotDotExitsTwo) {
  // The names become folders of the output: "..", "." or a "/" would put
  // files outside their place.
  expect_settings_refused("name = \"涿鹿县发展和改革局\"", "name = \"..\"", "name");
  expect_settings_refused("name = \"涿鹿县政务服务中心\"", "name = \".\"", "name");
  expect_settings_refused("name = \"涿鹿县政务服务中心\"", "name = \"大厅/一楼\"", "name");
}

TEST(Cli, CheckPrintsFindingsWithPlacesAndFailsOnErrors) {
  Proc bad = sh("cd " + quote(source("")) + " && " + quote(qingdan()) +
               " check --date 2017-09-30 input/departments/涿鹿县住房和城乡建设局.xlsx");
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("input/departments/涿鹿县住房和城乡建设局.xlsx:实施清单!U4: 错误 [LIMIT-ORDER]"),
            std::string::npos)
      << bad.out;
  // Only the checked department: not the others' missing submissions.
  EXPECT_EQ(bad.out.find("涿鹿县统计局"), std::string::npos);
  Proc unreadable = sh("cd " + quote(source("")) + " && " + quote(qingdan()) +
                      " check input/departments/涿鹿县档案馆.xlsx");
  EXPECT_EQ(unreadable.exit_code, 1);
  EXPECT_NE(unreadable.out.find("FILE-UNREADABLE"), std::string::npos);
}

TEST(Cli, CheckPassesACleanWorkbook) {
  Proc ok = sh("cd " + quote(source("")) + " && " + quote(qingdan()) +
              " check --date 2017-09-30 input/departments/涿鹿县水务局.xlsx");
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
}

TEST(Cli, FormsCommandWritesOnlyForms) {
  TempDir dir("cli-forms");
  copy_sample_input(dir.path());
  Proc r = sh(quote(qingdan()) + " forms --quiet --input " + quote(dir / "input") + " --output " +
             quote(dir / "output") + " --date 2017-09-30");
  EXPECT_EQ(r.exit_code, 1) << r.out;  // the unreadable sample workbook
  EXPECT_TRUE(fs::exists(dir / "output/forms/涿鹿县民政局.xlsx"));
  EXPECT_FALSE(fs::exists(dir / "output/lists"));
}

}  // namespace
}  // namespace qd::e2e

namespace qd::e2e {
namespace {

TEST(Cli, ABuildLeavesNothingStaleAndFormsKeepsTheRest) {
  TempDir dir("cli-stale");
  start_from_sample_build(dir.path());
  std::ofstream(dir / "output/guides/旧部门.pdf") << "stale";
  ASSERT_EQ(build(dir.path()).exit_code, 1);
  EXPECT_FALSE(fs::exists(dir / "output/guides/旧部门.pdf"));
  Proc r = sh(quote(qingdan()) + " forms --quiet --input " + quote(dir / "input") + " --output " +
              quote(dir / "output") + " --date 2017-09-30");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(fs::exists(dir / "output/lists/实施清单.xlsx"));
  EXPECT_TRUE(fs::exists(dir / "output/forms/涿鹿县民政局.xlsx"));
  // The manifest still names what was carried over, so the next build can
  // reuse it.
  std::string manifest = read_file(dir / "output/manifest.json");
  EXPECT_NE(manifest.find("\"lists/实施清单.xlsx\""), std::string::npos);
  EXPECT_NE(manifest.find("\"forms/涿鹿县民政局.xlsx\""), std::string::npos);
  Proc again = sh(quote(qingdan()) + " build --input " + quote(dir / "input") + " --output " +
                  quote(dir / "output") + " --date 2017-09-30 2>&1");
  EXPECT_NE(again.out.find("[guides] 27 个文件"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("渲染 0 个部分，沿用 27 个"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace qd::e2e
