#include "writers/forms/code_sheet.h"

#include <algorithm>

#include "base/text.h"
#include "xlsx_writer/widths.h"

namespace qd {

namespace {

// Cuts to `max` code points (validation titles ≤ 32, messages ≤ 255).
std::string cut(std::string_view s, size_t max) {
  std::u32string u = utf8_decode(s);
  if (u.size() <= max) return std::string(s);
  u.resize(max - 1);
  u.push_back(U'…');
  return utf8_encode(u);
}

// Adds a validation, recording a library error in `book`.
void add(xlsx::Book& book, lxw_worksheet* ws, int col, int first_row, int last_row,
         lxw_data_validation* dv) {
  if (!ws) return;
  book.check(worksheet_data_validation_range(ws, first_row, col, last_row, col, dv),
             "设置数据有效性 " + column_name(col));
}

}  // namespace

std::string code_table_title(const CodeTable& table) {
  std::string_view n = table.name;
  if (n.starts_with("A.")) {
    size_t sp = n.find(' ');
    if (sp != std::string_view::npos) n = n.substr(sp + 1);
  }
  return std::string(n);
}

CodeSheet::CodeSheet() {
  auto use = [&](const CodeTable* t) {
    if (t && std::find(tables_.begin(), tables_.end(), t) == tables_.end()) tables_.push_back(t);
  };
  for (const ElementInfo& e : elements()) use(e.table);
  for (const SubTableInfo* s : {&materials_table(), &process_table(), &fees_table(), &faq_table()})
    for (const ColumnInfo& c : s->columns) use(c.table);
}

std::string CodeSheet::range(const CodeTable* table) const {
  auto it = std::find(tables_.begin(), tables_.end(), table);
  if (it == tables_.end() || table->values.empty()) return "";
  std::string col = column_name(static_cast<int>(it - tables_.begin()));
  return "=" + std::string(kCodeSheet) + "!$" + col + "$2:$" + col + "$" +
         std::to_string(table->values.size() + 1);
}

void CodeSheet::write(xlsx::Book& book) const {
  lxw_worksheet* ws = book.add_sheet(kCodeSheet);
  if (!ws) return;
  lxw_format* head = book.format(xlsx::header_style());
  lxw_format* body = book.format(xlsx::text_style());
  xlsx::Widths widths(static_cast<int>(tables_.size()), 8, 30);
  for (size_t c = 0; c < tables_.size(); ++c) {
    const CodeTable& t = *tables_[c];
    std::string title = code_table_title(t);
    book.text(ws, 0, static_cast<int>(c), title, head);
    widths.fit(static_cast<int>(c), title);
    for (size_t r = 0; r < t.values.size(); ++r) {
      book.text(ws, static_cast<int>(r + 1), static_cast<int>(c), t.values[r].label, body);
      widths.fit(static_cast<int>(c), t.values[r].label);
    }
  }
  book.check(widths.apply(ws), "设置列宽");
  worksheet_hide(ws);
  // The drop-downs read it: locked (no password) against a slip.
  worksheet_protect(ws, nullptr, nullptr);
}

void add_list_validation(xlsx::Book& book, lxw_worksheet* ws, int col, int first_row,
                         int last_row, const std::string& formula, bool multi,
                         std::string_view title, std::string_view help) {
  if (formula.empty()) return;
  std::string f = formula, t = cut(title, 30), h = cut(help, 250);
  std::string et = multi ? "可多选" : "请从下拉列表选择";
  std::string em = multi ? "该值不在列表中。可填多个值，用顿号“、”分隔，如“自然人、企业法人”。"
                         : "输入的值不在下拉列表中，请从列表中选择。";
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  dv.value_formula = f.data();
  dv.error_type = multi ? LXW_VALIDATION_ERROR_TYPE_INFORMATION : LXW_VALIDATION_ERROR_TYPE_STOP;
  dv.input_title = t.data();
  dv.input_message = h.data();
  dv.error_title = et.data();
  dv.error_message = em.data();
  if (h.empty()) dv.input_message = nullptr;
  if (t.empty()) dv.input_title = nullptr;
  add(book, ws, col, first_row, last_row, &dv);
}

void add_input_message(xlsx::Book& book, lxw_worksheet* ws, int col, int first_row,
                       int last_row, std::string_view title, std::string_view help) {
  if (help.empty()) return;
  std::string t = cut(title, 30), h = cut(help, 250);
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_ANY;
  dv.input_title = t.empty() ? nullptr : t.data();
  dv.input_message = h.data();
  add(book, ws, col, first_row, last_row, &dv);
}

}  // namespace qd
