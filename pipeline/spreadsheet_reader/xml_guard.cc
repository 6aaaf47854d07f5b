#include "spreadsheet_reader/xml_guard.h"

namespace qd {

XmlGuardResult check_xml(std::string_view xml, int max_depth, size_t max_text_bytes) {
  size_t i = 0;
  int depth = 0;
  const size_t n = xml.size();
  while (i < n) {
    size_t lt = xml.find('<', i);
    size_t text_end = lt == std::string_view::npos ? n : lt;
    if (text_end - i > max_text_bytes) return XmlGuardResult::TextTooLong;
    if (lt == std::string_view::npos) break;
    std::string_view rest = xml.substr(lt);
    if (rest.size() < 2) return XmlGuardResult::Broken;
    char c = rest[1];
    if (c == '?') {
      size_t e = xml.find("?>", lt + 2);
      if (e == std::string_view::npos) return XmlGuardResult::Broken;
      i = e + 2;
    } else if (rest.substr(0, 4) == "<!--") {
      size_t e = xml.find("-->", lt + 4);
      if (e == std::string_view::npos) return XmlGuardResult::Broken;
      i = e + 3;
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      size_t e = xml.find("]]>", lt + 9);
      if (e == std::string_view::npos) return XmlGuardResult::Broken;
      if (e - (lt + 9) > max_text_bytes) return XmlGuardResult::TextTooLong;
      i = e + 3;
    } else if (c == '!') {
      // <!DOCTYPE, <!ENTITY, <!ELEMENT ...: never needed in OOXML.
      return XmlGuardResult::Doctype;
    } else if (c == '/') {
      size_t e = xml.find('>', lt + 2);
      if (e == std::string_view::npos) return XmlGuardResult::Broken;
      if (--depth < 0) return XmlGuardResult::Broken;
      i = e + 1;
    } else {
      // Start tag: find its '>' outside attribute quotes.
      size_t j = lt + 1;
      char quote = 0;
      for (; j < n; ++j) {
        char d = xml[j];
        if (quote) {
          if (d == quote) quote = 0;
        } else if (d == '"' || d == '\'') {
          quote = d;
        } else if (d == '>' || d == '<') {
          break;
        }
      }
      if (j >= n || xml[j] != '>') return XmlGuardResult::Broken;
      if (xml[j - 1] != '/') {
        if (++depth > max_depth) return XmlGuardResult::TooDeep;
      }
      i = j + 1;
    }
  }
  return XmlGuardResult::Ok;
}

}  // namespace qd
