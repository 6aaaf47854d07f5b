#include <gtest/gtest.h>

#include "codes/code_scheme.h"
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

TEST(RulesCodes, ASubordinateUnitsOwnCodeIsAccepted) {
  Catalog c = make_catalog();
  c.settings.departments[0].units.push_back({"涿鹿县食品药品检验所", "12440232MB2D06811R"});
  set(c.items[0], El::Agency, "涿鹿县食品药品检验所");
  set(c.items[0], El::AgencyCode, "12440232MB2D06811R");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesCodes, AnotherDepartmentsOrItsUnitsCodeIsStillAnError) {
  Catalog c = make_catalog();
  c.settings.departments[0].units.push_back({"涿鹿县食品药品检验所", "12440232MB2D06811R"});
  c.settings.departments.push_back({"涿鹿县卫生健康局", "卫健局", "12441500196720244T", "06",
                                    {{"涿鹿县疾病预防控制中心", "121307314000000184"}}});
  for (const char* code : {"12441500196720244T", "121307314000000184"}) {
    Catalog d = c;
    set(d.items[0], El::AgencyCode, code);
    validate(d);
    auto f = of(d, "CREDIT-CODE");
    ASSERT_EQ(f.size(), 1u) << dump(d);
    EXPECT_NE(f[0].message.find("涿鹿县卫生健康局"), std::string::npos) << f[0].message;
    EXPECT_NE(f[0].message.find("不是" + kDept + "或其下属单位的"), std::string::npos) << f[0].message;
  }
  Catalog d = c;
  set(d.items[0], El::AgencyCode, "121307314000000184");
  validate(d);
  EXPECT_NE(of(d, "CREDIT-CODE")[0].message.find("涿鹿县疾病预防控制中心（涿鹿县卫生健康局下属单位）"),
            std::string::npos);
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

// A catalog whose office takes the province's codes as given: 基本编码 of
// 12–14 characters (511… or E-nnnnnn-nnn), 实施编码 of 31–33.
Catalog provincial_catalog() {
  Catalog c = make_catalog();
  CodeScheme& s = c.settings.codes;
  s.provincial = true;
  std::string why;
  EXPECT_TRUE(make_code_rule(12, 14, "511[0-9A-Z]{9,11}|E-[0-9]{6}-[0-9]{3}", &s.basic, &why)) << why;
  EXPECT_TRUE(make_code_rule(31, 33, "", &s.impl, &why)) << why;
  set(c.items[0], El::BasicCode, "511A0014100002");
  set(c.items[0], El::ImplCode, kCredit + "4" + "511A0014100002");
  return c;
}

TEST(RulesCodes, TheProvincesCodesAreTakenAsGiven) {
  Catalog c = provincial_catalog();
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
  c = provincial_catalog();
  set(c.items[0], El::BasicCode, "E-000004-001");
  set(c.items[0], El::ImplCode, "");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesCodes, AProvincialCodeOutsideItsRules) {
  Catalog c = provincial_catalog();
  set(c.items[0], El::BasicCode, "000117051000");  // a national code: no pattern of this province
  set(c.items[0], El::ImplCode, kCredit + "4" + "511A00141000021");
  validate(c);
  auto f = of(c, "CODE-FORMAT");
  ASSERT_EQ(f.size(), 2u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::BasicCode, 3));
  EXPECT_NE(f[0].message.find("不符合本省编码规则"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("省政务服务平台"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].at, cell_at(El::ImplCode, 3));
  EXPECT_NE(f[1].message.find("长度应为 31–33 位，实为 34 位"), std::string::npos) << f[1].message;
}

TEST(RulesCodes, TheProvincesSchemeNeedsTheBasicCode) {
  Catalog c = provincial_catalog();
  set(c.items[0], El::BasicCode, "");
  set(c.items[0], El::ImplCode, "");
  validate(c);
  auto f = of(c, "REQ-MISSING");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::BasicCode, 3));
  EXPECT_NE(f[0].message.find("本县使用省级事项编码"), std::string::npos) << f[0].message;
  // Nationally, an empty code is the codes stage's to assign.
  c = make_catalog();
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesCodes, TheProvincesCodesAreUnique) {
  Catalog c = provincial_catalog();
  c.items.push_back(make_item("食品经营许可（延续）", 4));
  set(c.items[1], El::BasicCode, "511A0014100002");
  set(c.items[1], El::ImplCode, kCredit + "4" + "511A0014100002");
  c.power_list.push_back(c.power_list[0]);
  c.power_list[1].name = "食品经营许可（延续）";
  validate(c);
  auto f = of(c, "CODE-CONFLICT");
  ASSERT_EQ(f.size(), 2u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::ImplCode, 4));
  EXPECT_NE(f[0].message.find("食品经营许可"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].at, cell_at(El::BasicCode, 4));
  // The same item in two rows is one DUPLICATE, not also a conflict.
  c = provincial_catalog();
  c.items.push_back(c.items[0]);
  validate(c);
  EXPECT_TRUE(of(c, "CODE-CONFLICT").empty()) << dump(c);
  EXPECT_EQ(of(c, "DUPLICATE").size(), 1u) << dump(c);
}

}  // namespace
}  // namespace qd
