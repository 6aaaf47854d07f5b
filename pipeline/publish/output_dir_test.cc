#include "publish/output_dir.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace qd {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the test's temp dir.
fs::path fresh(const std::string& name) {
  fs::path p = fs::path(::testing::TempDir()) / ("output_dir_" + name + std::to_string(getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Builds one generation holding a file with `text`.
void build(OutputDir& out, const std::string& text, const std::string& previous_name) {
  auto staging = out.begin_staging();
  ASSERT_TRUE(staging.ok());
  std::ofstream(fs::path(*staging) / "a.txt") << text;
  ASSERT_TRUE(out.publish(previous_name).ok());
}

TEST(OutputDir, PublishesAndKeepsTheNewestEarlierBuilds) {
  fs::path root = fresh("keep");
  OutputDir out((root / "output").string(), 2);
  ASSERT_TRUE(out.lock().ok());
  build(out, "one", "-");
  EXPECT_EQ(slurp(root / "output/a.txt"), "one");
  EXPECT_TRUE(out.kept().empty());
  build(out, "two", "night1");
  build(out, "three", "night2");
  build(out, "four", "night3");
  EXPECT_EQ(slurp(root / "output/a.txt"), "four");
  auto kept = out.kept();
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(slurp(root / "output.builds" / "night3/a.txt"), "three");
  EXPECT_FALSE(fs::exists(root / "output.builds/night1"));
  EXPECT_FALSE(fs::exists(root / "output.builds/.staging"));
}

TEST(OutputDir, AbandonedStagingLeavesTheOutputAlone) {
  fs::path root = fresh("abandon");
  OutputDir out((root / "output").string(), 7);
  ASSERT_TRUE(out.lock().ok());
  build(out, "good", "-");
  auto staging = out.begin_staging();
  ASSERT_TRUE(staging.ok());
  std::ofstream(fs::path(*staging) / "a.txt") << "half";
  out.abandon();
  EXPECT_EQ(slurp(root / "output/a.txt"), "good");
  // A killed build's staging folder is cleared by the next one.
  staging = out.begin_staging();
  std::ofstream(fs::path(*staging) / "junk") << "x";
  OutputDir next((root / "output").string(), 7);
  auto again = next.begin_staging();
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(fs::is_empty(*again));
}

TEST(OutputDir, SecondBuildCannotTakeTheLockOfALiveOne) {
  fs::path root = fresh("lock");
  OutputDir first((root / "output").string(), 7);
  ASSERT_TRUE(first.lock().ok());
  OutputDir second((root / "output").string(), 7);
  Status s = second.lock();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("另一个构建正在进行"), std::string::npos);
  EXPECT_NE(s.error().message.find(std::to_string(getpid())), std::string::npos);
}

TEST(OutputDir, StaleLockOfADeadProcessIsTakenOver) {
  fs::path root = fresh("stale");
  pid_t child = fork();
  if (child == 0) {
    OutputDir dying((root / "output").string(), 7);
    _exit(dying.lock().ok() ? 0 : 1);  // exits holding the lock: the kernel drops it
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_EQ(WEXITSTATUS(status), 0);
  OutputDir next((root / "output").string(), 7);
  int stale = 0;
  ASSERT_TRUE(next.lock(&stale).ok());
  EXPECT_EQ(stale, child);
}

TEST(OutputDir, ALockReleasedNormallyIsNotReportedAsStale) {
  fs::path root = fresh("released");
  pid_t child = fork();
  if (child == 0) {
    int rc = 1;
    {
      OutputDir done((root / "output").string(), 7);
      rc = done.lock().ok() ? 0 : 1;
    }  // released here, as at the end of a build
    _exit(rc);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_EQ(WEXITSTATUS(status), 0);
  OutputDir next((root / "output").string(), 7);
  int stale = -1;
  ASSERT_TRUE(next.lock(&stale).ok());
  EXPECT_EQ(stale, 0);
}

TEST(OutputDir, ExchangeSwapsTwoFolders) {
  fs::path root = fresh("swap");
  fs::create_directories(root / "a");
  fs::create_directories(root / "b");
  std::ofstream(root / "a/x") << "A";
  std::ofstream(root / "b/x") << "B";
  ASSERT_TRUE(exchange_or_rename((root / "a").string(), (root / "b").string()).ok());
  EXPECT_EQ(slurp(root / "b/x"), "A");
  EXPECT_EQ(slurp(root / "a/x"), "B");
  ASSERT_TRUE(exchange_or_rename((root / "a").string(), (root / "c").string()).ok());
  EXPECT_EQ(slurp(root / "c/x"), "B");
}

}  // namespace
}  // namespace qd
