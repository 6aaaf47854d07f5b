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
  EXPECT_FALSE(fs::exists(dir / "output/returns"));  // returned after a build only
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
  EXPECT_TRUE(fs::exists(dir / "output/returns/涿鹿县民政局.xlsx"));
  // The manifest still names what was carried over, so the next build can
  // reuse it.
  std::string manifest = read_file(dir / "output/manifest.json");
  EXPECT_NE(manifest.find("\"lists/实施清单.xlsx\""), std::string::npos);
  EXPECT_NE(manifest.find("\"forms/涿鹿县民政局.xlsx\""), std::string::npos);
  Proc again = sh(quote(qingdan()) + " build --input " + quote(dir / "input") + " --output " +
                  quote(dir / "output") + " --date 2017-09-30 2>&1");
  // Nothing of the guides changed, so every one of their parts is carried over.
  size_t at = again.out.find("[guides] ");
  ASSERT_NE(at, std::string::npos) << again.out;
  std::string line = again.out.substr(at, again.out.find('\n', at) - at);
  EXPECT_NE(line.find("渲染 0 个部分"), std::string::npos) << line;
  EXPECT_EQ(line.find("沿用 0 个"), std::string::npos) << line;
}


TEST(Cli, HelpIsChinese) {
  for (const char* cmd : {"", " build", " forms", " check"}) {
    Proc r = sh(quote(qingdan()) + cmd + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("用法: qingdan"), std::string::npos) << cmd << r.out;
    EXPECT_NE(r.out.find("显示帮助并退出"), std::string::npos) << cmd << r.out;
    for (const char* english : {"Usage", "OPTIONS", "Options:", "Subcommands", "TEXT", "INT", "Print this"})
      EXPECT_EQ(r.out.find(english), std::string::npos) << cmd << ": " << english << "\n" << r.out;
  }
}

TEST(Cli, UnknownCommandIsNamedInChinese) {
  Proc typo = sh(quote(qingdan()) + " biuld --input input");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.out.find("qingdan：没有“biuld”这个命令，是不是要用 build？"), std::string::npos) << typo.out;
  EXPECT_NE(typo.out.find("  check"), std::string::npos) << typo.out;
  Proc chinese = sh(quote(qingdan()) + " 构建");
  EXPECT_EQ(chinese.exit_code, 2);
  EXPECT_NE(chinese.out.find("没有“构建”这个命令"), std::string::npos) << chinese.out;
  Proc none = sh(quote(qingdan()));
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.out.find("缺少命令"), std::string::npos) << none.out;
  Proc flag = sh(quote(qingdan()) + " build --jobs 0");
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.out.find("选项 --jobs：应为 1–256 之间的整数"), std::string::npos) << flag.out;
}

// The first word of the Debian version of `package` before any "+", "-"
// or "~" ("3.40.1-2+deb12u2" → "3.40.1"; an epoch dropped).
std::string upstream_version(const std::string& package) {
  Proc r = sh("dpkg-query -W -f='${Version}' " + package);
  std::string v = r.exit_code == 0 ? r.out : "";
  if (size_t colon = v.find(':'); colon != std::string::npos) v = v.substr(colon + 1);
  return v.substr(0, v.find_first_of("+-~"));
}

// --version names the program, its GNU build ID as readelf reads it from
// the file, and each library with the version of the Debian package that
// provides it.
TEST(Cli, VersionNamesTheBuildIdAndTheLibrariesInstalled) {
  Proc r = sh(quote(qingdan()) + " --version");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(r.out.starts_with("qingdan 0.")) << r.out;
  Proc elf = sh("readelf -n " + quote(qingdan()) + " | sed -n 's/.*Build ID: *//p'");
  std::string id = elf.out.substr(0, elf.out.find('\n'));
  ASSERT_EQ(id.size(), 40u) << elf.out;
  EXPECT_NE(r.out.find("构建标识：build-id:" + id + "\n"), std::string::npos) << r.out;
  const std::pair<const char*, const char*> packages[] = {
      {"SQLite", "libsqlite3-0"},   {"libzip", "libzip4"},           {"ICU", "libicu72"},
      {"HarfBuzz", "libharfbuzz0b"}, {"libharu", "libhpdf-2.3.0"},    {"PoDoFo", "libpodofo0.9.8"},
      {"libqrencode", "libqrencode4"}, {"libxlsxwriter", "libxlsxwriter4"}, {"tinyxml2", "libtinyxml2-9"},
      {"OpenSSL", "libssl3"},       {"toml++", "libtomlplusplus3"},  {"nlohmann/json", "nlohmann-json3-dev"},
      {"CLI11", "libcli11-dev"},    {"glibc", "libc6"}};
  for (const auto& [name, package] : packages) {
    const std::string v = upstream_version(package);
    ASSERT_FALSE(v.empty()) << package;
    EXPECT_NE(r.out.find("  " + std::string(name) + " " + v + "\n"), std::string::npos)
        << name << " should be " << v << " (" << package << ")\n" << r.out;
  }
}

