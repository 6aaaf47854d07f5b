#include "spreadsheet_reader/number_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <charconv>
#include <string_view>

namespace qd {

std::string format_number(double v) {
  if (!std::isfinite(v)) return "0";
  if (v == 0) return "0";  // also -0
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e17) {
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
    return std::string(buf, r.ptr);
  }
  // The shortest digits that read back to the same double, laid out like
  // %.17g: fixed notation for exponents -4..16, else "d.ddde+XX".
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(r.ptr - buf));
  size_t e = sci.find('e');
  std::string_view mant = sci.substr(0, e);
  int exp = std::atoi(std::string(sci.substr(e + 1)).c_str());
  bool neg = !mant.empty() && mant[0] == '-';
  if (neg) mant.remove_prefix(1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  if (exp < -4 || exp >= 17) return std::string(sci);
  std::string out = neg ? "-" : "";
  if (exp < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exp - 1), '0');
    out += digits;
  } else {
    size_t int_len = static_cast<size_t>(exp) + 1;
    if (digits.size() <= int_len) {
      out += digits;
      out.append(int_len - digits.size(), '0');
    } else {
      out += digits.substr(0, int_len);
      out += '.';
      out += digits.substr(int_len);
    }
  }
  return out;
}

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code) {
  // Only the first section (positive numbers) matters.
  bool has_ymd = false, has_y_or_d = false, has_time = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      size_t e = code.find('"', i + 1);
      if (e == std::string_view::npos) break;
      i = e;
      continue;
    }
    if (c == '[') {
      size_t e = code.find(']', i + 1);
      if (e == std::string_view::npos) break;
      std::string_view inner = code.substr(i + 1, e - i - 1);
      // [h], [mm], [ss]: elapsed time.
      if (!inner.empty() && (inner[0] == 'h' || inner[0] == 'H' || inner[0] == 'm' ||
                             inner[0] == 'M' || inner[0] == 's' || inner[0] == 'S'))
        has_time = true;
      i = e;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal / padding
      continue;
    }
    switch (c) {
      case 'y': case 'Y': case 'd': case 'D':
        has_ymd = has_y_or_d = true;
        break;
      case 'm': case 'M':
        has_ymd = true;
        break;
      case 'h': case 'H': case 's': case 'S':
        has_time = true;
        break;
      default:
        break;
    }
  }
  if (has_y_or_d) return true;
  // A lone 'm' is months unless the format also has hours or seconds
  // (then it is minutes).
  return has_ymd && !has_time;
}

}  // namespace qd
