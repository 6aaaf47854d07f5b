#include "paths/output_paths.h"

#include <gtest/gtest.h>

#include <set>

#include "base/text.h"

namespace qd {
namespace {

// A registered department.
DepartmentInfo dept(const std::string& name, const std::string& number) {
  return DepartmentInfo{name, name, "11130731405689168F", number};
}

// A published item of a department with its 实施编码.
Item item(const std::string& department, const std::string& name, const std::string& code) {
  Item it;
  it.department = department;
  it.field(El::Name).text = name;
  it.field(El::ImplCode).text = code;
  it.state = ItemState::Published;
  return it;
}

// The last component of a path, without its extension.
std::string stem_of(const std::string& path) {
  std::string file = path.substr(path.find_last_of('/') + 1);
  return file.substr(0, file.find_last_of('.'));
}

TEST(PathComponent, ASafeNameIsUsedAsItIs) {
  EXPECT_EQ(path_component("老年人优待证办理", "x", "事项"), "老年人优待证办理");
  EXPECT_EQ(path_component("01-市场准入综合窗口", "x", "窗口"), "01-市场准入综合窗口");
  EXPECT_TRUE(safe_component("食品经营许可（新办）"));
}

TEST(PathComponent, AnUnsafeNameIsCleanedAndGetsAStableSuffix) {
  const std::string a = path_component("律师/事务所变更", "code-a", "事项");
  EXPECT_EQ(a.substr(0, a.find('~')), "律师_事务所变更");
  EXPECT_EQ(a.size(), std::string("律师_事务所变更").size() + 1 + 6) << a;
  EXPECT_EQ(a, path_component("律师/事务所变更", "code-a", "事项")) << "stable";
  EXPECT_NE(a, path_component("律师/事务所变更", "code-b", "事项")) << "from the identity";
  // None of the forbidden characters survives.
  const std::string b = path_component("a\\b:c*d?e\"f<g>h|i~j\tk\x7f", "id", "事项");
  EXPECT_EQ(b.substr(0, b.find('~')), "a_b_c_d_e_f_g_h_i_j_k_");
}

TEST(PathComponent, DotsAndEmptyNamesNeverEscapeTheFolder) {
  for (const char* name : {".", "..", "...", "", " ", "　", "../etc", ".hidden"}) {
    const std::string c = path_component(name, name, "部门");
    EXPECT_NE(c, ".") << name;
    EXPECT_NE(c, "..") << name;
    EXPECT_FALSE(c.empty()) << name;
    EXPECT_NE(c.front(), '.') << name;
    EXPECT_EQ(c.find('/'), std::string::npos) << name;
  }
  EXPECT_EQ(path_component("", "id", "部门").substr(0, 6), "部门");
  EXPECT_EQ(path_component("...", "id", "部门").substr(0, 6), "部门");
}

TEST(PathComponent, WindowsDeviceNamesAndTrailingDotsAreAvoided) {
  EXPECT_NE(stem_of(path_component("CON", "id", "x") + ".pdf"), "CON");
  EXPECT_NE(path_component("nul.txt", "id", "x"), "nul.txt");
  EXPECT_EQ(path_component("COM10", "id", "x"), "COM10");
  const std::string dots = path_component("变更登记.", "id", "x");
  EXPECT_EQ(dots.substr(0, dots.find('~')), "变更登记");
}

TEST(PathComponent, LongNamesAreBoundedInBytesAtACharacter) {
  // Real lists have names of 86–110 characters; the spec allows 200.
  std::string name;
  for (int i = 0; i < 200; ++i) name += "企业";
  const std::string c = path_component(name, "11130731405689168F4130104001000", "事项");
  EXPECT_LE(c.size(), kMaxNameBytes + 7);
  EXPECT_TRUE(utf8_valid(c));
  EXPECT_EQ(c.substr(0, 12), "企业企业");
  EXPECT_NE(c.find('~'), std::string::npos);
  // With the longest extension a department's file gets, still far under 255 bytes.
  EXPECT_LT(c.size() + std::string("办事指南.docx").size(), 255u);
}

TEST(UniqueComponents, NamesThatCleanAlikeGetOneFileEach) {
  std::vector<std::string> names = {"律师/事务所变更", "律师_事务所变更", "律师:事务所变更"};
  std::vector<std::string> ids = {"A", "B", "C"};
  auto out = unique_components(names, ids, "事项");
  std::set<std::string> distinct(out.begin(), out.end());
  EXPECT_EQ(distinct.size(), 3u);
  EXPECT_EQ(out[1], "律师_事务所变更") << "a safe name stays as it is";
}

TEST(UniqueComponents, EqualNamesAndNamesDifferingInCaseAreKeptApart) {
  // Two 子项 named alike under different 主项, and a case-only difference.
  auto out = unique_components({"变更", "变更", "ABC许可", "abc许可"}, {"c1", "c2", "c3", "c4"}, "事项");
  std::set<std::string> lower;
  for (std::string s : out) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    lower.insert(s);
  }
  EXPECT_EQ(lower.size(), 4u);
  for (const std::string& s : out) EXPECT_NE(s.find('~'), std::string::npos) << s;
}

TEST(UniqueComponents, TheSameThingListedTwiceKeepsOneComponent) {
  auto out = unique_components({"01-综合窗口", "01-综合窗口"}, {"w", "w"}, "窗口");
  EXPECT_EQ(out[0], "01-综合窗口");
  EXPECT_EQ(out[1], "01-综合窗口");
}

TEST(OutputPaths, EveryPublishedItemAndWindowHasItsOwnFile) {
  Catalog c;
  c.settings.county = "某某县";
  c.settings.departments = {dept("某某县司法局", "01"), dept("某某县民政局", "02")};
  const std::string dep = "某某县司法局";
  c.items.push_back(item(dep, "律师/事务所变更", "C1"));
  c.items.push_back(item(dep, "律师_事务所变更", "C2"));
  c.items.push_back(item(dep, "律师:事务所变更", "C3"));
  std::string long_name;
  for (int i = 0; i < 84; ++i) long_name += "审";
  c.items.push_back(item(dep, long_name, "C4"));
  Item rejected = item(dep, "未发布", "C5");
  rejected.state = ItemState::Rejected;
  c.items.push_back(rejected);
  Hall hall{"某某县政务服务中心", "", "", {}};
  hall.windows.push_back(Window{"01", "市场准入/综合窗口", {}, {}});
  hall.windows.push_back(Window{"01", "市场准入_综合窗口", {}, {}});
  c.settings.halls.push_back(hall);

  OutputPaths paths(c);
  std::set<std::string> notices;
  for (int i = 0; i < 4; ++i) {
    const std::string p = paths.notice(c.items[i]);
    ASSERT_FALSE(p.empty()) << i;
    EXPECT_EQ(p.rfind("notices/某某县司法局/", 0), 0u) << p;
    for (const std::string& part : split_any(p, {"/"})) EXPECT_LE(part.size(), 255u) << p;
    notices.insert(p);
  }
  EXPECT_EQ(notices.size(), 4u);
  EXPECT_EQ(paths.notice(c.items[4]), "") << "not published: no notice";
  EXPECT_EQ(paths.notice(c.items[1]), "notices/某某县司法局/律师_事务所变更.pdf");

  const Hall& h = c.settings.halls[0];
  EXPECT_NE(paths.poster(h, h.windows[0]), paths.poster(h, h.windows[1]));
  EXPECT_EQ(paths.poster(h, h.windows[1]), "posters/某某县政务服务中心/01-市场准入_综合窗口.pdf");

  EXPECT_EQ(paths.guide(c.settings.departments[1]), "guides/某某县民政局.pdf");
  EXPECT_EQ(paths.guide_docx(c.settings.departments[1]), "guides/docx/某某县民政局办事指南.docx");
  EXPECT_EQ(paths.form(c.settings.departments[1]), "forms/某某县民政局.xlsx");
  EXPECT_EQ(paths.returned_form(c.settings.departments[1]), "returns/某某县民政局.xlsx");
  EXPECT_EQ(paths.county_booklet(), "guides/某某县政务服务事项办事指南汇编.pdf");
}

TEST(OutputPaths, ADepartmentNamedDotDotStaysInsideItsFolder) {
  Catalog c;
  c.settings.county = "某某县";
  c.settings.departments = {dept("..", "01"), dept(".", "02")};
  c.items.push_back(item("..", "事项甲", "C1"));
  OutputPaths paths(c);
  for (const DepartmentInfo& d : c.settings.departments) {
    for (const std::string& p : {paths.guide(d), paths.form(d), paths.guide_docx(d), paths.returned_form(d)}) {
      for (const std::string& part : split_any(p, {"/"})) {
        EXPECT_NE(part, "..") << p;
        EXPECT_NE(part, ".") << p;
      }
    }
  }
  const std::string n = paths.notice(c.items[0]);
  EXPECT_EQ(n.find("/../"), std::string::npos) << n;
  EXPECT_EQ(n.rfind("notices/", 0), 0u) << n;
}

TEST(OutputPaths, ItemPagesNeedACodeThatIsASafeUrlSegment) {
  Item ok = item("d", "n", "11130731405689168F4130104001000");
  EXPECT_EQ(OutputPaths::item_page(ok), "item/11130731405689168F4130104001000.html");
  EXPECT_EQ(OutputPaths::item_page(item("d", "n", "E-000004-001")), "item/E-000004-001.html");
  EXPECT_EQ(OutputPaths::item_page(item("d", "n", "../x")), "");
  EXPECT_EQ(OutputPaths::item_page(item("d", "n", "")), "");
}

}  // namespace
}  // namespace qd
