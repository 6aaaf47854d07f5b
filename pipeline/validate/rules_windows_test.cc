// WINDOW-EMPTY: a hint per window that handles no published item.
#include <gtest/gtest.h>

#include "validate/validate.h"
#include "validate/validate_test_util.h"

namespace qd {
namespace {

TEST(WindowEmpty, AWindowWithoutPublishedItemsIsAHintUnderItsDepartment) {
  Catalog c = vtest::make_catalog();
  c.settings.file = "input/county.toml";
  c.items[0].state = ItemState::Published;
  Hall h;
  h.name = "涿鹿县政务服务中心";
  h.windows = {{"01", "市场准入窗口", {vtest::kDept}, {}},
               {"18", "统计档案窗口", {"涿鹿县统计局", "涿鹿县档案馆"}, {}}};
  c.settings.halls = {h};
  const std::vector<std::string> messages = report_empty_windows(c);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0],
            "涿鹿县政务服务中心18号窗口（统计档案窗口）暂无公布的政务服务事项，未生成窗口海报；"
            "请核对该窗口的部门和事项设置");
  ASSERT_EQ(c.findings.size(), 1u);
  const Finding& f = c.findings[0];
  EXPECT_EQ(f.rule, "WINDOW-EMPTY");
  EXPECT_EQ(f.severity, Severity::Hint);
  EXPECT_EQ(f.at.file, "county.toml");
  EXPECT_EQ(f.department, "涿鹿县统计局");
  EXPECT_EQ(f.message, messages[0]);

  // The market window's only item withdrawn: both windows are empty.
  c.findings.clear();
  c.items[0].state = ItemState::Rejected;
  EXPECT_EQ(report_empty_windows(c).size(), 2u);
}

}  // namespace
}  // namespace qd
