// qingdan: the county's service-item pipeline. Commands:
//   build  — every stage, every output, from the input folder
//   forms  — the pre-filled fill-in workbooks for the departments
//   check  — validates department workbooks on their own
// Exit codes: 0 done, 1 done but some input could not be read (check: or
// has errors), 2 usage or configuration error.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <algorithm>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "app/build.h"

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
  CLI::App app{"qingdan：县（区、市）政务服务事项清单流水线（表格下发、读取、审核、合并、赋码、发布）"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "显示所有命令的帮助");

  qd::BuildOptions options;
  options.jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string date_text;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--input", options.input_dir, "输入目录（含 county.toml）")->capture_default_str();
    cmd->add_option("--output", options.output_dir, "输出目录")->capture_default_str();
    cmd->add_option("--registry", options.registry_path, "编码库文件（默认取 county.toml 中的 registry）");
    cmd->add_option("--date", date_text, "构建日期 YYYY-MM-DD（默认今天）；所有输出只使用这一时间");
    cmd->add_option("--templates", options.templates_dir, "版式模板目录（默认为程序所在源码树的 templates/）");
    cmd->add_option("--fonts", options.fonts_config, "字体配置文件（默认为 fonts/fonts.toml）");
    cmd->add_flag("--quiet,-q", options.quiet, "只在出错时输出");
    cmd->add_option("--jobs,-j", options.jobs, "并行渲染的进程数（默认为处理器核数）")
        ->check(CLI::Range(1, 256));
    cmd->add_option("--keep", options.keep_builds, "保留的历次构建数（在 <输出目录>.builds/ 中）")
        ->capture_default_str()->check(CLI::Range(0, 1000));
  };

  CLI::App* build = app.add_subcommand("build", "运行全部环节并写出全部成果");
  add_common(build);
  build->add_flag("--full", options.full, "全部重新生成，不沿用上次构建的文件");
  std::string shard_text;
  build->add_option("--shard", shard_text,
                    "I/N：只生成第 I 个分片（0 起算）的部门的成果，供集群并行；编码库只读");
  build->add_option("--reuse", options.reuse_dirs,
                    "从这些目录（各分片的输出）沿用内容相同的成果；可多次给出")
      ->check(CLI::ExistingDirectory);
  build->add_flag("--new-registry", options.new_registry,
                  "编码库缺失、为空或比已发布的输出旧时仍然构建（从头赋码，已公布的编码可能改变；"
                  "一般应先用 qingdan registry restore 恢复）");
  CLI::App* forms = app.add_subcommand("forms", "为每个部门生成预填的填报表格（output/forms/）");
  add_common(forms);
  CLI::App* check = app.add_subcommand("check", "单独审核部门填报的工作簿，报送前自查");
  std::vector<std::string> files;
  check->add_option("files", files, "要审核的 .xlsx 文件（或 CSV 目录）")->required();
  check->add_option("--input", options.input_dir, "参照的输入目录（county.toml、权力清单）")
      ->capture_default_str();
  check->add_option("--date", date_text, "审核日期 YYYY-MM-DD（默认今天）");

  CLI::App* registry = app.add_subcommand("registry", "编码库：查看状态，或从构建保存的副本恢复");
  registry->require_subcommand(1);
  std::string restore_from;
  CLI::App* restore = registry->add_subcommand(
      "restore", "用构建目录中保存的编码库副本（registry/registry.sqlite）恢复编码库");
  CLI::App* status = registry->add_subcommand("status", "显示编码库和已发布输出的构建次数");
  for (CLI::App* cmd : {restore, status}) {
    cmd->add_option("--input", options.input_dir, "输入目录（含 county.toml，从中读取编码库路径）")
        ->capture_default_str();
    cmd->add_option("--output", options.output_dir, "已发布的输出目录")->capture_default_str();
    cmd->add_option("--registry", options.registry_path, "编码库文件（默认取 county.toml 中的 registry）");
  }
  restore->add_option("--from", restore_from,
                      "从这个构建目录恢复（默认为输出目录本身，即最近一次发布的构建；"
                      "较早的构建在 <输出目录>.builds/ 中）")
      ->check(CLI::ExistingDirectory);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
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
    report = qd::run_check(files, options.input_dir, options.build_date);
  }
  summarize(what, report, options.quiet);
  return report.exit_code;
}
