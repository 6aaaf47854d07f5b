#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesCodes, ValidInputCodesPass) {
  Catalog c = make_catalog();
  set(c.items[0], El::BasicCode, "000117051000");
  set(c.items[0], El::ImplCode, kCredit + "4" + "000117051000");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesCodes, EmptyCodesAreLeftToTheCodesStage) {
  Catalog c = make_catalog();
  validate(c);
  EXPECT_TRUE(of(c, "CODE-FORMAT").empty());
}

TEST(RulesCodes, WrongBasicCodeLength) {
  Catalog c = make_catalog();
  set(c.items[0], El::BasicCode, "00011705100");
  validate(c);
  auto f = of(c, "CODE-FORMAT");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::BasicCode, 3));
  EXPECT_NE(f[0].message.find("基本编码"), std::string::npos);
}

TEST(RulesCodes, WrongImplCode) {
  Catalog c = make_catalog();
  set(c.items[0], El::ImplCode, kCredit + "9" + "000117051000");
  validate(c);
  auto f = of(c, "CODE-FORMAT");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::ImplCode, 3));
}

TEST(RulesCodes, BadCreditCheckCharacter) {
  Catalog c = make_catalog();
  set(c.items[0], El::AgencyCode, "11440232MB2D06811X");
  validate(c);
  auto f = of(c, "CREDIT-CODE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::AgencyCode, 3));
  EXPECT_NE(f[0].message.find("校验码"), std::string::npos);
}

TEST(RulesCodes, CreditCodeDiffersFromRegisteredOne) {
  Catalog c = make_catalog();
  set(c.items[0], El::AgencyCode, "12441500196720244T");  // valid, but another organisation
  validate(c);
  auto f = of(c, "CREDIT-CODE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_NE(f[0].message.find("不一致"), std::string::npos);
  EXPECT_NE(f[0].message.find(kCredit), std::string::npos);
}

TEST(RulesCodes, UnregisteredDepartmentOnlyNeedsAValidCode) {
  Catalog c = make_catalog();
  c.settings.departments.clear();
  set(c.items[0], El::AgencyCode, "12441500196720244T");
  validate(c);
  EXPECT_TRUE(of(c, "CREDIT-CODE").empty()) << dump(c);
}

TEST(RulesCodes, InputCodesThatDisagreeWithTheItemWarn) {
  Catalog c = make_catalog();
  set(c.items[0], El::BasicCode, "000717051000");  // 行政确认, item says 行政许可
  set(c.items[0], El::ImplCode, kCredit + "4" + "000117051000");
  validate(c);
  auto f = of(c, "CODE-MISMATCH");
  ASSERT_EQ(f.size(), 2u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].at, cell_at(El::BasicCode, 3));
  EXPECT_EQ(f[1].at, cell_at(El::ImplCode, 3));
  EXPECT_EQ(c.items[0].errors, 0);
}

}  // namespace
}  // namespace qd
