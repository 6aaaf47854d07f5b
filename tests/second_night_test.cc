// End-to-end: the second night. A department returns the pre-filled form it
// was given (codes in their locked column), with one item renamed and one
// added; every other code stays as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "e2e.h"

namespace fs = std::filesystem;

namespace qd::e2e {
namespace {

// department/name -> 实施编码 from a published 实施清单.xlsx.
std::map<std::string, std::string> codes(const std::string& xlsx) {
  Proc r = sh("/usr/bin/python3 " + quote(source("tests/tools/list_codes.py")) + " " + quote(xlsx));
  std::map<std::string, std::string> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    size_t a = line.find('\t'), b = line.rfind('\t');
    if (a != b) out[line.substr(0, b)] = line.substr(b + 1);
  }
  return out;
}

TEST(SecondNight, RenamedAndAddedItemsLeaveEveryOtherCodeUnchanged) {
  TempDir dir("night");
  start_from_sample_build(dir.path());  // night 1: output/
  auto night1 = codes(dir / "output/lists/实施清单.xlsx");
  ASSERT_GT(night1.size(), 350u);
  const std::string dep = "涿鹿县民政局";
  const std::string old_name = "老年人优待证办理", new_name = "老年人优待证办理（含补办）";
  const std::string added = "惠民殡葬服务";
  ASSERT_TRUE(night1.count(dep + "\t" + old_name));

  // The department returns its pre-filled form, edited.
  std::string form = dir / ("input/departments/" + dep + ".xlsx");
  fs::copy_file(dir / ("output/forms/" + dep + ".xlsx"), form, fs::copy_options::overwrite_existing);
  Proc edit = edit_xlsx(form, {"rename", "*", old_name, new_name, "--", "clone", "*", "遗体火化服务",
                              added, "--", "set", "填报信息", "B5", "2017-10-08"});
  ASSERT_EQ(edit.exit_code, 0) << edit.out;
  // The office approves the renamed and the new item.
  Proc review = edit_xlsx(dir / "input/review/审改办审核意见.xlsx",
                         {"append", "审核意见", dep, new_name, "通过", "同意更名", "审改办", "2017-10-09",
                          "--", "append", "审核意见", dep, added, "通过", "同意新增", "审改办", "2017-10-09"});
  ASSERT_EQ(review.exit_code, 0) << review.out;

  Proc r = build(dir.path(), "night2", "2017-10-10");
  ASSERT_EQ(r.exit_code, 1) << r.out;
  auto night2 = codes(dir / "night2/lists/实施清单.xlsx");

  // The renamed item keeps its code; the new one gets one never seen before.
  EXPECT_EQ(night2[dep + "\t" + new_name], night1[dep + "\t" + old_name]);
  ASSERT_TRUE(night2.count(dep + "\t" + added)) << "new item not published";
  std::string fresh = night2[dep + "\t" + added];
  EXPECT_EQ(fresh.size(), 31u);
  for (const auto& [key, code] : night1) EXPECT_NE(code, fresh) << key;
  // Everything else is unchanged.
  int same = 0;
  for (const auto& [key, code] : night1) {
    if (key == dep + "\t" + old_name) continue;
    ASSERT_TRUE(night2.count(key)) << key << " disappeared";
    EXPECT_EQ(night2[key], code) << key;
    ++same;
  }
  EXPECT_EQ(same + 2, static_cast<int>(night2.size()));
}

}  // namespace
}  // namespace qd::e2e
