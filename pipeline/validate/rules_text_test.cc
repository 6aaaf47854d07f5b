#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesText, ControlCharacter) {
  Catalog c = make_catalog();
  set(c.items[0], El::Content, std::string("食品\x07经营"));
  validate(c);
  auto f = of(c, "TEXT-CHARS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].at, cell_at(El::Content, 3));
  EXPECT_NE(f[0].message.find("第3个字符"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("U+0007"), std::string::npos);
  // XML cannot carry it: removed from what is published, and said so.
  EXPECT_EQ(c.items[0].get(El::Content), "食品经营");
  EXPECT_NE(f[0].message.find("已从发布的内容中删除"), std::string::npos) << f[0].message;
}

TEST(RulesText, NoncharactersAreReportedAtTheirCellAndRemoved) {
  // U+FFFE (as Excel writes _xFFFE_) and U+FFFF (raw bytes in a CSV).
  Catalog c = make_catalog();
  set(c.items[0], El::Conditions, "申请人\xEF\xBF\xBE应当\xEF\xBF\xBF年满十八周岁");
  c.items[0].materials[0].title.text += "\xEF\xBF\xBE";
  validate(c);
  auto f = of(c, "TEXT-CHARS");
  ASSERT_EQ(f.size(), 2u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::Conditions, 3));
  EXPECT_NE(f[0].message.find("U+FFFE"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("共2处"), std::string::npos) << f[0].message;
  EXPECT_EQ(c.items[0].get(El::Conditions), "申请人应当年满十八周岁");
  EXPECT_EQ(xml_text(c.items[0].materials[0].title.text), c.items[0].materials[0].title.text);
  // A warning: the item still publishes, without the characters.
  EXPECT_EQ(c.items[0].errors, 0) << dump(c);
}

TEST(RulesText, OutsideBmpReplacementAndC1) {
  Catalog c = make_catalog();
  set(c.items[0], El::Agency, "涿鹿县\xF0\xA0\x80\x80局");  // U+20000
  set(c.items[0], El::Conditions, "条件\xEF\xBF\xBD");       // U+FFFD
  c.items[0].materials[0].remark = Field{"\xC2\x85", sub_at("申请材料", "M", 3)};  // U+0085
  validate(c);
  auto f = of(c, "TEXT-CHARS");
  ASSERT_EQ(f.size(), 3u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::Agency, 3));
  EXPECT_NE(f[0].message.find("U+20000"), std::string::npos);
  EXPECT_NE(f[1].message.find("U+FFFD"), std::string::npos);
  EXPECT_EQ(f[2].at, sub_at("申请材料", "M", 3));
}

TEST(RulesText, LineBreaksTabsAndChinesePass) {
  Catalog c = make_catalog();
  set(c.items[0], El::Conditions, "一、条件甲；\n二、条件乙\t（含附件）");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesText, ReferenceListNames) {
  Catalog c = make_catalog();
  c.power_list.push_back({kDept, "名\x01称", "01", "", "", "", {kPowerFile, "权力清单", "B3"}});
  validate(c);
  auto f = of(c, "TEXT-CHARS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, (Place{kPowerFile, "权力清单", "B3"}));
}

}  // namespace
}  // namespace qd
