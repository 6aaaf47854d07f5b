#include "spreadsheet_reader/zip_archive.h"

#include <gtest/gtest.h>

#include "support/test_zip.h"

namespace qd {
namespace {

using testing::make_zip;

TEST(ZipArchive, ReadsEntriesCaseInsensitively) {
  std::string z = make_zip({{"xl/workbook.xml", "<w/>"}, {"Data/A.txt", "hello"}});
  auto a = ZipArchive::open(z, "t.xlsx", {});
  ASSERT_TRUE(a.ok()) << a.error().str();
  EXPECT_TRUE(a->contains("xl/workbook.xml"));
  EXPECT_TRUE(a->contains("/XL/Workbook.xml"));
  EXPECT_TRUE(a->contains("xl\\workbook.xml"));
  EXPECT_FALSE(a->contains("xl/styles.xml"));
  auto r = a->read("data/a.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), "hello");
  EXPECT_EQ(a->names(), (std::vector<std::string>{"xl/workbook.xml", "Data/A.txt"}));
  auto missing = a->read("nope.xml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().place.file, "t.xlsx");
}

TEST(ZipArchive, EnforcesEntryCountAndSizes) {
  std::vector<testing::ZipEntry> many;
  for (int i = 0; i < 20; ++i) many.push_back({"f" + std::to_string(i), "x"});
  std::string z = make_zip(many);
  ReadLimits lim;
  lim.max_entries = 10;
  EXPECT_FALSE(ZipArchive::open(z, "t.xlsx", lim).ok());

  std::string z2 = make_zip({{"a", std::string(5000, 'q')}});
  ReadLimits small;
  small.max_entry_bytes = 4000;
  auto a = ZipArchive::open(z2, "t.xlsx", small);
  ASSERT_TRUE(a.ok());
  auto r = a->read("a");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("解压后过大"), std::string::npos);

  ReadLimits total;
  total.max_total_bytes = 6000;
  auto b = ZipArchive::open(z2, "t.xlsx", total);
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->read("a").ok());
  EXPECT_FALSE(b->read("a").ok());  // the second read goes over the total
}

TEST(ZipArchive, HeaderThatUnderstatesSizeIsCaught) {
  std::string z = make_zip({{"a", std::string(3 << 20, '0')}});
  testing::patch_uncompressed_size(&z, "a", 1000);
  auto a = ZipArchive::open(z, "lie.xlsx", {});
  ASSERT_TRUE(a.ok());
  auto r = a->read("a");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place.file, "lie.xlsx");
}

TEST(ZipArchive, NonZips) {
  EXPECT_FALSE(ZipArchive::open("", "e.xlsx", {}).ok());
  EXPECT_FALSE(ZipArchive::open("hello world, not a zip at all", "t.xlsx", {}).ok());
  std::string z = make_zip({{"a", "b"}});
  auto cut = ZipArchive::open(std::string_view(z).substr(0, z.size() / 2), "cut.xlsx", {});
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.error().message.find("不完整"), std::string::npos);
}

}  // namespace
}  // namespace qd
