#include "writers/forms/department_form.h"

#include <algorithm>

#include "writers/forms/code_sheet.h"
#include "writers/forms/instructions.h"
#include "xlsx_writer/book.h"
#include "model/display.h"
#include "xlsx_writer/print.h"
#include "xlsx_writer/widths.h"

namespace qd {

namespace {

// Light grey fill of the locked code columns.
constexpr uint32_t kLockedFill = 0xE7E6E6;

// The data-cell style of a column: bordered, wrapped, text-typed for codes
// and phones, unlocked unless `locked`.
xlsx::Style data_style(bool text, bool locked) {
  xlsx::Style s = xlsx::body_style();
  if (text) s.num_format = "@";
  s.locked = locked;
  if (locked) s.fill = kLockedFill;
  return s;
}

// Protects a sheet without a password, so that a clerk does not change
// its locked cells (header row, codes, instructions) by mistake; the
// unlocked input cells stay editable, and with `rows` rows may be
// inserted and deleted (a row whose cells are all unlocked).
void protect(lxw_worksheet* ws, bool rows) {
  if (!ws) return;
  lxw_protection prot{};
  prot.format_cells = LXW_TRUE;
  prot.format_columns = LXW_TRUE;
  prot.format_rows = LXW_TRUE;
  prot.insert_rows = rows ? LXW_TRUE : LXW_FALSE;
  prot.delete_rows = rows ? LXW_TRUE : LXW_FALSE;
  prot.autofilter = LXW_TRUE;
  prot.sort = LXW_TRUE;
  worksheet_protect(ws, nullptr, &prot);
}

// Prints a fill-in sheet readably: its columns `widths` on A4 or A3
// landscape, one page wide or in bands with the first `repeat_cols`
// columns in each (print_bands()), the header row on every page, rows
// 0..last_row, `title` in the page header (the sheet has no title row).
void print_sheet(xlsx::Book& book, lxw_worksheet* ws, const xlsx::Widths& widths, int ncols,
                 int repeat_cols, int last_row, std::string title) {
  std::vector<double> w;
  for (int c = 0; c < ncols; ++c) w.push_back(widths.get(c));
  xlsx::PrintSetup p;
  p.title = std::move(title);
  p.repeat_first = p.repeat_last = 0;
  p.last_row = last_row;
  p.last_col = ncols - 1;
  xlsx::apply_bands(p, xlsx::print_bands(w, repeat_cols), repeat_cols);
  xlsx::setup_print(book, ws, p);
}

// The number of data rows the drop-downs and input messages cover for
// `filled` prefilled rows. The blank rows are not written cell by cell:
// each column carries its data-cell format, which Excel, WPS and
// LibreOffice give every cell of the column that has none of its own.
int data_rows(size_t filled) {
  return std::max(kFormRows, static_cast<int>(filled) + kFormBlankRows);
}

// The format of a cell of sheet `sheet`: `plain` (its column's style), or
// that style in the fill of the cell's mark, unlocked if the mark says so.
lxw_format* cell_format(xlsx::Book& book, const FormContent& content, std::string_view sheet, int row,
                        int col, const xlsx::Style& style, lxw_format* plain) {
  if (content.marks.empty()) return plain;
  auto mark = content.marks.find(FormCell{std::string(sheet), row, col});
  if (mark == content.marks.end() || (mark->second.fill == 0 && !mark->second.unlock)) return plain;
  xlsx::Style marked = style;
  if (mark->second.fill) marked.fill = mark->second.fill;
  if (mark->second.unlock) marked.locked = false;
  return book.format(marked);
}

// Width of a comment box in pixels, and the text units one of its lines holds.
constexpr int kCommentWidth = 360;
constexpr double kCommentLineUnits = 50;

// Adds the comments of the marks on sheet `sheet` (hidden until the
// pointer rests on the cell, which shows its red corner), each box tall
// enough for its text.
void write_comments(xlsx::Book& book, lxw_worksheet* ws, std::string_view sheet,
                    const FormContent& content) {
  std::string author = xml_text(content.comment_author);
  std::string font = "宋体";
  for (auto it = content.marks.lower_bound(FormCell{std::string(sheet), 0, 0});
       it != content.marks.end() && it->first.sheet == sheet; ++it) {
    if (it->second.comment.empty()) continue;
    const std::string text = xlsx::cell_text(it->second.comment);
    int lines = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      lines += xlsx::wrapped_lines(std::string_view(text).substr(start, end - start), kCommentLineUnits);
      start = end + 1;
    }
    lxw_comment_options o{};
    o.author = author.empty() ? nullptr : author.data();
    o.width = kCommentWidth;
    o.height = static_cast<uint16_t>(std::clamp(16 * lines + 12, 60, 600));
    o.font_name = font.data();
    o.font_size = 10;
    book.check(worksheet_write_comment_opt(ws, it->first.row, it->first.col, text.c_str(), &o),
               "写入批注 " + cell_ref(it->first.row, it->first.col));
  }
}

// Writes one sub-table sheet: header from `info`, prefilled `rows`,
// validations from the code sheet.
void write_sub_sheet(xlsx::Book& book, const CodeSheet& codes, const DepartmentInfo& dept,
                     const SubTableInfo& info, const std::vector<std::vector<std::string>>& rows,
                     const FormContent& content) {
  lxw_worksheet* ws = book.add_sheet(info.sheet);
  if (!ws) return;
  const int ncols = static_cast<int>(info.columns.size());
  const int last = data_rows(rows.size());
  lxw_format* head = book.format(xlsx::header_style());
  xlsx::Widths widths(ncols, 6, 60);
  std::vector<lxw_format*> fmt;
  std::vector<std::string> labels;
  for (int c = 0; c < ncols; ++c) {
    const ColumnInfo& col = info.columns[c];
    std::string label = std::string(col.label) + (col.required ? "*" : "");
    book.text(ws, 0, c, label, head);
    labels.push_back(label);
    // A long label wraps in the header row (it needs about half its width),
    // so that the sheet prints one page wide where it can.
    widths.at_least(c, std::max<double>(col.width, xlsx::text_width(label) / 2 + 3));
    fmt.push_back(book.format(data_style(false, false)));
  }
  book.check(worksheet_set_row(ws, 0, xlsx::row_height(labels, widths), nullptr), "设置行高");
  const xlsx::Style style = data_style(false, false);
  for (size_t r = 0; r < rows.size(); ++r) {
    const int row = static_cast<int>(r) + 1;
    for (int c = 0; c < ncols; ++c)
      book.text(ws, row, c, c < static_cast<int>(rows[r].size()) ? rows[r][c] : "",
                cell_format(book, content, info.sheet, row, c, style, fmt[c]));
    book.check(worksheet_set_row(ws, static_cast<int>(r) + 1, xlsx::row_height(rows[r], widths),
                                 nullptr),
               "设置行高");
  }
  for (int c = 0; c < ncols; ++c) {
    const ColumnInfo& col = info.columns[c];
    if (col.table) {
      add_list_validation(book, ws, c, 1, last, codes.range(col.table), false, col.label,
                          "可选：" + col.table->labels());
    } else if (col.key == "name") {
      // Names come from the 实施清单 sheet; a new name is allowed with a warning.
      lxw_data_validation dv{};
      std::string f = "=" + std::string(kItemSheet) + "!$A$2:$A$" + std::to_string(last + 1);
      std::string et = "事项名称", em = "该名称不在“实施清单”中，请核对是否与实施清单中的事项名称完全一致。";
      dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      dv.value_formula = f.data();
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      dv.error_title = et.data();
      dv.error_message = em.data();
      book.check(worksheet_data_validation_range(ws, 1, c, last, c, &dv), "设置数据有效性");
    }
  }
  // Each column its width and data-cell format (the blank rows below).
  for (int c = 0; c < ncols; ++c)
    book.check(worksheet_set_column(ws, c, c, widths.get(c), fmt[c]), "设置列宽");
  worksheet_freeze_panes(ws, 1, 1);
  // The header row is locked, every data cell unlocked; rows may be
  // inserted and deleted.
  protect(ws, true);
  print_sheet(book, ws, widths, ncols, 1, std::max<int>(1, static_cast<int>(rows.size())),
              dept.name + "政务服务事项" + std::string(info.sheet) + "（填报表）");
  write_comments(book, ws, info.sheet, content);
}

// Writes the 填报信息 sheet: label/value rows, the department prefilled.
void write_info_sheet(xlsx::Book& book, const Settings& settings, const DepartmentInfo& dept,
                      const FormContent& content) {
  lxw_worksheet* ws = book.add_sheet(kInfoSheet);
  if (!ws) return;
  lxw_format* label = book.format(xlsx::header_style());
  const xlsx::Style vs = data_style(false, false), ps = data_style(true, false);
  xlsx::Style ds = data_style(false, false);
  ds.num_format = "yyyy-mm-dd";
  auto format = [&](int row, const xlsx::Style& style) {
    return cell_format(book, content, kInfoSheet, row, 1, style, book.format(style));
  };
  book.text(ws, 0, 0, "填报单位", label);
  book.text(ws, 0, 1, dept.name, format(0, vs));
  book.text(ws, 1, 0, "填报人", label);
  book.text(ws, 1, 1, content.filler, format(1, vs));
  book.text(ws, 2, 0, "联系电话", label);
  book.text(ws, 2, 1, content.phone, format(2, ps));
  book.text(ws, 3, 0, "报送日期", label);
  book.date(ws, 3, 1, content.date, format(3, ds));
  add_input_message(book, ws, 1, 2, 2, "联系电话", "带区号，如" + settings.area_code + "-6521234，或手机号");
  add_input_message(book, ws, 1, 3, 3, "报送日期", "报送的日期，如2017-08-30");
  book.check(worksheet_set_column(ws, 0, 0, 14, nullptr), "设置列宽");
  book.check(worksheet_set_column(ws, 1, 1, std::max(40.0, xlsx::text_width(dept.name) + 4), nullptr),
             "设置列宽");
  // The labels are locked, the values unlocked.
  protect(ws, false);
  xlsx::PrintSetup p;
  p.title = dept.name + "政务服务事项实施清单填报信息";
  p.landscape = false;
  p.paper = xlsx::kPaperA4;
  xlsx::setup_print(book, ws, p);
  write_comments(book, ws, kInfoSheet, content);
}

// Writes the protected 实施清单 sheet with the prefilled items.
void write_item_sheet(xlsx::Book& book, const CodeSheet& codes, const DepartmentInfo& dept,
                      const FormContent& content) {
  const std::vector<const Item*>& items = content.items;
  lxw_worksheet* ws = book.add_sheet(kItemSheet);
  if (!ws) return;
  const std::vector<El> cols = form_elements();
  const int ncols = static_cast<int>(cols.size());
  const int last = data_rows(items.size());
  xlsx::Style hs = xlsx::header_style();
  lxw_format* head = book.format(hs);
  hs.fill = kLockedFill;
  lxw_format* head_locked = book.format(hs);

  std::vector<lxw_format*> fmt;
  std::vector<xlsx::Style> styles;
  xlsx::Widths widths(ncols, 4, 200);
  std::vector<std::string> headers;
  for (int c = 0; c < ncols; ++c) {
    const ElementInfo& info = element(cols[c]);
    bool locked = locked_element(cols[c]);
    std::string label = form_header(info);
    book.text(ws, 0, c, label, locked ? head_locked : head);
    styles.push_back(data_style(info.text_column, locked));
    fmt.push_back(book.format(styles.back()));
    double width = std::max<double>(info.width, xlsx::text_width(label) / 2 + 3);
    width = std::max(width, 8.0);
    widths.at_least(c, width);
    headers.push_back(label);
    // The column's format is the blank rows' format: lock state, text
    // type and borders.
    book.check(worksheet_set_column(ws, c, c, width, fmt[c]), "设置列宽");
  }
  book.check(worksheet_set_row(ws, 0, xlsx::row_height(headers, widths), nullptr), "设置行高");
  for (size_t r = 0; r < items.size(); ++r) {
    const int row = static_cast<int>(r) + 1;
    const std::vector<std::string> values = form_item_row(*items[r]);
    for (int c = 0; c < ncols; ++c)
      book.text(ws, row, c, values[c], cell_format(book, content, kItemSheet, row, c, styles[c], fmt[c]));
    // Prefilled rows show their text whole; blank rows keep the default
    // height so Excel fits them as they are filled in.
    book.check(worksheet_set_row(ws, static_cast<int>(r) + 1, xlsx::row_height(values, widths),
                                 nullptr),
               "设置行高");
  }

  for (int c = 0; c < ncols; ++c) {
    const ElementInfo& info = element(cols[c]);
    std::string title(info.label);
    if (info.table)
      add_list_validation(book, ws, c, 1, last, codes.range(info.table), info.multi, title,
                          std::string(info.help) + "。可选：" + info.table->labels());
    else if (!locked_element(cols[c]))
      add_input_message(book, ws, c, 1, last, title, info.help);
  }
  worksheet_freeze_panes(ws, 1, 1);
  book.check(worksheet_autofilter(ws, 0, 0, last, ncols - 1), "设置筛选");

  // Departments edit rows but not the codes: the sheet is protected
  // without password; every cell but the header row and the code columns
  // is unlocked.
  protect(ws, true);
  // Printed in bands of columns, each with 事项名称 (the codes would take
  // a third of every band).
  print_sheet(book, ws, widths, ncols, 1, std::max<int>(1, static_cast<int>(items.size())),
              dept.name + "政务服务事项实施清单（填报表）");
  write_comments(book, ws, kItemSheet, content);
}

}  // namespace

