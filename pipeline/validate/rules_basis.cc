// BASIS-MISSING and BASIS-FORM: the legal basis (设定依据) of an item.
#include "validate/rules.h"

namespace qd::vrules {

namespace {

// True for a character that may stand inside 第…条: a digit or a Chinese numeral.
bool numeral(char32_t cp) {
  static const std::u32string kChinese = U"〇零一二三四五六七八九十百千两";
  return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == ' ' ||
         kChinese.find(cp) != std::u32string::npos;
}

}  // namespace

// True when the text names a law in book-title marks: 《…》 with something inside.
bool basis_has_title(std::string_view text) {
  std::u32string u = utf8_decode(text);
  size_t open = u.find(U'《');
  if (open == std::u32string::npos) return false;
  size_t close = u.find(U'》', open + 1);
  return close != std::u32string::npos && close > open + 1;
}

// True when the text cites an article: 第 + numerals + 条 (第十二条, 第12条).
bool basis_has_article(std::string_view text) {
  std::u32string u = utf8_decode(text);
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'第') continue;
    size_t j = i + 1;
    while (j < u.size() && numeral(u[j])) ++j;
    if (j > i + 1 && j < u.size() && u[j] == U'条') return true;
  }
  return false;
}

// An empty 设定依据 is an error proposing cancellation (依法依规); a basis
// without 《law》 or without an article is a warning.
void check_basis(Catalog& c, Item& item) {
  const std::string& basis = item.get(El::Basis);
  Place at = place_of(item, El::Basis);
  if (trim(basis).empty()) {
    add(c, item, at, "BASIS-MISSING", Severity::Error,
        "“设定依据”为空：没有法律法规依据的事项不得列入清单，建议取消该事项；如有依据，请填写法律法规名称（用书名号）及具体条款，如《中华人民共和国行政许可法》第十二条。");
    return;
  }
  bool title = basis_has_title(basis), article = basis_has_article(basis);
  if (title && article) return;
  std::string lacks = !title && !article ? "既没有用书名号写明法律法规名称，也没有写明具体条款"
                      : !title           ? "没有用书名号《》写明法律法规名称"
                                         : "没有写明具体条款（第…条）";
  add(c, item, at, "BASIS-FORM", Severity::Warning,
      "“设定依据”" + lacks + "，请按“《法律法规名称》第…条”的格式填写，如《中华人民共和国行政许可法》第十二条。");
}

}  // namespace qd::vrules
