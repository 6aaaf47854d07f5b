#include "codes/code_scheme.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

// A province whose 基本编码 are 12–14 characters, either 511… or E-nnnnnn-nnn,
// and whose 实施编码 are 31–33 characters.
CodeScheme sichuan() {
  CodeScheme s;
  s.provincial = true;
  std::string why;
  EXPECT_TRUE(make_code_rule(12, 14, "511[0-9A-Z]{9,11}|E-[0-9]{6}-[0-9]{3}", &s.basic, &why)) << why;
  EXPECT_TRUE(make_code_rule(31, 33, "", &s.impl, &why)) << why;
  return s;
}

TEST(CodeScheme, NationalIsCodesMd) {
  CodeScheme s = national_scheme();
  std::string why;
  EXPECT_TRUE(basic_code_valid("000117051000", s, &why)) << why;
  EXPECT_FALSE(basic_code_valid("511A0014100002", s, &why));
  EXPECT_FALSE(impl_code_valid("E-000004-001", s, &why));
  EXPECT_EQ(min_basic_length(s), 12u);
  EXPECT_EQ(min_impl_length(s), 31u);
}

TEST(CodeScheme, ProvincialCodesAreTakenAsGivenWithinTheirRules) {
  CodeScheme s = sichuan();
  std::string why;
  for (const char* code : {"511A0014100002", "511Z18020001", "E-000004-001"})
    EXPECT_TRUE(basic_code_valid(code, s, &why)) << code << ": " << why;
  EXPECT_TRUE(impl_code_valid("11510107MB1C7000XA4511A0014100002", s, &why)) << why;
  EXPECT_EQ(min_basic_length(s), 12u);
  EXPECT_EQ(min_impl_length(s), 31u);
}

TEST(CodeScheme, ProvincialReasons) {
  CodeScheme s = sichuan();
  std::string why;
  EXPECT_FALSE(basic_code_valid("511a0014100002", s, &why));
  EXPECT_EQ(why, "基本编码含有不允许的字符 a（第 4 位），只能使用 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-");
  EXPECT_FALSE(basic_code_valid("511A001410000２", s, &why));
  EXPECT_NE(why.find("非 ASCII"), std::string::npos) << why;
  EXPECT_FALSE(basic_code_valid("511A0014", s, &why));
  EXPECT_EQ(why, "基本编码长度应为 12–14 位，实为 8 位");
  EXPECT_FALSE(basic_code_valid("512A0014100002", s, &why));
  EXPECT_NE(why.find("不符合本省编码规则"), std::string::npos) << why;
  EXPECT_FALSE(impl_code_valid("11510107MB1C7000XA4511A00141000021", s, &why));
  EXPECT_EQ(why, "实施编码长度应为 31–33 位，实为 34 位");
}

TEST(CodeScheme, RejectsBadBoundsAndPatterns) {
  CodeRule rule;
  std::string why;
  EXPECT_FALSE(make_code_rule(14, 12, "", &rule, &why));
  EXPECT_FALSE(make_code_rule(0, 12, "", &rule, &why));
  EXPECT_FALSE(make_code_rule(12, 14, "511[", &rule, &why));
  EXPECT_NE(why.find("511["), std::string::npos) << why;
}

}  // namespace
}  // namespace qd
