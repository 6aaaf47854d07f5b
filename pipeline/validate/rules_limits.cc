// LIMIT-FORMAT, LIMIT-ORDER and LIMIT-INSTANT: 法定办结时限 and 承诺办结时限.
#include <algorithm>

#include "validate/rules.h"

namespace qd::vrules {

namespace {

// Removes every occurrence of `what` from `s`.
void erase_all(std::string& s, std::string_view what) {
  for (size_t p; (p = s.find(what)) != std::string::npos;) s.erase(p, what.size());
}

// True if `s` starts with `prefix`; if so removes it.
bool eat(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// Reads a leading number (Arabic, or Chinese up to 九千九百九十九); -1 if none.
int read_number(std::string_view& s) {
  size_t i = 0;
  int v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && v < 100000) v = v * 10 + (s[i++] - '0');
  if (i > 0) {
    s.remove_prefix(i);
    return v;
  }
  static const std::pair<std::string_view, int> kDigits[] = {
      {"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4},
      {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
  static const std::pair<std::string_view, int> kUnits[] = {{"十", 10}, {"百", 100}, {"千", 1000}};
  int total = 0, pending = -1;
  bool any = false;
  for (;;) {
    bool matched = false;
    for (auto [t, d] : kDigits)
      if (eat(s, t)) { pending = d; matched = any = true; break; }
    if (matched) continue;
    for (auto [t, u] : kUnits)
      if (eat(s, t)) { total += (pending < 0 ? 1 : pending) * u; pending = -1; matched = any = true; break; }
    if (!matched) break;
  }
  if (!any) return -1;
  return total + (pending < 0 ? 0 : pending);
}

// The span in natural days a limit may cover, as [lo, hi].
std::pair<int, int> natural_range(const Limit& l) {
  switch (l.unit) {
    case LimitUnit::Instant: return {0, 0};
    case LimitUnit::NaturalDays: return {l.n, l.n};
    case LimitUnit::WorkingDays: {
      // At least the weekends inside; at most two more weekend days and a holiday week.
      int lo = l.n + 2 * ((l.n - 1) / 5);
      return {lo, lo + 9};
    }
    case LimitUnit::Months: return {28 * l.n, 31 * l.n};
    default: return {0, 1 << 30};
  }
}

// Resolves a bare 日/天: working days for 行政许可 (行政许可法第八十二条), else natural days.
Limit resolve(Limit l, bool licence) {
  if (l.unit == LimitUnit::Days) l.unit = licence ? LimitUnit::WorkingDays : LimitUnit::NaturalDays;
  return l;
}

}  // namespace

// Reads a 办结时限 into unit and number (see rules.h for the accepted forms).
std::optional<Limit> parse_limit(std::string_view text) {
  std::string t = trim(fold_width(text));
  // A parenthesised note ("20个工作日(不含专家评审时间)") belongs to the text, not the limit.
  bool noted = false;
  if (size_t p = t.find('('); p != std::string::npos && p > 0) {
    t = trim(t.substr(0, p));
    noted = true;
  }
  erase_all(t, " ");
  // "自受理之日起20个工作日": the counting start is not part of the limit.
  if (size_t p = t.find("之日起"); p != std::string::npos) t = t.substr(p + 9);
  if (t.ends_with("以内")) t.resize(t.size() - 6);
  else if (t.ends_with("内")) t.resize(t.size() - 3);
  static const std::string_view kInstant[] = {"即办", "即时办结", "当场办结", "立即办结",
                                              "当场办理", "即时办理", "当日办结", "当天办结", "当场", "即办件"};
  for (std::string_view w : kInstant)
    if (t == w) return Limit{LimitUnit::Instant, 0, noted ? "" : "即办"};
  static const std::string_view kNone[] = {"无", "无法定时限", "法律法规未规定", "法律未规定",
                                           "未规定", "无规定", "法律法规无规定"};
  for (std::string_view w : kNone)
    if (t == w) return Limit{LimitUnit::None, 0, ""};

  // A bare number, as platforms export a limit and clerks type one (a
  // number cell): working days, the unit the national platform counts
  // limits in; 0 is 即办.
  if (!t.empty() && t.size() <= 5 && all_digits(t)) {
    int days = std::stoi(t);
    if (days == 0) return Limit{LimitUnit::Instant, 0, noted ? "" : "即办"};
    return Limit{LimitUnit::WorkingDays, days, noted ? "" : std::to_string(days) + "个工作日"};
  }

  std::string_view s = t;
  int n = read_number(s);
  if (n <= 0) return std::nullopt;
  Limit l{LimitUnit::Days, n, ""};
  if (eat(s, "个工作日") || eat(s, "工作日")) {
    l.unit = LimitUnit::WorkingDays;
    l.canonical = std::to_string(n) + "个工作日";
  } else if (eat(s, "个自然日") || eat(s, "自然日")) {
    l.unit = LimitUnit::NaturalDays;
    l.canonical = std::to_string(n) + "个自然日";
  } else if (eat(s, "日") || eat(s, "天")) {
    l.unit = LimitUnit::Days;
  } else if (eat(s, "个月") || eat(s, "月")) {
    l.unit = LimitUnit::Months;
  } else {
    return std::nullopt;
  }
  if (!s.empty()) return std::nullopt;
  if (noted) l.canonical.clear();
  return l;
}

// Parses both limits (reporting LIMIT-FORMAT), canonicalises the explicit
// ones, then compares them (LIMIT-ORDER) and checks them against 办件类型
// (LIMIT-INSTANT).
void check_limits(Catalog& c, Item& item) {
  auto read = [&](El e, bool allow_none) -> std::optional<Limit> {
    Field& f = item.field(e);
    if (trim(f.text).empty()) return std::nullopt;  // REQ-MISSING
    std::optional<Limit> l = parse_limit(f.text);
    if (l && l->unit == LimitUnit::None && !allow_none) l.reset();
    if (!l) {
      add(c, item, place_of(f, item.at), "LIMIT-FORMAT", Severity::Error,
          q(element(e).label) + "的值" + q(trim(f.text)) +
              "无法识别，请填写数字加单位，如“20个工作日”“30个自然日”；当场办结的填“即办”。");
      return std::nullopt;
    }
    if (!l->canonical.empty()) f.text = l->canonical;
    return l;
  };
  std::optional<Limit> legal = read(El::LegalLimit, true);
  std::optional<Limit> promised = read(El::PromisedLimit, false);
  const bool licence = item.type_code() == "01";
  const std::string& legal_text = item.get(El::LegalLimit);
  const std::string& promised_text = item.get(El::PromisedLimit);
  Place promised_at = place_of(item, El::PromisedLimit);

  if (legal && promised && legal->unit != LimitUnit::None) {
    Limit a = resolve(*legal, licence), b = resolve(*promised, licence);
    bool longer;
    if (a.unit == b.unit)
      longer = b.n > a.n;
    else if (b.unit == LimitUnit::Instant)
      longer = false;
    else if (a.unit == LimitUnit::Instant)
      longer = true;
    else
      longer = natural_range(b).first > natural_range(a).second;
    if (longer)
      add(c, item, promised_at, "LIMIT-ORDER", Severity::Error,
          "承诺办结时限（" + promised_text + "）长于法定办结时限（" + legal_text + "），请改为" +
              (a.unit == LimitUnit::Instant ? std::string("“即办”") : "不超过" + legal_text) + "。");
  }

  std::string case_type = code_of(item, El::CaseType);
  if (promised && case_type == "1" && promised->unit != LimitUnit::Instant)
    add(c, item, promised_at, "LIMIT-INSTANT", Severity::Error,
        "“办件类型”为即办件，但“承诺办结时限”为" + q(promised_text) +
            "：即办件的承诺办结时限应填“即办”；如不能当场办结，请把办件类型改为承诺件。");
  if (promised && case_type == "2" && promised->unit == LimitUnit::Instant)
    add(c, item, promised_at, "LIMIT-INSTANT", Severity::Error,
        "“办件类型”为承诺件，但“承诺办结时限”为" + q(promised_text) +
            "：能当场办结的事项请把办件类型改为即办件，否则请填写承诺的工作日数，如“5个工作日”。");
}

}  // namespace qd::vrules
