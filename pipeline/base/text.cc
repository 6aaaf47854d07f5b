#include "base/text.h"

#include <cstdio>

namespace qd {

namespace {

// Decodes the UTF-8 sequence at s[i] into *cp and returns its length, or
// returns 0 if it is not a valid one (truncated, overlong, a surrogate or
// beyond U+10FFFF).
int decode_at(std::string_view s, size_t i, char32_t* cp) {
  const unsigned char c = s[i];
  int extra;
  char32_t v;
  if (c < 0x80) {
    *cp = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    v = c & 0x1F;
    extra = 1;
  } else if ((c & 0xF0) == 0xE0) {
    v = c & 0x0F;
    extra = 2;
  } else if ((c & 0xF8) == 0xF0) {
    v = c & 0x07;
    extra = 3;
  } else {
    return 0;
  }
  for (int k = 1; k <= extra; ++k) {
    if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  if ((extra == 1 && v < 0x80) || (extra == 2 && v < 0x800) ||
      (extra == 3 && (v < 0x10000 || v > 0x10FFFF)) || (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return extra + 1;
}

}  // namespace

std::u32string utf8_decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const int n = decode_at(s, i, &cp);
    out.push_back(n ? cp : char32_t{0xFFFD});
    i += n ? static_cast<size_t>(n) : 1;
  }
  return out;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string utf8_encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t cp : s) utf8_append(out, cp);
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool utf8_valid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const int n = decode_at(s, i, &cp);
    if (n == 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

bool xml_char(char32_t cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  if (cp <= 0xD7FF) return true;
  if (cp < 0xE000) return false;
  if (cp <= 0xFFFD) return true;
  return cp >= 0x10000 && cp <= 0x10FFFF;
}

std::string xml_text(std::string_view s) {
  // Fast path: valid UTF-8 with nothing to remove is returned as it is.
  bool clean = true;
  for (size_t i = 0; i < s.size() && clean;) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const int n = decode_at(s, i, &cp);
    if (n == 0 || !xml_char(cp)) clean = false;
    i += n ? static_cast<size_t>(n) : 1;
  }
  if (clean) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : utf8_decode(s))
    if (xml_char(cp)) utf8_append(out, cp);
  return out;
}

namespace {

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' ||
         cp == '\f' || cp == 0x3000 || cp == 0xA0 || cp == 0xFEFF;
}

// Length of the white space (as is_space) that `s` starts with at `i`, or 0.
size_t space_at(std::string_view s, size_t i) {
  const std::string_view rest = s.substr(i);
  if (!rest.empty() && static_cast<unsigned char>(rest[0]) < 0x80 &&
      is_space(static_cast<unsigned char>(rest[0])))
    return 1;
  for (std::string_view sp : {"\u3000", "\u00A0", "\uFEFF"})
    if (rest.starts_with(sp)) return sp.size();
  return 0;
}

// Length of the white space that `s` ends with, or 0. In valid UTF-8 a
// match is a whole code point: lead bytes never occur inside one.
size_t space_before_end(std::string_view s) {
  if (!s.empty() && static_cast<unsigned char>(s.back()) < 0x80 &&
      is_space(static_cast<unsigned char>(s.back())))
    return 1;
  for (std::string_view sp : {"\u3000", "\u00A0", "\uFEFF"})
    if (s.ends_with(sp)) return sp.size();
  return 0;
}

}  // namespace

std::string trim(std::string_view s) {
  // Invalid bytes become U+FFFD, as everywhere else: decode and re-encode.
  if (!utf8_valid(s)) {
    std::u32string u = utf8_decode(s);
    size_t b = 0, e = u.size();
    while (b < e && is_space(u[b])) ++b;
    while (e > b && is_space(u[e - 1])) --e;
    return utf8_encode(std::u32string_view(u).substr(b, e - b));
  }
  // Valid text (nearly every cell): trimmed on its bytes, without a copy
  // into code points.
  size_t b = 0;
  while (size_t n = space_at(s, b)) b += n;
  s.remove_prefix(b);
  while (size_t n = space_before_end(s)) s.remove_suffix(n);
  return std::string(s);
}

