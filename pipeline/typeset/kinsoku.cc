#include "typeset/kinsoku.h"

#include "typeset/line.h"

namespace qd::ts {

// Closing punctuation, middle dots, slashes and postfix signs: never at the
// start of a line (layout.md plus the ASCII closing forms).
bool no_line_start(char32_t cp, bool strict) {
  switch (cp) {
    case U'、': case U'。': case U'，': case U'．': case U'：': case U'；':
    case U'！': case U'？': case U'”': case U'’': case U'」': case U'』':
    case U'）': case U'〕': case U'］': case U'｝': case U'】': case U'〗':
    case U'》': case U'〉': case U'～': case U'·': case U'・': case U'‧':
    case U'/': case U'／': case U'〙': case U'〛': case U'｠': case U'｣':
    case U'％': case U'‰': case U'℃': case U'°':
    case U',': case U'.': case U';': case U':': case U'!': case U'?':
    case U')': case U']': case U'}': case U'%':
      return true;
    case U'—': case U'…': case U'⋯': case U'⸺': case U'⸻':
      return strict;
    default:
      return false;
  }
}

// Opening brackets and quotes: never at the end of a line.
bool no_line_end(char32_t cp) {
  switch (cp) {
    case U'“': case U'‘': case U'「': case U'『': case U'（': case U'〔':
    case U'［': case U'｛': case U'【': case U'〖': case U'《': case U'〈':
    case U'〘': case U'〚': case U'｟': case U'｢':
    case U'(': case U'[': case U'{':
      return true;
    default:
      return false;
  }
}

// Punctuation whose glyph is half ink, half space in GB-style fonts.
bool squeezable(char32_t cp) {
  switch (cp) {
    case U'、': case U'。': case U'，': case U'．': case U'：': case U'；':
    case U'！': case U'？': case U'”': case U'’': case U'」': case U'』':
    case U'）': case U'〕': case U'］': case U'｝': case U'】': case U'〗':
    case U'》': case U'〉':
      return true;
    default:
      return false;
  }
}

// Printable ASCII but space, full-width alphanumerics, Latin letters.
bool latin_run_char(char32_t cp) {
  if (cp > 0x20 && cp < 0x7F) return true;
  if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
      (cp >= 0xFF41 && cp <= 0xFF5A))
    return true;
  return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

// 0-9 and ０-９.
bool is_digit(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

// CJK Unified Ideographs (BMP and supplementary planes) and compatibility ideographs.
bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3007;
}

// Han, CJK symbols, kana, Hangul and full-width forms.
bool is_wide_cjk(char32_t cp) {
  return is_han(cp) || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF01 && cp <= 0xFF60) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xFE30 && cp <= 0xFE4F);
}

// A unit after a number: any Han character or a percent/degree sign.
bool unit_after_number(char32_t cp) {
  return is_han(cp) || cp == U'％' || cp == U'‰' || cp == U'℃' || cp == U'°';
}

size_t unit_length(std::u32string_view rest) {
  // Longest first, so that 个工作日 wins over 个.
  static constexpr std::u32string_view kUnits[] = {
      U"个工作日", U"个自然日", U"个小时", U"个月", U"工作日", U"自然日", U"小时", U"分钟",
      U"周岁", U"平方米", U"立方米", U"平方公里", U"公里", U"万元", U"千米", U"公斤"};
  for (std::u32string_view u : kUnits)
    if (rest.starts_with(u)) return u.size();
  return 0;
}

bool date_part(char32_t cp) { return cp == U'年' || cp == U'月'; }

// — … ⋯ (written as pairs); ⸺ ⸻ are already one character but may repeat.
bool doubled_punctuation(char32_t cp) {
  return cp == U'—' || cp == U'…' || cp == U'⋯' || cp == U'⸺' || cp == U'⸻';
}

// The ASCII space hangs at a line end.
bool hangs_at_line_end(char32_t cp) { return cp == U' '; }

// Characters that force a line break.
bool mandatory_break(char32_t cp) {
  return cp == 0x0A || cp == 0x0B || cp == 0x0C || cp == 0x0D || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}

// Full-width opening brackets and quotes (no ASCII forms: they are narrow).
bool opening_bracket(char32_t cp) {
  switch (cp) {
    case U'（': case U'〔': case U'［': case U'｛': case U'【': case U'〖':
    case U'《': case U'〈': case U'「': case U'『': case U'“': case U'‘':
    case U'〘': case U'〚': case U'｟':
      return true;
    default:
      return false;
  }
}

// Full-width closing brackets and quotes.
bool closing_bracket(char32_t cp) {
  switch (cp) {
    case U'）': case U'〕': case U'］': case U'｝': case U'】': case U'〗':
    case U'》': case U'〉': case U'」': case U'』': case U'”': case U'’':
    case U'〙': case U'〛': case U'｠':
      return true;
    default:
      return false;
  }
}

// No closing mark at the start, no opening one at the end, —— and …… whole.
bool acceptable_forced_break(std::u32string_view t, size_t k, bool strict) {
  const char32_t a = t[k - 1], b = t[k];
  if (no_line_start(b, strict) || no_line_end(a)) return false;
  if (a == b && doubled_punctuation(a)) return false;
  return true;
}

}  // namespace qd::ts
