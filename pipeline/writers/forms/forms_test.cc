#include "writers/forms/forms.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "writers/forms/code_sheet.h"
#include "writers/forms/department_form.h"
#include "support/testing.h"

namespace qd {
namespace {

namespace t = qd::testing;

// Writes the forms of the sample catalog into a fresh folder.
std::string write_sample(std::string_view name, std::vector<std::string>* written = nullptr) {
  Catalog c = t::sample_catalog();
  std::string dir = t::fresh_dir(name);
  Status s = write_forms(c, OutputContext{dir, "", c.build_date}, written);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().str());
  return dir;
}

// The column letter of `label` in row 1 of a dumped sheet ("" if none).
std::string column_of(const nlohmann::json& sheet, std::string_view label) {
  for (int c = 0; c < 60; ++c)
    if (t::cell(sheet, column_name(c) + "1") == label) return column_name(c);
  return "";
}

TEST(Forms, OnePerRegisteredDepartment) {
  std::vector<std::string> written;
  std::string dir = write_sample("forms_files", &written);
  EXPECT_EQ(written, (std::vector<std::string>{
                         "forms/县市场监督管理局.xlsx", "forms/县人力资源和社会保障局.xlsx",
                         "forms/涿鹿县县城规划建设管理与市政公用事业综合服务保障中心临时办公室协调组.xlsx"}));
  for (const auto& w : written) EXPECT_TRUE(std::filesystem::exists(dir + "/" + w)) << w;
}

TEST(Forms, CodeSheetRanges) {
  CodeSheet codes;
  EXPECT_EQ(codes.range(&item_types()), "=代码表!$A$2:$A$12");
  EXPECT_EQ(codes.range(&levels()), "=代码表!$B$2:$B$8");
  EXPECT_NE(codes.range(&material_needs()), "");
  EXPECT_EQ(code_table_title(item_types()), "事项类型");
}

TEST(Forms, ReadsBackWithLockedCodesAndDropDowns) {
  std::string dir = write_sample("forms_read");
  auto dump = t::dump_xlsx(dir + "/forms/县人力资源和社会保障局.xlsx");
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  EXPECT_EQ(t::sheet_names(*dump),
            (std::vector<std::string>{"填写说明", "填报信息", "实施清单", "申请材料", "办理流程",
                                      "收费项目", "常见问题", "代码表"}));
  EXPECT_EQ(t::sheet(*dump, "代码表")["state"], "hidden");
  EXPECT_EQ(t::sheet(*dump, "实施清单")["state"], "visible");

  const auto& info = t::sheet(*dump, "填报信息");
  EXPECT_EQ(t::cell(info, "A1"), "填报单位");
  EXPECT_EQ(t::cell(info, "B1"), "县人力资源和社会保障局");
  EXPECT_EQ(t::cell(info, "A4"), "报送日期");
  EXPECT_EQ(info["formats"]["B3"], "@");
  EXPECT_EQ(info["formats"]["B4"], "yyyy-mm-dd");

  const auto& s = t::sheet(*dump, "实施清单");
  EXPECT_TRUE(s["protected"].get<bool>());
  // Header: every non-sub-table element, required ones starred.
  std::vector<El> cols = form_elements();
  EXPECT_EQ(cols.size(), static_cast<size_t>(kElementCount - 2));
  EXPECT_EQ(t::cell(s, "A1"), "事项名称*");
  EXPECT_EQ(t::cell(s, "B1"), "基本编码");
  EXPECT_EQ(t::cell(s, "C1"), "实施编码");
  EXPECT_EQ(column_of(s, "事项类型*"), "D");
  EXPECT_EQ(column_of(s, "办理申请材料"), "");
  EXPECT_NE(column_of(s, "是否支持预约办理"), "");
  for (size_t c = 0; c < cols.size(); ++c)
    EXPECT_EQ(normalize_header(t::cell(s, column_name(static_cast<int>(c)) + "1")),
              element(cols[c]).label);
  // Prefilled: the department's items that are not retired, in input order.
  EXPECT_EQ(t::cell(s, "A2"), "失业保险金申领");
  EXPECT_EQ(t::cell(s, "A3"), "就业失业登记");
  EXPECT_EQ(t::cell(s, "A4"), "职业技能鉴定");  // pending: still the department's
  EXPECT_EQ(t::cell(s, "A5"), "");              // retired 企业职工退休审批 left out
  EXPECT_EQ(t::cell(s, "B2"), "1302010001000");
  EXPECT_EQ(t::cell(s, "D2"), "行政给付");
  // Locks: code columns locked, others unlocked, on prefilled rows and, by
  // the columns' format, on the blank rows (which have no cells of their own).
  EXPECT_TRUE(s["locked"]["B2"].get<bool>());
  EXPECT_TRUE(s["locked"]["C3"].get<bool>());
  EXPECT_FALSE(s["locked"]["A2"].get<bool>());
  EXPECT_FALSE(s["locked"]["D3"].get<bool>());
  EXPECT_FALSE(s["locked"].contains("A300"));
  EXPECT_TRUE(s["columns"]["B"]["locked"].get<bool>());
  EXPECT_TRUE(s["columns"]["C"]["locked"].get<bool>());
  EXPECT_FALSE(s["columns"]["A"]["locked"].get<bool>());
  EXPECT_FALSE(s["columns"]["D"]["locked"].get<bool>());
  // Code and phone columns are text-typed, prefilled and blank rows alike.
  std::string phone = column_of(s, "咨询电话*");
  EXPECT_EQ(s["formats"][phone + "2"], "@");
  EXPECT_EQ(s["columns"][phone]["format"], "@");
  EXPECT_EQ(s["columns"]["C"]["format"], "@");
  EXPECT_EQ(s["columns"]["D"]["format"], "General");
  // Every column of every fill-in sheet is bordered, blank rows included.
  for (const char* name : {"实施清单", "申请材料", "办理流程", "收费项目", "常见问题"}) {
    const auto& sh = t::sheet(*dump, name);
    ASSERT_FALSE(sh["columns"].empty()) << name;
    for (const auto& [col, f] : sh["columns"].items()) {
      EXPECT_EQ(f["border"], "thin") << name << " " << col;
      if (std::string(name) != "实施清单") {
        EXPECT_FALSE(f["locked"].get<bool>()) << name << " " << col;
      }
    }
  }
  EXPECT_EQ(s["freeze"], "B2");

  // Drop-downs refer to the hidden sheet; multi-valued ones only inform.
  std::map<std::string, nlohmann::json> lists;
  for (const auto& dv : s["validations"])
    if (dv["type"] == "list") lists[dv["sqref"].get<std::string>()] = dv;
  EXPECT_EQ(lists["D2:D501"]["formula1"], "代码表!$A$2:$A$12");
  EXPECT_EQ(lists["D2:D501"]["errorStyle"], nullptr);  // "stop" is the default
  std::string audience = column_of(s, "服务对象*");
  ASSERT_TRUE(lists.count(audience + "2:" + audience + "501"));
  EXPECT_EQ(lists[audience + "2:" + audience + "501"]["errorStyle"], "information");
  int coded = 0;
  for (El e : cols) coded += element(e).table != nullptr;
  EXPECT_EQ(static_cast<int>(lists.size()), coded);
  for (const auto& [ref, dv] : lists)
    EXPECT_TRUE(dv["formula1"].get<std::string>().starts_with("代码表!$")) << ref;

  const auto& code = t::sheet(*dump, "代码表");
  EXPECT_EQ(t::cell(code, "A1"), "事项类型");
  EXPECT_EQ(t::cell(code, "A2"), "行政许可");
  EXPECT_EQ(t::cell(code, "A12"), "公共服务");

  const auto& m = t::sheet(*dump, "申请材料");
  EXPECT_EQ(t::cell(m, "A1"), "事项名称*");
  EXPECT_EQ(t::cell(m, "C1"), "材料名称*");
  EXPECT_EQ(t::cell(m, "A2"), "失业保险金申领");
  EXPECT_EQ(t::cell(m, "C2"), "失业保险金申领申请书");
  EXPECT_EQ(t::cell(m, "D3"), "复印件");
  const auto& p = t::sheet(*dump, "办理流程");
  EXPECT_EQ(t::cell(p, "C2"), "受理");
  const auto& q = t::sheet(*dump, "常见问题");
  EXPECT_EQ(t::cell(q, "B1"), "问题*");
  EXPECT_EQ(t::cell(q, "B2"), "办理失业保险金申领需要多长时间？");

  const auto& help = t::sheet(*dump, "填写说明");
  std::string all;
  for (const auto& [ref, v] : help["cells"].items())
    if (v.is_string()) all += v.get<std::string>() + "\n";
  EXPECT_NE(all.find("2017年8月31日"), std::string::npos);
  EXPECT_NE(all.find("已锁定"), std::string::npos);
  EXPECT_NE(all.find(item_types().labels()), std::string::npos);
  EXPECT_NE(all.find("31位；新增事项留空，由系统赋码"), std::string::npos);
}

// Every sheet is protected (no password) with its header row locked and its
// input cells unlocked, and prints readably: paper, landscape, the header
// row on every page, one page wide or in bands at 六号 or larger.
TEST(Forms, EverySheetIsProtectedAndPrintsReadably) {
  std::string dir = write_sample("forms_protect");
  auto dump = t::dump_xlsx(dir + "/forms/县人力资源和社会保障局.xlsx");
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  for (const auto& sh : (*dump)["sheets"]) {
    const std::string name = sh["name"];
    EXPECT_TRUE(sh["protected"].get<bool>()) << name;
    if (name == "代码表") continue;  // hidden: not printed
    EXPECT_TRUE(sh["paper"] == 8 || sh["paper"] == 9) << name;
    if (name != "填报信息") {
      EXPECT_EQ(sh["orientation"], "landscape") << name;
    }
    if (sh["fit_to_page"].get<bool>()) {
      EXPECT_TRUE(sh["fit_width"].is_null() || sh["fit_width"] == 1) << name;  // 1 is the default
      EXPECT_EQ(sh["fit_height"], 0) << name;
    } else if (name != "填报信息") {
      const int scale = sh["scale"].is_null() ? 100 : sh["scale"].get<int>();  // 100 is not written
      EXPECT_GE(scale * 11 / 100.0, 7.5) << name;
      EXPECT_FALSE(sh["col_breaks"].empty()) << name;
    }
  }
  for (const char* name : {"实施清单", "申请材料", "办理流程", "收费项目", "常见问题"}) {
    const auto& sh = t::sheet(*dump, name);
    EXPECT_EQ(sh["print_title_rows"], "$1:$1") << name;
    EXPECT_TRUE(sh["locked"]["A1"].get<bool>()) << name;   // the header
    EXPECT_TRUE(sh["locked"]["B1"].get<bool>()) << name;
    EXPECT_FALSE(sh["columns"]["A"]["locked"].get<bool>()) << name;  // input cells, blank rows too
  }
  EXPECT_FALSE(t::sheet(*dump, "申请材料")["locked"]["A2"].get<bool>());
  EXPECT_FALSE(t::sheet(*dump, "实施清单")["locked"]["A2"].get<bool>());
  // The item sheet's 36 columns print in bands, each with 事项名称.
  const auto& items = t::sheet(*dump, "实施清单");
  EXPECT_FALSE(items["fit_to_page"].get<bool>());
  EXPECT_EQ(items["print_title_cols"], "$A:$A");
  EXPECT_EQ(items["page_order"], "overThenDown");
  const auto& info = t::sheet(*dump, "填报信息");
  EXPECT_TRUE(info["locked"]["A1"].get<bool>());
  EXPECT_FALSE(info["locked"]["B2"].get<bool>());
}

TEST(Forms, SameCatalogSameBytes) {
  std::string a = write_sample("forms_det_a"), b = write_sample("forms_det_b");
  std::string f = "/forms/县市场监督管理局.xlsx";
  EXPECT_FALSE(t::slurp(a + f).empty());
  EXPECT_TRUE(t::slurp(a + f) == t::slurp(b + f));
}

TEST(Forms, PrintsWithLibreOffice) {
  std::string dir = write_sample("forms_pdf");
  auto pdf = t::to_pdf(dir + "/forms/县市场监督管理局.xlsx", dir);
  ASSERT_TRUE(pdf.ok()) << pdf.error().str();
  std::string text = t::pdf_text(*pdf);
  EXPECT_NE(text.find("食品经营许可"), std::string::npos);
  EXPECT_NE(text.find("填写说明"), std::string::npos);
  // Read back from the PDF: no text smaller than 六号.
  std::string sizes;
  ASSERT_EQ(t::run("/usr/bin/python3 " QD_SOURCE_DIR "/tests/tools/pdf_text_sizes.py '" + *pdf + "'", &sizes), 0);
  auto j = nlohmann::json::parse(sizes, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << sizes;
  EXPECT_GE(j.begin().value()["min"].get<double>(), 7.5) << sizes;
}

}  // namespace
}  // namespace qd
