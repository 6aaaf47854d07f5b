// The portal writer: escaping, file names, the open-data field sets, the
// BOM, hostile department names, and same input → same bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "writers/portal/data.h"
#include "writers/portal/favicon.h"
#include "writers/portal/html.h"
#include "writers/portal/portal.h"
#include "writers/writer.h"
#include "support/testing.h"

namespace qd {
namespace {

namespace fs = std::filesystem;

const std::string kSource = QD_SOURCE_DIR;
const Date kDate{2017, 9, 30};

// Every file under `dir` (relative path → bytes).
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = testing::slurp(e.path().string());
  return out;
}

Status write(const Catalog& c, const std::string& dir, std::vector<std::string>* written) {
  OutputContext ctx{dir, kSource + "/templates", kDate, kSource + "/fonts/fonts.toml"};
  return write_portal(c, ctx, written);
}

TEST(PortalHtml, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(portal::escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  EXPECT_EQ(portal::escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(portal::escape("涿鹿县"), "涿鹿县");
  EXPECT_EQ(portal::escape(std::string("a\x01" "b\xEF\xBF\xBE")), "ab");  // not XML/HTML text
  EXPECT_EQ(portal::escape_lines("一\n<二>"), "一<br>&lt;二&gt;");
}

TEST(PortalHtml, UrlSegmentsAndFileNames) {
  EXPECT_EQ(portal::url_segment("涿鹿县 a#b?c/d%.pdf"),
            "%E6%B6%BF%E9%B9%BF%E5%8E%BF%20a%23b%3Fc%2Fd%25.pdf");
  EXPECT_TRUE(safe_url_segment("11130731MB1234567X4000117001000"));
  EXPECT_TRUE(safe_url_segment("01"));
  EXPECT_FALSE(safe_url_segment(""));
  EXPECT_FALSE(safe_url_segment("../x"));
  EXPECT_FALSE(safe_url_segment("a b"));
  EXPECT_EQ(portal::url_path("notices/涿鹿县/a b#.pdf"), "notices/%E6%B6%BF%E9%B9%BF%E5%8E%BF/a%20b%23.pdf");
}

TEST(PortalHtml, FillIsOnePass) {
  EXPECT_EQ(portal::fill("<t>{{a}}</t>{{b}}{{x}}", {{"a", "{{b}}"}, {"b", "B"}}), "<t>{{b}}</t>B{{x}}");
}

TEST(PortalNames, ItemAndDepartmentPaths) {
  Catalog c = testing::sample_catalog();
  for (const Item* it : c.published()) {
    EXPECT_EQ(OutputPaths::item_page(*it), "item/" + it->get(El::ImplCode) + ".html");
  }
  Item bad;
  bad.field(El::ImplCode).text = "../../etc/passwd";
  EXPECT_EQ(OutputPaths::item_page(bad), "");

  Settings s;
  s.departments = {{"甲", "", "", "01"}, {"乙", "", "", "01"}, {"丙", "", "", "../x"},
                   {"丁", "", "", "07"}, {"戊", "", "", "d1"}};
  std::vector<std::string> p = OutputPaths::department_pages(s);
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0], "dept/d1.html");  // the number is shared: by position
  EXPECT_EQ(p[1], "dept/d2.html");
  EXPECT_EQ(p[2], "dept/d3.html");
  EXPECT_EQ(p[3], "dept/07.html");
  EXPECT_EQ(p[4], "dept/d1_.html");
  EXPECT_EQ(std::set<std::string>(p.begin(), p.end()).size(), p.size());
}

TEST(PortalData, FieldSetsCoverEveryElementKey) {
  std::vector<std::string> keys = portal::implementation_keys();
  const std::set<std::string> set(keys.begin(), keys.end());
  for (int i = 0; i <= static_cast<int>(El::ComplaintPhone); ++i)
    EXPECT_TRUE(set.count(std::string(elements()[static_cast<size_t>(i)].key))) << elements()[static_cast<size_t>(i)].key;
  EXPECT_EQ(keys.size(), 37u);  // department + the 36 elements
  EXPECT_EQ(portal::catalog_keys(),
            (std::vector<std::string>{"name", "basic_code", "basis", "type", "level", "department",
                                      "parent", "public_domain"}));

  Catalog c = testing::sample_catalog();
  nlohmann::json impl = portal::implementation_json(c, kDate);
  ASSERT_EQ(impl["items"].size(), c.published().size());
  ASSERT_FALSE(impl["items"].empty());
  for (const nlohmann::json& it : impl["items"]) {
    for (const std::string& k : keys) EXPECT_TRUE(it.contains(k)) << k;
    EXPECT_EQ(it.size(), keys.size());
    EXPECT_TRUE(it["materials"].is_array());
    EXPECT_TRUE(it["process"].is_array());
  }
  // Materials and steps as nested objects with the sub-table keys, in order.
  const Item& first = *c.published().front();
  const nlohmann::json& rec = impl["items"][0];
  ASSERT_EQ(rec["materials"].size(), first.materials.size());
  for (size_t i = 0; i < first.materials.size(); ++i) {
    EXPECT_EQ(rec["materials"][i]["title"], first.materials[i].title.text);
    for (const ColumnInfo& col : materials_table().columns)
      if (col.key != "name") { EXPECT_TRUE(rec["materials"][i].contains(std::string(col.key))) << col.key; }
  }
  ASSERT_EQ(rec["process"].size(), first.steps.size());
  for (size_t i = 0; i < first.steps.size(); ++i) {
    EXPECT_EQ(rec["process"][i]["step"], first.steps[i].step.text);
    EXPECT_EQ(rec["process"][i]["limit"], first.steps[i].limit.text);
  }
  EXPECT_EQ(rec["type"], "行政许可");  // code tables by label, as in the lists
  EXPECT_EQ(impl["version"], "2017-09-30");

  nlohmann::json cat = portal::catalog_json(c, kDate);
  for (const nlohmann::json& it : cat["items"]) EXPECT_EQ(it.size(), portal::catalog_keys().size());
}

TEST(PortalData, CsvHasBomKeysAndOneRowPerItem) {
  Catalog c = testing::sample_catalog();
  for (const std::string& csv : {portal::catalog_csv(c), portal::implementation_csv(c)}) {
    ASSERT_GE(csv.size(), 3u);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  }
  const std::string impl = portal::implementation_csv(c);
  const std::string head = impl.substr(3, impl.find("\r\n") - 3);
  std::string expected;
  for (const std::string& k : portal::implementation_keys()) expected += (expected.empty() ? "" : ",") + k;
  EXPECT_EQ(head, expected);
  // Materials as readable numbered text.
  const Item& first = *c.published().front();
  if (!first.materials.empty()) { EXPECT_NE(impl.find("1. " + first.materials[0].title.text), std::string::npos); }
  const std::string cat = portal::catalog_csv(c);
  EXPECT_EQ(cat.substr(3, cat.find("\r\n") - 3), "name,basic_code,basis,type,level,department,parent,public_domain");
}

// The .xlsx open data read back by openpyxl: the labels, then every value of
// the CSV rows as a text cell formatted "@", digits and leading zeros kept.
TEST(PortalData, XlsxHasTextCellsEqualToTheRows) {
  Catalog c = testing::sample_catalog();
  // Codes a spreadsheet would mangle: leading zeros, 31 digits.
  for (Item& it : c.items)
    if (it.state == ItemState::Published) {
      it.field(El::BasicCode).text = "000117051000";
      it.field(El::ImplCode).text = "1113073140464187504000117051000";
      break;
    }
  const std::string dir = testing::fresh_dir("portal_data_xlsx");
  ASSERT_TRUE(portal::write_implementation_xlsx(c, kDate, dir + "/i.xlsx").ok());
  ASSERT_TRUE(portal::write_catalog_xlsx(c, kDate, dir + "/c.xlsx").ok());
  struct Case {
    std::string file, sheet;
    std::vector<std::vector<std::string>> rows;
    size_t columns;
  };
  for (const Case& k : {Case{"i.xlsx", "实施清单", portal::implementation_rows(c), portal::implementation_keys().size()},
                        Case{"c.xlsx", "目录清单", portal::catalog_rows(c), portal::catalog_keys().size()}}) {
    auto dump = testing::dump_xlsx(dir + "/" + k.file);
    ASSERT_TRUE(dump.ok()) << dump.error().str();
    const nlohmann::json& ws = testing::sheet(*dump, k.sheet);
    ASSERT_FALSE(ws.is_null()) << k.file;
    EXPECT_EQ(ws["freeze"], "C2");
    ASSERT_FALSE(k.rows.empty());
    for (size_t r = 0; r < k.rows.size(); ++r) {
      ASSERT_EQ(k.rows[r].size(), k.columns);
      for (size_t col = 0; col < k.columns; ++col) {
        const std::string ref = column_name(static_cast<int>(col)) + std::to_string(r + 2);
        EXPECT_EQ(testing::cell(ws, ref), k.rows[r][col]) << k.file << " " << ref;
        if (k.rows[r][col].empty()) continue;
        EXPECT_EQ(ws["types"][ref], "s") << k.file << " " << ref;
        EXPECT_EQ(ws["formats"][ref], "@") << k.file << " " << ref;
      }
    }
  }
  auto impl = testing::dump_xlsx(dir + "/i.xlsx");
  const nlohmann::json& ws = testing::sheet(*impl, "实施清单");
  EXPECT_EQ(testing::cell(ws, "A1"), "部门");
  EXPECT_EQ(testing::cell(ws, "B1"), "事项名称");
  EXPECT_EQ(testing::cell(ws, "C2"), "000117051000");
  EXPECT_EQ(testing::cell(ws, "D2"), "1113073140464187504000117051000");
}

TEST(PortalData, FieldsPageDocumentsEveryKey) {
  Catalog c = testing::sample_catalog();
  const std::string page = portal::fields_page_body(c);
  for (const std::string& k : portal::implementation_keys())
    EXPECT_NE(page.find("<code>" + k + "</code>"), std::string::npos) << k;
  for (const ColumnInfo& col : materials_table().columns)
    if (col.key != "name") { EXPECT_NE(page.find("<code>" + std::string(col.key) + "</code>"), std::string::npos); }
  for (int i = 0; i <= static_cast<int>(El::ComplaintPhone); ++i)
    EXPECT_NE(page.find(std::string(elements()[static_cast<size_t>(i)].label)), std::string::npos);
}

TEST(PortalFlow, BoxesArrowsAndLimits) {
  Catalog c = testing::sample_catalog();
  const Item* with_steps = nullptr;
  for (const Item* it : c.published())
    if (it->steps.size() >= 2) with_steps = it;
  ASSERT_NE(with_steps, nullptr);
  const std::string svg = portal::flow_chart_svg(*with_steps);
  size_t boxes = 0, arrows = 0;
  for (size_t at = svg.find("<rect"); at != std::string::npos; at = svg.find("<rect", at + 1)) ++boxes;
  for (size_t at = svg.find("<polygon"); at != std::string::npos; at = svg.find("<polygon", at + 1)) ++arrows;
  EXPECT_EQ(boxes, with_steps->steps.size());
  EXPECT_EQ(arrows, with_steps->steps.size() - 1);
  for (const Step& s : with_steps->steps)
    if (!s.limit.text.empty()) { EXPECT_NE(svg.find(portal::escape(s.limit.text)), std::string::npos); }
  EXPECT_EQ(portal::flow_chart_svg(Item{}), "");
}

class PortalSite : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = testing::sample_catalog();
    // Hostile text in a registered department's name and an item.
    catalog_.settings.departments[0].name = "<script>alert('x')</script>&\"局\"";
    for (Item& it : catalog_.items)
      if (it.department == catalog_.settings.departments[1].name && it.state == ItemState::Published) {
        it.field(El::Name).text = "事项<img src=x onerror=alert(1)>";
        if (!it.materials.empty()) it.materials[0].title.text = "材料</td><b>'\"&";
        break;
      }
    dir_ = testing::fresh_dir("portal_test_site");
  }
  Catalog catalog_;
  std::string dir_;
};

