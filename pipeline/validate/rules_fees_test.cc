#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

// A fee row of the 收费项目 sheet.
FeeItem fee_row(int row) {
  FeeItem f;
  f.at = sub_at("收费项目", "B", row);
  f.title = {"登记费", sub_at("收费项目", "B", row)};
  f.standard = {"每件80元", sub_at("收费项目", "C", row)};
  f.basis = {"《关于规范登记收费的通知》", sub_at("收费项目", "D", row)};
  return f;
}

TEST(RulesFees, ChargedWithStandardAndBasisPasses) {
  Catalog c = make_catalog();
  set(c.items[0], El::Charged, "是");
  set(c.items[0], El::FeeStandard, "每件80元");
  set(c.items[0], El::FeeBasis, "《关于规范登记收费的通知》");
  validate(c);
  EXPECT_TRUE(of(c, "FEE-BASIS").empty()) << dump(c);
}

TEST(RulesFees, ChargedWithFeeRowsMayLeaveTheStandardEmpty) {
  Catalog c = make_catalog();
  set(c.items[0], El::Charged, "是");
  set(c.items[0], El::FeeStandard, "");
  set(c.items[0], El::FeeBasis, "《关于规范登记收费的通知》");
  c.items[0].fees.push_back(fee_row(2));
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesFees, FeeRowsDoNotReplaceTheBasisColumn) {
  Catalog c = make_catalog();
  set(c.items[0], El::Charged, "是");
  set(c.items[0], El::FeeStandard, "");
  c.items[0].fees.push_back(fee_row(2));
  validate(c);
  auto f = of(c, "FEE-BASIS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::FeeBasis, 3));
}

TEST(RulesFees, ChargedWithoutBasis) {
  Catalog c = make_catalog();
  set(c.items[0], El::Charged, "是");
  set(c.items[0], El::FeeStandard, "每件80元");
  validate(c);
  auto f = of(c, "FEE-BASIS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::FeeBasis, 3));
}

TEST(RulesFees, ChargedButStandardSaysFree) {
  Catalog c = make_catalog();
  set(c.items[0], El::Charged, "是");
  set(c.items[0], El::FeeBasis, "某文件");
  validate(c);
  auto f = of(c, "FEE-BASIS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::FeeStandard, 3));
}

TEST(RulesFees, NotChargedNeedsBuShouFei) {
  for (const char* s : {"", "无", "50元"}) {
    Catalog c = make_catalog();
    set(c.items[0], El::FeeStandard, s);
    validate(c);
    auto f = of(c, "FEE-BASIS");
    ASSERT_EQ(f.size(), 1u) << s << dump(c);
    EXPECT_EQ(f[0].at, cell_at(El::FeeStandard, 3));
    EXPECT_NE(f[0].message.find("不收费"), std::string::npos);
  }
}

TEST(RulesFees, NotChargedWithFeeRows) {
  Catalog c = make_catalog();
  c.items[0].fees.push_back(fee_row(4));
  validate(c);
  auto f = of(c, "FEE-BASIS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, sub_at("收费项目", "B", 4));
}

}  // namespace
}  // namespace qd