std::string fold_width(std::string_view s) {
  if (!utf8_valid(s)) {  // invalid bytes become U+FFFD
    std::u32string u = utf8_decode(s);
    for (char32_t& cp : u) {
      if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
      else if (cp == 0x3000) cp = ' ';
    }
    return utf8_encode(u);
  }
  // Valid text: only the three-byte sequences led by 0xEF (full-width
  // forms) and 0xE3 (U+3000) can change.
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xEF || c == 0xE3) {
      char32_t cp;
      decode_at(s, i, &cp);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFEE0);
        i += 2;
        continue;
      }
      if (cp == 0x3000) {
        out += ' ';
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string normalize_header(std::string_view s) {
  std::string h = trim(fold_width(s));
  for (;;) {
    if (!h.empty() && h.back() == '*') {
      h.pop_back();
    } else if (h.size() >= 8 && h.compare(h.size() - 8, 8, "(必填)") == 0) {
      h.resize(h.size() - 8);
    } else {
      break;
    }
    h = trim(h);
  }
  // Line breaks inside a header cell ("事项\n名称") are layout, not content.
  std::string out;
  for (char c : h)
    if (c != '\n' && c != '\r') out += c;
  return out;
}

std::vector<std::string> split_any(std::string_view s,
                                   const std::vector<std::string_view>& seps) {
  std::vector<std::string> parts;
  size_t start = 0, i = 0;
  while (i <= s.size()) {
    size_t sep_len = 0;
    if (i < s.size()) {
      for (std::string_view sep : seps) {
        if (!sep.empty() && s.substr(i, sep.size()) == sep) {
          sep_len = sep.size();
          break;
        }
      }
    }
    if (i == s.size() || sep_len > 0) {
      std::string part = trim(s.substr(start, i - start));
      if (!part.empty()) parts.push_back(part);
      if (i == s.size()) break;
      i += sep_len;
      start = i;
    } else {
      ++i;
    }
  }
  return parts;
}

std::string column_name(int col) {
  std::string name;
  ++col;
  while (col > 0) {
    int rem = (col - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + rem));
    col = (col - 1) / 26;
  }
  return name;
}

std::string cell_ref(int row, int col) {
  return column_name(col) + std::to_string(row + 1);
}

bool parse_cell_ref(std::string_view ref, int* row, int* col) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  long c = 0;
  size_t letters = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + (ref[i] - 'A' + 1);
    if (c > 16384) return false;
    ++i;
    ++letters;
  }
  if (letters == 0) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  long r = 0;
  size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + (ref[i] - '0');
    if (r > 1048576) return false;
    ++i;
    ++digits;
  }
  if (digits == 0 || i != ref.size() || r == 0) return false;
  *row = static_cast<int>(r - 1);
  *col = static_cast<int>(c - 1);
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

bool Date::valid() const {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::chinese() const {
  return std::to_string(year) + "年" + std::to_string(month) + "月" +
         std::to_string(day) + "日";
}

// Howard Hinnant's days_from_civil.
long Date::days_since_epoch() const {
  int y = year - (month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = static_cast<long>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date date_from_excel_serial(double serial) {
  // Serial 25569 is 1970-01-01; Excel's fictitious 1900-02-29 (serial 60)
  // makes every serial below 61 one day off, which we do not care about.
  long days = static_cast<long>(serial) - 25569;
  return date_from_days(days);
}

bool parse_date(std::string_view s, Date* out) {
  std::string t = trim(s);
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  while (i < t.size() && n < 3) {
    if (t[i] >= '0' && t[i] <= '9') {
      int v = 0, digits = 0;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9' && digits < 5) {
        v = v * 10 + (t[i] - '0');
        ++i;
        ++digits;
      }
      parts[n++] = v;
    } else {
      // Separators: - / . 年 月 日 (multi-byte ones are skipped byte by byte).
      if (n == 0) return false;
      ++i;
    }
  }
  if (n != 3) return false;
  Date d{parts[0], parts[1], parts[2]};
  if (!d.valid()) return false;
  *out = d;
  return true;
}

}  // namespace qd
