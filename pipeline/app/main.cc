// qingdan: the county's service-item pipeline. Commands:
//   build  — every stage, every output, from the input folder
//   forms  — the pre-filled fill-in workbooks for the departments
//   check  — validates department workbooks on their own
// Exit codes: 0 done, 1 done but some input could not be read (check: or
// has errors), 2 usage or configuration error. The help, the errors and
// --version speak Chinese (app/cli.h, app/version.h).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <algorithm>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "app/build.h"
#include "app/cli.h"
#include "app/version.h"

namespace {

// Today's date: the only place the program reads the clock.
qd::Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return qd::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// Prints the one-line summary of a run.
void summarize(const char* what, const qd::BuildReport& r, bool quiet) {
  if (!r.message.empty()) {
    std::cerr << "qingdan " << what << ": " << r.message << '\n';
    return;
  }
  if (quiet && r.exit_code == 0) return;
  std::cerr << "qingdan " << what << ": 读取 " << r.files << " 个部门文件（" << r.unreadable
            << " 个无法读取），事项 " << r.items << " 个，发布 " << r.published << " 个；错误 "
            << r.errors << " 个，警告 " << r.warnings << " 个；写出 " << r.written.size()
            << " 个文件";
  if (r.rendered + r.reused > 0)
    std::cerr << "（重新生成 " << r.rendered << " 个部分，沿用上次 " << r.reused << " 个）";
  std::cerr << "\n";
  if (r.returned >= 0)
    std::cerr << "qingdan " << what << ": 退回修改：" << r.returned << " 个部门（returns/）\n";
  if (!r.failed_departments.empty()) {
    std::cerr << "qingdan " << what << ": 以下部门本期失败（上期已公布的事项继续沿用）：";
    for (size_t i = 0; i < r.failed_departments.size(); ++i)
      std::cerr << (i ? "、" : "") << r.failed_departments[i];
    std::cerr << "\n";
  }
}

}  // namespace

namespace {

// Runs the program again with glibc's heap on transparent huge pages
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1; tunables are read only at start).
// On virtual machines such as the office's a first touch of a 4 KB page
// costs 12–17 µs, and a build's worker processes touch hundreds of MB
// afresh: huge pages save about a tenth of a build (measured in bench/).
// A GLIBC_TUNABLES already set, even empty, is the operator's choice and is
// kept; if exec fails the run goes on as it is.
void use_huge_pages(char** argv) {
  if (std::getenv("GLIBC_TUNABLES")) return;
  ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
  ::execv("/proc/self/exe", argv);
}

}  // namespace

