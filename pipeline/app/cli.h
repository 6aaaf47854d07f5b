// The command line in Chinese. CLI11 writes its help and its errors in
// English ("Usage", "OPTIONS", "The following argument was not expected");
// a county clerk reads Chinese. This sets CLI11's labels, aligns the help by
// display width (a Chinese character takes two terminal columns), turns its
// parse errors into Chinese messages, and names an unknown command.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qd::cli {

// Columns `text` takes on a terminal: two for East Asian wide and
// full-width characters, one for the others.
size_t display_width(std::string_view text);

// CLI11's help formatter with Chinese labels (用法, 选项, 命令, 必填 …) that
// pads the option column by display width.
class Formatter : public CLI::Formatter {
 public:
  Formatter();
  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
};

// Sets up `app` before any option or command is added: the formatter, the
// help flags and the group names in Chinese, and Chinese failure messages.
void localize(CLI::App& app);

// A command added with localize()'d wording: its group is "命令".
CLI::App* add_command(CLI::App& app, const std::string& name, const std::string& description);

// The Chinese message for a parse error, with where to find help.
std::string failure_message(const CLI::App* app, const CLI::Error& e);

// The message for a first argument that is no command ("" when `word` is
// an option or a command): it names the word, the commands, and the
// nearest command when one is close.
std::string unknown_command(std::string_view word,
                            const std::vector<std::pair<std::string, std::string>>& commands);

// Validators with Chinese messages.
CLI::Validator in_range(int low, int high);  // an integer in [low, high]
CLI::Validator existing_directory();         // a folder that exists

}  // namespace qd::cli