TEST_F(PortalSite, WritesThePagesAndEscapesHostileText) {
  std::vector<std::string> written;
  Status s = write(catalog_, dir_, &written);
  ASSERT_TRUE(s.ok()) << s.error().str();
  const fs::path root = fs::path(dir_) / "portal";
  for (const char* f : {"index.html", "favicon.ico", "assets/site.css", "assets/search.js", "data/search.json",
                        "data/search.js", "data/catalog.json", "data/catalog.csv", "data/catalog.xlsx",
                        "data/implementation.json", "data/implementation.csv", "data/implementation.xlsx",
                        "data/README.html"})
    EXPECT_TRUE(fs::exists(root / f)) << f;
  for (const Item* it : catalog_.published())
    EXPECT_TRUE(fs::exists(root / OutputPaths::item_page(*it))) << OutputPaths::item_page(*it);
  for (const std::string& p : OutputPaths::department_pages(catalog_.settings)) EXPECT_TRUE(fs::exists(root / p)) << p;
  for (const std::string& w : written) EXPECT_TRUE(fs::exists(fs::path(dir_) / w)) << w;

  std::set<std::string> descriptions;
  for (const auto& [name, text] : files_of(root)) {
    if (!name.ends_with(".html")) continue;
    EXPECT_EQ(text.rfind("<!DOCTYPE html>", 0), 0u) << name;
    EXPECT_NE(text.find("<html lang=\"zh-CN\">"), std::string::npos) << name;
    EXPECT_NE(text.find("<meta charset=\"utf-8\">"), std::string::npos) << name;
    EXPECT_NE(text.find("name=\"viewport\""), std::string::npos) << name;
    EXPECT_EQ(text.find("<script>alert"), std::string::npos) << name;
    EXPECT_EQ(text.find("<img src=x"), std::string::npos) << name;
    EXPECT_EQ(text.find("</td><b>"), std::string::npos) << name;
    EXPECT_EQ(text.find("http://cdn"), std::string::npos) << name;
    EXPECT_EQ(text.find("{{"), std::string::npos) << name;
    // Every page has its own summary for search engines, and links the icon.
    const size_t meta = text.find("<meta name=\"description\" content=\"");
    ASSERT_NE(meta, std::string::npos) << name;
    const size_t from = meta + 34, to = text.find('"', from);
    EXPECT_GT(to - from, 20u) << name;
    EXPECT_TRUE(descriptions.insert(text.substr(from, to - from)).second) << "the same description twice: " << name;
    EXPECT_NE(text.find("<link rel=\"icon\" href=\"" + std::string(name.find('/') == std::string::npos ? "" : "../") +
                        "favicon.ico\""),
              std::string::npos)
        << name;
  }
  const std::string index = testing::slurp((root / "index.html").string());
  EXPECT_NE(index.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;局&quot;"), std::string::npos);
  EXPECT_NE(index.find("<label for=\"q\">"), std::string::npos);
  EXPECT_NE(index.find("清单版本：2017年9月30日"), std::string::npos);
  // The index page carries no copy of the search index: the script loads
  // data/search.js, which is data/search.json in a call, once.
  EXPECT_EQ(index.find("search-data"), std::string::npos);
  EXPECT_EQ(index.find("\"items\""), std::string::npos);
  EXPECT_LT(index.size(), 40000u);
  const std::string json = testing::slurp((root / "data/search.json").string());
  EXPECT_EQ(testing::slurp((root / "data/search.js").string()),
            "qingdanSearchIndex(" + json.substr(0, json.size() - 1) + ");\n");
}

TEST(PortalData, SearchIndexCoversBasisAndConditions) {
  Catalog c = testing::sample_catalog();
  const Item& it = *c.published().front();
  portal::SearchEntry e{it.get(El::Name), it.department, "行政许可", "item/x.html", {"身份证"},
                        "《社会救助暂行办法》第十一条", "持有效证件\u2028本人申请"};
  nlohmann::json j = portal::search_json({e}, kDate);
  EXPECT_EQ(j["items"][0]["basis"], "《社会救助暂行办法》第十一条");
  EXPECT_EQ(j["items"][0]["conditions"], "持有效证件\u2028本人申请");
  const std::string script = portal::search_script(portal::dump(j, -1));
  EXPECT_TRUE(script.starts_with("qingdanSearchIndex({")) << script;
  EXPECT_TRUE(script.ends_with("});\n")) << script;
  EXPECT_NE(script.find("持有效证件\\u2028本人申请"), std::string::npos) << script;
}

TEST(PortalFavicon, IsA32PixelIconWithTheHeadersRed) {
  const std::string ico = portal::favicon_ico();
  auto u16 = [&](size_t at) { return uint8_t(ico[at]) | uint8_t(ico[at + 1]) << 8; };
  auto u32 = [&](size_t at) { return uint32_t(u16(at)) | uint32_t(u16(at + 2)) << 16; };
  ASSERT_EQ(ico.size(), 22u + 40 + 32 * 32 * 4 + 32 * 4);
  EXPECT_EQ(u16(2), 1);                   // an icon
  EXPECT_EQ(u16(4), 1);                   // one image
  EXPECT_EQ(uint8_t(ico[6]), 32);         // 32 × 32
  EXPECT_EQ(u32(14), ico.size() - 22);    // its bytes
  EXPECT_EQ(u32(18), 22u);                // its offset
  EXPECT_EQ(u32(22 + 8), 64u);            // height: image and mask
  EXPECT_EQ(u16(22 + 14), 32);            // bits per pixel
  // The centre of the bottom row is the header's red, opaque; a corner is transparent.
  const size_t px = 22 + 40 + (0 * 32 + 16) * 4;
  EXPECT_EQ(uint8_t(ico[px + 2]), 0x8b);
  EXPECT_EQ(uint8_t(ico[px + 3]), 255);
  EXPECT_EQ(uint8_t(ico[22 + 40 + 3]), 0);
  EXPECT_EQ(portal::favicon_ico(), ico);
}

TEST_F(PortalSite, ItemPageShowsTheGuide) {
  ASSERT_TRUE(write(catalog_, dir_, nullptr).ok());
  const Item* item = nullptr;
  for (const Item* it : catalog_.published())
    if (!it->materials.empty() && !it->steps.empty()) item = it;
  ASSERT_NE(item, nullptr);
  const std::string page = testing::slurp(dir_ + "/portal/" + OutputPaths::item_page(*item));
  EXPECT_NE(page.find("清单版本：2017年9月30日"), std::string::npos);
  EXPECT_NE(page.find(item->get(El::ImplCode)), std::string::npos);
  EXPECT_NE(page.find("<th scope=\"col\">材料名称</th>"), std::string::npos);
  EXPECT_NE(page.find("<th scope=\"row\">设定依据</th>"), std::string::npos);
  EXPECT_NE(page.find("<svg class=\"flow\""), std::string::npos);
  for (const Material& m : item->materials) EXPECT_NE(page.find(portal::escape(m.title.text)), std::string::npos);
  for (const Step& s : item->steps) EXPECT_NE(page.find(portal::escape(s.step.text)), std::string::npos);
  // §8 order of the headings.
  size_t last = 0;
  for (const char* h : {"基本信息", "申请材料", "办理流程", "办结时限和收费", "办理方式、地点和时间", "咨询、监督和审批结果"}) {
    size_t at = page.find(std::string("、") + h + "</h2>");
    ASSERT_NE(at, std::string::npos) << h;
    EXPECT_GT(at, last) << h;
    last = at;
  }
}

TEST_F(PortalSite, SameInputSameBytes) {
  ASSERT_TRUE(write(catalog_, dir_, nullptr).ok());
  const std::string again = testing::fresh_dir("portal_test_again");
  ASSERT_TRUE(write(catalog_, again, nullptr).ok());
  auto a = files_of(fs::path(dir_) / "portal");
  auto b = files_of(fs::path(again) / "portal");
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) EXPECT_TRUE(b.count(name) && b[name] == bytes) << name;
  // A second write into the same folder leaves nothing stale behind.
  fs::create_directories(fs::path(dir_) / "portal/item");
  std::ofstream(fs::path(dir_) / "portal/item/stale.html") << "old";
  ASSERT_TRUE(write(catalog_, dir_, nullptr).ok());
  EXPECT_FALSE(fs::exists(fs::path(dir_) / "portal/item/stale.html"));
  EXPECT_EQ(files_of(fs::path(dir_) / "portal"), b);
}

