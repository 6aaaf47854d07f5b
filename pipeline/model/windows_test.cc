// Which published items a window handles, and which windows handle none.
#include "model/windows.h"

#include <gtest/gtest.h>

#include "support/testing.h"

namespace qd {
namespace {

// The sample catalog with one hall: a window per department, a window
// naming one item, a window of a department that publishes nothing, and
// that last window listed twice.
Catalog with_hall() {
  Catalog c = testing::sample_catalog();
  Hall h;
  h.name = "涿鹿县政务服务中心";
  h.windows = {{"01", "市场准入窗口", {"县市场监督管理局"}, {}},
               {"02", "个体登记窗口", {"县市场监督管理局"}, {"个体工商户登记"}},
               {"03", "人社窗口", {"县人力资源和社会保障局"}, {}},
               {"04", "规划窗口", {"涿鹿县县城规划建设管理与市政公用事业综合服务保障中心临时办公室协调组"}, {}},
               {"04", "规划窗口", {"涿鹿县县城规划建设管理与市政公用事业综合服务保障中心临时办公室协调组"}, {}}};
  c.settings.halls = {h};
  return c;
}

// The names of items.
std::vector<std::string> names(const std::vector<const Item*>& items) {
  std::vector<std::string> out;
  for (const Item* it : items) out.push_back(it->get(El::Name));
  return out;
}

TEST(Windows, AWindowNamingAnItemTakesItFromItsDepartmentsOtherWindows) {
  const Catalog c = with_hall();
  const Hall& h = c.settings.halls[0];
  EXPECT_EQ(names(window_items(c, h, h.windows[0])), std::vector<std::string>{"食品经营许可"});
  EXPECT_EQ(names(window_items(c, h, h.windows[1])), std::vector<std::string>{"个体工商户登记"});
  // Published items only (not the retired or pending ones).
  EXPECT_EQ(names(window_items(c, h, h.windows[2])),
            (std::vector<std::string>{"失业保险金申领", "就业失业登记"}));
}

TEST(Windows, EmptyWindowsAreThoseWithoutPublishedItemsEachOnce) {
  Catalog c = with_hall();
  std::vector<HallWindow> empty = empty_windows(c);
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].window->number, "04");
  EXPECT_EQ(empty[0].hall, &c.settings.halls[0]);
  // A window whose only item is withdrawn becomes empty too.
  for (Item& it : c.items)
    if (it.get(El::Name) == "个体工商户登记") it.state = ItemState::Rejected;
  empty = empty_windows(c);
  ASSERT_EQ(empty.size(), 2u);
  EXPECT_EQ(empty[0].window->number, "02");
  EXPECT_EQ(empty[1].window->number, "04");
}

}  // namespace
}  // namespace qd
