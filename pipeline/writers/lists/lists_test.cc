#include "writers/lists/lists.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "writers/lists/catalog_list.h"
#include "writers/lists/impl_list.h"
#include "support/testing.h"

namespace qd {
namespace {

namespace t = qd::testing;

// Writes the lists of the sample catalog into a fresh folder.
std::string write_sample(std::string_view name, std::vector<std::string>* written) {
  Catalog c = t::sample_catalog();
  std::string dir = t::fresh_dir(name);
  OutputContext ctx{dir, "", c.build_date};
  Status s = write_lists(c, ctx, written);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().str());
  return dir;
}

TEST(Lists, WritesBothFiles) {
  std::vector<std::string> written;
  std::string dir = write_sample("lists_files", &written);
  EXPECT_EQ(written, (std::vector<std::string>{"lists/目录清单.xlsx", "lists/实施清单.xlsx"}));
  for (const auto& w : written) EXPECT_TRUE(std::filesystem::exists(dir + "/" + w)) << w;
}

TEST(Lists, CatalogListReadsBack) {
  std::string dir = write_sample("lists_catalog", nullptr);
  auto dump = t::dump_xlsx(dir + "/lists/目录清单.xlsx");
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  EXPECT_EQ(t::sheet_names(*dump),
            (std::vector<std::string>{"汇总", "县市场监督管理局", "县人力资源和社会保障局", "规划服务中心"}));
  const auto& sum = t::sheet(*dump, "汇总");
  EXPECT_EQ(t::cell(sum, "A1"), "涿鹿县政务服务事项目录清单（2017年9月30日）");
  EXPECT_EQ(t::cell(sum, "A2"), "部门");
  EXPECT_EQ(t::cell(sum, "H2"), "合计");
  // 市场监管局: 食品经营许可 (行政许可), 个体工商户登记 (07 行政确认); 广告发布登记 rejected.
  EXPECT_EQ(t::cell(sum, "A3"), "县市场监督管理局");
  EXPECT_EQ(t::cell(sum, "B3"), "1");
  EXPECT_EQ(t::cell(sum, "E3"), "1");
  EXPECT_EQ(t::cell(sum, "H3"), "2");
  // 人社局: 失业保险金申领 (行政给付), 就业失业登记 (公共服务); retired and pending absent.
  EXPECT_EQ(t::cell(sum, "D4"), "1");
  EXPECT_EQ(t::cell(sum, "G4"), "1");
  EXPECT_EQ(t::cell(sum, "H4"), "2");
  EXPECT_EQ(t::cell(sum, "H5"), "0");
  EXPECT_EQ(t::cell(sum, "A6"), "合计");
  EXPECT_EQ(t::cell(sum, "H6"), "4");

  const auto& a = t::sheet(*dump, "县市场监督管理局");
  EXPECT_EQ(t::cell(a, "A2"), "序号");
  EXPECT_EQ(t::cell(a, "I2"), "公共服务类别");
  EXPECT_EQ(t::cell(a, "B3"), "食品经营许可");
  EXPECT_EQ(t::cell(a, "C3"), "1301010001000");
  EXPECT_EQ(t::cell(a, "E3"), "行政许可");
  EXPECT_EQ(t::cell(a, "B4"), "个体工商户登记");
  EXPECT_EQ(t::cell(a, "E4"), "行政确认");
  EXPECT_EQ(t::cell(a, "B5"), "");  // 广告发布登记 is not published
  EXPECT_EQ(a["freeze"], "C3");
  EXPECT_EQ(a["autofilter"], "A2:I4");
  EXPECT_EQ(a["print_title_rows"], "$2:$2");
  EXPECT_EQ(a["orientation"], "landscape");
  EXPECT_EQ(a["paper"], 8);
  // The title is printed once, in row 1: not in the page header as well.
  EXPECT_EQ(a["header"], nullptr);
  EXPECT_EQ(a["footer"], "第 &P 页，共 &N 页");
  const auto& b = t::sheet(*dump, "县人力资源和社会保障局");
  EXPECT_EQ(t::cell(b, "I4"), "劳动就业服务");
  EXPECT_EQ(t::cell(t::sheet(*dump, "规划服务中心"), "A3"), "（暂无公布的事项）");
}

TEST(Lists, ImplListReadsBack) {
  std::string dir = write_sample("lists_impl", nullptr);
  auto dump = t::dump_xlsx(dir + "/lists/实施清单.xlsx");
  ASSERT_TRUE(dump.ok()) << dump.error().str();
  EXPECT_EQ(t::sheet_names(*dump),
            (std::vector<std::string>{"汇总", "县市场监督管理局", "县人力资源和社会保障局",
                                      "规划服务中心", "申请材料", "办理流程", "收费项目"}));
  const auto& a = t::sheet(*dump, "县市场监督管理局");
  EXPECT_EQ(t::cell(a, "A2"), "序号");
  // 序号 + the 36 elements in order, then the extensions in use.
  int col = 1;
  for (const ElementInfo& e : elements()) {
    if (static_cast<int>(e.id) > static_cast<int>(El::ComplaintPhone)) break;
    EXPECT_EQ(t::cell(a, column_name(col++) + "2"), e.label);
  }
  EXPECT_EQ(t::cell(a, "AL2"), "公共服务类别");  // used by 就业失业登记
  EXPECT_EQ(t::cell(a, "AM2"), "事项状态");
  EXPECT_EQ(t::cell(a, "AN2"), "");
  EXPECT_EQ(t::cell(a, "B3"), "食品经营许可");
  EXPECT_EQ(t::cell(a, "D3"), "11130731MB0123456X130101000100001");
  EXPECT_EQ(a["types"]["D3"], "s");
  EXPECT_EQ(t::cell(a, "V3"),
            "1. 食品经营许可申请书（原件1份，纸质，申请人自备）\n"
            "2. 营业执照（复印件2份，纸质，政府部门核发，容缺）");
  EXPECT_TRUE(t::cell(a, "W3").starts_with("1. 受理（窗口受理人员，1个工作日）\n2. 审查"));
  for (const auto& [ref, v] : a["cells"].items())
    EXPECT_NE(v, "广告发布登记") << ref;
  // Printed readably: A3 landscape in bands of columns at a fixed scale that
  // sets 11 pt text at 7.5 pt (六号) or larger, each band with 序号, 事项名称,
  // 基本编码 and 实施编码, bands printed across then down; the title once.
  EXPECT_EQ(a["paper"], 8);
  EXPECT_EQ(a["orientation"], "landscape");
  EXPECT_FALSE(a["fit_to_page"].get<bool>());
  EXPECT_GE(a["scale"].get<int>() * 11 / 100.0, 7.5);
  EXPECT_GE(a["col_breaks"].size(), 1u);
  EXPECT_LE(a["col_breaks"].size(), 4u);  // at most five bands
  EXPECT_EQ(a["print_title_cols"], "$A:$D");
  EXPECT_EQ(a["print_title_rows"], "$2:$2");
  EXPECT_EQ(a["page_order"], "overThenDown");
  EXPECT_EQ(a["header"], nullptr);

  const auto& m = t::sheet(*dump, "申请材料");
  EXPECT_EQ(t::cell(m, "A2"), "部门");
  EXPECT_EQ(t::cell(m, "C2"), "实施编码");
  EXPECT_EQ(t::cell(m, "E2"), "材料名称");
  EXPECT_EQ(t::cell(m, "B3"), "食品经营许可");
  EXPECT_EQ(t::cell(m, "E3"), "食品经营许可申请书");
  const auto& f = t::sheet(*dump, "收费项目");
  EXPECT_EQ(t::cell(f, "D3"), "工本费");
  EXPECT_EQ(t::cell(f, "G3"), "是");
}

TEST(Lists, SameCatalogSameBytes) {
  std::string a = write_sample("lists_det_a", nullptr);
  std::string b = write_sample("lists_det_b", nullptr);
  for (const char* f : {"/lists/目录清单.xlsx", "/lists/实施清单.xlsx"}) {
    std::string x = t::slurp(a + f), y = t::slurp(b + f);
    EXPECT_FALSE(x.empty());
    EXPECT_TRUE(x == y) << f;
  }
}

TEST(Lists, PrintsWithLibreOffice) {
  std::string dir = write_sample("lists_pdf", nullptr);
  auto pdf = t::to_pdf(dir + "/lists/实施清单.xlsx", dir);
  ASSERT_TRUE(pdf.ok()) << pdf.error().str();
  std::string text = t::pdf_text(*pdf);
  EXPECT_NE(text.find("食品经营许可"), std::string::npos);
  EXPECT_NE(text.find("第 1 页"), std::string::npos);
  // Read back from the PDF: no text smaller than 六号 (it was 2.4 pt when the
  // 40 columns were fitted to one A3 width), the title printed once.
  std::string sizes;
  ASSERT_EQ(t::run("/usr/bin/python3 " QD_SOURCE_DIR "/tests/tools/pdf_text_sizes.py '" + *pdf + "'", &sizes), 0);
  auto j = nlohmann::json::parse(sizes, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << sizes;
  const auto& r = j.begin().value();
  EXPECT_GE(r["min"].get<double>(), 7.5) << sizes;
  // The department's first page (the sheet after 汇总) shows its title once:
  // in row 1, no longer in the page header too. (Its other bands repeat
  // A1:D1, part of the merged title, clipped: pdftotext still reads it.)
  std::string page;
  ASSERT_EQ(t::run("pdftotext -f 2 -l 2 '" + *pdf + "' -", &page), 0);
  size_t titles = 0;
  for (size_t at = page.find("县市场监督管理局政务服务事项实施清单"); at != std::string::npos;
       at = page.find("县市场监督管理局政务服务事项实施清单", at + 1))
    ++titles;
  EXPECT_EQ(titles, 1u) << page;
}

}  // namespace
}  // namespace qd
