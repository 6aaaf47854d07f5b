// The window posters: which items a window lists, the layout of every sample
// window and of a window with very many items (more columns, more sheets; no
// text over text, nothing outside the margins, QR codes ≥ 20 mm with their
// quiet zone), deterministic PDFs, and parts made from what a poster prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "support/county.h"
#include "base/text.h"
#include "ingest/ingest.h"
#include "ingest/settings.h"
#include "merge/merge.h"
#include "validate/validate.h"
#include "writers/posters/poster.h"
#include "writers/posters/posters.h"
#include "print/fonts.h"

namespace qd {
namespace {

const std::string kSource = QD_SOURCE_DIR;
const Date kDate{2017, 9, 30};

const pdf::FontLibrary& fonts() {
  auto lib = print::fonts(kSource + "/fonts/fonts.toml");
  if (!lib.ok()) {
    ADD_FAILURE() << lib.error().str();
    std::abort();
  }
  return *lib.value();
}

// The sample county, with made-up 实施编码 (the codes stage is not run here).
const Catalog& sample() {
  static Catalog* c = [] {
    auto* cat = new Catalog(testing::read_county(kSource + "/input", kDate));
    int n = 0;
    for (Item& it : cat->items)
      it.field(El::ImplCode).text = "11130731402547295C41301" + std::to_string(10000000 + ++n);
    return cat;
  }();
  return *c;
}

std::set<std::string> names(const std::vector<const Item*>& items) {
  std::set<std::string> out;
  for (const Item* it : items) out.insert(it->get(El::Name));
  return out;
}

// Checks a poster's geometry; returns the text of every sheet, joined.
std::string check(const Poster& p, const std::string& what) {
  std::string all;
  for (size_t s = 0; s < p.sheets.size(); ++s) {
    std::vector<print::Box> boxes = print::sheet_boxes(p.sheets[s]);
    for (const auto& [i, j] : print::overlapping(boxes))
      ADD_FAILURE() << what << " sheet " << s + 1 << ": [" << boxes[i].what << "] over [" << boxes[j].what << "]";
    for (const print::Box& b : boxes) {
      EXPECT_GE(b.x0, p.x0 - 0.01) << what << " " << b.what;
      EXPECT_LE(b.x1, p.x1 + 0.01) << what << " " << b.what;
      EXPECT_GE(b.y0, p.y0 - 0.01) << what << " " << b.what;
      EXPECT_LE(b.y1, p.y1 + 0.01) << what << " " << b.what;
    }
    for (const print::CodeOp& c : p.sheets[s].codes) {
      EXPECT_EQ(c.code.size, c.code.symbol_size() + 2 * print::kQuietZone);
      EXPECT_GE(c.w * c.code.symbol_size() / c.code.size, 20 * layout::kMm - 1e-6) << what;
    }
    for (const layout::TextOp& t : p.sheets[s].page.texts) {
      EXPECT_GE(t.size, 9 - 1e-9);
      all += utf8_encode(t.line.text()) + "\n";
    }
  }
  return all;
}

TEST(Posters, AWindowWithNamedItemsTakesThemAndTheirSubItems) {
  const Catalog& c = sample();
  const Hall& hall = c.settings.halls.at(0);
  std::set<std::string> w2 = names(window_items(c, hall, hall.windows.at(1)));
  EXPECT_TRUE(w2.count("食品经营许可"));
  EXPECT_TRUE(w2.count("食品经营许可（新办）"));
  EXPECT_TRUE(w2.count("小餐饮经营许可"));
  EXPECT_FALSE(w2.count("公司登记"));
  // The department's other window leaves them to window 02.
  std::set<std::string> w1 = names(window_items(c, hall, hall.windows.at(0)));
  EXPECT_TRUE(w1.count("公司登记"));
  for (const std::string& n : w2) EXPECT_FALSE(w1.count(n)) << n;
  EXPECT_EQ(w1.size() + w2.size(), c.published("涿鹿县市场监督管理局").size());
}

TEST(Posters, PlanHasOneFilePerWindowWithItems) {
  const Catalog& c = sample();
  std::vector<PosterJob> jobs = plan_posters(c, OutputPaths(c));
  const std::vector<HallWindow> empty = empty_windows(c);
  ASSERT_EQ(empty.size(), 1u) << "the sample has a window whose departments publish nothing";
  EXPECT_EQ(empty[0].window->name, "统计档案窗口");
  ASSERT_EQ(jobs.size(), c.settings.halls.at(0).windows.size() - empty.size());
  EXPECT_EQ(jobs[0].path, "posters/涿鹿县政务服务中心/01-市场准入综合窗口.pdf");
  for (const PosterJob& j : jobs) {
    EXPECT_EQ(j.items, window_items(c, *j.hall, *j.window));
    EXPECT_FALSE(j.items.empty()) << j.path;
    EXPECT_NE(j.window, empty[0].window) << j.path;
  }
}

TEST(Posters, EverySampleWindowFitsItsMargins) {
  const Catalog& c = sample();
  for (const PosterJob& j : plan_posters(c, OutputPaths(c))) {
    for (Paper paper : {Paper::A3, Paper::A4}) {
      auto p = lay_out_poster(c, *j.hall, *j.window, j.items, paper, print::metrics(fonts()), kDate);
      ASSERT_TRUE(p.ok()) << p.error().str();
      std::string text = check(p.value(), j.path);
      EXPECT_NE(text.find(j.window->name), std::string::npos) << j.path;
      for (const Item* it : j.items) {
        size_t codes = 0;
        for (const print::Sheet& s : p->sheets) codes += s.codes.size();
        EXPECT_EQ(codes, j.items.size());
        (void)it;
      }
      std::printf("%s %s: %zu items, %d columns, scale %.2f, %zu sheets\n", j.path.c_str(),
                  paper == Paper::A3 ? "A3" : "A4", j.items.size(), p->columns, p->scale, p->sheets.size());
    }
  }
}

// A window listing a big department: 150 items with long and short names.
TEST(Posters, ManyItemsGoToMoreColumnsAndSheetsWithoutOverlaps) {
  Catalog c = sample();
  const Item* model = c.published("涿鹿县民政局").front();
  Item base = *model;
  c.items.clear();
  for (int i = 0; i < 150; ++i) {
    Item it = base;
    it.field(El::Name).text = i % 7 == 0 ? "城乡居民最低生活保障对象认定及特困人员救助供养申请审批（含临时救助）" + std::to_string(i)
                                         : "社会团体登记" + std::to_string(i);
    it.field(El::ImplCode).text = "11130731405689168F4" + std::to_string(100000000000 + i);
    if (i % 5 == 0) it.field(El::FeeStandard).text = "按每件10元收取工本费，补办证件按每件20元收取";
    c.items.push_back(std::move(it));
  }
  const Hall& hall = c.settings.halls.at(0);
  const Window* social = nullptr;
  for (const Window& w : hall.windows)
    if (w.number == "06") social = &w;
  ASSERT_NE(social, nullptr);
  std::vector<const Item*> items = window_items(c, hall, *social);
  ASSERT_EQ(items.size(), 150u);
  auto few = lay_out_poster(c, hall, *social, {items.begin(), items.begin() + 4}, Paper::A3, print::metrics(fonts()), kDate);
  ASSERT_TRUE(few.ok());
  EXPECT_EQ(few->sheets.size(), 1u);
  EXPECT_EQ(few->scale, 1.0);
  for (Paper paper : {Paper::A3, Paper::A4}) {
    auto p = lay_out_poster(c, hall, *social, items, paper, print::metrics(fonts()), kDate);
    ASSERT_TRUE(p.ok()) << p.error().str();
    // Names stay 24 pt: an A3 sheet takes two columns, an A4 sheet one (a
    // second would leave a name fewer than 7 characters beside its code).
    EXPECT_EQ(p->columns, paper == Paper::A3 ? 2 : 1);
    EXPECT_GT(p->sheets.size(), 2u);
    EXPECT_GE(p->scale, kPosterScales[std::size(kPosterScales) - 1]);
    std::string text = check(p.value(), "many");
    size_t codes = 0;
    for (const print::Sheet& s : p->sheets) codes += s.codes.size();
    EXPECT_EQ(codes, 150u);
    std::string flat;
    for (char ch : text)
      if (ch != '\n') flat += ch;
    for (const Item* it : items) EXPECT_NE(flat.find(it->get(El::Name)), std::string::npos) << it->get(El::Name);
  }
}

TEST(Posters, RenderingIsDeterministic) {
  const Catalog& c = sample();
  std::vector<PosterJob> jobs = plan_posters(c, OutputPaths(c));
  auto a = render_poster(c, jobs.at(5), fonts(), kDate);
  auto b = render_poster(c, jobs.at(5), fonts(), kDate);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.value(), b.value());
}

// The digest of every poster part, by path.
std::map<std::string, std::string> poster_digests(const Catalog& c) {
  Digests d;
  d.base = "base";
  auto parts = plan_poster_parts(c, OutputContext{}, d);
  EXPECT_TRUE(parts.ok());
  std::map<std::string, std::string> out;
  if (parts.ok())
    for (const Part& p : parts.value()) out[p.id] = p.made_from;
  return out;
}

// The paths whose digests differ.
std::set<std::string> differing(const std::map<std::string, std::string>& a,
                                const std::map<std::string, std::string>& b) {
  std::set<std::string> out;
  for (const auto& [path, digest] : a)
    if (!b.count(path) || b.at(path) != digest) out.insert(path);
  return out;
}

TEST(Posters, APartIsMadeFromWhatThePosterPrintsOnly) {
  Catalog c = sample();  // a copy to change
  for (Item& it : c.items) it.poster_version = kDate;
  const std::vector<PosterJob> jobs = plan_posters(c, OutputPaths(c));
  const Item* first = jobs.at(0).items.at(0);
  Item& item = c.items.at(static_cast<size_t>(first - c.items.data()));
  std::set<std::string> showing;
  for (const PosterJob& j : jobs)
    if (std::find(j.items.begin(), j.items.end(), first) != j.items.end()) showing.insert(j.path);
  ASSERT_FALSE(showing.empty());
  ASSERT_LT(showing.size(), jobs.size());
  const auto before = poster_digests(c);
  const std::string fields = poster_fields(item);

  // Not on the poster: the conditions, the item's list version, the build date.
  item.field(El::Conditions).text += "（2017年10月起含外地户籍）";
  item.version = Date{2017, 10, 10};
  c.build_date = Date{2017, 10, 10};
  EXPECT_EQ(poster_fields(item), fields);
  EXPECT_EQ(differing(poster_digests(c), before), std::set<std::string>{});
  // On it: a phone, the name, the promised time limit, the poster version.
  const Item kept = item;
  item.field(El::ConsultPhone).text = "0313-6529876";
  EXPECT_NE(poster_fields(item), fields);
  EXPECT_EQ(differing(poster_digests(c), before), showing);
  item = kept;
  item.field(El::Name).text += "（新）";
  EXPECT_NE(poster_fields(item), fields);
  EXPECT_EQ(differing(poster_digests(c), before), showing);
  item = kept;
  item.field(El::PromisedLimit).text = "20个工作日";
  EXPECT_NE(poster_fields(item), fields);
  item = kept;
  item.poster_version = Date{2017, 10, 10};
  EXPECT_EQ(differing(poster_digests(c), before), showing);
}

// A window without published items gets no poster (not a blank A3 sheet
// saying so): the plan leaves it out and laying one out is an error.
TEST(Posters, AWindowWithoutItemsGetsNoPoster) {
  const Catalog& c = sample();
  const std::vector<HallWindow> empty = empty_windows(c);
  ASSERT_FALSE(empty.empty());
  const OutputPaths paths(c);
  for (const PosterJob& j : plan_posters(c, paths))
    EXPECT_NE(j.path, paths.poster(*empty[0].hall, *empty[0].window));
  EXPECT_FALSE(poster_version_of(c, {}).valid());
  auto p = lay_out_poster(c, *empty[0].hall, *empty[0].window, {}, Paper::A3, print::metrics(fonts()), kDate);
  EXPECT_FALSE(p.ok());
}

// Readable at 1–2 m: no text smaller than 16 pt but the footer line (the
// lowest line of a sheet), item names at 24 pt, on A3 and A4, for every
// sample window and for a window of 150 items.
TEST(Posters, NothingSmallerThan16PtButTheFooterLine) {
  const Catalog& c = sample();
  for (const PosterJob& j : plan_posters(c, OutputPaths(c)))
    for (Paper paper : {Paper::A3, Paper::A4}) {
      auto p = lay_out_poster(c, *j.hall, *j.window, j.items, paper, print::metrics(fonts()), kDate);
      ASSERT_TRUE(p.ok()) << p.error().str();
      for (const print::Sheet& s : p->sheets) {
        double lowest = 1e9;
        for (const layout::TextOp& t : s.page.texts) lowest = std::min(lowest, t.y);
        for (const layout::TextOp& t : s.page.texts) {
          if (t.y <= lowest + 1e-6) {
            EXPECT_TRUE(t.gray) << j.path << ": " << utf8_encode(t.line.text());
            continue;
          }
          EXPECT_GE(t.size, kPosterMinSize - 1e-9) << j.path << ": " << utf8_encode(t.line.text());
        }
      }
      std::string names;
      for (const print::Sheet& s : p->sheets)
        for (const layout::TextOp& t : s.page.texts)
          if (t.size >= kPosterNameSize - 1e-9) names += utf8_encode(t.line.text());
      for (const Item* it : j.items)
        EXPECT_NE(names.find(it->get(El::Name)), std::string::npos) << j.path << ": " << it->get(El::Name);
    }
}

// Item names are broken between words, in balanced lines.
TEST(Posters, ItemNamesBreakBetweenWords) {
  Catalog c = sample();
  const Item* model = c.published("涿鹿县人力资源和社会保障局").front();
  Item base = *model;
  c.items.clear();
  const std::vector<std::string> names = {"企业职工基本养老保险参保登记", "城乡居民基本养老保险参保登记",
                                          "金融机构营业场所和金库安全防范设施建设方案审批"};
  for (size_t i = 0; i < names.size(); ++i) {
    Item it = base;
    it.field(El::Name).text = names[i];
    it.field(El::ImplCode).text = "11130731405689168F4" + std::to_string(100000000000 + i);
    c.items.push_back(std::move(it));
  }
  const Hall& hall = c.settings.halls.at(0);
  const Window* window = nullptr;
  for (const Window& w : hall.windows)
    if (!window && std::find(w.departments.begin(), w.departments.end(), base.department) != w.departments.end())
      window = &w;
  ASSERT_NE(window, nullptr);
  const std::vector<const Item*> items = window_items(c, hall, *window);
  ASSERT_EQ(items.size(), names.size());
  for (Paper paper : {Paper::A3, Paper::A4}) {
    auto p = lay_out_poster(c, hall, *window, items, paper, print::metrics(fonts()), kDate);
    ASSERT_TRUE(p.ok()) << p.error().str();
    std::vector<std::string> lines;
    for (const print::Sheet& s : p->sheets)
      for (const layout::TextOp& t : s.page.texts)
        if (t.size == kPosterNameSize && t.role == Role::Heading1) lines.push_back(utf8_encode(t.line.text()));
    for (const char* bad : {"养", "老保险参保登记", "企业职工基本养", "金库安", "全防范设施建设方案审批"})
      for (const std::string& l : lines) EXPECT_NE(l, bad) << "a line broken inside a word";
    std::string joined;
    for (const std::string& l : lines) joined += l + "/";
    std::printf("%s: %s\n", paper == Paper::A3 ? "A3" : "A4", joined.c_str());
    EXPECT_EQ(joined.find("基本养/"), std::string::npos) << joined;
    EXPECT_EQ(joined.find("金库安/"), std::string::npos) << joined;
  }
}

// Items that do not fit one sheet spread evenly over the sheets: the last
// holds about as many as the others (not one item).
TEST(Posters, ItemsSpreadEvenlyOverTheSheets) {
  Catalog c = sample();
  const Item* model = c.published("涿鹿县民政局").front();
  Item base = *model;
  c.items.clear();
  const Hall& hall = c.settings.halls.at(0);
  const Window* social = nullptr;
  for (const Window& w : hall.windows)
    if (w.number == "06") social = &w;
  ASSERT_NE(social, nullptr);
  for (int n : {13, 17, 25, 31, 40}) {
    c.items.clear();
    for (int i = 0; i < n; ++i) {
      Item it = base;
      it.field(El::Name).text = "社会团体登记" + std::to_string(i);
      it.field(El::ImplCode).text = "11130731405689168F4" + std::to_string(100000000000 + i);
      c.items.push_back(std::move(it));
    }
    std::vector<const Item*> items = window_items(c, hall, *social);
    ASSERT_EQ(items.size(), static_cast<size_t>(n));
    auto p = lay_out_poster(c, hall, *social, items, Paper::A3, print::metrics(fonts()), kDate);
    ASSERT_TRUE(p.ok()) << p.error().str();
    check(p.value(), "spread");
    std::vector<size_t> per;
    for (const print::Sheet& s : p->sheets) per.push_back(s.codes.size());
    const size_t most = *std::max_element(per.begin(), per.end());
    const size_t least = *std::min_element(per.begin(), per.end());
    std::string counts;
    for (size_t k : per) counts += std::to_string(k) + " ";
    EXPECT_LE(most - least, 2u) << n << " items: " << counts;
  }
}

}  // namespace
}  // namespace qd
