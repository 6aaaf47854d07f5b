// Writing output files through a temporary name (see files.h).
#include "base/files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "base/test_hooks.h"

namespace qd {

namespace fs = std::filesystem;

namespace {

// Writes all of `bytes` to `fd`; false (errno set) when it cannot.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// The error for `path`: "无法写入文件：<why>".
Error write_error(const std::string& path, int err) {
  return make_error(Place{path}, "无法写入文件：" + file_error_reason(err));
}

// Renames `tmp` to `path`; removes `tmp` when that fails.
Status rename_over(const std::string& tmp, const std::string& path) {
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    return write_error(path, err);
  }
  return Ok{};
}

}  // namespace

std::string temporary_file_name(const std::string& path) { return path + ".tmp"; }

Status finish_file(const std::string& tmp, const std::string& path, const Status& made) {
  if (!made.ok()) {
    std::remove(tmp.c_str());
    return made;
  }
  return rename_over(tmp, path);
}

std::string file_error_reason(int err) {
  switch (err) {
    case ENOSPC: return "磁盘空间不足";
    case EDQUOT: return "超出磁盘配额";
    case EACCES:
    case EPERM: return "没有权限";
    case EROFS: return "文件系统是只读的";
    case ENAMETOOLONG: return "文件名过长";
    case ENOENT: return "文件夹不存在";
    case ENOTDIR: return "路径中有一部分不是文件夹";
    case EISDIR: return "同名的文件夹已存在";
    case EMFILE:
    case ENFILE: return "打开的文件过多";
    case EIO: return "磁盘读写错误";
    default: return std::strerror(err);
  }
}

Status make_folders(const std::string& folder) {
  if (folder.empty()) return Ok{};
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return make_error(Place{folder}, "无法创建文件夹：" + file_error_reason(ec.value()));
  return Ok{};
}

Status write_file(const std::string& path, std::string_view bytes, std::string_view midway) {
  QD_TRY(make_folders(fs::path(path).parent_path().string()));
  const std::string tmp = temporary_file_name(path);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return write_error(path, errno);
  const size_t half = midway.empty() ? bytes.size() : bytes.size() / 2;
  int err = 0;
  if (!write_all(fd, bytes.substr(0, half))) err = errno;
  if (!err && !midway.empty()) crash_point(midway);
  if (!err && !write_all(fd, bytes.substr(half))) err = errno;
  if (::close(fd) != 0 && !err) err = errno;
  if (err) {
    std::remove(tmp.c_str());
    return write_error(path, err);
  }
  return rename_over(tmp, path);
}

Status write_file_with(const std::string& path,
                       const std::function<Status(const std::string& tmp)>& write) {
  QD_TRY(make_folders(fs::path(path).parent_path().string()));
  const std::string tmp = temporary_file_name(path);
  return finish_file(tmp, path, write(tmp));
}

}  // namespace qd
