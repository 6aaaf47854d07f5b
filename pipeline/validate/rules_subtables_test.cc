#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesSubtables, NoMaterials) {
  Catalog c = make_catalog();
  c.items[0].materials.clear();
  validate(c);
  auto f = of(c, "MATERIALS-NONE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::Name, 3));
}

TEST(RulesSubtables, SharedMaterialHint) {
  Catalog c = make_catalog();
  Material m = c.items[0].materials[0];
  m.title.text = "营业执照";
  m.source.text = "政府部门核发";
  m.source.at = sub_at("申请材料", "H", 4);
  m.at = sub_at("申请材料", "C", 4);
  c.items[0].materials.push_back(m);
  validate(c);
  auto f = of(c, "MATERIAL-SHARED");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Hint);
  EXPECT_EQ(f[0].at, sub_at("申请材料", "H", 4));
  EXPECT_NE(f[0].message.find("营业执照"), std::string::npos);
  EXPECT_EQ(c.items[0].errors, 0);
  EXPECT_EQ(c.items[0].warnings, 0);
}

TEST(RulesSubtables, NoSteps) {
  Catalog c = make_catalog();
  c.items[0].steps.clear();
  validate(c);
  auto f = of(c, "PROCESS-STEPS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::Name, 3));
}

TEST(RulesSubtables, LicenceLacksDecision) {
  Catalog c = make_catalog();
  c.items[0].steps.erase(c.items[0].steps.begin() + 3);  // 决定
  validate(c);
  auto f = of(c, "PROCESS-STEPS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_NE(f[0].message.find("决定"), std::string::npos);
  EXPECT_EQ(f[0].message.find("缺少决定环节"), f[0].message.find("缺少")) << "only the missing step is named";
}

TEST(RulesSubtables, StepNamesMatchByContainedWords) {
  Catalog c = make_catalog();
  const char* names[] = {"提交申请", "窗口受理", "材料审核", "审批决定", "办结发证"};
  for (int i = 0; i < 5; ++i) c.items[0].steps[i].step.text = names[i];
  validate(c);
  EXPECT_TRUE(of(c, "PROCESS-STEPS").empty()) << dump(c);
}

TEST(RulesSubtables, OtherTypesNeedOnlySomeStep) {
  Catalog c = make_catalog();
  c.power_list[0].type_code = "07";
  set(c.items[0], El::Type, "行政确认");
  c.items[0].steps.resize(1);
  validate(c);
  EXPECT_TRUE(of(c, "PROCESS-STEPS").empty()) << dump(c);
}

TEST(RulesSubtables, InstantCaseStepTakingDays) {
  Catalog c = make_catalog();
  set(c.items[0], El::CaseType, "即办件");
  set(c.items[0], El::LegalLimit, "即办");
  set(c.items[0], El::PromisedLimit, "即办");
  c.items[0].steps[2].limit.text = "3个工作日";
  validate(c);
  auto f = of(c, "PROCESS-STEPS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, sub_at("办理流程", "E", 5));

  c.items[0].steps[2].limit.text = "当场";
  c.findings.clear();
  validate(c);
  EXPECT_TRUE(of(c, "PROCESS-STEPS").empty()) << dump(c);
}

}  // namespace
}  // namespace qd