std::vector<El> form_elements() {
  std::vector<El> out;
  for (const ElementInfo& e : elements())
    if (e.need != Need::SubTable) out.push_back(e.id);
  return out;
}

bool locked_element(El e) { return e == El::BasicCode || e == El::ImplCode; }

std::string form_header(const ElementInfo& e) {
  return std::string(e.label) + (e.need == Need::Required ? "*" : "");
}

std::vector<const Item*> form_items(const Catalog& catalog, std::string_view department) {
  std::vector<const Item*> out;
  for (const Item& it : catalog.items)
    if (it.department == department && it.state != ItemState::Retired) out.push_back(&it);
  return out;
}

Date form_date(const Catalog& catalog, const std::vector<const Item*>& items) {
  return catalog.version_of(items);
}

const std::vector<const SubTableInfo*>& form_sub_tables() {
  static const std::vector<const SubTableInfo*> kTables = {&materials_table(), &process_table(),
                                                           &fees_table(), &faq_table()};
  return kTables;
}

std::vector<std::string> form_item_row(const Item& item) {
  std::vector<std::string> values;
  for (El e : form_elements()) values.push_back(element(e).table ? display_value(item, e) : item.get(e));
  return values;
}

FormContent form_content(const Catalog& catalog, const DepartmentInfo& dept) {
  FormContent content;
  content.items = form_items(catalog, dept.name);
  using RowsFn = std::vector<std::vector<std::string>> (*)(const Item&);
  for (RowsFn rows_of : {RowsFn{material_rows}, RowsFn{step_rows}, RowsFn{fee_rows}, RowsFn{faq_rows}}) {
    std::vector<std::vector<std::string>> rows;
    for (const Item* it : content.items)
      for (auto& r : rows_of(*it)) rows.push_back(std::move(r));
    content.sub_rows.push_back(std::move(rows));
  }
  return content;
}

