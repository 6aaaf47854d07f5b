#include "ingest/department_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace qd {
namespace {

// A string cell.
Cell S(std::string text) { return Cell{CellType::String, std::move(text), 0, false}; }
// A number cell.
Cell N(double v, std::string text) { return Cell{CellType::Number, std::move(text), v, false}; }

// A minimal department workbook: a title row, a header row, two items, and
// a material sheet with one row for a missing item.
Workbook sample() {
  Workbook wb;
  wb.path = "departments/县民政局.xlsx";
  Sheet info{"填报信息", {{S("填报单位"), S("县民政局")}, {S("报送日期"), S("2017年8月30日")}}, {}, false};
  Sheet items;
  items.name = "实施清单";
  items.rows = {
      {S("涿鹿县民政局政务服务事项实施清单")},
      {S("事项名称*"), S("事项类型（必填）"), S("咨询电话"), S("设定依据"), S("备用列")},
      {S("最低生活保障对象认定"), S("行政确认"), S("0313-6521234"), S("《社会救助暂行办法》第九条"), S("x")},
      {},
      {S("临时救助对象认定"), S("07"), N(3136521234, "3136521234"), S(""), S("")},
  };
  Sheet materials;
  materials.name = "申请材料";
  materials.rows = {
      {S("事项名称"), S("材料名称"), S("材料类型"), S("材料形式"), S("来源渠道"), S("是否必需")},
      {S("最低生活保障对象认定"), S("申请书"), S("原件"), S("纸质"), S("申请人自备"), S("必需")},
      {S("最低生活保障对象认定"), S("户口簿"), S("原件和复印件"), S("纸质"), S("政府部门核发"), S("必需")},
      {S("不存在的事项"), S("身份证"), S("原件"), S("纸质"), S("申请人自备"), S("必需")},
  };
  Sheet steps;
  steps.name = "办理流程";
  steps.rows = {{S("事项名称"), S("序号"), S("环节名称")},
                {S("临时救助对象认定"), N(1, "1"), S("受理")}};
  wb.sheets = {info, items, materials, steps};
  return wb;
}

// The findings of one rule.
std::vector<Finding> with_rule(const Catalog& c, std::string_view rule) {
  std::vector<Finding> out;
  for (const Finding& f : c.findings)
    if (f.rule == rule) out.push_back(f);
  return out;
}

TEST(DepartmentReader, ReadsItemsBelowATitleRowSkippingEmptyRows) {
  Catalog c;
  read_department(sample(), "departments/县民政局.xlsx", "县民政局", c);
  ASSERT_EQ(c.items.size(), 2u);
  const Item& a = c.items[0];
  EXPECT_EQ(a.department, "县民政局");
  EXPECT_EQ(a.get(El::Type), "行政确认");
  EXPECT_EQ(a.field(El::Basis).at.str(), "departments/县民政局.xlsx:实施清单!D3");
  EXPECT_EQ(a.at.cell, "A3");
  EXPECT_EQ(c.items[1].at.cell, "A5");
  ASSERT_EQ(a.materials.size(), 2u);
  EXPECT_EQ(a.materials[1].source.text, "政府部门核发");
  EXPECT_EQ(a.materials[1].at.cell, "B3");
  ASSERT_EQ(c.items[1].steps.size(), 1u);
  EXPECT_EQ(c.items[1].steps[0].seq.text, "1");
}

TEST(DepartmentReader, ReadsTheSubmissionBlock) {
  Catalog c;
  read_department(sample(), "f.xlsx", "fallback", c);
  ASSERT_EQ(c.submissions.size(), 1u);
  EXPECT_EQ(c.submissions[0].department, "县民政局");
  EXPECT_EQ(c.submissions[0].date.iso(), "2017-08-30");
  EXPECT_TRUE(c.submissions[0].readable);
}

TEST(DepartmentReader, ReportsFormProblemsAtTheirCells) {
  Catalog c;
  read_department(sample(), "f.xlsx", "县民政局", c);
  auto orphans = with_rule(c, "ORPHAN-ROW");
  ASSERT_EQ(orphans.size(), 1u);
  EXPECT_EQ(orphans[0].at.str(), "f.xlsx:申请材料!A4");
  // The row itself is kept, cell by cell, for the department's returned form.
  ASSERT_EQ(c.loose_rows.size(), 1u);
  const LooseRow& loose = c.loose_rows[0];
  EXPECT_EQ(loose.department, "县民政局");
  EXPECT_EQ(loose.table, &materials_table());
  ASSERT_EQ(loose.cells.size(), materials_table().columns.size());
  EXPECT_EQ(loose.cells[0].at.str(), "f.xlsx:申请材料!A4");
  EXPECT_EQ(loose.cells[0].text, "不存在的事项");
  for (size_t k = 0; k < loose.cells.size(); ++k)
    if (materials_table().columns[k].key == "title") {
      EXPECT_EQ(loose.cells[k].text, "身份证");
      EXPECT_EQ(loose.cells[k].at.cell, "B4");
    }
  auto numbers = with_rule(c, "NUMBER-AS-CODE");
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].at.cell, "C5");
  EXPECT_EQ(c.items[1].errors, 1);
  auto unknown = with_rule(c, "COLUMN-UNKNOWN");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].at.cell, "E2");
  // 实施主体, 受理条件 … are missing columns: one error each, at the header row.
  auto missing = with_rule(c, "COLUMN-MISSING");
  EXPECT_GT(missing.size(), 10u);
  EXPECT_EQ(missing[0].at.cell, "A2");
}