TEST_F(PortalSite, CopiesGuidesAndNoticesWhenPresent) {
  const DepartmentInfo& d = catalog_.settings.departments[1];
  const auto items = catalog_.published(d.name);
  ASSERT_FALSE(items.empty());
  const OutputPaths paths(catalog_);
  const std::string guide = paths.guide(d), notice = paths.notice(*items[0]);
  fs::create_directories((fs::path(dir_) / guide).parent_path());
  std::ofstream(fs::path(dir_) / guide) << "%PDF-guide";
  fs::create_directories((fs::path(dir_) / notice).parent_path());
  std::ofstream(fs::path(dir_) / notice) << "%PDF-notice";
  ASSERT_TRUE(write(catalog_, dir_, nullptr).ok());
  EXPECT_EQ(testing::slurp(dir_ + "/portal/" + guide), "%PDF-guide");
  EXPECT_EQ(testing::slurp(dir_ + "/portal/" + notice), "%PDF-notice");
  const std::string page = testing::slurp(dir_ + "/portal/" + OutputPaths::item_page(*items[0]));
  EXPECT_NE(page.find("href=\"../" + portal::url_path(guide) + "\""), std::string::npos);
  EXPECT_NE(page.find("href=\"../" + portal::url_path(notice) + "\""), std::string::npos);
  // Another department without a booklet: no link.
  const auto other = catalog_.published(catalog_.settings.departments[2].name);
  if (!other.empty()) {
    const std::string p2 = testing::slurp(dir_ + "/portal/" + OutputPaths::item_page(*other[0]));
    EXPECT_EQ(p2.find("../guides/"), std::string::npos);
  }
}

TEST(PortalWriters, RowAfterGuides) {
  const WriterInfo* w = find_writer("portal");
  ASSERT_NE(w, nullptr);
  EXPECT_TRUE(w->in_build);
  std::vector<std::string_view> names;
  for (const WriterInfo& x : writers()) names.push_back(x.name);
  auto portal_at = std::find(names.begin(), names.end(), "portal");
  auto guides_at = std::find(names.begin(), names.end(), "guides");
  if (guides_at != names.end()) { EXPECT_LT(guides_at, portal_at); }
}

}  // namespace
}  // namespace qd