int main(int argc, char** argv) {
  use_huge_pages(argv);
  CLI::App app{"qingdan：县（区、市）政务服务事项清单流水线（表格下发、读取、审核、合并、赋码、发布）", "qingdan"};
  qd::cli::localize(app);
  app.require_subcommand(1);
  app.add_flag_callback(
      "--version,-V",
      [] {
        std::cout << qd::version_text();
        throw CLI::Success();
      },
      "显示版本、构建标识和所用库的版本");
  app.footer("退出码：0 完成；1 完成，但有输入文件无法读取（check：或有错误）；2 用法或设置有误，未发布。\n"
             "详见 man qingdan。");

  qd::BuildOptions options;
  options.jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string date_text;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--input", options.input_dir, "输入目录（departments/、reference/、review/，及 county.toml）")
        ->type_name("目录")->capture_default_str();
    cmd->add_option("--output", options.output_dir, "输出目录")->type_name("目录")->capture_default_str();
    cmd->add_option("--settings", options.settings_path, "县的设置文件（默认为 <输入目录>/county.toml）")
        ->type_name("文件");
    cmd->add_option("--registry", options.registry_path, "编码库文件（默认取设置文件中的 registry）")
        ->type_name("文件");
    cmd->add_option("--date", date_text, "构建日期（默认今天）；所有输出只使用这一时间")->type_name("YYYY-MM-DD");
    cmd->add_option("--templates", options.templates_dir, "版式模板目录（默认为安装目录或源码树的 templates/）")
        ->type_name("目录");
    cmd->add_option("--fonts", options.fonts_config, "字体配置文件（默认为安装目录或源码树的 fonts/fonts.toml）")
        ->type_name("文件");
    cmd->add_flag("--quiet,-q", options.quiet, "只在出错时输出");
    cmd->add_option("--jobs,-j", options.jobs, "并行渲染的进程数，1–256（默认为处理器核数）")
        ->type_name("N")->check(qd::cli::in_range(1, 256));
    cmd->add_option("--keep", options.keep_builds, "保留的历次构建数，0–1000（在 <输出目录>.builds/ 中）")
        ->type_name("N")->capture_default_str()->check(qd::cli::in_range(0, 1000));
  };

  const std::vector<std::pair<std::string, std::string>> commands = {
      {"build", "运行全部环节并写出全部成果"},
      {"forms", "为每个部门生成预填的填报表格（<输出目录>/forms/）"},
      {"check", "单独审核部门填报的工作簿，报送前自查"},
      {"registry", "编码库：查看状态，或从构建保存的副本恢复"},
  };
  CLI::App* build = qd::cli::add_command(app, commands[0].first, commands[0].second);
  add_common(build);
  build->add_flag("--full", options.full, "全部重新生成，不沿用上次构建的文件");
  std::string shard_text;
  build->add_option("--shard", shard_text,
                    "只生成第 I 个分片（0 起算）的部门的成果，供集群并行；编码库只读")
      ->type_name("I/N");
  build->add_option("--reuse", options.reuse_dirs,
                    "从这些目录（各分片的输出）沿用内容相同的成果；可多次给出")
      ->type_name("目录")->check(qd::cli::existing_directory());
  build->add_flag("--new-registry", options.new_registry,
                  "编码库缺失、为空或比已发布的输出旧时仍然构建（从头赋码，已公布的编码可能改变；"
                  "一般应先用 qingdan registry restore 恢复）");
  CLI::App* forms = qd::cli::add_command(app, commands[1].first, commands[1].second);
  add_common(forms);
  CLI::App* check = qd::cli::add_command(app, commands[2].first, commands[2].second);
  std::vector<std::string> files;
  check->add_option("文件", files, "要审核的 .xlsx 文件（或 CSV 目录）")->type_name("")->required();
  check->add_option("--input", options.input_dir, "参照的输入目录（reference/ 中的权力清单，及 county.toml）")
      ->type_name("目录")->capture_default_str();
  check->add_option("--settings", options.settings_path, "县的设置文件（默认为 <输入目录>/county.toml）")
      ->type_name("文件");
  check->add_option("--date", date_text, "审核日期（默认今天）")->type_name("YYYY-MM-DD");

  CLI::App* registry = qd::cli::add_command(app, commands[3].first, commands[3].second);
  registry->require_subcommand(1);
  std::string restore_from;
  CLI::App* restore = qd::cli::add_command(
      *registry, "restore", "用构建目录中保存的编码库副本（registry/registry.sqlite）恢复编码库");
  CLI::App* status = qd::cli::add_command(*registry, "status", "显示编码库和已发布输出的构建次数");
  for (CLI::App* cmd : {restore, status}) {
    cmd->add_option("--input", options.input_dir, "输入目录（含 county.toml，从中读取编码库路径）")
        ->type_name("目录")->capture_default_str();
    cmd->add_option("--settings", options.settings_path, "县的设置文件（默认为 <输入目录>/county.toml）")
        ->type_name("文件");
    cmd->add_option("--output", options.output_dir, "已发布的输出目录")->type_name("目录")->capture_default_str();
    cmd->add_option("--registry", options.registry_path, "编码库文件（默认取设置文件中的 registry）")
        ->type_name("文件");
  }
  restore->add_option("--from", restore_from,
                      "从这个构建目录恢复（默认为输出目录本身，即最近一次发布的构建；"
                      "较早的构建在 <输出目录>.builds/ 中）")
      ->type_name("目录")->check(qd::cli::existing_directory());

  // A first argument that is no command: say so in Chinese (CLI11 would
  // only say that a command is required).
  if (argc > 1) {
    if (std::string msg = qd::cli::unknown_command(argv[1], commands); !msg.empty()) {
      std::cerr << msg;
      return 2;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::Success&) {
    return 0;  // --version printed
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  if (date_text.empty()) {
    options.build_date = today();
  } else if (!qd::parse_date(date_text, &options.build_date)) {
    std::cerr << "qingdan: --date 应为 YYYY-MM-DD，如 2017-09-30\n";
    return 2;
  }

  if (!shard_text.empty()) {
    int i = -1, n = 0;
    char slash = 0;
    std::istringstream in(shard_text);
    if (!(in >> i >> slash >> n) || slash != '/' || n < 1 || i < 0 || i >= n || !in.eof()) {
      std::cerr << "qingdan: --shard 应为 I/N（0 ≤ I < N），如 0/4\n";
      return 2;
    }
    options.shard = i;
    options.shards = n;
  }

  qd::BuildReport report;
  const char* what = "";
  if (build->parsed()) {
    what = "build";
    report = qd::run_build(options);
  } else if (forms->parsed()) {
    what = "forms";
    report = qd::run_forms(options);
  } else if (registry->parsed()) {
    what = "registry";
    report = qd::run_registry(restore->parsed() ? "restore" : "status", options, restore_from);
    if (report.message.empty()) return 0;
  } else {
    what = "check";
    report = qd::run_check(files, options);
  }
  summarize(what, report, options.quiet);
  return report.exit_code;
}
