#include <gtest/gtest.h>

#include "validate/rules.h"
#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;
using vrules::LimitUnit;
using vrules::parse_limit;

TEST(RulesLimits, ParsesTheUsualForms) {
  struct Case { const char* text; LimitUnit unit; int n; const char* canonical; };
  const Case cases[] = {
      {"20个工作日", LimitUnit::WorkingDays, 20, "20个工作日"},
      {"20工作日", LimitUnit::WorkingDays, 20, "20个工作日"},
      {"20 个工作日", LimitUnit::WorkingDays, 20, "20个工作日"},
      {"２０个工作日内", LimitUnit::WorkingDays, 20, "20个工作日"},
      {"二十个工作日", LimitUnit::WorkingDays, 20, "20个工作日"},
      {"三十五个工作日", LimitUnit::WorkingDays, 35, "35个工作日"},
      {"30个自然日", LimitUnit::NaturalDays, 30, "30个自然日"},
      {"30日", LimitUnit::Days, 30, ""},
      {"15天", LimitUnit::Days, 15, ""},
      {"3个月", LimitUnit::Months, 3, ""},
      {"即办", LimitUnit::Instant, 0, "即办"},
      {"当场办结", LimitUnit::Instant, 0, "即办"},
      {"立即办结", LimitUnit::Instant, 0, "即办"},
      {"20个工作日（不含专家评审时间）", LimitUnit::WorkingDays, 20, ""},
      {"法律法规未规定", LimitUnit::None, 0, ""},
      {"自受理之日起20个工作日内", LimitUnit::WorkingDays, 20, "20个工作日"},
      {"即办件", LimitUnit::Instant, 0, "即办"},
      // A bare number (a number cell, a platform's export): working days; 0 is 即办.
      {"20", LimitUnit::WorkingDays, 20, "20个工作日"},
      {"０", LimitUnit::Instant, 0, "即办"},
      {"20（不含公示时间）", LimitUnit::WorkingDays, 20, ""},
  };
  for (const Case& k : cases) {
    auto l = parse_limit(k.text);
    ASSERT_TRUE(l) << k.text;
    EXPECT_EQ(l->unit, k.unit) << k.text;
    EXPECT_EQ(l->n, k.n) << k.text;
    EXPECT_EQ(l->canonical, k.canonical) << k.text;
  }
  for (const char* bad : {"尽快", "二十", "工作日", "0个工作日", "20个工作日左右", "两周", "-5", "2.5"})
    EXPECT_FALSE(parse_limit(bad)) << bad;
}

TEST(RulesLimits, LimitsAreCanonicalised) {
  Catalog c = make_catalog();
  set(c.items[0], El::LegalLimit, "二十工作日");
  set(c.items[0], El::PromisedLimit, "10 工作日");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
  EXPECT_EQ(c.items[0].get(El::LegalLimit), "20个工作日");
  EXPECT_EQ(c.items[0].get(El::PromisedLimit), "10个工作日");
}

TEST(RulesLimits, LimitsTypedAsNumbersAreWorkingDays) {
  Catalog c = make_catalog();
  set(c.items[0], El::LegalLimit, "20");
  set(c.items[0], El::PromisedLimit, "5");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
  EXPECT_EQ(c.items[0].get(El::LegalLimit), "20个工作日");
  EXPECT_EQ(c.items[0].get(El::PromisedLimit), "5个工作日");
  set(c.items[0], El::PromisedLimit, "30");
  validate(c);
  EXPECT_EQ(of(c, "LIMIT-ORDER").size(), 1u) << dump(c);
}

TEST(RulesLimits, UnreadableLimit) {
  Catalog c = make_catalog();
  set(c.items[0], El::PromisedLimit, "尽快办理");
  validate(c);
  auto f = of(c, "LIMIT-FORMAT");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::PromisedLimit, 3));
  EXPECT_NE(f[0].message.find("承诺办结时限"), std::string::npos);
}

