// The 一次性告知单: the plan, the layout of every sample item (no text over
// text, nothing outside the margins, a drawn box beside every material),
// shrinking and continuing onto a second page, and deterministic PDFs.
#include <gtest/gtest.h>

#include <cstdio>

#include "support/county.h"
#include "base/text.h"
#include "ingest/ingest.h"
#include "ingest/settings.h"
#include "merge/merge.h"
#include "validate/validate.h"
#include "writers/notices/notice.h"
#include "writers/notices/notices.h"
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

// Checks the geometry of a laid-out notice; returns its text.
std::string check(const Notice& n, const Item& item) {
  std::string all;
  for (size_t p = 0; p < n.sheets.size(); ++p) {
    const print::Sheet& s = n.sheets[p];
    std::vector<print::Box> boxes = print::sheet_boxes(s);
    for (const auto& [i, j] : print::overlapping(boxes))
      ADD_FAILURE() << item.get(El::Name) << " p" << p + 1 << ": [" << boxes[i].what << "] over [" << boxes[j].what << "]";
    for (const print::Box& b : boxes) {
      EXPECT_GE(b.x0, n.x0 - 0.01) << b.what;
      EXPECT_LE(b.x1, n.x1 + 0.01) << b.what;
      EXPECT_GE(b.y0, n.y0 - 0.01) << b.what;
      EXPECT_LE(b.y1, n.y1 + 0.01) << b.what;
    }
    for (const layout::TextOp& t : s.page.texts) {
      EXPECT_GE(t.size, 9 - 1e-9) << utf8_encode(t.line.text());
      all += utf8_encode(t.line.text());
    }
    for (const print::CodeOp& c : s.codes)
      EXPECT_GE(c.w * c.code.symbol_size() / c.code.size, 20 * layout::kMm - 1e-6);
  }
  // One drawn box per material, left of the text and on no text.
  EXPECT_EQ(n.boxes.size(), item.materials.size()) << item.get(El::Name);
  for (const auto& [page, r] : n.boxes) {
    EXPECT_GT(r.w, 5);
    EXPECT_DOUBLE_EQ(r.w, r.h);
    for (const print::Box& b : print::sheet_boxes(n.sheets[static_cast<size_t>(page)]))
      EXPECT_FALSE(r.x < b.x1 && b.x0 < r.x + r.w && r.y < b.y1 && b.y0 < r.y + r.h) << b.what;
  }
  return all;
}

TEST(Notices, PlanHasOneFilePerPublishedItem) {
  const Catalog& c = sample();
  std::vector<NoticeJob> jobs = plan_notices(c, OutputPaths(c));
  EXPECT_EQ(jobs.size(), c.published().size());
  for (const NoticeJob& j : jobs) {
    EXPECT_EQ(j.path, OutputPaths(c).notice(*j.item));
    EXPECT_EQ(j.path, "notices/" + j.item->department + "/" + j.item->get(El::Name) + ".pdf");
  }
}

TEST(Notices, EverySampleItemIsLaidOutWithinItsMargins) {
  const Catalog& c = sample();
  int two_pages = 0, shrunk = 0, tightened = 0;
  for (const NoticeJob& job : plan_notices(c, OutputPaths(c))) {
    auto n = lay_out_notice(c, *job.item, print::metrics(fonts()), kDate);
    ASSERT_TRUE(n.ok()) << n.error().str();
    std::string text = check(n.value(), *job.item);
    const std::string squeezed = [&] {
      std::string s;
      for (char ch : text)
        if (ch != ' ') s += ch;
      return s;
    }();
    for (const Material& m : job.item->materials) {
      std::string t;
      for (char ch : m.title.text)
        if (ch != ' ') t += ch;
      EXPECT_NE(squeezed.find(t), std::string::npos) << job.path << ": " << m.title.text;
    }
    two_pages += n->sheets.size() > 1;
    shrunk += n->scale < 1;
    tightened += n->leading < 1;
    // The signature block: 告知人 and 申请人 sign on the last page, on two
    // drawn lines, below everything else.
    EXPECT_NE(squeezed.find("告知人（签字）："), std::string::npos) << job.path;
    EXPECT_NE(squeezed.find("申请人（签字）："), std::string::npos) << job.path;
    ASSERT_EQ(n->signature_lines.size(), 2u) << job.path;
    const int last = static_cast<int>(n->sheets.size()) - 1;
    for (const auto& [page, rule] : n->signature_lines) {
      EXPECT_EQ(page, last) << job.path;
      EXPECT_GT(rule.x2 - rule.x1, 30 * layout::kMm) << job.path;
      for (const layout::TextOp& t : n->sheets[static_cast<size_t>(last)].page.texts) {
        const std::string text = utf8_encode(t.line.text());
        if (t.size > 9.5 && text.find("日期") == std::string::npos && text.find("签字") == std::string::npos) {
          EXPECT_GT(t.y, rule.y1) << job.path << ": " << text;
        }
      }
    }
  }
  std::printf("notices: %d shrunk, %d tightened, %d on more than one page\n", shrunk, tightened, two_pages);
  EXPECT_LE(two_pages, 5);
}