// County settings outside the input folder (/etc/qingdan/county.toml for
// the installed service), a run from another working directory.
TEST(Cli, SettingsOutsideTheInputFolder) {
  TempDir dir("cli-settings-elsewhere");
  copy_sample_input(dir.path());
  fs::create_directories(dir / "etc");
  fs::rename(dir / "input/county.toml", dir / "etc/county.toml");
  const std::string args = " --quiet --input " + quote(dir / "input") + " --output " + quote(dir / "output") +
                           " --registry " + quote(dir / "registry.sqlite") + " --date 2017-09-30";
  Proc without = sh("cd / && " + quote(qingdan()) + " build" + args);
  EXPECT_EQ(without.exit_code, 2) << without.out;
  EXPECT_NE(without.out.find("county.toml"), std::string::npos) << without.out;
  Proc with = sh("cd / && " + quote(qingdan()) + " build --settings " + quote(dir / "etc/county.toml") + args);
  EXPECT_EQ(with.exit_code, 1) << with.out;  // the sample's unreadable workbook
  EXPECT_TRUE(fs::exists(dir / "output/portal/index.html"));
  EXPECT_TRUE(fs::exists(dir / "registry.sqlite"));
  Proc check = sh("cd / && " + quote(qingdan()) + " check --date 2017-09-30 --input " + quote(dir / "input") +
                  " --settings " + quote(dir / "etc/county.toml") + " " +
                  quote(dir / "input/departments/涿鹿县水务局.xlsx"));
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

// `cmake --install` puts a tree that runs wherever it is moved, from any
// working directory: bin/qingdan finds share/qingdan/ beside it.
TEST(Install, TreeRunsFromAnywhere) {
  TempDir dir("install-tree");
  Proc inst = sh("cmake --install " + quote(QD_BINARY_DIR) + " --prefix " + quote(dir / "prefix"));
  ASSERT_EQ(inst.exit_code, 0) << inst.out;
  for (const char* f : {"bin/qingdan", "share/qingdan/fonts/fonts.toml", "share/qingdan/templates/guide.xml",
                        "share/qingdan/templates/portal/page.html", "share/man/man1/qingdan.1.gz",
                        "share/bash-completion/completions/qingdan", "share/qingdan/examples/input/county.toml",
                        "lib/systemd/system/qingdan.service", "lib/systemd/system/qingdan.timer",
                        "etc/qingdan/qingdan.conf"})
    EXPECT_TRUE(fs::exists(dir / ("prefix/" + std::string(f)))) << f;
  // The units name the installed binary.
  EXPECT_NE(read_file(dir / "prefix/lib/systemd/system/qingdan.service").find("ExecStart=" + dir / "prefix/bin/qingdan build"),
            std::string::npos);
  fs::rename(dir / "prefix", dir / "moved");
  Proc r = sh("cd / && " + quote(dir / "moved/bin/qingdan") + " build --quiet --input " +
              quote(dir / "moved/share/qingdan/examples/input") + " --output " + quote(dir / "out") + " --registry " +
              quote(dir / "registry.sqlite") + " --date 2017-09-30");
  EXPECT_EQ(r.exit_code, 1) << r.out;  // the sample's unreadable workbook
  EXPECT_TRUE(fs::exists(dir / "out/portal/index.html"));
  EXPECT_TRUE(fs::exists(dir / "out/guides/涿鹿县民政局.pdf"));
}

}  // namespace
}  // namespace qd::e2e