void add_form_sheets(xlsx::Book& book, const Catalog& catalog, const DepartmentInfo& dept,
                     const FormContent& content) {
  const CodeSheet codes;
  write_instructions(book, catalog, dept, static_cast<int>(content.items.size()), content.prefilled_note);
  write_info_sheet(book, catalog.settings, dept, content);
  write_item_sheet(book, codes, dept, content);
  const auto& tables = form_sub_tables();
  for (size_t k = 0; k < tables.size(); ++k)
    write_sub_sheet(book, codes, dept, *tables[k],
                    k < content.sub_rows.size() ? content.sub_rows[k] : std::vector<std::vector<std::string>>{},
                    content);
  codes.write(book);
}

Status write_department_form(const Catalog& catalog, const OutputContext& ctx,
                             const DepartmentInfo& dept, std::vector<std::string>* written) {
  const std::string rel = paths_of(ctx, catalog)->form(dept);
  xlsx::Book book;
  const FormContent content = form_content(catalog, dept);
  xlsx::DocInfo info = xlsx::doc_info(catalog, dept.name + "政务服务事项实施清单填报表",
                                      form_date(catalog, content.items));
  if (Status s = book.open(ctx.output_dir + "/" + rel, info); !s) return s;
  add_form_sheets(book, catalog, dept, content);
  if (Status s = book.close(); !s) return s;
  if (written) written->push_back(rel);
  return Ok{};
}

}  // namespace qd
