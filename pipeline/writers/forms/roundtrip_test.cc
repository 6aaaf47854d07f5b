// The form read back by the project's own reader (pipeline/spreadsheet_reader): the
// sheets and headers it looks for, codes as strings, the date cell.
#include <gtest/gtest.h>

#include "spreadsheet_reader/xlsx_reader.h"
#include "writers/forms/department_form.h"
#include "writers/forms/forms.h"
#include "support/testing.h"

namespace qd {
namespace {

namespace t = qd::testing;

TEST(FormsRoundTrip, OwnReaderFindsSheetsHeadersAndCodes) {
  Catalog c = t::sample_catalog();
  std::string dir = t::fresh_dir("forms_roundtrip");
  ASSERT_TRUE(write_forms(c, OutputContext{dir, "", c.build_date}, nullptr).ok());
  auto wb = read_xlsx_file(dir + "/forms/县市场监督管理局.xlsx");
  ASSERT_TRUE(wb.ok()) << wb.error().str();
  const Sheet* items = wb->find(kItemSheet);
  ASSERT_NE(items, nullptr);
  std::vector<El> cols = form_elements();
  for (size_t col = 0; col < cols.size(); ++col) {
    const ElementInfo* e = element_by_label(items->at(0, static_cast<int>(col)).text);
    ASSERT_NE(e, nullptr) << col;
    EXPECT_EQ(e->id, cols[col]);
  }
  EXPECT_EQ(items->at(1, 0).text, "食品经营许可");
  EXPECT_EQ(items->at(1, 1).type, CellType::String);
  EXPECT_EQ(items->at(1, 1).text, "1301010001000");
  EXPECT_EQ(items->row_count(), 4);  // header + 3 items; formatted blank rows are empty
  const Sheet* info = wb->find(kInfoSheet);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->at(0, 0).text, "填报单位");
  EXPECT_EQ(info->at(0, 1).text, "县市场监督管理局");
  for (const SubTableInfo* s : {&materials_table(), &process_table(), &fees_table(), &faq_table()}) {
    const Sheet* sheet = wb->find(s->sheet);
    ASSERT_NE(sheet, nullptr) << s->sheet;
    for (size_t col = 0; col < s->columns.size(); ++col)
      EXPECT_EQ(normalize_header(sheet->at(0, static_cast<int>(col)).text), s->columns[col].label);
  }
  const Sheet* codes = wb->find("代码表");
  ASSERT_NE(codes, nullptr);
  EXPECT_TRUE(codes->hidden);
}

}  // namespace
}  // namespace qd
