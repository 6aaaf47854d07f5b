#include "spreadsheet_reader/ooxml_text.h"

#include <gtest/gtest.h>

namespace qd {
namespace {

TEST(OoxmlText, DecodesEscapes) {
  EXPECT_EQ(decode_ooxml_text("a_x000D_\nb"), "a\nb");
  EXPECT_EQ(decode_ooxml_text("_x0041__x0042_"), "AB");
  EXPECT_EQ(decode_ooxml_text("_x005F_x000D_"), "_x000D_");
  EXPECT_EQ(decode_ooxml_text("_x4E2D_"), "中");
  EXPECT_EQ(decode_ooxml_text("_xD83D__xDE00_"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(decode_ooxml_text("_xD83D_"), "\xEF\xBF\xBD");
  EXPECT_EQ(decode_ooxml_text("_x00G1_ _x12_"), "_x00G1_ _x12_");
  EXPECT_EQ(decode_ooxml_text("plain_text"), "plain_text");
}

TEST(OoxmlText, NormalizesNewlines) {
  EXPECT_EQ(normalize_newlines("a\r\nb\rc\nd"), "a\nb\nc\nd");
  EXPECT_EQ(decode_ooxml_text("x\r\ny"), "x\ny");
}

}  // namespace
}  // namespace qd
