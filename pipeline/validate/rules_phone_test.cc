#include <gtest/gtest.h>

#include "validate/rules.h"
#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;
using vrules::check_phone_number;
using vrules::PhoneStatus;

TEST(RulesPhone, AcceptedForms) {
  for (const char* p : {"0313-6521234", "(0313)6521234", "（0313）6521234", "0313 6521234",
                        "03136521234", "010-62345678", "13812345678", "138 1234 5678",
                        "0313-6521234转801", "0313-6521234-801", "12345", "0313-12345",
                        "400-123-4567"}) {
    std::string norm;
    EXPECT_EQ(check_phone_number(p, &norm), PhoneStatus::Ok) << p;
  }
  std::string norm;
  check_phone_number("（0313）652 1234", &norm);
  EXPECT_EQ(norm, "03136521234");
}

TEST(RulesPhone, RejectedForms) {
  std::string norm;
  EXPECT_EQ(check_phone_number("6521234", &norm), PhoneStatus::NoAreaCode);
  EXPECT_EQ(check_phone_number("65212345", &norm), PhoneStatus::NoAreaCode);
  for (const char* p : {"0313-652123", "0313-0521234", "1234", "12812345678", "电话6521234",
                        "0313-652123456", "6.521234E+6"})
    EXPECT_EQ(check_phone_number(p, &norm), PhoneStatus::Invalid) << p;
}

TEST(RulesPhone, SeveralNumbersEachChecked) {
  Catalog c = make_catalog();
  set(c.items[0], El::ConsultPhone, "0313-6521234、13812345678；6521235");
  validate(c);
  auto f = of(c, "PHONE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::ConsultPhone, 3));
  EXPECT_NE(f[0].message.find("请补全区号，如“0313-6521235”"), std::string::npos) << f[0].message;
}

TEST(RulesPhone, AreaCodeComesFromSettings) {
  Catalog c = make_catalog();
  c.settings.area_code = "0999";
  set(c.items[0], El::ComplaintPhone, "6521235");
  validate(c);
  auto f = of(c, "PHONE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::ComplaintPhone, 3));
  EXPECT_NE(f[0].message.find("0999-6521235"), std::string::npos);
}

TEST(RulesPhone, InvalidNumber) {
  Catalog c = make_catalog();
  set(c.items[0], El::ComplaintPhone, "0313-65212");
  validate(c);
  auto f = of(c, "PHONE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_NE(f[0].message.find("不是有效的电话号码"), std::string::npos);
}

TEST(RulesPhone, ConsultEqualsComplaint) {
  Catalog c = make_catalog();
  set(c.items[0], El::ComplaintPhone, "(0313)6521234");
  validate(c);
  auto f = of(c, "PHONE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::ComplaintPhone, 3));
  EXPECT_NE(f[0].message.find("相同"), std::string::npos);
}

TEST(RulesPhone, DifferentNumbersPass) {
  Catalog c = make_catalog();
  set(c.items[0], El::ComplaintPhone, "12345、0313-6525678");
  validate(c);
  EXPECT_TRUE(of(c, "PHONE").empty()) << dump(c);
}

}  // namespace
}  // namespace qd
