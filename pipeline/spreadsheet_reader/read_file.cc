#include "spreadsheet_reader/read_file.h"

#include <filesystem>
#include <fstream>

#include "spreadsheet_reader/messages.h"

namespace qd {

Status read_file_limited(const std::string& path, size_t max_bytes, std::string* out) {
  Place place{path, "", ""};
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec)
    return make_error(place, "无法读取：找不到该文件或没有读取权限。请确认文件存在后再试。");
  if (size > max_bytes) return make_error(place, sheet_msg::kFileTooBig);
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(place, "无法读取：无法打开该文件（可能正被其他程序占用）。请关闭后再试。");
  out->resize(static_cast<size_t>(size));
  in.read(out->data(), static_cast<std::streamsize>(size));
  if (static_cast<uint64_t>(in.gcount()) != size)
    return make_error(place, "无法读取：读取文件时出错。请重新保存后再试。");
  return Ok{};
}

}  // namespace qd
