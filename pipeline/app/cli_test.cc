#include "app/cli.h"

#include <gtest/gtest.h>

#include <sstream>

namespace qd::cli {
namespace {

TEST(CommandLine, DisplayWidthCountsChineseTwice) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("--input"), 7u);
  EXPECT_EQ(display_width("输入目录"), 8u);
  EXPECT_EQ(display_width("目录（含 county.toml）"), 2 + 2 + 2 + 2 + 1 + 11 + 2u);
  EXPECT_EQ(display_width("ＡＢ"), 4u);
}

// An app like qingdan's: Chinese labels, descriptions in one column.
CLI::App* sample(CLI::App& app, std::string* value) {
  localize(app);
  app.require_subcommand(1);
  CLI::App* build = add_command(app, "build", "运行全部环节");
  build->add_option("--input", *value, "输入目录")->type_name("目录");
  build->add_option("--jobs,-j", *value, "并行进程数")->type_name("N")->check(in_range(1, 256));
  add_command(app, "check", "审核工作簿")->add_option("files", *value, "要审核的文件")->required();
  CLI::App* registry = add_command(app, "registry", "编码库");
  registry->require_subcommand(1);
  add_command(*registry, "status", "状态");
  add_command(*registry, "restore", "恢复");
  return build;
}

TEST(CommandLine, HelpHasChineseLabelsAndAlignsByDisplayWidth) {
  CLI::App app{"测试程序", "qingdan"};
  std::string v;
  CLI::App* build = sample(app, &v);
  const std::string top = app.help();
  EXPECT_NE(top.find("用法: qingdan [选项] 命令"), std::string::npos) << top;
  EXPECT_NE(top.find("\n选项:\n"), std::string::npos) << top;
  EXPECT_NE(top.find("\n命令:\n"), std::string::npos) << top;
  EXPECT_NE(top.find("显示帮助并退出"), std::string::npos) << top;
  for (const char* english : {"Usage", "OPTIONS", "Options", "Subcommands", "SUBCOMMAND", "Print this help"})
    EXPECT_EQ(top.find(english), std::string::npos) << english << "\n" << top;
  const std::string sub = build->help();
  for (const char* english : {"Usage", "OPTIONS", "Options", "TEXT", "INT", "Print this help"})
    EXPECT_EQ(sub.find(english), std::string::npos) << english << "\n" << sub;
  // Every description starts in the same terminal column.
  size_t column = 0;
  int rows = 0;
  std::istringstream lines(sub);
  for (std::string line; std::getline(lines, line);) {
    for (const char* d : {"输入目录", "并行进程数", "显示帮助并退出"}) {
      const size_t at = line.find(d);
      if (at == std::string::npos || at == 0) continue;
      const size_t col = display_width(line.substr(0, at));
      if (rows++ == 0) column = col;
      EXPECT_EQ(col, column) << line;
    }
  }
  EXPECT_EQ(rows, 3) << sub;
}

// The message CLI11's parser gives for `args`, through failure_message().
std::string error_for(std::vector<std::string> args) {
  CLI::App app{"测试程序", "qingdan"};
  std::string v;
  sample(app, &v);
  std::vector<const char*> argv = {"qingdan"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
  } catch (const CLI::ParseError& e) {
    return failure_message(&app, e);
  }
  return "";
}

TEST(CommandLine, ParseErrorsInChinese) {
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  for (const Case& c : std::vector<Case>{
           {{}, "缺少命令：请给出 build、check、registry 之一。"},
           {{"registry"}, "缺少命令：请给出 status、restore 之一。"},
           {{"build", "--no-such"}, "无法识别的选项：--no-such。"},
           {{"build", "extra"}, "多余的参数：extra。"},
           {{"build", "--input"}, "选项 --input 后面缺少值"},
           {{"build", "--jobs", "0"}, "选项 --jobs：应为 1–256 之间的整数，不是“0”。"},
           {{"build", "--jobs", "x"}, "选项 --jobs：应为 1–256 之间的整数，不是“x”。"},
           {{"check"}, "缺少参数 files（要审核的文件）。"},
       }) {
    const std::string msg = error_for(c.args);
    EXPECT_TRUE(msg.starts_with("qingdan：")) << msg;
    EXPECT_NE(msg.find(c.expected), std::string::npos) << msg;
    EXPECT_NE(msg.find("运行 qingdan --help 查看帮助。"), std::string::npos) << msg;
    for (const char* english : {"required", "expected", "Run with", "not in range", "missing"})
      EXPECT_EQ(msg.find(english), std::string::npos) << english << ": " << msg;
  }
}

TEST(CommandLine, UnknownCommandIsNamedWithTheNearestOne) {
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"build", "运行全部环节"}, {"forms", "生成表格"}, {"check", "审核工作簿"}};
  EXPECT_EQ(unknown_command("build", commands), "");
  EXPECT_EQ(unknown_command("--help", commands), "");
  EXPECT_EQ(unknown_command("", commands), "");
  const std::string typo = unknown_command("biuld", commands);
  EXPECT_TRUE(typo.starts_with("qingdan：没有“biuld”这个命令，是不是要用 build？\n")) << typo;
  EXPECT_NE(typo.find("  forms   生成表格\n"), std::string::npos) << typo;
  const std::string chinese = unknown_command("构建", commands);
  EXPECT_TRUE(chinese.starts_with("qingdan：没有“构建”这个命令。\n")) << chinese;
  EXPECT_NE(unknown_command("chek", commands).find("是不是要用 check？"), std::string::npos);
}

}  // namespace
}  // namespace qd::cli
