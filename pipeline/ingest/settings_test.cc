#include "ingest/settings.h"

#include <gtest/gtest.h>

#include "codes/code_scheme.h"

namespace qd {
namespace {

const char* kGood = R"(
[county]
name = "涿鹿县"
division_code = "130731"
area_code = "0313"
office = "涿鹿县行政审批局"
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

// kGood with `line` (a whole line, without its newline) left out.
std::string without(const std::string& line) {
  std::string text = kGood;
  size_t at = text.find(line + "\n");
  EXPECT_NE(at, std::string::npos) << line;
  if (at != std::string::npos) text.erase(at, line.size() + 1);
  return text;
}

// kGood with `text` inserted before the line that starts with `before`.
std::string with(const std::string& text, const std::string& before = "deadline") {
  std::string out = kGood;
  out.insert(out.find(before), text);
  return out;
}

TEST(Settings, AMissingRequiredKeyIsAnErrorNamingIt) {
  for (const char* line : {"name = \"涿鹿县\"", "division_code = \"130731\"", "area_code = \"0313\"",
                           "office = \"涿鹿县行政审批局\""}) {
    auto s = parse_settings(without(line), "county.toml");
    ASSERT_FALSE(s.ok()) << line;
    std::string key(line, std::string(line).find(' '));
    EXPECT_NE(s.error().message.find("缺少必填项 " + key), std::string::npos) << s.error().message;
    EXPECT_EQ(s.error().place.file, "county.toml");
  }
  // Present but empty is missing too.
  std::string text = kGood;
  text.replace(text.find("\"0313\""), 6, "\" \"");
  auto s = parse_settings(text, "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("area_code"), std::string::npos) << s.error().message;
}

TEST(Settings, NoCountysDataIsADefault) {
  Settings s;
  EXPECT_EQ(s.county, "");
  EXPECT_EQ(s.division_code, "");
  EXPECT_EQ(s.region_code, "");
  EXPECT_EQ(s.area_code, "");
  EXPECT_EQ(s.office, "");
  EXPECT_EQ(s.province, "");
  EXPECT_EQ(s.city, "");
}

TEST(Settings, RegionCodeDefaultsToTheProvinceOfTheDivisionCode) {
  std::string text = kGood;
  text.replace(text.find("涿鹿县\""), 10, "武侯区\"");
  text.replace(text.find("130731"), 6, "510107");
  auto s = parse_settings(text, "county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->region_code, "51");
  s = parse_settings(with("region_code = \"5\"\n"), "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("region_code"), std::string::npos);
}

TEST(Settings, TheDivisionWordComesFromTheNameOrIsSet) {
  auto s = parse_settings(kGood, "county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->division, "县");
  for (auto [name, word] : {std::pair{"武侯区", "区"}, {"神农架林区", "区"}, {"辛集市", "市"},
                            {"鄂伦春自治旗", "旗"}, {"长阳土家族自治县", "县"}}) {
    std::string text = kGood;
    text.replace(text.find("涿鹿县\""), 10, std::string(name) + "\"");
    s = parse_settings(text, "county.toml");
    ASSERT_TRUE(s.ok()) << s.error().str();
    EXPECT_EQ(s->division, word) << name;
  }
  // A name that says nothing needs the key; a set word must be one of the four.
  std::string text = kGood;
  text.replace(text.find("涿鹿县\""), 10, "涿鹿\"");
  s = parse_settings(text, "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("缺少必填项 division"), std::string::npos) << s.error().message;
  text.insert(text.find("deadline"), "division = \"区\"\n");
  s = parse_settings(text, "county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->division, "区");
  s = parse_settings(with("division = \"乡\"\n"), "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("division"), std::string::npos);
}

TEST(Settings, RejectsDepartmentAndHallNamesThatAreNoFileNames) {
  for (const char* bad : {".", "..", "县/民政局", "", "民政\\\\局"}) {
    for (const char* table : {"[[department]]", "[[hall]]"}) {
      std::string text = kGood;
      size_t at = text.find(table);
      size_t name = text.find("name = ", at);
      size_t end = text.find('\n', name);
      text.replace(name, end - name, std::string("name = \"") + bad + "\"");
      if (std::string(table) == "[[department]]")  // the window then names no registered department
        text.replace(text.rfind("[\"县民政局\"]"), std::string("[\"县民政局\"]").size(), "[]");
      auto s = parse_settings(text, "county.toml");
      ASSERT_FALSE(s.ok()) << table << " " << bad;
      EXPECT_NE(s.error().message.find(table), std::string::npos) << s.error().message;
      EXPECT_NE(s.error().message.find("name"), std::string::npos) << s.error().message;
    }
  }
}

TEST(Settings, ReadsSubordinateUnitsOfADepartment) {
  std::string text = with(R"(  [[department.unit]]
  name = "县社会福利院"
  credit_code = "12440232MB2D06811R"
)", "[[hall]]");
  auto s = parse_settings(text, "county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  const DepartmentInfo* d = s->department("县民政局");
  ASSERT_EQ(d->units.size(), 1u);
  EXPECT_EQ(d->units[0].name, "县社会福利院");
  EXPECT_EQ(s->department_of_unit("县社会福利院"), d);
  EXPECT_EQ(s->owner_of_credit_code("12440232MB2D06811R"), d);
  EXPECT_EQ(s->owner_of_credit_code("11440232MB2D06811W"), d);
  EXPECT_EQ(s->owner_of_credit_code("12440232MB2D06819X"), nullptr);

  // A unit's code must be valid and its own.
  std::string bad = text;
  bad.replace(bad.find("06811R"), 6, "06811X");
  s = parse_settings(bad, "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("县社会福利院"), std::string::npos) << s.error().message;
  bad = text;
  bad.replace(bad.find("12440232MB2D06811R"), 18, "11440232MB2D06811W");
  s = parse_settings(bad, "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("已登记给县民政局"), std::string::npos) << s.error().message;
  bad = text;
  bad.erase(bad.find("  credit_code = \"1244"), std::string("  credit_code = \"12440232MB2D06811R\"\n").size());
  s = parse_settings(bad, "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("缺少必填项 credit_code"), std::string::npos) << s.error().message;
}

TEST(Settings, TheCodeSchemeIsNationalUnlessTheProvincesCodesAreChosen) {
  auto s = parse_settings(kGood, "county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_FALSE(s->codes.provincial);
  std::string text = kGood + std::string(R"(
[codes]
scheme = "province"
basic_length = [12, 14]
impl_length = [31, 33]
basic_pattern = "511[0-9A-Z]{9,11}|E-[0-9]{6}-[0-9]{3}"
)");
  s = parse_settings(text, "county.toml");
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_TRUE(s->codes.provincial);
  std::string why;
  EXPECT_TRUE(basic_code_valid("E-000004-001", s->codes, &why)) << why;
  EXPECT_FALSE(basic_code_valid("000117051000", s->codes, &why));
  EXPECT_EQ(s->codes.impl.min_length, 31u);

  auto error_of = [](const std::string& t) {
    auto r = parse_settings(t, "county.toml");
    return r.ok() ? std::string() : r.error().message;
  };
  std::string no_length = text;
  no_length.erase(no_length.find("impl_length"), std::string("impl_length = [31, 33]\n").size());
  EXPECT_NE(error_of(no_length).find("缺少必填项 impl_length"), std::string::npos) << error_of(no_length);
  std::string bad_pattern = text;
  bad_pattern.replace(bad_pattern.find("{9,11}"), 6, "{9,");
  EXPECT_NE(error_of(bad_pattern).find("basic_pattern"), std::string::npos) << error_of(bad_pattern);
  std::string bad_scheme = text;
  bad_scheme.replace(bad_scheme.find("\"province\""), 10, "\"county\"");
  EXPECT_NE(error_of(bad_scheme).find("scheme"), std::string::npos) << error_of(bad_scheme);
  EXPECT_NE(error_of(kGood + std::string("[codes]\nbasic_length = 12\n")).find("province"), std::string::npos);
}

TEST(Settings, ReportsTomlSyntaxErrorsWithTheLine) {
  auto s = parse_settings("[county\nname=1", "county.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("第 1 行"), std::string::npos);
}

}  // namespace
}  // namespace qd
