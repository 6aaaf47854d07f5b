#include "model/item_json.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

// A small item with every kind of content.
Item sample_item() {
  Item it;
  it.department = "涿鹿县民政局";
  it.field(El::Name) = {"内地居民婚姻登记", Place{"民政局.xlsx", "实施清单", "B3"}};
  it.field(El::PromisedLimit).text = "即时办结";
  Material m;
  m.seq.text = "1";
  m.title.text = "居民身份证";
  m.need.text = "必需";
  it.materials.push_back(m);
  Step s;
  s.step.text = "受理";
  s.limit.text = "即时";
  it.steps.push_back(s);
  it.fees.push_back({});
  it.fees[0].title.text = "工本费";
  Faq q;
  q.question.text = "需要本人到场吗？";
  q.answer.text = "需要。";
  it.faqs.push_back(q);
  return it;
}

TEST(ItemJson, RoundTripKeepsEveryValueAndDropsPlaces) {
  Item it = sample_item();
  std::string json = item_content_json(it);
  EXPECT_EQ(json.find("B3"), std::string::npos);
  auto back = item_from_content_json(json, "registry");
  ASSERT_TRUE(back.ok()) << back.error().str();
  EXPECT_EQ(item_content_json(back.value()), json);
  EXPECT_EQ(back->get(El::Name), "内地居民婚姻登记");
  EXPECT_EQ(back->department, "涿鹿县民政局");
  ASSERT_EQ(back->materials.size(), 1u);
  EXPECT_EQ(back->materials[0].title.text, "居民身份证");
  EXPECT_EQ(back->faqs[0].answer.text, "需要。");
  EXPECT_TRUE(item_changes(it, back.value()).empty());
}

TEST(ItemJson, EqualContentGivesEqualBytesWhateverThePlaces) {
  Item a = sample_item(), b = sample_item();
  b.field(El::Name).at = Place{"other.xlsx", "实施清单", "B9"};
  b.errors = 3;
  EXPECT_EQ(item_content_json(a), item_content_json(b));
  b.materials[0].title.text = "户口簿";
  EXPECT_NE(item_content_json(a), item_content_json(b));
}

TEST(ItemJson, ChangesNameTheFieldWithOldAndNewValues) {
  Item a = sample_item(), b = sample_item();
  b.field(El::PromisedLimit).text = "1个工作日";
  b.materials[0].title.text = "户口簿";
  Material extra;
  extra.title.text = "照片";
  b.materials.push_back(extra);
  auto changes = item_changes(a, b);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].label, "承诺办结时限");
  EXPECT_EQ(changes[0].before, "即时办结");
  EXPECT_EQ(changes[0].after, "1个工作日");
  EXPECT_EQ(changes[1].label, "申请材料 1「材料名称」");
  EXPECT_EQ(changes[1].after, "户口簿");
  EXPECT_EQ(changes[2].label, "申请材料 2");
  EXPECT_EQ(changes[2].after, "（新增）照片");
}

TEST(ItemJson, BrokenJsonIsAnErrorNotACrash) {
  EXPECT_FALSE(item_from_content_json("{", "registry").ok());
  EXPECT_FALSE(item_from_content_json("[]", "registry").ok());
  EXPECT_FALSE(item_from_content_json("{\"fields\": 3}", "registry").ok());
}

}  // namespace
}  // namespace qd
