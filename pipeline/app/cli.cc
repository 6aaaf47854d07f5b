#include "app/cli.h"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "base/text.h"

namespace qd::cli {

namespace {

// True for code points a terminal draws two columns wide (East Asian Wide
// and Fullwidth: CJK, kana, hangul, full-width forms, CJK punctuation).
bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// One line of the help: `left` padded to `column` display columns, then
// `text` (its later lines indented to the column).
std::string help_row(const std::string& left, const std::string& text, size_t column) {
  std::string out = "  " + left;
  if (!text.empty()) {
    const size_t w = display_width(out);
    if (w >= column)
      out += "\n" + std::string(column, ' ');
    else
      out += std::string(column - w, ' ');
    for (char c : text) {
      out += c;
      if (c == '\n') out += std::string(column, ' ');
    }
  }
  return out + "\n";
}

// The option or positional named `name` in the app or one of its commands.
const CLI::Option* find_option(const CLI::App* app, const std::string& name) {
  if (!app) return nullptr;
  if (const CLI::Option* o = app->get_option_no_throw(name)) return o;
  for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; }))
    if (const CLI::Option* o = find_option(sub, name)) return o;
  return nullptr;
}

// "--input" or "参数 files（要审核的文件）" for a message.
std::string named(const CLI::App* app, const std::string& name) {
  const CLI::Option* o = find_option(app, name);
  if (o && o->get_positional()) return "参数 " + name + "（" + o->get_description() + "）";
  return "选项 " + name;
}

// The text after "prefix", or "" when `s` does not start with it.
std::string after(const std::string& s, std::string_view prefix) {
  return s.starts_with(prefix) ? s.substr(prefix.size()) : std::string();
}

// Levenshtein distance over code points.
size_t distance(std::string_view a, std::string_view b) {
  const std::u32string x = utf8_decode(a), y = utf8_decode(b);
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[y.size()];
}

}  // namespace

size_t display_width(std::string_view text) {
  size_t w = 0;
  for (char32_t c : utf8_decode(text)) w += wide(c) ? 2 : 1;
  return w;
}

Formatter::Formatter() {
  label("Usage", "用法");
  label("OPTIONS", "选项");
  label("SUBCOMMAND", "命令");
  label("SUBCOMMANDS", "命令");
  label("Positionals", "参数");
  label("REQUIRED", "必填");
  label("TEXT", "文本");
  label("INT", "整数");
  label("UINT", "非负整数");
  label("FLOAT", "数值");
  label("Env", "环境变量");
  label("Needs", "需要");
  label("Excludes", "不能同时使用");
  column_width(34);
}

std::string Formatter::make_option(const CLI::Option* opt, bool is_positional) const {
  return help_row(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt),
                  get_column_width());
}

std::string Formatter::make_subcommand(const CLI::App* sub) const {
  return help_row(sub->get_display_name(true), sub->get_description(), get_column_width());
}

void localize(CLI::App& app) {
  app.formatter(std::make_shared<Formatter>());
  app.option_defaults()->group("选项");
  app.set_help_flag("-h,--help", "显示帮助并退出");
  app.set_help_all_flag("--help-all", "显示所有命令的帮助并退出");
  app.failure_message(failure_message);
}

CLI::App* add_command(CLI::App& app, const std::string& name, const std::string& description) {
  CLI::App* sub = app.add_subcommand(name, description);
  sub->group("命令");
  // A command copies its parent's help flag before its option defaults:
  // made again, it falls in the group "选项" too.
  sub->set_help_flag("-h,--help", "显示帮助并退出");
  sub->set_help_all_flag();  // --help-all belongs to the program, not to a command
  return sub;
}

std::string failure_message(const CLI::App* app, const CLI::Error& e) {
  const std::string what = e.what(), kind = e.get_name();
  std::string msg;
  // CLI11 names some errors after the command they happened in ("build"),
  // so the kind of error is known by its name or by its message.
  if (what.starts_with("The following argument")) {
    std::string args = what.substr(what.find(": ") + 2);
    msg = (args.starts_with("-") ? "无法识别的选项：" : "多余的参数：") + args + "。";
  } else if (kind == "RequiredError") {
    if (what.starts_with("A subcommand")) {
      // The command that lacks one: the last command given ("registry").
      const CLI::App* at = app;
      while (!at->get_subcommands().empty()) at = at->get_subcommands().back();
      msg = "缺少命令：";
      std::string names;
      for (const CLI::App* sub : at->get_subcommands([](const CLI::App*) { return true; }))
        names += (names.empty() ? "" : "、") + sub->get_name();
      msg += "请给出 " + names + " 之一。";
    } else if (std::string name = what.substr(0, what.find(" is required")); name != what) {
      msg = "缺少" + named(app, name) + "。";
    }
  } else if (kind == "ArgumentMismatch") {
    const size_t colon = what.find(':');
    if (what.starts_with("-") && colon != std::string::npos)
      msg = named(app, what.substr(0, colon)) + " 后面缺少值或值的个数不对。";
  } else if (kind == "ValidationError") {
    const size_t colon = what.find(": ");
    if (colon != std::string::npos) msg = named(app, what.substr(0, colon)) + "：" + what.substr(colon + 2) + "。";
  } else if (kind == "ConversionError") {
    if (std::string rest = after(what, "Could not convert: "); !rest.empty()) {
      const size_t eq = rest.find(" = ");
      msg = named(app, rest.substr(0, eq)) + " 的值" + (eq == std::string::npos ? "" : "“" + rest.substr(eq + 3) + "”") +
            "格式不对。";
    }
  }
  if (msg.empty()) msg = "命令行有误：" + what;
  return "qingdan：" + msg + "\n运行 qingdan --help 查看帮助。\n";
}

std::string unknown_command(std::string_view word,
                            const std::vector<std::pair<std::string, std::string>>& commands) {
  if (word.empty() || word.starts_with("-")) return "";
  std::string nearest, list;
  size_t best = 3;  // suggest only a command at most two edits away
  for (const auto& [name, description] : commands) {
    if (name == word) return "";
    const size_t d = distance(word, name);
    if (d < best) best = d, nearest = name;
    list += "  " + name + std::string(name.size() < 8 ? 8 - name.size() : 1, ' ') + description + "\n";
  }
  std::string msg = "qingdan：没有“" + std::string(word) + "”这个命令";
  if (!nearest.empty()) msg += "，是不是要用 " + nearest + "？";
  else msg += "。";
  return msg + "\n可用的命令：\n" + list + "运行 qingdan --help 查看帮助。\n";
}

// (The validators have no description: CLI11 would print it after the
// option's type in the help, "N:1–256"; the option's text says the range.)
CLI::Validator in_range(int low, int high) {
  const std::string span = std::to_string(low) + "–" + std::to_string(high);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        int v = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || v < low || v > high)
          return "应为 " + span + " 之间的整数，不是“" + text + "”";
        return "";
      },
      "", "in_range");
}

CLI::Validator existing_directory() {
  return CLI::Validator(
      [](std::string& path) -> std::string {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) return "没有这个目录：" + path;
        return "";
      },
      "", "existing_directory");
}

}  // namespace qd::cli