TEST(DepartmentReader, CountsMayBeNumbersAndIntactCodesOnlyWarn) {
  Workbook wb;
  Sheet items;
  items.name = "实施清单";
  items.rows = {{S("事项名称"), S("到办事现场次数"), S("咨询电话"), S("监督投诉电话"), S("实施主体编码")},
                {S("最低生活保障对象认定"), N(1, "1"), N(13831312345, "13831312345"),
                 N(3136521234, "3136521234"), N(1.1130731402547302e+17, "1.1130731402547302e+17")}};
  wb.sheets = {items};
  Catalog c;
  read_department(wb, "f.xlsx", "县民政局", c);
  ASSERT_EQ(c.items.size(), 1u);
  EXPECT_EQ(c.items[0].get(El::Visits), "1");
  std::vector<std::string> got;
  for (const Finding& f : with_rule(c, "NUMBER-AS-CODE"))
    got.push_back(f.at.cell + " " + std::string(severity_id(f.severity)));
  std::sort(got.begin(), got.end());
  // B2 (到办事现场次数 1) is no finding; the mobile number lost nothing.
  EXPECT_EQ(got, (std::vector<std::string>{"C2 warning", "D2 error", "E2 error"}));
  EXPECT_EQ(c.items[0].errors, 2);
  EXPECT_EQ(c.items[0].warnings, 1);
}

TEST(DepartmentReader, AWorkbookOfASubordinateUnitBelongsToItsDepartment) {
  // No 填报信息: the department is the 实施主体 of the first row, here a
  // unit registered under 区人力资源和社会保障局.
  Workbook wb;
  Sheet items;
  items.name = "实施清单";
  items.rows = {{S("事项名称"), S("实施主体")}, {S("失业保险金申领"), S("区就业服务管理局")}};
  wb.sheets = {items};
  Catalog c;
  c.settings.departments.push_back({"区人力资源和社会保障局", "人社局", "11440232MB2D06811W", "05",
                                    {{"区就业服务管理局", "12440232MB2D06811R"}}});
  read_department(wb, "f.xlsx", "f", c);
  ASSERT_EQ(c.items.size(), 1u);
  EXPECT_EQ(c.items[0].department, "区人力资源和社会保障局");
  EXPECT_EQ(c.submissions[0].department, "区人力资源和社会保障局");
  EXPECT_FALSE(c.submissions[0].date.valid());
}

// A workbook whose 实施清单 gives 临时救助对象认定 twice (rows 2 and 4), with
// the sub-table sheets given as `materials`, `steps` and `faqs` (header
// rows included).
Workbook twice(std::vector<std::vector<Cell>> materials, std::vector<std::vector<Cell>> steps,
               std::vector<std::vector<Cell>> faqs) {
  Workbook wb;
  Sheet items;
  items.name = "实施清单";
  items.rows = {{S("事项名称"), S("承诺办结时限")},
                {S("临时救助对象认定"), S("5个工作日")},
                {S("最低生活保障对象认定"), S("20个工作日")},
                {S("临时救助对象认定"), S("3个工作日")}};
  wb.sheets = {items, Sheet{"申请材料", std::move(materials), {}, false},
               Sheet{"办理流程", std::move(steps), {}, false},
               Sheet{"常见问题", std::move(faqs), {}, false}};
  return wb;
}

