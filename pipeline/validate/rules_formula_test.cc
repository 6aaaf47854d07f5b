#include <gtest/gtest.h>

#include "validate/rules.h"
#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesFormula, HyperlinkInConditionsIsAWarningAtItsCell) {
  Catalog c = make_catalog();
  set(c.items[0], El::Conditions, "=HYPERLINK(\"http://example.com/x\",\"点击办理\")");
  validate(c);
  auto f = of(c, "TEXT-FORMULA");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].at, cell_at(El::Conditions, 3));
  EXPECT_NE(f[0].message.find("“受理条件”以“=”开头"), std::string::npos) << f[0].message;
  EXPECT_EQ(c.items[0].get(El::Conditions), "=HYPERLINK(\"http://example.com/x\",\"点击办理\")")
      << "the text is kept as typed";
  // A warning: the item is still publishable (no error).
  for (const Finding& x : c.findings) EXPECT_NE(x.severity, Severity::Error) << dump(c);
}

TEST(RulesFormula, EveryTriggerInFieldsAndSubTables) {
  Catalog c = make_catalog();
  set(c.items[0], El::Conditions, "-持有效身份证件");
  set(c.items[0], El::Result, "+食品经营许可证");
  set(c.items[0], El::Hours, "@工作日");
  c.items[0].materials[0].notes = Field{"=1+1", sub_at("申请材料", "K", 3)};
  c.items[0].steps[0].outcome = Field{"\t=cmd|' /C calc'!A0", sub_at("办理流程", "G", 3)};
  validate(c);
  auto f = of(c, "TEXT-FORMULA");
  ASSERT_EQ(f.size(), 5u) << dump(c);
  std::vector<Place> at;
  for (const Finding& x : f) at.push_back(x.at);
  EXPECT_NE(std::find(at.begin(), at.end(), cell_at(El::Conditions, 3)), at.end());
  EXPECT_NE(std::find(at.begin(), at.end(), cell_at(El::Result, 3)), at.end());
  EXPECT_NE(std::find(at.begin(), at.end(), cell_at(El::Hours, 3)), at.end());
  EXPECT_NE(std::find(at.begin(), at.end(), sub_at("申请材料", "K", 3)), at.end());
  EXPECT_NE(std::find(at.begin(), at.end(), sub_at("办理流程", "G", 3)), at.end());
  for (const Finding& x : f)
    if (x.at == cell_at(El::Conditions, 3)) {
      EXPECT_NE(x.message.find("列表符号"), std::string::npos);
    }
}

TEST(RulesFormula, OrdinaryTextPasses) {
  Catalog c = make_catalog();
  set(c.items[0], El::Conditions, "一、年满18周岁；\n二、无犯罪记录（=本人承诺）");
  set(c.items[0], El::FeeStandard, "不收费");
  validate(c);
  EXPECT_TRUE(of(c, "TEXT-FORMULA").empty()) << dump(c);
}

TEST(RulesFormula, StartCharacters) {
  for (const char* s : {"=", "+", "-", "@", "\t", "\r", "=SUM(A1)"}) EXPECT_TRUE(vrules::formula_start(s)) << s;
  for (const char* s : {"", " =1", "＝1", "a=b", "—", "·"}) EXPECT_FALSE(vrules::formula_start(s)) << s;
}

}  // namespace
}  // namespace qd
