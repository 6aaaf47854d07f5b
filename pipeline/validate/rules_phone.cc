// PHONE: 咨询电话 and 监督投诉电话 — numbers with area code, and different.
#include <algorithm>

#include "validate/rules.h"

namespace qd::vrules {

namespace {

// True if every character is an ASCII digit (empty counts as true).
bool digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// True for a local landline number: 7–8 digits, not starting with 0 or 1,
// or a 5-digit 123xx government hotline.
bool local_ok(std::string_view s) {
  if (s.size() == 5 && s.starts_with("123")) return digits(s);
  return (s.size() == 7 || s.size() == 8) && digits(s) && s[0] >= '2';
}

// Length of the area code at the head of a number starting with 0: 3 for 010 and 02x, else 4.
size_t area_length(std::string_view d) {
  return (d.starts_with("010") || d.starts_with("02")) ? 3 : 4;
}

}  // namespace

// Splits a phone cell into its numbers.
std::vector<std::string> split_phones(std::string_view cell) {
  return split_any(fold_width(cell), {"、", "；", ";", ",", "，", "/", "\n", "或"});
}

// Classifies one number: landline with area code, mobile, hotline, or not.
PhoneStatus check_phone_number(std::string_view number, std::string* norm) {
  std::string p = trim(fold_width(number));
  // Extension: "0313-6521234转801".
  if (size_t x = p.find("转"); x != std::string::npos) {
    if (!digits(trim(p.substr(x + 3))) || trim(p.substr(x + 3)).empty()) return PhoneStatus::Invalid;
    p = trim(p.substr(0, x));
  }
  if (p.starts_with("+86")) p = trim(p.substr(3));
  // "(0313)6521234": drop the brackets around the area code.
  if (p.starts_with("(")) {
    size_t close = p.find(')');
    if (close == std::string::npos) return PhoneStatus::Invalid;
    p = p.substr(1, close - 1) + "-" + p.substr(close + 1);
  }
  // Groups separated by '-' or spaces.
  std::vector<std::string> groups = split_any(p, {"-", " "});
  if (groups.empty()) return PhoneStatus::Invalid;
  for (const std::string& g : groups)
    if (!digits(g)) return PhoneStatus::Invalid;
  // "0313-6521234-801": a third group after a full landline is an extension.
  if (groups.size() == 3 && groups[0].starts_with("0") && local_ok(groups[1]) && groups[2].size() <= 5)
    groups.pop_back();
  std::string d;
  for (const std::string& g : groups) d += g;

  if (d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9') {  // mobile
    *norm = d;
    return PhoneStatus::Ok;
  }
  if (d.size() == 10 && (d.starts_with("400") || d.starts_with("800"))) {  // national service lines
    *norm = d;
    return PhoneStatus::Ok;
  }
  if (d.size() == 5 && d.starts_with("123")) {  // 12345 and the other 123xx hotlines
    *norm = d;
    return PhoneStatus::Ok;
  }
  if (d.starts_with("0")) {
    size_t a = area_length(d);
    if (d.size() > a && local_ok(d.substr(a))) {
      *norm = d;
      return PhoneStatus::Ok;
    }
    return PhoneStatus::Invalid;
  }
  if (local_ok(d) && d.size() >= 7) {
    *norm = d;
    return PhoneStatus::NoAreaCode;
  }
  return PhoneStatus::Invalid;
}

// Checks every number of both phone elements, then that they differ.
void check_phones(Catalog& c, Item& item) {
  std::vector<std::string> sets[2];
  const El els[2] = {El::ConsultPhone, El::ComplaintPhone};
  for (int k = 0; k < 2; ++k) {
    const std::string& cell = item.get(els[k]);
    const std::string label = std::string(element(els[k]).label);
    bool all_ok = true;
    for (const std::string& number : split_phones(cell)) {
      std::string norm;
      PhoneStatus st = check_phone_number(number, &norm);
      if (st == PhoneStatus::Ok) {
        sets[k].push_back(norm);
        continue;
      }
      all_ok = false;
      const std::string area = c.settings.area_code.empty() ? std::string("区号") : c.settings.area_code;
      std::string msg =
          st == PhoneStatus::NoAreaCode
              ? q(label) + "中的" + q(number) + "缺少区号，请补全区号，如" +
                    q(area + "-" + norm) + "。"
              : q(label) + "中的" + q(number) + "不是有效的电话号码：固定电话应带区号，如" +
                    q(area + "-6521234") + "，手机号码为1开头的11位数字；多个号码用顿号分隔。";
      add(c, item, place_of(item, els[k]), "PHONE", Severity::Error, std::move(msg));
    }
    if (!all_ok) sets[k].clear();
    std::sort(sets[k].begin(), sets[k].end());
    sets[k].erase(std::unique(sets[k].begin(), sets[k].end()), sets[k].end());
  }
  if (!sets[0].empty() && sets[0] == sets[1])
    add(c, item, place_of(item, El::ComplaintPhone), "PHONE", Severity::Error,
        "“监督投诉电话”与“咨询电话”相同（" + trim(item.get(El::ComplaintPhone)) +
            "）：监督投诉电话应为监督、投诉渠道的号码，请改为与咨询电话不同的号码（可填12345政务服务便民热线）。");
}

}  // namespace qd::vrules
