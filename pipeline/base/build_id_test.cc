#include "base/build_id.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <string>
#include <unistd.h>

namespace qd {
namespace {

// The test binary's own ID, as `readelf -n` prints it.
std::string readelf_build_id() {
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return "";
  exe[n] = '\0';
  std::string out;
  if (FILE* p = popen(("readelf -n '" + std::string(exe) + "' 2>/dev/null").c_str(), "r")) {
    char buf[512];
    while (fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
  }
  std::smatch m;
  if (std::regex_search(out, m, std::regex("Build ID: ([0-9a-f]+)"))) return m[1];
  return "";
}

TEST(BuildId, IsTheLinkersNoteAsReadelfPrintsIt) {
  const std::string id = program_build_id();
  ASSERT_TRUE(id.starts_with("build-id:")) << id;
  EXPECT_GE(id.size(), std::string("build-id:").size() + 16);
  const std::string expected = readelf_build_id();
  if (expected.empty()) GTEST_SKIP() << "readelf not available";
  EXPECT_EQ(id, "build-id:" + expected);
  EXPECT_EQ(program_build_id(), id);
}

}  // namespace
}  // namespace qd
