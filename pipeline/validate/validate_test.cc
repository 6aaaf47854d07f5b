#include "validate/validate.h"

#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(Validate, ValidCatalogHasNoFindings) {
  Catalog c = make_catalog();
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
  EXPECT_EQ(c.items[0].errors, 0);
  EXPECT_EQ(c.items[0].warnings, 0);
}

TEST(Validate, ErrorsCountAgainstTheItem) {
  Catalog c = make_catalog();
  set(c.items[0], El::Content, "");
  set(c.items[0], El::Basis, "食品安全法");  // BASIS-FORM warning
  validate(c);
  EXPECT_EQ(c.items[0].errors, 1) << dump(c);
  EXPECT_EQ(c.items[0].warnings, 1) << dump(c);
  ASSERT_EQ(of(c, "REQ-MISSING").size(), 1u);
  EXPECT_EQ(of(c, "REQ-MISSING")[0].item, "食品经营许可");
  EXPECT_EQ(of(c, "REQ-MISSING")[0].department, kDept);
}

TEST(Validate, RetiredItemIsOnlyCheckedForCodesAndCharacters) {
  Catalog c = make_catalog();
  Item old = make_item("旧事项", 4);
  set(old, El::Status, "取消");
  set(old, El::Basis, "");
  set(old, El::ConsultPhone, "123");
  old.materials.clear();
  c.items.push_back(old);
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(Validate, FindingsUseRuleIdsOfRulesMd) {
  Catalog c = make_catalog();
  set(c.items[0], El::Basis, "");
  validate(c);
  ASSERT_EQ(c.findings.size(), 1u) << dump(c);
  EXPECT_EQ(c.findings[0].rule, "BASIS-MISSING");
  EXPECT_EQ(c.findings[0].at, cell_at(El::Basis, 3));
}

}  // namespace
}  // namespace qd
