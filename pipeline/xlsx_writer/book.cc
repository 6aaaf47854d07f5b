#include "xlsx_writer/book.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include "base/files.h"

namespace qd::xlsx {

namespace {

// The font every format uses: Excel on a Chinese system shows it as is;
// LibreOffice substitutes an installed CJK font.
constexpr const char* kFont = "宋体";

// Lower-cases ASCII letters (Excel compares sheet names case-insensitively).
std::string fold_case(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Cuts a UTF-8 string to at most `max` code points.
std::string cut_chars(std::string_view s, size_t max) {
  std::u32string u = utf8_decode(s);
  if (u.size() > max) u.resize(max);
  return utf8_encode(u);
}

}  // namespace

Style header_style() {
  Style s;
  s.bold = true;
  s.center = true;
  s.vcenter = true;
  s.fill = 0xD9E1F2;
  return s;
}

Style body_style() { return Style{}; }

Style text_style() {
  Style s;
  s.num_format = "@";
  return s;
}

Style title_style() {
  Style s;
  s.bold = true;
  s.border = false;
  s.center = true;
  s.vcenter = true;
  s.size = 16;
  return s;
}

Style note_style() {
  Style s;
  s.border = false;
  return s;
}

std::string cell_text(std::string_view text) {
  const std::string legal = xml_text(text);  // nothing XML cannot carry
  std::string_view s = legal;
  std::u32string u = utf8_decode(s);
  size_t units = 0, keep = u.size();
  for (size_t i = 0; i < u.size(); ++i) {
    size_t w = u[i] > 0xFFFF ? 2 : 1;
    if (units + w > kMaxCellChars) {
      keep = i;
      break;
    }
    units += w;
  }
  if (keep == u.size()) return utf8_valid(s) ? std::string(s) : utf8_encode(u);
  // Room for the ellipsis: drop code points until one unit is free.
  while (keep > 0 && units + 1 > kMaxCellChars) {
    --keep;
    units -= u[keep] > 0xFFFF ? 2 : 1;
  }
  u.resize(keep);
  u.push_back(U'…');
  return utf8_encode(u);
}

bool valid_sheet_name(std::string_view name) {
  size_t n = utf8_length(name);
  if (n == 0 || n > LXW_SHEETNAME_MAX || !utf8_valid(name)) return false;
  if (name.find_first_of("[]:*?/\\") != std::string_view::npos) return false;
  if (name.front() == '\'' || name.back() == '\'') return false;
  return true;
}

std::string clean_sheet_name(std::string_view name) {
  std::string s;
  for (char c : utf8_encode(utf8_decode(name)))
    s += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  while (!s.empty() && s.front() == '\'') s.erase(0, 1);
  s = cut_chars(s, LXW_SHEETNAME_MAX);
  while (!s.empty() && s.back() == '\'') s.pop_back();
  if (trim(s).empty()) s = "Sheet";
  return s;
}

Book::~Book() {
  // Not closed: free without writing (libxlsxwriter opens the file only
  // in workbook_close()).
  if (wb_) lxw_workbook_free(wb_);
}

Status Book::open(const std::string& path, const DocInfo& info) {
  path_ = path;
  info_ = info;
  for (std::string* s : {&info_.title, &info_.subject, &info_.author, &info_.company, &info_.comments})
    *s = xml_text(*s);
  QD_TRY(make_folders(std::filesystem::path(path).parent_path().string()));
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.use_zip64 = LXW_FALSE;
  wb_ = workbook_new_opt(temporary_file_name(path).c_str(), &options);
  if (!wb_) return make_error(Place{path, "", ""}, "无法创建工作簿");

  // Fixed properties: created/modified = the build date at 00:00:00Z
  // (libxlsxwriter formats `created` with gmtime, so the TZ does not
  // matter); 0 would mean "now".
  lxw_doc_properties props{};
  props.title = info_.title.data();
  props.subject = info_.subject.data();
  props.author = info_.author.data();
  props.company = info_.company.data();
  props.comments = info_.comments.data();
  long days = info.created.valid() ? info.created.days_since_epoch() : 0;
  props.created = static_cast<time_t>(days) * 86400;
  if (props.created == 0) props.created = 86400;  // never "now"
  check(workbook_set_properties(wb_, &props), "设置文档属性");
  return Ok{};
}

lxw_worksheet* Book::add_sheet(std::string_view wanted, std::string_view fallback) {
  if (!wb_) return nullptr;
  const std::string legal = xml_text(wanted);
  wanted = legal;
  std::string base = valid_sheet_name(wanted) ? std::string(wanted)
                     : !fallback.empty() && valid_sheet_name(fallback) ? std::string(fallback)
                     : clean_sheet_name(!fallback.empty() && utf8_length(wanted) > LXW_SHEETNAME_MAX
                                            ? fallback
                                            : wanted);
  auto taken = [&](const std::string& n) {
    return std::any_of(sheets_.begin(), sheets_.end(),
                       [&](const auto& s) { return fold_case(s.second) == fold_case(n); });
  };
  std::string name = base;
  for (int i = 2; taken(name); ++i) {
    std::string suffix = "(" + std::to_string(i) + ")";
    name = cut_chars(base, LXW_SHEETNAME_MAX - suffix.size()) + suffix;
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) {
    fail("无法添加工作表“" + name + "”");
    return nullptr;
  }
  sheets_.emplace_back(ws, name);
  return ws;
}

std::string Book::sheet_name(const lxw_worksheet* ws) const {
  for (const auto& s : sheets_)
    if (s.first == ws) return s.second;
  return "";
}

lxw_format* Book::format(const Style& style) {
  if (!wb_) return nullptr;
  auto it = formats_.find(style);
  if (it != formats_.end()) return it->second;
  lxw_format* f = workbook_add_format(wb_);
  format_set_font_name(f, kFont);
  format_set_font_size(f, style.size);
  if (style.bold) format_set_bold(f);
  if (style.italic) format_set_italic(f);
  if (style.color) format_set_font_color(f, style.color);
  if (style.border) format_set_border(f, LXW_BORDER_THIN);
  if (style.wrap) format_set_text_wrap(f);
  if (style.center) format_set_align(f, LXW_ALIGN_CENTER);
  format_set_align(f, style.vcenter ? LXW_ALIGN_VERTICAL_CENTER : LXW_ALIGN_VERTICAL_TOP);
  if (!style.locked) format_set_unlocked(f);
  if (style.fill) format_set_bg_color(f, style.fill);
  if (!style.num_format.empty()) format_set_num_format(f, style.num_format.c_str());
  formats_.emplace(style, f);
  return f;
}

void Book::text(lxw_worksheet* ws, int row, int col, std::string_view text, lxw_format* f) {
  if (!ws) return;
  if (text.empty()) {
    if (f) check(worksheet_write_blank(ws, row, col, f), "写入单元格 " + cell_ref(row, col));
    return;
  }
  std::string s = cell_text(text);
  check(worksheet_write_string(ws, row, col, s.c_str(), f), "写入单元格 " + cell_ref(row, col));
}

void Book::number(lxw_worksheet* ws, int row, int col, double value, lxw_format* f) {
  if (!ws) return;
  check(worksheet_write_number(ws, row, col, value, f), "写入单元格 " + cell_ref(row, col));
}

void Book::date(lxw_worksheet* ws, int row, int col, const Date& d, lxw_format* f) {
  if (!d.valid()) {
    text(ws, row, col, "", f);
    return;
  }
  // Excel 1900 date system: 1970-01-01 is serial 25569.
  number(ws, row, col, static_cast<double>(d.days_since_epoch() + 25569), f);
}

void Book::row(lxw_worksheet* ws, int row, int col, const std::vector<std::string>& cells,
               lxw_format* f) {
  for (size_t i = 0; i < cells.size(); ++i) text(ws, row, col + static_cast<int>(i), cells[i], f);
}

void Book::merge(lxw_worksheet* ws, int first_row, int first_col, int last_row, int last_col,
                 std::string_view text, lxw_format* f) {
  if (!ws) return;
  if (first_row == last_row && first_col == last_col) {
    this->text(ws, first_row, first_col, text, f);
    return;
  }
  std::string s = cell_text(text);
  check(worksheet_merge_range(ws, first_row, first_col, last_row, last_col, s.c_str(), f),
        "合并单元格 " + cell_ref(first_row, first_col));
}

void Book::check(lxw_error err, std::string_view what) {
  if (err == LXW_NO_ERROR || error_) return;
  error_ = make_error(Place{path_, "", ""},
                      std::string(what) + "失败：" + lxw_strerror(err));
}

void Book::fail(std::string message) {
  if (!error_) error_ = make_error(Place{path_, "", ""}, std::move(message));
}

Status Book::close() {
  if (!wb_) return make_error(Place{path_, "", ""}, "工作簿未打开");
  lxw_error err = workbook_close(wb_);  // frees the workbook in every case
  wb_ = nullptr;
  Status made = Ok{};
  if (error_) made = *error_;  // never leave a half-right file
  else if (err != LXW_NO_ERROR)
    made = make_error(Place{path_, "", ""}, std::string("保存工作簿失败：") + lxw_strerror(err));
  return finish_file(temporary_file_name(path_), path_, made);
}

DocInfo doc_info(const Catalog& catalog, std::string title, Date date) {
  DocInfo info;
  info.title = std::move(title);
  info.subject = catalog.settings.county + "政务服务事项";
  info.author = catalog.settings.office;
  info.company = catalog.settings.office;
  info.created = date;
  return info;
}

}  // namespace qd::xlsx
