#include "spreadsheet_reader/ooxml_text.h"

#include "base/text.h"

namespace qd {

namespace {

// Parses the four hex digits at s[0..3]; returns -1 if they are not hex.
int hex4(std::string_view s) {
  int v = 0;
  for (int k = 0; k < 4; ++k) {
    char c = s[k];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

// If s[i..] is "_xHHHH_", returns the code unit, else -1.
int escape_at(std::string_view s, size_t i) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
  return hex4(s.substr(i + 2, 4));
}

}  // namespace

std::string normalize_newlines(std::string_view s) {
  if (s.find('\r') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string decode_ooxml_text(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return normalize_newlines(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int u = escape_at(s, i);
    if (u < 0) {
      out += s[i++];
      continue;
    }
    i += 7;
    char32_t cp = static_cast<char32_t>(u);
    if (u >= 0xD800 && u <= 0xDBFF) {
      int lo = escape_at(s, i);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) +
             (static_cast<char32_t>(lo) - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      cp = 0xFFFD;
    }
    utf8_append(out, cp);
  }
  return normalize_newlines(out);
}

}  // namespace qd
