#include "base/files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

namespace qd {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed afterwards.
struct Folder {
  fs::path path = fs::temp_directory_path() / ("qd-files-" + std::to_string(::getpid()));
  Folder() { fs::remove_all(path); }
  ~Folder() {
    std::error_code ec;
    fs::permissions(path / "locked", fs::perms::owner_all, ec);
    fs::remove_all(path, ec);
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Files, WritesTheBytesAndItsFolderAndLeavesNoTemporaryFile) {
  Folder dir;
  const fs::path path = dir.path / "a/b/清单.csv";
  ASSERT_TRUE(write_file(path.string(), "一,二\n").ok());
  EXPECT_EQ(read(path), "一,二\n");
  ASSERT_TRUE(write_file(path.string(), "x").ok());  // replaces
  EXPECT_EQ(read(path), "x");
  EXPECT_FALSE(fs::exists(path.string() + ".tmp"));
  EXPECT_EQ(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator()), 1);
}

TEST(Files, AFailedWriteKeepsTheOldFileAndSaysWhyInChinese) {
  Folder dir;
  const fs::path path = dir.path / "out.txt";
  ASSERT_TRUE(write_file(path.string(), "old").ok());
  Status s = write_file_with(path.string(), [](const std::string& tmp) -> Status {
    std::ofstream(tmp) << "half";
    return make_error(Place{tmp}, "写到一半");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(read(path), "old");
  EXPECT_FALSE(fs::exists(path.string() + ".tmp"));
}

TEST(Files, AFolderWithoutPermissionIsNamedAsSuch) {
  Folder dir;
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
  fs::create_directories(dir.path / "locked");
  fs::permissions(dir.path / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  Status denied = write_file((dir.path / "locked/x.txt").string(), "x");
  ASSERT_FALSE(denied.ok());
  EXPECT_NE(denied.error().message.find("没有权限"), std::string::npos) << denied.error().message;
  EXPECT_NE(denied.error().message.find("无法写入文件"), std::string::npos);
}

TEST(Files, AFileNameTooLongIsNamedAsSuch) {
  Folder dir;
  Status s = write_file((dir.path / std::string(300, 'a')).string(), "x");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("文件名过长"), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().place.file.find(std::string(300, 'a')), std::string::npos);
}

TEST(Files, WriteFileWithRenamesWhatTheLibraryWrote) {
  Folder dir;
  const fs::path path = dir.path / "book.xlsx";
  std::string seen;
  ASSERT_TRUE(write_file_with(path.string(), [&](const std::string& tmp) -> Status {
                seen = tmp;
                std::ofstream(tmp) << "zip";
                return Ok{};
              }).ok());
  EXPECT_NE(seen, path.string());
  EXPECT_EQ(fs::path(seen).parent_path(), path.parent_path());
  EXPECT_EQ(read(path), "zip");
  EXPECT_FALSE(fs::exists(seen));
}

}  // namespace
}  // namespace qd
