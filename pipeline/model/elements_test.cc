#include "model/elements.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

TEST(Elements, ThirtySixElementsThenExtensionsInSpecOrder) {
  auto els = elements();
  ASSERT_EQ(els.size(), static_cast<size_t>(kElementCount));
  for (size_t i = 0; i < els.size(); ++i) EXPECT_EQ(static_cast<size_t>(els[i].id), i);
  EXPECT_EQ(element(El::Name).label, "事项名称");
  EXPECT_EQ(element(El::ComplaintPhone).label, "监督投诉电话");
  EXPECT_EQ(static_cast<int>(El::ComplaintPhone), 35);
}

TEST(Elements, LabelsMatchAfterNormalisation) {
  ASSERT_NE(element_by_label("设定依据（必填）"), nullptr);
  EXPECT_EQ(element_by_label("设定依据（必填）")->id, El::Basis);
  EXPECT_EQ(element_by_label("到办事现场次数*")->id, El::Visits);
  EXPECT_EQ(element_by_label("不存在的列"), nullptr);
}

TEST(CodeTable, AcceptsCodeLabelAndLetterForms) {
  EXPECT_EQ(item_types().find("01")->label, "行政许可");
  EXPECT_EQ(item_types().find("XK")->label, "行政许可");
  EXPECT_EQ(item_types().find(" 行政许可 ")->code, "01");
  EXPECT_EQ(item_types().find("01 行政许可")->code, "01");
  EXPECT_EQ(item_types().find("GG")->code, "20");
  EXPECT_EQ(item_types().find("行政审批"), nullptr);
  EXPECT_EQ(online_depths().find("Ⅳ 全程网办")->code, "4");
  EXPECT_EQ(online_depths().find("Ⅲ")->label, "在线申办");
  EXPECT_EQ(channel_kinds().find("网上办理（电脑端）")->code, "2");
}

// Platforms export 事项类型 as the national code numbers without their
// leading zero: 1 行政许可 … 9 行政裁决, 10 其他行政权力, 20 公共服务.
TEST(CodeTable, TakesTheNationalTypeNumbersWithoutLeadingZeros) {
  const char* labels[] = {"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付",
                          "行政检查", "行政确认", "行政奖励", "行政裁决"};
  for (int n = 1; n <= 9; ++n) {
    const CodeValue* bare = item_types().find(std::to_string(n));
    const CodeValue* padded = item_types().find("0" + std::to_string(n));
    ASSERT_NE(bare, nullptr) << n;
    EXPECT_EQ(bare, padded) << n;
    EXPECT_EQ(bare->label, labels[n - 1]) << n;
  }
  EXPECT_EQ(item_types().find("10")->label, "其他行政权力");
  EXPECT_EQ(item_types().find("20")->label, "公共服务");
  for (const char* no : {"0", "00", "11", "19", "21", "010"}) EXPECT_EQ(item_types().find(no), nullptr) << no;
}

TEST(SplitValues, KeepsSeparatorsInsideBrackets) {
  auto v = split_values("县级、镇(乡、街道)级");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1], "镇(乡、街道)级");
  EXPECT_EQ(split_values("自然人；企业法人\n其他组织").size(), 3u);
}

TEST(SubTables, FirstColumnLinksToTheItem) {
  for (const SubTableInfo* t : {&materials_table(), &process_table(), &fees_table(), &faq_table()})
    EXPECT_EQ(t->columns.front().label, "事项名称");
}

}  // namespace
}  // namespace qd