// The lines of text on each sheet, without the footer (9 pt) and the
// signature block.
std::vector<int> lines_per_sheet(const Notice& n) {
  std::vector<int> out;
  for (const print::Sheet& s : n.sheets) {
    int k = 0;
    for (const layout::TextOp& t : s.page.texts) {
      const std::string text = utf8_encode(t.line.text());
      k += t.size > 9.5 && text.find("签字") == std::string::npos && text.find("日期：") == std::string::npos;
    }
    out.push_back(k);
  }
  return out;
}

// A notice that needs two pages is spread over both: the second does not
// hold a few lines (it holds at least a third of what the first holds).
TEST(Notices, ASecondPageHoldsItsShare) {
  Catalog c = sample();
  Item* item = nullptr;
  for (Item& it : c.items)
    if (it.state == ItemState::Published && !it.materials.empty()) {
      item = &it;
      break;
    }
  ASSERT_NE(item, nullptr);
  const Material m = item->materials.front();
  int checked = 0;
  for (size_t count = item->materials.size(); count < 40; ++count) {
    item->materials.push_back(m);
    auto n = lay_out_notice(c, *item, print::metrics(fonts()), kDate);
    ASSERT_TRUE(n.ok());
    check(n.value(), *item);
    if (n->sheets.size() < 2) continue;
    ++checked;
    const std::vector<int> lines = lines_per_sheet(n.value());
    EXPECT_GE(3 * lines.back(), lines.front()) << item->materials.size() << " materials: " << lines.front()
                                               << " lines, then " << lines.back();
  }
  EXPECT_GT(checked, 5);
}

TEST(Notices, ALongItemShrinksThenContinuesOnASecondPage) {
  Catalog c = sample();
  Item* item = nullptr;
  for (Item& it : c.items)
    if (it.state == ItemState::Published && !it.materials.empty()) {
      item = &it;
      break;
    }
  ASSERT_NE(item, nullptr);
  // A few materials more: shrinks but stays on one page.
  Material m = item->materials.front();
  while (item->materials.size() < 11) item->materials.push_back(m);
  auto n = lay_out_notice(c, *item, print::metrics(fonts()), kDate);
  ASSERT_TRUE(n.ok());
  // Many more: a second page at the scale that needs fewest pages.
  while (item->materials.size() < 40) item->materials.push_back(m);
  auto n2 = lay_out_notice(c, *item, print::metrics(fonts()), kDate);
  ASSERT_TRUE(n2.ok());
  EXPECT_GE(n2->sheets.size(), 2u);
  check(n2.value(), *item);
  EXPECT_LE(n->sheets.size(), n2->sheets.size());
}

TEST(Notices, RenderingIsDeterministic) {
  const Catalog& c = sample();
  std::vector<NoticeJob> jobs = plan_notices(c, OutputPaths(c));
  ASSERT_FALSE(jobs.empty());
  for (size_t i : {size_t{0}, jobs.size() / 2, jobs.size() - 1}) {
    auto a = render_notice(c, jobs[i], fonts(), kDate);
    auto b = render_notice(c, jobs[i], fonts(), kDate);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a.value(), b.value());
    EXPECT_EQ(a->substr(0, 5), "%PDF-");
  }
}

}  // namespace
}  // namespace qd
