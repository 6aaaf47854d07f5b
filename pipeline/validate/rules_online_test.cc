#include <gtest/gtest.h>

#include "validate/rules.h"
#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesOnline, FullOnlineWithVisit) {
  Catalog c = make_catalog();
  set(c.items[0], El::OnlineDepth, "Ⅳ 全程网办");
  validate(c);
  auto f = of(c, "ONLINE-VISITS");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::Visits, 3));
}

TEST(RulesOnline, FullOnlineWithoutVisitPasses) {
  Catalog c = make_catalog();
  set(c.items[0], El::OnlineDepth, "全程网办");
  set(c.items[0], El::Visits, "0");
  set(c.items[0], El::VisitReason, "");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesOnline, VisitWithoutReason) {
  Catalog c = make_catalog();
  set(c.items[0], El::VisitReason, "");
  validate(c);
  auto f = of(c, "VISIT-REASON");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].at, cell_at(El::VisitReason, 3));
}

TEST(RulesOnline, VisitWithoutReasonColumnPointsAtVisits) {
  Catalog c = make_catalog();
  c.items[0].field(El::VisitReason) = Field{};
  validate(c);
  auto f = of(c, "VISIT-REASON");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::Visits, 3));
}

TEST(RulesOnline, DepthThreeWithoutUrl) {
  Catalog c = make_catalog();
  set(c.items[0], El::OnlineUrl, "");
  validate(c);
  auto f = of(c, "ONLINE-URL");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].at, cell_at(El::OnlineUrl, 3));
  EXPECT_EQ(c.items[0].errors, 0);
}

TEST(RulesOnline, LowDepthWithoutUrlPasses) {
  Catalog c = make_catalog();
  set(c.items[0], El::OnlineUrl, "");
  set(c.items[0], El::OnlineDepth, "Ⅱ");
  validate(c);
  EXPECT_TRUE(of(c, "ONLINE-URL").empty()) << dump(c);
}

TEST(RulesOnline, UrlWithoutScheme) {
  Catalog c = make_catalog();
  set(c.items[0], El::OnlineUrl, "www.hbzwfw.gov.cn");
  validate(c);
  auto f = of(c, "ONLINE-URL");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_NE(f[0].message.find("http"), std::string::npos);
}

TEST(RulesOnline, UrlPredicate) {
  EXPECT_TRUE(vrules::url_valid("http://a.gov.cn"));
  EXPECT_TRUE(vrules::url_valid("HTTPS://a.gov.cn/x?y=1"));
  EXPECT_FALSE(vrules::url_valid("https://"));
  EXPECT_FALSE(vrules::url_valid("https://a b.cn"));
  EXPECT_FALSE(vrules::url_valid("ftp://a.cn"));
}

}  // namespace
}  // namespace qd
