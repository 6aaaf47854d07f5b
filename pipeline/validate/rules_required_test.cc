#include <gtest/gtest.h>

#include "validate/validate_test_util.h"

namespace qd {
namespace {

using namespace vtest;

TEST(RulesRequired, EveryRequiredElementIsChecked) {
  for (const ElementInfo& e : elements()) {
    if (e.need != Need::Required || e.id == El::Basis || e.id == El::Name) continue;
    Catalog c = make_catalog();
    set(c.items[0], e.id, "");
    validate(c);
    auto f = of(c, "REQ-MISSING");
    ASSERT_EQ(f.size(), 1u) << e.label << "\n" << dump(c);
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_EQ(f[0].at, cell_at(e.id, 3)) << e.label;
    EXPECT_NE(f[0].message.find(std::string(e.label)), std::string::npos);
  }
}

TEST(RulesRequired, PowerSourceForPowerItemsOnly) {
  Catalog c = make_catalog();
  set(c.items[0], El::PowerSource, "");
  validate(c);
  auto f = of(c, "REQ-MISSING");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::PowerSource, 3));

  Catalog p = make_catalog();
  set(p.items[0], El::Type, "公共服务");
  set(p.items[0], El::PowerSource, "");
  set(p.items[0], El::PublicDomain, "基本社会服务");
  validate(p);
  EXPECT_TRUE(of(p, "REQ-MISSING").empty()) << dump(p);
}

TEST(RulesRequired, PublicDomainForPublicServices) {
  Catalog c = make_catalog();
  set(c.items[0], El::Type, "20");
  set(c.items[0], El::PowerSource, "");
  validate(c);
  auto f = of(c, "REQ-MISSING");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::PublicDomain, 3));
}

TEST(RulesRequired, EntrustingDepartmentWhenEntrusted) {
  Catalog c = make_catalog();
  set(c.items[0], El::PowerSource, "上级委托");
  validate(c);
  auto f = of(c, "REQ-MISSING");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::EntrustingDept, 3));
  EXPECT_NE(f[0].message.find("委托部门"), std::string::npos);

  set(c.items[0], El::EntrustingDept, "张家口市市场监督管理局");
  c.findings.clear();
  validate(c);
  EXPECT_TRUE(of(c, "REQ-MISSING").empty()) << dump(c);
}

TEST(RulesRequired, EmptyNameIsReportedAtTheItemRow) {
  Catalog c = make_catalog();
  set(c.items[0], El::Name, "");
  validate(c);
  auto f = of(c, "REQ-MISSING");
  ASSERT_EQ(f.size(), 1u) << dump(c);
  EXPECT_EQ(f[0].at, cell_at(El::Name, 3));
}

TEST(RulesRequired, SubTableCells) {
  Catalog c = make_catalog();
  c.items[0].materials[0].need.text = "";
  c.items[0].steps[1].step.text = "";
  validate(c);
  auto f = of(c, "REQ-MISSING");
  ASSERT_EQ(f.size(), 2u) << dump(c);
  EXPECT_EQ(f[0].at, sub_at("申请材料", "J", 3));
  EXPECT_NE(f[0].message.find("是否必需"), std::string::npos);
  EXPECT_EQ(f[1].at, sub_at("办理流程", "C", 4));
}

TEST(RulesRequired, NameLength) {
  Catalog c = make_catalog();
  std::string longname;
  for (int i = 0; i < 201; ++i) longname += "名";
  set(c.items[0], El::Name, longname);
  validate(c);
  auto f = of(c, "NAME-LENGTH");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].at, cell_at(El::Name, 3));

  Catalog ok = make_catalog();
  set(ok.items[0], El::Name, longname.substr(3));  // 200 characters
  validate(ok);
  EXPECT_TRUE(of(ok, "NAME-LENGTH").empty());
}

}  // namespace
}  // namespace qd
