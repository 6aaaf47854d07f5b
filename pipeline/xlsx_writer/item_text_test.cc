#include "xlsx_writer/item_text.h"

#include <gtest/gtest.h>

#include "xlsx_writer/testing.h"

namespace qd::xlsx {
namespace {

TEST(ItemText, MaterialsAndStepsAsNumberedText) {
  Catalog c = testing::sample_catalog();
  const Item& it = c.items[0];
  EXPECT_EQ(materials_text(it),
            "1. 食品经营许可申请书（原件1份，纸质，申请人自备）\n"
            "2. 营业执照（复印件2份，纸质，政府部门核发，容缺）");
  EXPECT_EQ(steps_text(it),
            "1. 受理（窗口受理人员，1个工作日）\n2. 审查（审查股工作人员，5个工作日）\n"
            "3. 决定（分管领导，2个工作日）\n4. 办结（窗口工作人员，2个工作日）");
}

TEST(ItemText, CodesShownByLabel) {
  Catalog c = testing::sample_catalog();
  Item it = c.items[0];
  it.field(El::Type).text = "01";
  it.field(El::Audience).text = "1,企业法人";
  it.field(El::OnlineDepth).text = "Ⅲ";
  EXPECT_EQ(display_value(it, El::Type), "行政许可");
  EXPECT_EQ(display_value(it, El::Audience), "自然人、企业法人");
  EXPECT_EQ(display_value(it, El::OnlineDepth), "在线申办");
  it.field(El::Type).text = "未知类型";
  EXPECT_EQ(display_value(it, El::Type), "未知类型");
  EXPECT_EQ(material_rows(it)[1][3], "复印件");
}

}  // namespace
}  // namespace qd::xlsx
