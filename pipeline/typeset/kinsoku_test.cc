#include "typeset/kinsoku.h"

#include <gtest/gtest.h>

#include "typeset/line.h"

namespace qd::ts {
namespace {

TEST(Kinsoku, LineStartTableOfLayoutMd) {
  for (char32_t cp : std::u32string(U"、。，．：；！？”’」』）〕］｝】〗》〉～·・‧/／"))
    EXPECT_TRUE(no_line_start(cp, false)) << static_cast<uint32_t>(cp);
  for (char32_t cp : std::u32string(U"汉（“《a1 ")) EXPECT_FALSE(no_line_start(cp, true));
}

TEST(Kinsoku, DashesAndEllipsesOnlyInStrictMode) {
  for (char32_t cp : std::u32string(U"—…⋯⸺")) {
    EXPECT_TRUE(no_line_start(cp, true));
    EXPECT_FALSE(no_line_start(cp, false));
  }
}

TEST(Kinsoku, LineEndTable) {
  for (char32_t cp : std::u32string(U"“‘「『（〔［｛【〖《〈"))
    EXPECT_TRUE(no_line_end(cp)) << static_cast<uint32_t>(cp);
  for (char32_t cp : std::u32string(U"。）”汉a")) EXPECT_FALSE(no_line_end(cp));
}

TEST(Kinsoku, SqueezableIsClosingCjkPunctuation) {
  for (char32_t cp : std::u32string(U"，。、；：）」》”")) EXPECT_TRUE(squeezable(cp));
  for (char32_t cp : std::u32string(U"汉（a.—")) EXPECT_FALSE(squeezable(cp));
}

TEST(Kinsoku, CharacterClasses) {
  EXPECT_TRUE(latin_run_char(U'a'));
  EXPECT_TRUE(latin_run_char(U'/'));
  EXPECT_TRUE(latin_run_char(U'-'));
  EXPECT_TRUE(latin_run_char(U'５'));
  EXPECT_FALSE(latin_run_char(U' '));
  EXPECT_FALSE(latin_run_char(U'汉'));
  EXPECT_TRUE(is_digit(U'7'));
  EXPECT_TRUE(is_digit(U'７'));
  EXPECT_FALSE(is_digit(U'七'));
  EXPECT_TRUE(is_han(U'涿'));
  EXPECT_TRUE(is_han(U'\U00020000'));
  EXPECT_FALSE(is_han(U'。'));
  EXPECT_TRUE(is_wide_cjk(U'。'));
  EXPECT_TRUE(unit_after_number(U'个'));
  EXPECT_TRUE(unit_after_number(U'％'));
  EXPECT_FALSE(unit_after_number(U'，'));
  EXPECT_TRUE(doubled_punctuation(U'—'));
  EXPECT_TRUE(doubled_punctuation(U'…'));
  EXPECT_TRUE(mandatory_break(U'\n'));
  EXPECT_TRUE(hangs_at_line_end(U' '));
}

}  // namespace
}  // namespace qd::ts
