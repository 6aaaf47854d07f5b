#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesEnum, CodeLetterAndCodeLabelFormsAreCanonicalised) {
  for (const char* t : {"XK", "01", "01 行政许可", "01行政许可", "许可", "行政许可"}) {
    Catalog c = make_catalog();
    set(c.items[0], El::Type, t);
    validate(c);
    EXPECT_TRUE(of(c, "ENUM-VALUE").empty()) << t;
    EXPECT_EQ(c.items[0].get(El::Type), "行政许可") << t;
  }
}

TEST(RulesEnum, TheNationalTypeNumberOneIsALicence) {
  // A platform's export: 事项类型 1 (a number cell's text), and the power
  // list the same way; the item is a 行政许可 and agrees with the list.
  Catalog c = make_catalog();
  set(c.items[0], El::Type, "1");
  for (PowerEntry& e : c.power_list) e.type_code = "1";
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
  EXPECT_EQ(c.items[0].get(El::Type), "行政许可");
}

TEST(RulesEnum, MultiValuesAreRejoinedWithDunhaoInTableOrder) {
  Catalog c = make_catalog();
  set(c.items[0], El::Audience, "2,1；企业法人");
  set(c.items[0], El::Channels, "网上办理（电脑端）/窗口办理");
  set(c.items[0], El::Visits, "1次");
  set(c.items[0], El::OnlineDepth, "Ⅲ");
  set(c.items[0], El::Charged, "N");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
  EXPECT_EQ(c.items[0].get(El::Audience), "自然人、企业法人");
  EXPECT_EQ(c.items[0].get(El::Channels), "窗口办理、网上办理(电脑端)");
  EXPECT_EQ(c.items[0].get(El::Visits), "1");
  EXPECT_EQ(c.items[0].get(El::OnlineDepth), "在线申办");
  EXPECT_EQ(c.items[0].get(El::Charged), "否");
}

TEST(RulesEnum, ValueOutsideTheTable) {
  Catalog c = make_catalog();
  set(c.items[0], El::AgencyNature, "行政机关");
  validate(c);
  auto f = of(c, "ENUM-VALUE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::AgencyNature, 3));
  EXPECT_NE(f[0].message.find("实施主体性质"), std::string::npos);
  EXPECT_NE(f[0].message.find("法定机关"), std::string::npos);
  EXPECT_EQ(c.items[0].get(El::AgencyNature), "行政机关") << "left as typed";
}

TEST(RulesEnum, EachBadValueOfAMultiFieldIsReported) {
  Catalog c = make_catalog();
  set(c.items[0], El::Audience, "自然人、个人、法人");
  validate(c);
  auto f = of(c, "ENUM-VALUE");
  ASSERT_EQ(f.size(), 2u) << dump(c);
  EXPECT_NE(f[0].message.find("“个人”"), std::string::npos);
  EXPECT_NE(f[1].message.find("“法人”"), std::string::npos);
  EXPECT_EQ(c.items[0].get(El::Audience), "自然人、个人、法人");
}

TEST(RulesEnum, SubTableCodedColumns) {
  Catalog c = make_catalog();
  Material& m = c.items[0].materials[0];
  m.kind.text = "原件及复印件";
  m.form.text = "纸质版";
  validate(c);
  auto f = of(c, "ENUM-VALUE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, sub_at("申请材料", "G", 3));
  EXPECT_NE(f[0].message.find("材料形式"), std::string::npos);
  EXPECT_EQ(c.items[0].materials[0].kind.text, "原件和复印件");
}

TEST(RulesEnum, FeeWaivable) {
  Catalog c = make_catalog();
  set(c.items[0], El::Charged, "是");
  set(c.items[0], El::FeeStandard, "");
  FeeItem fee;
  fee.at = sub_at("收费项目", "B", 2);
  fee.title = {"工本费", sub_at("收费项目", "B", 2)};
  fee.standard = {"10元/证", sub_at("收费项目", "C", 2)};
  fee.basis = {"冀价费〔2017〕1号", sub_at("收费项目", "D", 2)};
  fee.waivable = {"可以", sub_at("收费项目", "E", 2)};
  c.items[0].fees.push_back(fee);
  validate(c);
  auto f = of(c, "ENUM-VALUE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, sub_at("收费项目", "E", 2));
}

TEST(RulesEnum, ReferenceListsAreCanonicalised) {
  Catalog c = make_catalog();
  c.power_list[0].type_code = "行政许可";
  c.public_list.push_back({kDept, "消费投诉受理", "6", {kPublicFile, "公共服务", "B2"}});
  c.public_list.push_back({kDept, "咨询", "便民服务", {kPublicFile, "公共服务", "B3"}});
  validate(c);
  EXPECT_EQ(c.power_list[0].type_code, "01");
  EXPECT_EQ(c.public_list[0].domain, "人口和计划生育");
  auto f = of(c, "ENUM-VALUE");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, (Place{kPublicFile, "公共服务", "B3"}));
}

}  // namespace
}  // namespace qd
