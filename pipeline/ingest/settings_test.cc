#include "ingest/settings.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

const char* kGood = R"(
[county]
name = "涿鹿县"
division_code = "130731"
deadline = 2017-08-31
registry = "state/reg.sqlite"

[[department]]
name = "县民政局"
short_name = "民政局"
credit_code = "11440232MB2D06811W"
number = "07"

[[hall]]
name = "涿鹿县政务服务中心"
  [[hall.window]]
  number = "01"
  name = "社会事务窗口"
  departments = ["县民政局"]
)";

TEST(Settings, ParsesCountyDepartmentsAndHalls) {
  auto s = parse_settings(kGood, "/srv/input/county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->county, "涿鹿县");
  EXPECT_EQ(s->deadline.iso(), "2017-08-31");
  EXPECT_EQ(s->registry_path, "/srv/input/state/reg.sqlite");
  ASSERT_EQ(s->departments.size(), 1u);
  EXPECT_EQ(s->department("县民政局")->number, "07");
  ASSERT_EQ(s->halls.size(), 1u);
  EXPECT_EQ(s->halls[0].windows[0].departments[0], "县民政局");
}

TEST(Settings, RejectsABadCreditCodeWithTheDepartmentNamed) {
  std::string text = kGood;
  text.replace(text.find("06811W"), 6, "06811X");
  auto s = parse_settings(text, "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("县民政局"), std::string::npos);
  EXPECT_EQ(s.error().place.file, "county.toml");
}

TEST(Settings, RejectsAWindowOfAnUnregisteredDepartment) {
  std::string text = kGood;
  text.replace(text.rfind("县民政局"), std::string("县民政局").size(), "县财政局");
  auto s = parse_settings(text, "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("县财政局"), std::string::npos);
}

TEST(Settings, PosterPaperIsA3UnlessSetToA4) {
  auto s = parse_settings(kGood, "county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->poster_paper, "A3");
  std::string text = kGood;
  text.replace(text.find("deadline"), 0, "poster_paper = \"a4\"\n");
  s = parse_settings(text, "county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->poster_paper, "A4");
}

TEST(Settings, RejectsAnUnknownPosterPaper) {
  std::string text = kGood;
  text.replace(text.find("deadline"), 0, "poster_paper = \"B5\"\n");
  auto s = parse_settings(text, "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("poster_paper"), std::string::npos);
}

TEST(Settings, ReportsTomlSyntaxErrorsWithTheLine) {
  auto s = parse_settings("[county\nname=1", "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("第 1 行"), std::string::npos);
}

}  // namespace
}  // namespace qd
