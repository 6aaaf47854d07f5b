#include "codes/credit_code.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace qd {
namespace {

const char* const kGood[] = {"11440232MB2D06811W", "12441500196720244T", "11100000000013127D"};

TEST(CreditCode, KnownGoodExamplesPass) {
  for (const char* c : kGood) {
    std::string why;
    EXPECT_TRUE(credit_code_valid(c, &why)) << c << ": " << why;
  }
}

TEST(CreditCode, KnownGoodExamplesSatisfyInnerCheck) {
  // codes.md: position 17 is the GB 11714 check of positions 9–16. All three
  // examples satisfy it, so credit_code_valid enforces it.
  for (std::string_view c : kGood) EXPECT_EQ(org_check_char(c.substr(8, 8)), c[16]) << c;
}

TEST(CreditCode, WrongCheckCharacter) {
  std::string why;
  EXPECT_FALSE(credit_code_valid("11440232MB2D06811X", &why));
  EXPECT_EQ(why, "第 18 位校验码应为 W，实为 X");
}

TEST(CreditCode, ChangedBodyCharacterIsCaughtByCheck) {
  std::string why;
  // Position 3 changed: only the position 18 check notices.
  EXPECT_FALSE(credit_code_valid("11540232MB2D06811W", &why));
  EXPECT_NE(why.find("第 18 位校验码应为"), std::string::npos) << why;
  // Position 10 changed: the organisation code check notices first.
  EXPECT_FALSE(credit_code_valid("11440232MC2D06811W", &why));
  EXPECT_NE(why.find("第 17 位组织机构代码校验码应为"), std::string::npos) << why;
}

TEST(CreditCode, WrongLength) {
  std::string why;
  EXPECT_FALSE(credit_code_valid("11440232MB2D06811", &why));
  EXPECT_EQ(why, "长度应为 18 位，实为 17 位");
  EXPECT_FALSE(credit_code_valid("", &why));
  EXPECT_EQ(why, "长度应为 18 位，实为 0 位");
}

TEST(CreditCode, ForbiddenCharacter) {
  std::string why;
  EXPECT_FALSE(credit_code_valid("1144I232MB2D06811W", &why));
  EXPECT_EQ(why, "含有不允许的字符 I（第 5 位）");
  EXPECT_FALSE(credit_code_valid("11440232mb2D06811W", &why));
  EXPECT_EQ(why, "含有不允许的字符 m（第 9 位），字母应为大写");
  // A full-width digit counts as one character.
  EXPECT_FALSE(credit_code_valid("１1440232MB2D06811W", &why));
  EXPECT_EQ(why, "含有不允许的字符 １（第 1 位）");
}

TEST(CreditCode, NullReasonIsAllowed) {
  EXPECT_FALSE(credit_code_valid("x", nullptr));
  EXPECT_TRUE(credit_code_valid(kGood[0], nullptr));
}

TEST(CreditCode, MakeRoundTrips) {
  for (std::string_view c : kGood) {
    EXPECT_EQ(credit_check_char(c.substr(0, 17)), c[17]);
    EXPECT_EQ(make_credit_code(c.substr(0, 17)), c);
    EXPECT_EQ(make_credit_code_from_org(c.substr(0, 8), c.substr(8, 8)), c);
  }
  std::string made = make_credit_code_from_org("11130731", "00012345");
  ASSERT_EQ(made.size(), 18u);
  EXPECT_TRUE(credit_code_valid(made, nullptr));
  EXPECT_EQ(make_credit_code("1144023"), "");
  EXPECT_EQ(make_credit_code("11440232MB2D0681I"), "");
  EXPECT_EQ(make_credit_code_from_org("1113073", "00012345"), "");
}

TEST(CreditCode, EveryCheckValueIsReachable) {
  // Vary position 16 over all 31 characters: the check is a bijection of it.
  std::string seen;
  for (char c : kCreditCharset) {
    std::string first17 = "1113073100012345";
    first17 += c;
    seen += credit_check_char(first17);
  }
  std::sort(seen.begin(), seen.end());
  std::string all(kCreditCharset);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(seen, all);
}

}  // namespace
}  // namespace qd
