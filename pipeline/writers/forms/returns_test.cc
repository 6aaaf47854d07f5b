// The returned forms (退回修改) on a submission laid out unlike the form: a
// title row above the header, the columns in reverse order, sub-table rows
// of two items interleaved, a sub-table sheet with only some of its
// columns, a row naming no item. Every finding must land on the cell that
// holds its value, and the workbook must read back as the submission.
#include "writers/forms/returns.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/department_reader.h"
#include "model/display.h"
#include "model/returns.h"
#include "spreadsheet_reader/xlsx_reader.h"
#include "support/testing.h"
#include "writers/forms/department_form.h"
#include "writers/forms/returned_form.h"

namespace qd {
namespace {

namespace t = qd::testing;

constexpr const char* kFile = "departments/县民政局.xlsx";
constexpr const char* kDept = "县民政局";

Cell S(std::string text) { return Cell{CellType::String, std::move(text), 0, false}; }

// The value the submission gives element `e` of item `n`.
std::string value(El e, int n) {
  if (e == El::Name) return std::vector<std::string>{"最低生活保障对象认定", "临时救助对象认定", "特困人员认定"}[n];
  if (e == El::BasicCode || e == El::ImplCode) return "";
  return std::string(element(e).label) + std::to_string(n + 1);
}

// The submission: 填报信息, 实施清单 below a title with the columns reversed
// and an unknown one, 申请材料 with three of its columns (事项名称 second)
// and rows of two items interleaved, one of them naming no item.
Workbook submission() {
  Workbook wb;
  wb.path = kFile;
  wb.sheets.push_back(Sheet{"填报信息",
                            {{S("填报单位"), S(kDept)},
                             {S("填报人"), S("张三")},
                             {S("联系电话"), S("0313-6521234")},
                             {S("报送日期"), S("2017-08-30")}},
                            {},
                            false});
  Sheet items;
  items.name = "实施清单";
  std::vector<El> cols = form_elements();
  std::reverse(cols.begin(), cols.end());
  items.rows.push_back({S(std::string(kDept) + "政务服务事项实施清单")});
  std::vector<Cell> header;
  for (El e : cols) header.push_back(S(form_header(element(e))));
  header.push_back(S("备用列"));
  items.rows.push_back(header);
  for (int n = 0; n < 3; ++n) {
    std::vector<Cell> row;
    for (El e : cols) row.push_back(value(e, n).empty() ? Cell{} : S(value(e, n)));
    items.rows.push_back(row);
    if (n == 1) items.rows.push_back({});  // an empty row, skipped
  }
  wb.sheets.push_back(items);
  Sheet m;
  m.name = "申请材料";
  m.rows = {{S("材料名称"), S("事项名称"), S("来源渠道")},
            {S("申请书"), S(value(El::Name, 0)), S("申请人自备")},
            {S("身份证"), S(value(El::Name, 1)), S("政府部门核发")},
            {S("户口簿"), S(value(El::Name, 0)), S("政府部门核发")},
            {S("收入证明"), S("低保认定"), S("其他")}};
  wb.sheets.push_back(m);
  return wb;
}

// The catalog read from the submission, with findings at its values' cells
// (and one of another department), a decision returning 临时救助对象认定.
Catalog county() {
  Catalog c = t::sample_catalog();
  c.items.clear();
  c.findings.clear();
  c.submissions.clear();
  c.settings.departments.push_back({kDept, "民政局", "11130731MB0456789A", "04"});
  read_department(submission(), kFile, kDept, c);
  c.decisions.reserve(4);
  Decision d;
  d.department = kDept;
  d.item = value(El::Name, 1);
  d.verdict = "退回";
  d.opinion = "认定条件与《社会救助暂行办法》不一致";
  d.unit = "法制办";
  d.date = Date{2017, 9, 8};
  d.at = Place{"review/法制办审核意见.xlsx", "审核意见", "A5"};
  c.decisions.push_back(d);
  c.items[1].decision = &c.decisions.back();
  auto add = [&](Place at, std::string rule, Severity s, std::string msg, const Item* it, std::string dept) {
    Finding f;
    f.at = std::move(at);
    f.rule = std::move(rule);
    f.severity = s;
    f.message = std::move(msg);
    f.department = std::move(dept);
    if (it) f.item = it->get(El::Name);
    c.findings.push_back(std::move(f));
  };
  const Item& a = c.items[0];
  const Item& b = c.items[1];
  add(b.field(El::ConsultPhone).at, "PHONE", Severity::Error, "咨询电话缺区号", &b, kDept);
  add(a.field(El::Basis).at, "BASIS-FORM", Severity::Warning, "设定依据未写明条款", &a, kDept);
  add(a.materials[1].source.at, "MATERIAL-SHARED", Severity::Hint, "建议通过数据共享获取", &a, kDept);
  add(c.submissions[0].date_at, "SUBMISSION-LATE", Severity::Report, "逾期报送", nullptr, kDept);
  add(Place{"reference/权力清单.xlsx", "权力清单", "B9"}, "POWER-OMITTED", Severity::Error,
      "权力清单中的“孤儿认定”本部门没有报送", nullptr, "民政局");
  add(Place{"departments/县市场监督管理局.xlsx", "实施清单", "B2"}, "MATERIAL-SHARED", Severity::Hint,
      "别的部门的问题", nullptr, "县市场监督管理局");
  c.sort_findings();
  return c;
}

// The return of 县民政局.
DepartmentReturn dept_return(const Catalog& c) {
  return department_return(c, c.settings.departments.back());
}

// Writes the returned forms of `c` into a fresh folder.
std::string write(const Catalog& c, std::string_view name, std::vector<std::string>* written = nullptr) {
  std::string dir = t::fresh_dir(name);
  Status s = write_returns(c, OutputContext{dir, "", c.build_date}, written);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().str());
  return dir;
}

// The form's column letter of element `e`.
std::string col(El e) {
  const auto cols = form_elements();
  return column_name(static_cast<int>(std::find(cols.begin(), cols.end(), e) - cols.begin()));
}

TEST(ReturnedForm, EveryFindingAtTheCellThatHoldsItsValue) {
  Catalog c = county();
  ReturnedForm form = returned_form(c, dept_return(c));
  std::map<std::string, std::string> at;  // rule → "sheet!cell"
  for (const ReturnNote& n : form.notes)
    at[n.source] = n.cell ? n.cell->sheet + "!" + cell_ref(n.cell->row, n.cell->col) : "无";
  // Items in submitted order from row 2: 临时救助对象认定 is row 3.
  EXPECT_EQ(at["PHONE"], "实施清单!" + col(El::ConsultPhone) + "3");
  EXPECT_EQ(at["BASIS-FORM"], "实施清单!" + col(El::Basis) + "2");
  // 申请材料 in submitted order: 申请书, 身份证, 户口簿, 收入证明; columns of the form.
  EXPECT_EQ(at["MATERIAL-SHARED"], "申请材料!H4");
  EXPECT_EQ(at["ORPHAN-ROW"], "申请材料!A5");
  EXPECT_EQ(at["SUBMISSION-LATE"], "填报信息!B4");
  EXPECT_EQ(at["法制办 2017-09-08"], "实施清单!A3");
  // No cell: a column the form does not have, columns the submission
  // lacks, an item not submitted.
  EXPECT_EQ(at["COLUMN-UNKNOWN"], "无");
  EXPECT_EQ(at["COLUMN-MISSING"], "无");
  EXPECT_EQ(at["POWER-OMITTED"], "无");
  for (const ReturnNote& n : form.notes) EXPECT_NE(n.message, "别的部门的问题");
  EXPECT_EQ(form.notes.size(), 11u);
  // What is to be corrected first, problems of no cell before the others,
  // then by sheet and cell; hints and reports last.
  std::vector<std::string> order;
  for (const ReturnNote& n : form.notes) order.push_back(n.source);
  EXPECT_EQ(order, (std::vector<std::string>{"COLUMN-UNKNOWN", "COLUMN-MISSING", "COLUMN-MISSING",
                                             "COLUMN-MISSING", "POWER-OMITTED", "BASIS-FORM",
                                             "法制办 2017-09-08", "PHONE", "ORPHAN-ROW", "SUBMISSION-LATE",
                                             "MATERIAL-SHARED"}));
  // PHONE, ORPHAN-ROW, POWER-OMITTED, 3 × COLUMN-MISSING (申请材料).
  EXPECT_EQ(form.errors, 6);
  EXPECT_EQ(form.decisions, 1);
}

TEST(ReturnedForm, CommentsAndColoursOnTheValuesAndALinkToEach) {
  Catalog c = county();
  std::vector<std::string> written;
  std::string dir = write(c, "returns_cells", &written);
  ASSERT_EQ(written, std::vector<std::string>{"returns/县民政局.xlsx"});
  auto dump = t::dump_xlsx(dir + "/" + written[0]);
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  EXPECT_EQ(t::sheet_names(*dump),
            (std::vector<std::string>{"审核意见", "填写说明", "填报信息", "实施清单", "申请材料", "办理流程",
                                      "收费项目", "常见问题", "代码表"}));
  const auto& items = t::sheet(*dump, "实施清单");
  EXPECT_TRUE(items["protected"].get<bool>());
  const Item& b = c.items[1];
  // The flagged cell holds the flagged value, in the error's red, with the
  // rule and the message in its comment.
  const std::string phone = col(El::ConsultPhone) + "3";
  EXPECT_EQ(t::cell(items, phone), b.get(El::ConsultPhone));
  EXPECT_EQ(items["fills"][phone], "FFC7CE");
  const std::string comment = items["comments"][phone];
  EXPECT_NE(comment.find("【错误】PHONE"), std::string::npos) << comment;
  EXPECT_NE(comment.find("咨询电话缺区号"), std::string::npos) << comment;
  EXPECT_EQ(items["fills"][col(El::Basis) + "2"], "FFEB9C");
  EXPECT_EQ(t::cell(items, col(El::Basis) + "2"), c.items[0].get(El::Basis));
  // The decision on the item's name.
  EXPECT_EQ(t::cell(items, "A3"), "临时救助对象认定");
  const std::string decision = items["comments"]["A3"];
  EXPECT_NE(decision.find("【退回】法制办 2017-09-08"), std::string::npos) << decision;
  EXPECT_NE(decision.find("认定条件与《社会救助暂行办法》不一致"), std::string::npos);
  EXPECT_EQ(items["fills"]["A3"], "F8CBAD");
  // Every other value where the form puts it, untouched.
  EXPECT_EQ(items["comments"].size(), 3u);
  for (size_t n = 0; n < 3; ++n)
    for (El e : form_elements())
      EXPECT_EQ(t::cell(items, col(e) + std::to_string(n + 2)), display_value(c.items[n], e)) << col(e) << n;
  const auto& m = t::sheet(*dump, "申请材料");
  EXPECT_EQ(t::cell(m, "C2"), "申请书");
  EXPECT_EQ(t::cell(m, "C3"), "身份证");
  EXPECT_EQ(t::cell(m, "A4"), "最低生活保障对象认定");
  EXPECT_EQ(t::cell(m, "C4"), "户口簿");
  EXPECT_EQ(t::cell(m, "H4"), "政府部门核发");
  EXPECT_NE(m["comments"]["H4"].get<std::string>().find("【建议】MATERIAL-SHARED"), std::string::npos);
  EXPECT_FALSE(m["fills"].contains("H4")) << "a hint is a comment, not a colour";
  EXPECT_EQ(t::cell(m, "A5"), "低保认定");
  EXPECT_EQ(t::cell(m, "C5"), "收入证明");
  EXPECT_EQ(m["fills"]["A5"], "FFC7CE");
  const auto& info = t::sheet(*dump, "填报信息");
  EXPECT_EQ(t::cell(info, "B2"), "张三");
  EXPECT_EQ(t::cell(info, "B3"), "0313-6521234");
  EXPECT_EQ(t::cell(info, "B4").substr(0, 10), "2017-08-30");
  EXPECT_NE(info["comments"]["B4"].get<std::string>().find("SUBMISSION-LATE"), std::string::npos);

  // 审核意见: every note with its place, a link to its cell, what to do.
  const auto& notes = t::sheet(*dump, "审核意见");
  EXPECT_EQ(t::cell(notes, "A1"), "县民政局政务服务事项清单 审核意见（退回修改）");
  int header = 0;
  for (int r = 1; r < 12 && !header; ++r)
    if (t::cell(notes, "A" + std::to_string(r)) == "序号") header = r;
  ASSERT_GT(header, 0);
  std::map<std::string, std::string> link_of, todo_of;
  int rows = 0;
  for (int r = header + 1; !t::cell(notes, "C" + std::to_string(r)).empty(); ++r, ++rows) {
    const std::string k = std::to_string(r);
    const std::string source = t::cell(notes, "C" + k);
    EXPECT_EQ(t::cell(notes, "A" + k), std::to_string(rows + 1));
    link_of[source] = notes["links"].contains("E" + k) ? notes["links"]["E" + k].get<std::string>()
                                                        : t::cell(notes, "E" + k);
    todo_of[source] = t::cell(notes, "G" + k);
  }
  EXPECT_EQ(rows, 11);
  EXPECT_EQ(link_of["PHONE"], "'实施清单'!" + phone);
  EXPECT_EQ(link_of["ORPHAN-ROW"], "'申请材料'!A5");
  EXPECT_EQ(link_of["法制办 2017-09-08"], "'实施清单'!A3");
  EXPECT_EQ(link_of["POWER-OMITTED"], "无");
  EXPECT_NE(todo_of["POWER-OMITTED"].find("补报"), std::string::npos);
  EXPECT_NE(todo_of["PHONE"].find("改正标出的单元格"), std::string::npos);
  EXPECT_NE(todo_of["ORPHAN-ROW"].find("事项名称"), std::string::npos);
}

TEST(ReturnedForm, ReadsBackAsTheSubmission) {
  Catalog c = county();
  std::string dir = write(c, "returns_read");
  auto wb = read_xlsx_file(dir + "/returns/县民政局.xlsx");
  ASSERT_TRUE(wb.ok()) << wb.error().str();
  Catalog back = t::sample_catalog();
  back.items.clear();
  back.findings.clear();
  back.submissions.clear();
  back.settings.departments = c.settings.departments;
  read_department(wb.value(), "returns/县民政局.xlsx", "x", back);
  ASSERT_EQ(back.items.size(), 3u);
  for (size_t n = 0; n < 3; ++n) {
    EXPECT_EQ(back.items[n].department, kDept);
    for (const ElementInfo& e : elements())
      EXPECT_EQ(back.items[n].get(e.id), c.items[n].get(e.id)) << e.label << n;
    ASSERT_EQ(back.items[n].materials.size(), c.items[n].materials.size());
    for (size_t k = 0; k < c.items[n].materials.size(); ++k) {
      EXPECT_EQ(back.items[n].materials[k].title.text, c.items[n].materials[k].title.text);
      EXPECT_EQ(back.items[n].materials[k].source.text, c.items[n].materials[k].source.text);
    }
  }
  // The row naming no item comes back as it was, to be corrected.
  ASSERT_EQ(back.loose_rows.size(), 1u);
  EXPECT_EQ(back.loose_rows[0].cells[0].text, "低保认定");
  ASSERT_EQ(back.submissions.size(), 1u);
  EXPECT_EQ(back.submissions[0].filler, "张三");
  EXPECT_EQ(back.submissions[0].date.iso(), "2017-08-30");
  // The comments, colours, links and the 审核意见 sheet add no finding.
  for (const Finding& f : back.findings) EXPECT_EQ(f.rule, "ORPHAN-ROW") << f.at.str() << f.message;
}

TEST(ReturnedForm, OnlyItsOwn) {
  Catalog c = county();
  std::string dir = write(c, "returns_own");
  auto dump = t::dump_xlsx(dir + "/returns/县民政局.xlsx");
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  std::string all = dump->dump();
  for (const char* other : {"县市场监督管理局", "县人力资源和社会保障局", "别的部门的问题", "食品经营许可"})
    EXPECT_EQ(all.find(other), std::string::npos) << other;
  // The other departments have nothing to correct here: no form back.
  EXPECT_FALSE(std::filesystem::exists(dir + "/returns/县市场监督管理局.xlsx"));
}

TEST(ReturnedForm, SameCatalogSameBytesAndADigestOfWhatItPrints) {
  Catalog c = county();
  std::string a = write(c, "returns_det_a"), b = write(c, "returns_det_b");
  const std::string f = "/returns/县民政局.xlsx";
  EXPECT_FALSE(t::slurp(a + f).empty());
  EXPECT_TRUE(t::slurp(a + f) == t::slurp(b + f));

  const DepartmentInfo& dept = c.settings.departments.back();
  auto digest = [&](const Catalog& cat) {
    return returned_form_digest(returned_form(cat, department_return(cat, dept)), dept, "base", f);
  };
  const std::string before = digest(c);
  // Another department's item or finding: the same.
  Catalog other = county();
  for (Finding& x : other.findings)
    if (x.message == "别的部门的问题") x.message = "另一个问题";
  EXPECT_EQ(digest(other), before);
  // A finding, a decision, a value of the submission: another.
  Catalog finding = county();
  for (Finding& x : finding.findings)
    if (x.rule == "PHONE") x.message += "！";
  EXPECT_NE(digest(finding), before);
  Catalog decided = county();
  decided.decisions.back().opinion = "另";
  EXPECT_NE(digest(decided), before);
  Catalog changed = county();
  changed.items[2].field(El::Conditions).text = "新的受理条件";
  EXPECT_NE(digest(changed), before);
}

TEST(Returns, PlanOnePartPerReturnedDepartment) {
  Catalog c = county();
  Digests digests;
  digests.base = "base";
  auto parts = plan_returns(c, OutputContext{"", "", c.build_date}, digests);
  ASSERT_TRUE(parts.ok());
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ(parts->front().id, "returns/县民政局.xlsx");
  EXPECT_EQ(parts->front().department, kDept);
}

}  // namespace
}  // namespace qd
