#include "spreadsheet_reader/workbook.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

TEST(Sheet, AtOutOfRangeIsEmpty) {
  Sheet s;
  s.rows = {{Cell{CellType::String, "a", 0, false}}, {}};
  EXPECT_EQ(s.at(0, 0).text, "a");
  EXPECT_EQ(s.at(0, 1).type, CellType::Empty);
  EXPECT_EQ(s.at(1, 0).type, CellType::Empty);
  EXPECT_EQ(s.at(5, 5).type, CellType::Empty);
  EXPECT_EQ(s.at(-1, 0).type, CellType::Empty);
  EXPECT_EQ(s.at(0, -1).type, CellType::Empty);
  EXPECT_EQ(s.row_count(), 2);
}

TEST(Workbook, FindTrimsNames) {
  Workbook wb;
  wb.sheets.resize(2);
  wb.sheets[0].name = " 实施清单 ";
  wb.sheets[1].name = "申请材料";
  ASSERT_NE(wb.find("实施清单"), nullptr);
  EXPECT_EQ(wb.find("实施清单")->name, " 实施清单 ");
  EXPECT_EQ(wb.find(" 申请材料\t"), &wb.sheets[1]);
  EXPECT_EQ(wb.find("办理流程"), nullptr);
}

}  // namespace
}  // namespace qd
