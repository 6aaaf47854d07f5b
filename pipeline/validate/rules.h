// Internal interface of the validation stage: one function per rule family
// (each in its own rules_*.cc with a test beside it) and the helpers they
// share. validate() in validate.cc runs them in order.
//
// Rule ids (rules.md, plus the ones this stage adds where rules.md is silent):
//   BASIS-MISSING e, BASIS-FORM w, REQ-MISSING e, ENUM-VALUE e, POWER-MISMATCH e,
//   POWER-OMITTED e, PUBLIC-FEWER e, DUPLICATE e, CODE-FORMAT e, CREDIT-CODE e,
//   CODE-CONFLICT e (between the items' provincial codes; the codes stage
//   reports the registry's),
//   LIMIT-ORDER e, LIMIT-INSTANT e, FEE-BASIS e, ONLINE-VISITS e, VISIT-REASON w,
//   ONLINE-URL w, PHONE e, MATERIALS-NONE e, MATERIAL-SHARED h, PROCESS-STEPS e,
//   TEXT-CHARS w, DEPT-UNKNOWN w, SUBMISSION-LATE r;
//   added: LIMIT-FORMAT e (a 办结时限 that cannot be read), NAME-LENGTH w (事项名称
//   over 200 characters), CODE-MISMATCH w (input codes that disagree with the
//   item's own type, level or agency code), SUBMISSION-DATE w (填报信息 without
//   a usable 报送日期), TEXT-FORMULA w (a value starting with = + - @, tab or
//   CR, which a spreadsheet would run as a formula; see rules_formula.cc for
//   why a warning), WINDOW-EMPTY h (a hall's window that handles no
//   published item, and so gets no poster; rules_windows.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace qd::vrules {

// ---- shared helpers (validate.cc) ----------------------------------------

// The place of a value: its own cell, or `fallback` when the value has none
// (a column the sheet lacks).
Place place_of(const Field& f, const Place& fallback);
// The place of element `e` of an item (its cell, else the item's row).
Place place_of(const Item& item, El e);
// Records an item finding.
void add(Catalog& c, Item& item, Place at, std::string_view rule, Severity sev, std::string msg);
// Records a finding that belongs to no item (lists, submissions).
void add_free(Catalog& c, Place at, std::string_view rule, Severity sev, std::string msg,
              std::string department = {}, std::string item = {});
// “text” — Chinese quotation marks around a label or value.
std::string q(std::string_view s);
// Key for comparing names: trimmed and width-folded.
std::string name_key(std::string_view s);
// The registered full name of a department named by full or short name;
// the name itself (as a key) when it is not registered.
std::string dept_key(const Settings& s, std::string_view name);
// The registered department named by full or short name, or nullptr.
const DepartmentInfo* find_department(const Settings& s, std::string_view name);
// True when the item is marked 事项状态 = 取消 (retired by its department).
bool is_retired(const Item& item);
// The code of a coded element's value ("" when empty or not in the table).
std::string code_of(const Item& item, El e);

// ---- rule families ---------------------------------------------------------

// TEXT-CHARS over every field and sub-table cell of an item (rules_text.cc).
void check_text(Catalog& c, Item& item);
// TEXT-CHARS over the reference lists and submissions (rules_text.cc).
void check_text_lists(Catalog& c);
// TEXT-FORMULA over every field and sub-table cell of an item (rules_formula.cc).
void check_formulas(Catalog& c, Item& item);
// ENUM-VALUE and canonicalisation of coded elements and sub-table columns (rules_enum.cc).
void check_enums(Catalog& c, Item& item);
// ENUM-VALUE and canonicalisation of the reference lists' coded columns (rules_enum.cc).
void check_list_enums(Catalog& c);
// REQ-MISSING (elements and sub-table columns) and NAME-LENGTH (rules_required.cc).
void check_required(Catalog& c, Item& item);
// BASIS-MISSING, BASIS-FORM (rules_basis.cc).
void check_basis(Catalog& c, Item& item);
// CODE-FORMAT, CREDIT-CODE, CODE-MISMATCH, and REQ-MISSING for a 基本编码
// the province's scheme needs (rules_codes.cc).
void check_codes(Catalog& c, Item& item);
// CODE-CONFLICT: one provincial 实施编码 or 基本编码 on two items (rules_codes.cc).
void check_unique_codes(Catalog& c);
// LIMIT-FORMAT, LIMIT-ORDER, LIMIT-INSTANT (rules_limits.cc).
void check_limits(Catalog& c, Item& item);
// FEE-BASIS (rules_fees.cc).
void check_fees(Catalog& c, Item& item);
// ONLINE-VISITS, VISIT-REASON, ONLINE-URL (rules_online.cc).
void check_online(Catalog& c, Item& item);
// PHONE (rules_phone.cc).
void check_phones(Catalog& c, Item& item);
// MATERIALS-NONE, MATERIAL-SHARED, PROCESS-STEPS (rules_subtables.cc).
void check_subtables(Catalog& c, Item& item);
// POWER-MISMATCH, POWER-OMITTED, PUBLIC-FEWER (rules_lists.cc).
void check_lists(Catalog& c);
// DUPLICATE (rules_lists.cc).
void check_duplicates(Catalog& c);
// DEPT-UNKNOWN, SUBMISSION-LATE, SUBMISSION-DATE (rules_submission.cc).
void check_submissions(Catalog& c);

// ---- small predicates, exposed for tests -------------------------------------

// True when a 设定依据 names a law in 《…》 (rules_basis.cc).
bool basis_has_title(std::string_view text);
// True when a 设定依据 cites an article, 第…条 (rules_basis.cc).
bool basis_has_article(std::string_view text);
// True for an absolute http(s) URL with a host and no white space (rules_online.cc).
bool url_valid(std::string_view url);
// True when a spreadsheet would take the text as a formula: it starts with
// '=', '+', '-', '@', a tab or a carriage return (rules_formula.cc; the CSV
// writer, writers/csv.h, neutralises the same characters).
bool formula_start(std::string_view text);

// ---- limits (rules_limits.cc) ----------------------------------------------

enum class LimitUnit {
  Instant,      // 即办, 当场办结, 立即办结, 即时办结, 当日办结
  WorkingDays,  // N个工作日
  NaturalDays,  // N个自然日
  Days,         // N日 / N天: working days for 行政许可 (行政许可法第八十二条), else natural
  Months,       // N个月
  None,         // 无 / 法律法规未规定 (accepted for the legal limit only)
};

struct Limit {
  LimitUnit unit = LimitUnit::Instant;
  int n = 0;
  std::string canonical;  // the one form ("20个工作日", "即办"); "" to keep the text
};

// Parses a 办结时限; nullopt if it cannot be read. Accepts Arabic or Chinese
// numerals, full-width forms, spaces, a leading "自受理之日起", a trailing 内
// and a parenthesised note.
std::optional<Limit> parse_limit(std::string_view text);

// ---- phones (rules_phone.cc) -------------------------------------------------

enum class PhoneStatus { Ok, NoAreaCode, Invalid };

// Checks one telephone number; on Ok writes its digits (area code and local
// number, or the mobile number) to *norm.
PhoneStatus check_phone_number(std::string_view number, std::string* norm);

// Splits a phone cell holding several numbers (、 ； ; , ， / 或 line breaks).
std::vector<std::string> split_phones(std::string_view cell);

}  // namespace qd::vrules
