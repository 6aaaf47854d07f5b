#include "codes/item_code.h"

#include <gtest/gtest.h>

#include <set>

namespace qd {
namespace {

TEST(BasicCode, ExamplePasses) {
  std::string why;
  EXPECT_TRUE(basic_code_valid("000117051000", &why)) << why;
  EXPECT_TRUE(basic_code_valid("13010500100Y", &why)) << why;
  EXPECT_TRUE(basic_code_valid("130105A0Y001", &why)) << why;
  EXPECT_TRUE(basic_code_valid("132005999999", &why)) << why;
}

TEST(BasicCode, Reasons) {
  std::string why;
  EXPECT_FALSE(basic_code_valid("00011705100", &why));
  EXPECT_EQ(why, "基本编码长度应为 12 位，实为 11 位");
  EXPECT_FALSE(basic_code_valid("001117051000", &why));
  EXPECT_EQ(why, "基本编码第 3–4 位事项类型代码 11 不在 01–10、20 之内");
  EXPECT_FALSE(basic_code_valid("000017051000", &why));
  EXPECT_FALSE(basic_code_valid("0001170I1000", &why));
  EXPECT_NE(why.find("含有不允许的字符 I（第 8 位）"), std::string::npos) << why;
  EXPECT_FALSE(basic_code_valid("000117051A00", &why));
  EXPECT_EQ(why, "基本编码第 10–12 位子项编码应为 000、00Y 或 001–999，实为 A00");
  EXPECT_FALSE(basic_code_valid("0A0117051000", &why));
  EXPECT_FALSE(basic_code_valid("00011705100０", &why));
  EXPECT_NE(why.find("非 ASCII"), std::string::npos) << why;
}

TEST(ImplCode, ExamplePasses) {
  std::string why;
  EXPECT_TRUE(impl_code_valid("11440232MB2D06811W4000117051000", &why)) << why;
  EXPECT_EQ(make_impl_code("11440232MB2D06811W", "4", "000117051000"),
            "11440232MB2D06811W4000117051000");
}

TEST(ImplCode, Reasons) {
  std::string why;
  EXPECT_FALSE(impl_code_valid("11440232MB2D06811W400011705100", &why));
  EXPECT_EQ(why, "实施编码长度应为 31 位，实为 30 位");
  EXPECT_FALSE(impl_code_valid("11440232MB2D06811X4000117051000", &why));
  EXPECT_NE(why.find("第 18 位校验码应为 W，实为 X"), std::string::npos) << why;
  EXPECT_FALSE(impl_code_valid("11440232MB2D06811W8000117051000", &why));
  EXPECT_EQ(why, "实施编码第 19 位行使层级应为 1–7，实为 8");
  EXPECT_FALSE(impl_code_valid("11440232MB2D06811W4001117051000", &why));
  EXPECT_NE(why.find("事项类型代码 11"), std::string::npos) << why;
  EXPECT_EQ(make_impl_code("11440232MB2D06811W", "0", "000117051000"), "");
}

TEST(BusinessCode, ValidAndReasons) {
  std::string why;
  std::string impl = "11440232MB2D06811W4000117051000";
  EXPECT_TRUE(business_code_valid(impl + "01", &why)) << why;
  EXPECT_TRUE(business_code_valid(impl + "99", &why)) << why;
  EXPECT_FALSE(business_code_valid(impl + "00", &why));
  EXPECT_EQ(why, "业务办理项编码第 32–33 位应为 01–99，实为 00");
  EXPECT_FALSE(business_code_valid(impl + "1", &why));
  EXPECT_EQ(why, "业务办理项编码长度应为 33 位，实为 32 位");
  EXPECT_EQ(make_business_code(impl, 2), impl + "02");
  EXPECT_EQ(make_business_code(impl, 0), "");
  EXPECT_EQ(make_business_code(impl, 100), "");
}

TEST(Sequence, RoundTripsAndAvoidsForbiddenLetters) {
  std::set<std::string> seen;
  std::string last;
  for (int n = 1; n <= kMaxSequence; ++n) {
    std::string s = encode_sequence(n);
    ASSERT_EQ(s.size(), 3u) << n;
    ASSERT_EQ(s.find_first_of("IOZSV"), std::string::npos) << n << " " << s;
    ASSERT_EQ(decode_sequence(s), n) << s;
    ASSERT_LT(last, s) << "string order follows numeric order at " << n;
    last = s;
    seen.insert(s);
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kMaxSequence));
  EXPECT_EQ(encode_sequence(1), "001");
  EXPECT_EQ(encode_sequence(999), "999");
  EXPECT_EQ(encode_sequence(1000), "A00");
  EXPECT_EQ(encode_sequence(1010), "A0A");
  EXPECT_EQ(encode_sequence(kMaxSequence), "YYY");
  EXPECT_EQ(encode_sequence(0), "");
  EXPECT_EQ(encode_sequence(kMaxSequence + 1), "");
  EXPECT_EQ(decode_sequence("000"), -1);
  EXPECT_EQ(decode_sequence("0A1"), -1);
  EXPECT_EQ(decode_sequence("AI0"), -1);
  EXPECT_EQ(decode_sequence("A0"), -1);
}

TEST(SubSequence, RoundTrips) {
  for (int n = 1; n <= 999; ++n) {
    std::string s = encode_sub_sequence(n);
    ASSERT_EQ(decode_sub_sequence(s), n) << s;
  }
  EXPECT_EQ(encode_sub_sequence(7), "007");
  EXPECT_EQ(encode_sub_sequence(0), "");
  EXPECT_EQ(encode_sub_sequence(1000), "");
  EXPECT_EQ(decode_sub_sequence(kSubNone), -1);
  EXPECT_EQ(decode_sub_sequence(kSubParent), -1);
}

TEST(Builders, MakeBasicCode) {
  EXPECT_EQ(make_basic_code("13", "01", "05", 1, kSubNone), "130105001000");
  EXPECT_EQ(make_basic_code("13", "01", "05", 12, kSubParent), "13010501200Y");
  EXPECT_EQ(make_basic_code("13", "20", "05", 1000, encode_sub_sequence(3)), "132005A00003");
  EXPECT_EQ(make_basic_code("13", "11", "05", 1, kSubNone), "");
  EXPECT_EQ(make_basic_code("13", "01", "05", 0, kSubNone), "");
  EXPECT_EQ(make_basic_code("1", "01", "05", 1, kSubNone), "");
}

}  // namespace
}  // namespace qd
