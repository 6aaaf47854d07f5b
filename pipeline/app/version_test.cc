#include "app/version.h"

#include <gtest/gtest.h>

#include <cctype>

#include "base/build_id.h"

namespace qd {
namespace {

TEST(Version, NamesEveryLibraryWithAVersion) {
  std::vector<std::string> names;
  for (const auto& [name, version] : library_versions()) {
    names.push_back(name);
    ASSERT_FALSE(version.empty()) << name;
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(version[0]))) << name << " " << version;
    EXPECT_NE(version.find('.'), std::string::npos) << name << " " << version;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"SQLite", "libzip", "ICU", "HarfBuzz", "libharu", "PoDoFo",
                                             "libqrencode", "libxlsxwriter", "tinyxml2", "OpenSSL", "toml++",
                                             "nlohmann/json", "CLI11", "glibc"}));
}

TEST(Version, TextStartsWithTheVersionAndTheBuildId) {
  const std::string text = version_text();
  EXPECT_TRUE(text.starts_with("qingdan " + program_version() + "\n")) << text;
  EXPECT_NE(text.find("构建标识：" + program_build_id() + "\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  SQLite "), std::string::npos) << text;
}

}  // namespace
}  // namespace qd