// The titles of an item's materials, joined by "|".
std::string titles(const Item& item) {
  std::string out;
  for (const Material& m : item.materials) out += (out.empty() ? "" : "|") + m.title.text;
  return out;
}

TEST(DepartmentReader, ANameGivenTwiceTakesItsSubRowsBlockByBlock) {
  // Materials: the name's rows break off (rows 2-3, then 5-6); steps: one
  // run whose 序号 starts again; questions: no 序号, two runs.
  Workbook wb = twice(
      {{S("事项名称"), S("序号"), S("材料名称")},
       {S("临时救助对象认定"), S("1"), S("申请表")},
       {S("临时救助对象认定"), S("2"), S("户口簿")},
       {S("最低生活保障对象认定"), S("1"), S("申请书")},
       {S("临时救助对象认定"), S("1"), S("申请表")},
       {S("临时救助对象认定"), S("2"), S("居民身份证")}},
      {{S("事项名称"), S("序号"), S("环节名称")},
       {S("临时救助对象认定"), N(1, "1"), S("受理")},
       {S("临时救助对象认定"), N(2, "2"), S("办结")},
       {S("临时救助对象认定"), N(1, "1"), S("受理")},
       {S("临时救助对象认定"), N(2, "2"), S("审批")},
       {S("临时救助对象认定"), N(3, "3"), S("办结")}},
      {{S("事项名称"), S("问题"), S("解答")},
       {S("临时救助对象认定"), S("谁可以申请？"), S("本县居民。")},
       {S("最低生活保障对象认定"), S("多久办结？"), S("20个工作日。")},
       {S("临时救助对象认定"), S("要交费吗？"), S("不收费。")}});
  Catalog c;
  read_department(wb, "f.xlsx", "县民政局", c);
  ASSERT_EQ(c.items.size(), 3u);
  EXPECT_EQ(titles(c.items[0]), "申请表|户口簿");
  EXPECT_EQ(titles(c.items[1]), "申请书");
  EXPECT_EQ(titles(c.items[2]), "申请表|居民身份证");
  EXPECT_EQ(c.items[2].materials[1].at.str(), "f.xlsx:申请材料!C6");
  ASSERT_EQ(c.items[0].steps.size(), 2u);
  ASSERT_EQ(c.items[2].steps.size(), 3u);
  EXPECT_EQ(c.items[2].steps[1].step.text, "审批");
  ASSERT_EQ(c.items[0].faqs.size(), 1u);
  EXPECT_EQ(c.items[0].faqs[0].question.text, "谁可以申请？");
  ASSERT_EQ(c.items[2].faqs.size(), 1u);
  EXPECT_EQ(c.items[2].faqs[0].question.text, "要交费吗？");
  EXPECT_TRUE(with_rule(c, "ORPHAN-ROW").empty());
}

TEST(DepartmentReader, ANameGivenTwiceWithBlocksThatDoNotMatchTakesEveryRowOnce) {
  // Three blocks for two item rows: which block is whose cannot be told, so
  // both rows take every material, each only once.
  Workbook wb = twice({{S("事项名称"), S("序号"), S("材料名称")},
                       {S("临时救助对象认定"), S("1"), S("申请表")},
                       {S("临时救助对象认定"), S("2"), S("户口簿")},
                       {S("临时救助对象认定"), S("1"), S("申请表")},
                       {S("临时救助对象认定"), S("2"), S("户口簿")},
                       {S("临时救助对象认定"), S("1"), S("申请表")},
                       {S("临时救助对象认定"), S("2"), S("居民身份证")}},
                      {{S("事项名称"), S("序号"), S("环节名称")}}, {{S("事项名称"), S("问题")}});
  Catalog c;
  read_department(wb, "f.xlsx", "县民政局", c);
  ASSERT_EQ(c.items.size(), 3u);
  EXPECT_EQ(titles(c.items[0]), "申请表|户口簿|居民身份证");
  EXPECT_EQ(titles(c.items[2]), "申请表|户口簿|居民身份证");
  EXPECT_TRUE(c.items[1].materials.empty());
}

TEST(DepartmentReader, MissingItemSheetIsOneError) {
  Workbook wb;
  wb.sheets.push_back(Sheet{"Sheet1", {{S("x")}}, {}, false});
  Catalog c;
  read_department(wb, "f.xlsx", "县民政局", c);
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].rule, "SHEET-MISSING");
  EXPECT_EQ(c.submissions[0].department, "县民政局");
}

}  // namespace
}  // namespace qd
