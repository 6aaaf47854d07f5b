// QR codes, item URLs and the geometry helpers of printed sheets.
#include <gtest/gtest.h>

#include "print/qr.h"
#include "print/sheet.h"

namespace qd::print {
namespace {

TEST(Qr, EncodesAUrlWithItsQuietZone) {
  auto code = qr_encode("https://zwfw.zhuolu.gov.cn/item/11130731402547295C4130101001000.html");
  ASSERT_TRUE(code.ok()) << code.error().str();
  // Versions are 21 + 4(v − 1) modules; the quiet zone adds 4 on each side.
  EXPECT_EQ((code->symbol_size() - 21) % 4, 0);
  EXPECT_EQ(code->size, code->symbol_size() + 2 * kQuietZone);
  ASSERT_EQ(code->modules.size(), static_cast<size_t>(code->size * code->size));
  for (int i = 0; i < code->size; ++i)
    for (int q = 0; q < kQuietZone; ++q) {
      EXPECT_EQ(code->modules[q * code->size + i], 0);                     // top
      EXPECT_EQ(code->modules[(code->size - 1 - q) * code->size + i], 0);  // bottom
      EXPECT_EQ(code->modules[i * code->size + q], 0);                     // left
      EXPECT_EQ(code->modules[i * code->size + code->size - 1 - q], 0);    // right
    }
  // The finder pattern's corner is black, just inside the quiet zone.
  EXPECT_EQ(code->modules[kQuietZone * code->size + kQuietZone], 1);
}

TEST(Qr, SameTextSameModules) {
  auto a = qr_encode("https://example.org/item/1.html");
  auto b = qr_encode("https://example.org/item/1.html");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->modules, b->modules);
}

TEST(Qr, RejectsEmptyText) { EXPECT_FALSE(qr_encode("").ok()); }

TEST(Qr, GuideUrlReplacesTheImplementationCode) {
  Settings s;
  s.guide_url_template = "https://zwfw.example.cn/item/{impl_code}.html?c={impl_code}";
  Item it;
  it.field(El::ImplCode).text = "11130731402547295C4130101001000";
  EXPECT_EQ(guide_url(s, it),
            "https://zwfw.example.cn/item/11130731402547295C4130101001000.html?c=11130731402547295C4130101001000");
  it.field(El::ImplCode).text = "";
  EXPECT_EQ(guide_url(s, it), "");
  it.field(El::ImplCode).text = "X";
  s.guide_url_template = "";
  EXPECT_EQ(guide_url(s, it), "");
}

TEST(Sheet, OverlappingFindsOnlyBoxesThatShareArea) {
  std::vector<Box> boxes = {{0, 0, 10, 10, "a"}, {10, 0, 20, 10, "b"}, {5, 5, 15, 15, "c"}};
  auto pairs = overlapping(boxes);
  ASSERT_EQ(pairs.size(), 2u);  // a–c and b–c; a and b only touch
  EXPECT_EQ(pairs[0], (std::pair<size_t, size_t>{0, 2}));
  EXPECT_EQ(pairs[1], (std::pair<size_t, size_t>{1, 2}));
}

TEST(Sheet, PlaceBlockMovesEveryOperation) {
  Block b;
  b.height = 30;
  layout::TextOp t;
  t.line.glyphs = {{U'字', 0, 12}};
  t.size = 12;
  t.x = 5;
  t.y = -10;
  b.texts.push_back(t);
  b.rules.push_back({0, -20, 50, -20, 0.5});
  b.rects.push_back({1, -25, 4, 4, 0.8, -1});
  auto code = qr_encode("x");
  ASSERT_TRUE(code.ok());
  b.codes.push_back({code.value(), 60, -30, 30});
  Sheet s;
  place_block(b, 100, 500, s);
  EXPECT_DOUBLE_EQ(s.page.texts[0].x, 105);
  EXPECT_DOUBLE_EQ(s.page.texts[0].y, 490);
  EXPECT_DOUBLE_EQ(s.page.rules[0].y2, 480);
  EXPECT_DOUBLE_EQ(s.page.rects[0].y, 475);
  EXPECT_DOUBLE_EQ(s.codes[0].x, 160);
  auto boxes = sheet_boxes(s);
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_EQ(boxes[0].what, "字");
  EXPECT_DOUBLE_EQ(boxes[0].x1, 117);
  EXPECT_NEAR(boxes[0].y1, 490 + 12 * layout::kAscent, 1e-9);
}

}  // namespace
}  // namespace qd::print
