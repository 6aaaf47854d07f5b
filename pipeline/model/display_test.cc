#include "model/display.h"

#include <gtest/gtest.h>

#include "support/testing.h"

namespace qd {
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

TEST(GuideValue, LabelsFeesVisits) {
  Item it = testing::sample_catalog().items[0];
  it.field(El::Type).text = "01";
  it.field(El::Charged).text = "否";
  it.field(El::Visits).text = "1";
  EXPECT_EQ(guide_value(it, El::Type), "行政许可");
  EXPECT_EQ(guide_value(it, El::FeeStandard), "不收费");
  EXPECT_EQ(guide_value(it, El::FeeBasis), "");
  EXPECT_EQ(guide_value(it, El::Visits), "1次");
  it.field(El::Charged).text = "是";
  it.field(El::FeeStandard).text = "每件50元";
  EXPECT_EQ(guide_value(it, El::FeeStandard), "每件50元");
  // The lists and the booklets show a code by the same label.
  it.field(El::Audience).text = "1,企业法人";
  EXPECT_EQ(guide_value(it, El::Audience), display_value(it, El::Audience));
}

// A material's note reads after a label, one line, never as part of its name.
TEST(MaterialNote, LabelledOnOneLine) {
  Material m;
  m.title.text = "商品房预售许可申请表";
  EXPECT_EQ(material_note(m), "");
  m.notes.text = "申请人签字（单位加盖公章）";
  EXPECT_EQ(material_note(m), "注：申请人签字（单位加盖公章）");
  m.notes.text = " 核验原件\n\n留存复印件　";
  EXPECT_EQ(material_note(m), "注：核验原件；留存复印件");
  m.notes.text = "　\n ";
  EXPECT_EQ(material_note(m), "");
}

}  // namespace
}  // namespace qd
