// Writing output files. Every output file is written under a temporary name
// beside it and renamed over its real name once complete, so that nobody
// (a reader, the next build, a kill in between) sees half a file under the
// real name. Errors name the file and say why, in Chinese.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/error.h"

namespace qd {

// Creates `folder` and its parents ("无法创建文件夹：<why>").
Status make_folders(const std::string& folder);

// Writes `bytes` to `path` (creating its folder) through "<path>.tmp".
// `midway`, when set, is a crash point (base/test_hooks.h) reached with half
// the bytes written, for the tests of the nightly build.
Status write_file(const std::string& path, std::string_view bytes, std::string_view midway = {});

// Lets `write` make the file at the temporary name it is given (for
// libraries that write files themselves), then renames it to `path`.
// Nothing is left under either name when `write` fails.
Status write_file_with(const std::string& path,
                       const std::function<Status(const std::string& tmp)>& write);

// For a library that opens its file early and writes it late: the
// temporary name to give it for `path`, and, once it has written, the
// rename into place (or the removal of what it left, when `made` failed).
std::string temporary_file_name(const std::string& path);
Status finish_file(const std::string& tmp, const std::string& path, const Status& made);

// Why a file operation failed, in Chinese, for an errno value
// ("磁盘空间不足", "没有权限" …; the system's words for the rare others).
std::string file_error_reason(int err);

}  // namespace qd
