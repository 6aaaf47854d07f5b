#include "publish/manifest.h"

#include <gtest/gtest.h>

#include <fstream>

namespace qd {
namespace {

TEST(Manifest, RoundTripsAndSortsFiles) {
  Manifest m;
  m.county = "涿鹿县";
  m.build_date = "2017-09-30";
  m.version = "2017-09-28";
  m.files = {{"lists/实施清单.xlsx", 10, "bb", "lists"}, {"guides/a.pdf", 20, "aa", "guides/a.pdf"}};
  m.parts = {{"guides/a.pdf", "guides", "d1", {"guides/a.pdf"}}, {"lists", "lists", "d2", {"lists/实施清单.xlsx"}}};
  std::string json = manifest_json(m);
  EXPECT_LT(json.find("guides/a.pdf"), json.find("lists/实施清单.xlsx"));
  std::string path = ::testing::TempDir() + "manifest_test.json";
  std::ofstream(path) << json;
  auto back = read_manifest(path);
  ASSERT_TRUE(back.ok()) << back.error().str();
  EXPECT_EQ(manifest_json(back.value()), json);
  ASSERT_NE(back->file("lists/实施清单.xlsx"), nullptr);
  EXPECT_EQ(back->file("lists/实施清单.xlsx")->size, 10);
  EXPECT_EQ(back->file("nope"), nullptr);
  ASSERT_NE(back->part("lists"), nullptr);
  EXPECT_EQ(back->part("lists")->made_from, "d2");
}

TEST(Manifest, MissingOrBrokenIsAnError) {
  EXPECT_FALSE(read_manifest("/nonexistent/manifest.json").ok());
  std::string path = ::testing::TempDir() + "manifest_broken.json";
  std::ofstream(path) << "{\"files\": [{\"path\": 3}]}";
  EXPECT_FALSE(read_manifest(path).ok());
  std::ofstream(path, std::ios::trunc) << "not json";
  EXPECT_FALSE(read_manifest(path).ok());
}

}  // namespace
}  // namespace qd