TEST(RulesLimits, NoLegalLimitIsOnlyAcceptedForTheLegalLimit) {
  Catalog c = make_catalog();
  set(c.items[0], El::LegalLimit, "法律法规未规定");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
  set(c.items[0], El::PromisedLimit, "无");
  validate(c);
  ASSERT_EQ(of(c, "LIMIT-FORMAT").size(), 1u);
}

TEST(RulesLimits, PromisedLongerThanLegal) {
  Catalog c = make_catalog();
  set(c.items[0], El::PromisedLimit, "30个工作日");
  validate(c);
  auto f = of(c, "LIMIT-ORDER");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::PromisedLimit, 3));
  EXPECT_EQ(f[0].message,
            "承诺办结时限（30个工作日）长于法定办结时限（20个工作日），请改为不超过20个工作日。");
}

TEST(RulesLimits, EqualAndShorterPass) {
  for (const char* p : {"20个工作日", "1个工作日", "20日", "25个自然日"}) {
    Catalog c = make_catalog();
    set(c.items[0], El::PromisedLimit, p);
    validate(c);
    EXPECT_TRUE(of(c, "LIMIT-ORDER").empty()) << p << dump(c);
  }
}

TEST(RulesLimits, MixedUnitsOnlyWhenSurelyLonger) {
  Catalog c = make_catalog();
  set(c.items[0], El::PromisedLimit, "60个自然日");  // 20 working days span at most ~35 days
  validate(c);
  EXPECT_EQ(of(c, "LIMIT-ORDER").size(), 1u) << dump(c);
}

TEST(RulesLimits, BareDaysAreWorkingDaysForLicences) {
  Catalog c = make_catalog();
  set(c.items[0], El::LegalLimit, "20日");
  set(c.items[0], El::PromisedLimit, "20个工作日");
  validate(c);
  EXPECT_TRUE(of(c, "LIMIT-ORDER").empty()) << dump(c);
  set(c.items[0], El::Type, "行政确认");
  c.findings.clear();
  validate(c);
  // Elsewhere 20日 are natural days, and 20 working days span at least 26 of them.
  EXPECT_EQ(of(c, "LIMIT-ORDER").size(), 1u) << dump(c);
}

TEST(RulesLimits, InstantCaseWithDays) {
  Catalog c = make_catalog();
  set(c.items[0], El::CaseType, "即办件");
  validate(c);
  auto f = of(c, "LIMIT-INSTANT");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].at, cell_at(El::PromisedLimit, 3));
}

TEST(RulesLimits, PromisedCaseWithInstant) {
  Catalog c = make_catalog();
  set(c.items[0], El::PromisedLimit, "当场办结");
  validate(c);
  auto f = of(c, "LIMIT-INSTANT");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(c.items[0].get(El::PromisedLimit), "即办");
}

TEST(RulesLimits, InstantCaseWithInstantLimitPasses) {
  Catalog c = make_catalog();
  set(c.items[0], El::CaseType, "1");
  set(c.items[0], El::LegalLimit, "即办");
  set(c.items[0], El::PromisedLimit, "立即办结");
  validate(c);
  EXPECT_TRUE(c.findings.empty()) << dump(c);
}

TEST(RulesLimits, LegalInstantPromisedDays) {
  Catalog c = make_catalog();
  set(c.items[0], El::LegalLimit, "即办");
  set(c.items[0], El::PromisedLimit, "5个工作日");
  validate(c);
  auto f = of(c, "LIMIT-ORDER");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_NE(f[0].message.find("请改为“即办”"), std::string::npos);
}

TEST(RulesLimits, EmptyLegalLimitOfInstantCaseSuggestsJiBan) {
  Catalog c = make_catalog();
  set(c.items[0], El::CaseType, "即办件");
  set(c.items[0], El::LegalLimit, "");
  set(c.items[0], El::PromisedLimit, "即办");
  validate(c);
  auto f = of(c, "REQ-MISSING");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::LegalLimit, 3));
  EXPECT_NE(f[0].message.find("即办件的法定办结时限可填“即办”"), std::string::npos);
}

}  // namespace
}  // namespace qd
