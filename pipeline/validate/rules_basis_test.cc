#include <gtest/gtest.h>

#include "validate/rules.h"
#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesBasis, EmptyBasisProposesCancellation) {
  Catalog c = make_catalog();
  set(c.items[0], El::Basis, "  ");
  validate(c);
  auto f = of(c, "BASIS-MISSING");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::Basis, 3));
  EXPECT_NE(f[0].message.find("建议取消"), std::string::npos);
  EXPECT_TRUE(of(c, "REQ-MISSING").empty()) << "not reported twice";
}

TEST(RulesBasis, EmptyBasisWithoutCellFallsBackToItemRow) {
  Catalog c = make_catalog();
  set(c.items[0], El::Basis, "");
  c.items[0].field(El::Basis).at = Place{};
  validate(c);
  auto f = of(c, "BASIS-MISSING");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].at, c.items[0].at);
}

TEST(RulesBasis, NoBookTitleIsAWarning) {
  Catalog c = make_catalog();
  set(c.items[0], El::Basis, "中华人民共和国食品安全法第三十五条");
  validate(c);
  auto f = of(c, "BASIS-FORM");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].at, cell_at(El::Basis, 3));
  EXPECT_NE(f[0].message.find("书名号"), std::string::npos);
  EXPECT_EQ(c.items[0].errors, 0);
}

TEST(RulesBasis, NoArticleIsAWarning) {
  Catalog c = make_catalog();
  set(c.items[0], El::Basis, "《中华人民共和国食品安全法》");
  validate(c);
  ASSERT_EQ(of(c, "BASIS-FORM").size(), 1u);
  EXPECT_NE(of(c, "BASIS-FORM")[0].message.find("第…条"), std::string::npos);
}

TEST(RulesBasis, WellFormedBasesPass) {
  for (const char* b : {"《中华人民共和国行政许可法》第十二条", "《食品安全法》第35条第一款",
                        "1.《A法》第二十条；2.《B条例》第一百零五条"}) {
    Catalog c = make_catalog();
    set(c.items[0], El::Basis, b);
    validate(c);
    EXPECT_TRUE(of(c, "BASIS-FORM").empty()) << b;
  }
}

TEST(RulesBasis, Predicates) {
  EXPECT_TRUE(vrules::basis_has_title("《法》"));
  EXPECT_FALSE(vrules::basis_has_title("《》"));
  EXPECT_FALSE(vrules::basis_has_title("《法"));
  EXPECT_TRUE(vrules::basis_has_article("第十二条"));
  EXPECT_TRUE(vrules::basis_has_article("第 12 条"));
  EXPECT_FALSE(vrules::basis_has_article("第条"));
  EXPECT_FALSE(vrules::basis_has_article("第一章"));
}

}  // namespace
}  // namespace qd
