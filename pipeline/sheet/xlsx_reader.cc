#include "sheet/xlsx_reader.h"

#include <tinyxml2.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "base/text.h"
#include "sheet/messages.h"
#include "sheet/number_format.h"
#include "sheet/ooxml_text.h"
#include "sheet/read_file.h"
#include "sheet/xml_guard.h"
#include "sheet/xml_pull.h"
#include "sheet/zip_archive.h"

namespace qd {

namespace {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

// Serial day number of 9999-12-31, the last date Excel shows.
constexpr double kMaxSerial = 2958465;

// The local part of an XML name: "x:row" -> "row".
std::string_view local_name(const char* name) {
  std::string_view s(name ? name : "");
  size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

// True if element `e` has local name `want`.
bool is(const XMLElement* e, std::string_view want) { return local_name(e->Name()) == want; }

// The first child element of `e` with local name `want`, or nullptr.
const XMLElement* child(const XMLElement* e, std::string_view want) {
  for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
    if (is(c, want)) return c;
  return nullptr;
}

// The value of the attribute with local name `want` (any prefix), or nullptr.
const char* attr(const XMLElement* e, std::string_view want) {
  for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a; a = a->Next())
    if (local_name(a->Name()) == want) return a->Value();
  return nullptr;
}

// Parses a non-negative decimal integer; false if `s` is not one or overflows.
bool parse_index(const char* s, long* out) {
  if (!s) return false;
  std::string_view v(s);
  while (!v.empty() && (v.front() == ' ')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ')) v.remove_suffix(1);
  long x = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || x < 0) return false;
  *out = x;
  return true;
}

// Parses a number as written in <v>; false if it is not a finite number.
bool parse_double(std::string_view v, double* out) {
  while (!v.empty() && std::strchr(" \t\r\n", v.front())) v.remove_prefix(1);
  while (!v.empty() && std::strchr(" \t\r\n", v.back())) v.remove_suffix(1);
  if (!v.empty() && v.front() == '+') v.remove_prefix(1);
  if (v.empty()) return false;
  double d = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(d)) return false;
  *out = d;
  return true;
}

// The directory part of a part name: "xl/workbook.xml" -> "xl/".
std::string dir_of(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// Resolves a relationship target against the directory of its source part,
// handling absolute targets ("/xl/worksheets/sheet1.xml"), "./" and "../".
std::string resolve_target(const std::string& base_dir, std::string_view target) {
  std::string joined;
  if (!target.empty() && (target.front() == '/' || target.front() == '\\'))
    joined = std::string(target.substr(1));
  else
    joined = base_dir + std::string(target);
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t slash = joined.find_first_of("/\\", start);
    std::string seg = joined.substr(start, slash == std::string::npos ? std::string::npos
                                                                      : slash - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out;
}

// True if a relationship type URI ends with "/<kind>" (transitional and
// strict OOXML use different prefixes).
bool rel_type_is(std::string_view type, std::string_view kind) {
  return type.size() > kind.size() && type.substr(type.size() - kind.size()) == kind &&
         type[type.size() - kind.size() - 1] == '/';
}

struct Relationship {
  std::string type;
  std::string target;  // resolved part name
  bool external = false;
};

// One shared string: its text, and whether it is over the cell limit.
struct SharedString {
  std::string text;
  bool too_long = false;
};

// A <c> element as read from the sheet XML, before it becomes a Cell.
struct RawCell {
  std::string_view type;   // t attribute ("n" if absent)
  std::string_view style;  // s attribute
  bool has_v = false;
  std::string v;           // <v> text, entities decoded
  bool has_is = false;
  std::string is_text;     // <is> text (all <t> outside <rPh>), entities decoded

  void reset() {
    type = "n";
    style = {};
    has_v = has_is = false;
    v.clear();
    is_text.clear();
  }
};

// Reads one workbook from an opened archive.
class XlsxReader {
 public:
  XlsxReader(ZipArchive& zip, const std::string& path, const ReadLimits& limits)
      : zip_(zip), path_(path), limits_(limits) {}

  Result<Workbook> run();

 private:
  Error file_error(std::string message) const {
    return make_error(Place{path_, "", ""}, std::move(message));
  }
  Error sheet_error(const std::string& sheet, std::string message) const {
    return make_error(Place{path_, sheet, ""}, std::move(message));
  }
  Error cell_error(const std::string& sheet, int row, int col, std::string message) const {
    return make_error(Place{path_, sheet, cell_ref(row, col)}, std::move(message));
  }

  Result<std::string> load_part(const std::string& part, const std::string& sheet);
  Result<std::unique_ptr<XMLDocument>> parse_part(const std::string& part,
                                                   const std::string& sheet);
  Result<std::unordered_map<std::string, Relationship>> read_rels(const std::string& part);
  Status read_styles(const std::string& part);
  Status read_shared_strings(const std::string& part);
  Status read_sheet(const std::string& part, Sheet* sheet);
  Status read_cell(RawCell& c, const std::string& sheet, int row, int col, Cell* out) const;
  Status place_cell(int row, int col, Cell&& cell, bool fill, Sheet* sheet);
  Status finish_sheet(Sheet* sheet);

  ZipArchive& zip_;
  const std::string& path_;
  const ReadLimits& limits_;
  bool date1904_ = false;
  std::vector<bool> date_styles_;  // per cellXfs index
  std::vector<SharedString> shared_;
  // Per sheet: stored slots (sum of row lengths), non-empty cells, extent,
  // rows holding a value (counted as the row changes) and the last of them.
  size_t slots_ = 0, cells_ = 0, fills_ = 0;
  int last_row_ = -1, last_col_ = -1;
  int data_rows_ = 0, counted_row_ = -1;
  // Per file: non-empty cells of every sheet.
  size_t file_cells_ = 0;
};

Result<std::string> XlsxReader::load_part(const std::string& part, const std::string& sheet) {
  Result<std::string> bytes = zip_.read(part);
  if (!bytes.ok()) return bytes.error();
  const std::string& xml = bytes.value();
  size_t max_text = limits_.max_cell_chars * 10 + 1024;
  switch (check_xml(xml, limits_.max_xml_depth, max_text)) {
    case XmlGuardResult::Ok:
      break;
    case XmlGuardResult::Doctype:
      return sheet_error(sheet, sheet_msg::kXmlBomb);
    case XmlGuardResult::TooDeep:
      return sheet_error(sheet, sheet_msg::kXmlTooDeep);
    case XmlGuardResult::TextTooLong:
      return sheet_error(sheet, sheet_msg::cell_too_long(limits_.max_cell_chars));
    case XmlGuardResult::Broken:
      return sheet_error(sheet, sheet_msg::kXmlBroken);
  }
  return bytes;
}

Result<std::unique_ptr<XMLDocument>> XlsxReader::parse_part(const std::string& part,
                                                            const std::string& sheet) {
  Result<std::string> bytes = load_part(part, sheet);
  if (!bytes.ok()) return bytes.error();
  const std::string& xml = bytes.value();
  auto doc = std::make_unique<XMLDocument>(true, tinyxml2::PRESERVE_WHITESPACE);
  tinyxml2::XMLError err = doc->Parse(xml.data(), xml.size());
  if (err == tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED)
    return sheet_error(sheet, sheet_msg::kXmlTooDeep);
  if (err != tinyxml2::XML_SUCCESS || !doc->RootElement())
    return sheet_error(sheet, sheet_msg::kXmlBroken);
  return doc;
}

Result<std::unordered_map<std::string, Relationship>> XlsxReader::read_rels(
    const std::string& part) {
  std::unordered_map<std::string, Relationship> rels;
  if (!zip_.contains(part)) return rels;
  // The rels of part "a/b.xml" live in "a/_rels/b.xml.rels"; targets are
  // relative to "a/".
  std::string base = dir_of(part);
  if (base.size() >= 6 && base.compare(base.size() - 6, 6, "_rels/") == 0)
    base = base.substr(0, base.size() - 6);
  auto doc = parse_part(part, "");
  if (!doc.ok()) return doc.error();
  for (const XMLElement* r = doc.value()->RootElement()->FirstChildElement(); r;
       r = r->NextSiblingElement()) {
    if (!is(r, "Relationship")) continue;
    const char* id = attr(r, "Id");
    const char* type = attr(r, "Type");
    const char* target = attr(r, "Target");
    const char* mode = attr(r, "TargetMode");
    if (!id || !target) continue;
    Relationship rel;
    rel.type = type ? type : "";
    rel.external = mode && std::string_view(mode) == "External";
    rel.target = rel.external ? target : resolve_target(base, target);
    rels.emplace(id, std::move(rel));
  }
  return rels;
}

Status XlsxReader::read_styles(const std::string& part) {
  auto doc = parse_part(part, "");
  if (!doc.ok()) return doc.error();
  const XMLElement* root = doc.value()->RootElement();
  std::unordered_map<long, bool> custom;  // numFmtId -> is date
  if (const XMLElement* fmts = child(root, "numFmts")) {
    for (const XMLElement* f = fmts->FirstChildElement(); f; f = f->NextSiblingElement()) {
      long id;
      const char* code = attr(f, "formatCode");
      if (is(f, "numFmt") && parse_index(attr(f, "numFmtId"), &id) && code)
        custom[id] = is_date_format_code(code);
    }
  }
  if (const XMLElement* xfs = child(root, "cellXfs")) {
    for (const XMLElement* xf = xfs->FirstChildElement(); xf; xf = xf->NextSiblingElement()) {
      if (!is(xf, "xf")) continue;
      long id = 0;
      bool date = false;
      if (parse_index(attr(xf, "numFmtId"), &id)) {
        auto it = custom.find(id);
        date = it != custom.end() ? it->second : is_builtin_date_format(static_cast<int>(id));
      }
      date_styles_.push_back(date);
    }
  }
  return Ok{};
}

Status XlsxReader::read_shared_strings(const std::string& part) {
  auto loaded = load_part(part, "");
  if (!loaded.ok()) return loaded.error();
  XmlPull p(loaded.value());
  bool in_si = false, capture = false;
  int phonetic = 0;  // depth inside <rPh>, whose text is not part of the value
  std::string raw;
  for (;;) {
    XmlPull::Event ev = p.next();
    if (ev == XmlPull::Event::End) break;
    if (ev == XmlPull::Event::Error) return file_error(sheet_msg::kXmlBroken);
    std::string_view name = p.local_name();
    if (ev == XmlPull::Event::StartElement) {
      if (name == "si") {
        in_si = true;
        raw.clear();
      } else if (name == "rPh") {
        ++phonetic;
      } else if (name == "t" && in_si && phonetic == 0) {
        capture = true;
      }
    } else if (ev == XmlPull::Event::EndElement) {
      if (name == "t") {
        capture = false;
      } else if (name == "rPh") {
        --phonetic;
      } else if (name == "si" && in_si) {
        in_si = false;
        SharedString ss;
        ss.text = decode_ooxml_text(raw);
        ss.too_long = ss.text.size() > limits_.max_cell_chars &&
                      utf8_length(ss.text) > limits_.max_cell_chars;
        shared_.push_back(std::move(ss));
      }
    } else if (capture) {
      p.append_text(&raw);
    }
  }
  return Ok{};
}

// Sets `out` to a Date cell for serial `serial` if it is a plausible date.
bool make_date(double serial, bool date1904, Cell* out) {
  double s = date1904 ? serial + 1462 : serial;
  if (!(s >= 1 && s < kMaxSerial + 1)) return false;
  Date d = date_from_excel_serial(s);
  if (!d.valid()) return false;
  out->type = CellType::Date;
  out->text = d.iso();
  out->number = serial;
  return true;
}

Status XlsxReader::read_cell(RawCell& c, const std::string& sheet, int row, int col,
                             Cell* out) const {
  std::string_view type = c.type;
  auto damaged = [&](const char* what) {
    return cell_error(sheet, row, col,
                      std::string(what) + "，文件可能已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。");
  };
  auto set_string = [&](std::string text) -> Status {
    if (text.size() > limits_.max_cell_chars && utf8_length(text) > limits_.max_cell_chars)
      return cell_error(sheet, row, col, sheet_msg::cell_too_long(limits_.max_cell_chars));
    if (!text.empty()) {
      out->type = CellType::String;
      out->text = std::move(text);
    }
    return Ok{};
  };

  if (type == "inlineStr") {
    if (c.has_is) return set_string(decode_ooxml_text(c.is_text));
    if (c.has_v) return set_string(decode_ooxml_text(c.v));
    return Ok{};
  }
  if (!c.has_v) return Ok{};  // empty cell, or a formula without a cached value
  const std::string& raw = c.v;
  if (type == "s") {
    long idx;
    if (!parse_index(raw.c_str(), &idx) || static_cast<size_t>(idx) >= shared_.size())
      return damaged("共享字符串编号无效");
    const SharedString& s = shared_[static_cast<size_t>(idx)];
    if (s.too_long)
      return cell_error(sheet, row, col, sheet_msg::cell_too_long(limits_.max_cell_chars));
    if (!s.text.empty()) {
      out->type = CellType::String;
      out->text = s.text;
    }
    return Ok{};
  }
  if (type == "str") return set_string(decode_ooxml_text(raw));
  if (type == "b") {
    std::string_view b = raw;
    bool val = b == "1" || b == "true" || b == "TRUE";
    if (!val && !(b == "0" || b == "false" || b == "FALSE")) return damaged("逻辑值无效");
    out->type = CellType::Boolean;
    out->text = val ? "TRUE" : "FALSE";
    out->number = val ? 1 : 0;
    return Ok{};
  }
  if (type == "e") {
    if (raw.size() > 64) return damaged("错误值无效");
    out->type = CellType::Error;
    out->text = raw;
    return Ok{};
  }
  if (type == "d") {
    Date d;
    if (!parse_date(raw, &d)) return set_string(decode_ooxml_text(raw));
    out->type = CellType::Date;
    out->text = d.iso();
    out->number = static_cast<double>(d.days_since_epoch() + 25569);
    return Ok{};
  }
  // "n" or anything unknown: a number.
  double num;
  if (raw.find_first_not_of(" \t\r\n") == std::string::npos) return Ok{};
  if (!parse_double(raw, &num)) return damaged("数值无效");
  long style = 0;
  if (!c.style.empty() && parse_index(std::string(c.style).c_str(), &style) && static_cast<size_t>(style) < date_styles_.size() &&
      date_styles_[static_cast<size_t>(style)] && make_date(num, date1904_, out))
    return Ok{};
  out->type = CellType::Number;
  out->number = num;
  out->text = format_number(num);
  return Ok{};
}

// The error for a sheet whose stored area grows too large.
static std::string too_sparse_message() {
  return "工作表中有数据的区域过大（单元格过于分散），已拒绝读取。"
         "请删除远离表格的无关内容后重新保存再报送。";
}

Status XlsxReader::place_cell(int row, int col, Cell&& cell, bool fill, Sheet* sheet) {
  if (fill) {
    // Copies of merged values are bounded by the cells actually written.
    if (++fills_ > std::max<size_t>(1'000'000, cells_ * 4))
      return sheet_error(sheet->name,
                         "工作表中合并单元格区域过大，已拒绝读取。请取消无关的合并单元格后再报送。");
  } else {
    ++cells_;
    if (++file_cells_ > limits_.max_cells) return sheet_error(sheet->name, too_many_cells_message(limits_.max_cells));
    if (row != counted_row_) {
      counted_row_ = row;
      if (++data_rows_ > limits_.max_data_rows)
        return sheet_error(sheet->name, too_many_rows_message(sheet->name, limits_.max_data_rows));
    }
  }
  auto& rows = sheet->rows;
  if (static_cast<size_t>(row) >= rows.size()) rows.resize(static_cast<size_t>(row) + 1);
  auto& r = rows[static_cast<size_t>(row)];
  if (static_cast<size_t>(col) >= r.size()) {
    slots_ += static_cast<size_t>(col) + 1 - r.size();
    // Rows are usually as wide as the ones before: allocate once.
    if (r.capacity() == 0 && last_col_ >= col) r.reserve(static_cast<size_t>(last_col_) + 1);
    // Stored slots (ragged rows) are bounded so that a few cells far to the
    // right in many rows cannot blow up memory.
    if (slots_ > std::min(limits_.max_cells, std::max<size_t>(4'000'000, cells_ * 16)))
      return sheet_error(sheet->name, too_sparse_message());
    r.resize(static_cast<size_t>(col) + 1);
  }
  r[static_cast<size_t>(col)] = std::move(cell);
  last_row_ = std::max(last_row_, row);
  last_col_ = std::max(last_col_, col);
  return Ok{};
}

Status XlsxReader::read_sheet(const std::string& part, Sheet* sheet) {
  auto loaded = load_part(part, sheet->name);
  if (!loaded.ok()) return loaded.error();
  const std::string& name = sheet->name;
  slots_ = cells_ = fills_ = 0;
  last_row_ = last_col_ = -1;
  data_rows_ = 0;
  counted_row_ = -1;
  auto bad_ref = [&](std::string_view what, std::string_view ref) {
    return sheet_error(name, std::string(what) + " " + std::string(ref.substr(0, 20)) +
                                 " 无效或超出工作表范围，文件可能已损坏。请用 Excel 或 WPS "
                                 "打开后另存为 .xlsx 再报送。");
  };

  XmlPull p(loaded.value());
  bool in_data = false, in_row = false, in_c = false, in_is = false;
  enum { kNone, kV, kIsT } capture = kNone;
  int phonetic = 0;
  int row = -1, col = -1, cell_row = -1;
  RawCell raw;
  std::string_view a;
  for (;;) {
    XmlPull::Event ev = p.next();
    if (ev == XmlPull::Event::End) break;
    if (ev == XmlPull::Event::Error) return sheet_error(name, sheet_msg::kXmlBroken);
    if (ev == XmlPull::Event::Text) {
      if (capture == kV) p.append_text(&raw.v);
      else if (capture == kIsT && phonetic == 0) p.append_text(&raw.is_text);
      continue;
    }
    std::string_view el = p.local_name();
    if (ev == XmlPull::Event::EndElement) {
      if (el == "v" || el == "t") {
        capture = kNone;
      } else if (el == "rPh") {
        --phonetic;
      } else if (el == "is") {
        in_is = false;
      } else if (el == "c" && in_c) {
        in_c = in_is = false;
        capture = kNone;
        Cell cell;
        Status st = read_cell(raw, name, cell_row, col, &cell);
        if (!st.ok()) return st.error();
        if (cell.type != CellType::Empty) {
          st = place_cell(cell_row, col, std::move(cell), false, sheet);
          if (!st.ok()) return st.error();
        }
      } else if (el == "row") {
        in_row = false;
      } else if (el == "sheetData") {
        in_data = false;
      }
      continue;
    }
    // A start tag.
    if (in_c) {
      if (el == "v") {
        capture = kV;
        raw.has_v = true;
        raw.v.clear();
      } else if (el == "is") {
        in_is = raw.has_is = true;
      } else if (el == "rPh") {
        ++phonetic;
      } else if (el == "t" && in_is) {
        capture = kIsT;
      }
    } else if (in_row) {
      if (el != "c") continue;
      in_c = true;
      raw.reset();
      cell_row = row;
      if (p.attr("r", &a)) {
        std::string up(a);
        for (char& ch : up)
          if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        int pr, pc;
        if (!parse_cell_ref(up, &pr, &pc) || pr >= limits_.max_rows || pc >= limits_.max_cols)
          return bad_ref("单元格引用", up);
        cell_row = pr;
        col = pc;
      } else {
        ++col;
      }
      if (col >= limits_.max_cols)
        return cell_error(name, cell_row, std::min(col, 16383),
                          "工作表列数超过上限，已拒绝读取。请删除多余的列后再报送。");
      if (p.attr("t", &a)) raw.type = a;
      if (p.attr("s", &a)) raw.style = a;
    } else if (in_data) {
      if (el != "row") continue;
      in_row = true;
      col = -1;
      if (p.attr("r", &a)) {
        long rr;
        if (!parse_index(std::string(a).c_str(), &rr) || rr < 1 || rr > limits_.max_rows)
          return bad_ref("行号", a);
        row = static_cast<int>(rr - 1);
      } else {
        ++row;
      }
      if (row >= limits_.max_rows)
        return sheet_error(name, "工作表行数超过上限，已拒绝读取。请删除多余的行后再报送。");
    } else if (el == "sheetData") {
      in_data = true;
    } else if (el == "mergeCell" && p.attr("ref", &a)) {
      size_t colon = a.find(':');
      if (colon == std::string_view::npos) continue;
      int r1, c1, r2, c2;
      if (!parse_cell_ref(a.substr(0, colon), &r1, &c1) ||
          !parse_cell_ref(a.substr(colon + 1), &r2, &c2))
        continue;  // a broken merge only loses the fill; the values stay
      sheet->merged.push_back(
          CellRange{std::min(r1, r2), std::min(c1, c2), std::max(r1, r2), std::max(c1, c2)});
    }
  }
  return finish_sheet(sheet);
}

Status XlsxReader::finish_sheet(Sheet* sheet) {
  // Merged ranges: copy the top-left value into the other cells, clamped to
  // the extent of the data so that a merge over whole columns costs nothing.
  for (const CellRange& m : sheet->merged) {
    const Cell& tl = sheet->at(m.first_row, m.first_col);
    if (tl.type == CellType::Empty) continue;
    Cell copy = tl;
    copy.from_merge = true;
    int r2 = std::min(m.last_row, last_row_), c2 = std::min(m.last_col, last_col_);
    for (int r = m.first_row; r <= r2; ++r) {
      for (int c = m.first_col; c <= c2; ++c) {
        if (r == m.first_row && c == m.first_col) continue;
        Status st = place_cell(r, c, Cell(copy), true, sheet);
        if (!st.ok()) return st.error();
      }
    }
  }
  // Trim trailing empty cells and rows so that every writer's output of the
  // same content gives the same shape.
  for (auto& row : sheet->rows)
    while (!row.empty() && row.back().type == CellType::Empty) row.pop_back();
  while (!sheet->rows.empty() && sheet->rows.back().empty()) sheet->rows.pop_back();
  return Ok{};
}

Result<Workbook> XlsxReader::run() {
  // The main part: the officeDocument relationship of the package.
  std::string wb_part;
  {
    auto root_rels = read_rels("_rels/.rels");
    if (!root_rels.ok()) return root_rels.error();
    for (const auto& [id, rel] : root_rels.value())
      if (!rel.external && rel_type_is(rel.type, "officeDocument")) wb_part = rel.target;
  }
  if (wb_part.empty() || !zip_.contains(wb_part)) {
    if (zip_.contains("xl/workbook.xml")) {
      wb_part = "xl/workbook.xml";
    } else if (zip_.contains("mimetype") && zip_.contains("content.xml")) {
      return file_error(sheet_msg::kOds);
    } else {
      return file_error(sheet_msg::kNoWorkbook);
    }
  }
  std::string wb_dir = dir_of(wb_part);
  std::string rels_part = wb_dir + "_rels/" + wb_part.substr(wb_dir.size()) + ".rels";
  auto rels = read_rels(rels_part);
  if (!rels.ok()) return rels.error();

  auto wb_doc = parse_part(wb_part, "");
  if (!wb_doc.ok()) return wb_doc.error();
  const XMLElement* wb_root = wb_doc.value()->RootElement();
  if (!is(wb_root, "workbook")) return file_error(sheet_msg::kNoWorkbook);
  if (const XMLElement* pr = child(wb_root, "workbookPr")) {
    const char* d = attr(pr, "date1904");
    date1904_ = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
  }

  std::string styles_part, strings_part;
  for (const auto& [id, rel] : rels.value()) {
    if (rel.external) continue;
    if (rel_type_is(rel.type, "styles")) styles_part = rel.target;
    if (rel_type_is(rel.type, "sharedStrings")) strings_part = rel.target;
  }
  if (styles_part.empty() && zip_.contains(wb_dir + "styles.xml")) styles_part = wb_dir + "styles.xml";
  if (strings_part.empty() && zip_.contains(wb_dir + "sharedStrings.xml"))
    strings_part = wb_dir + "sharedStrings.xml";
  if (!styles_part.empty() && zip_.contains(styles_part)) {
    Status st = read_styles(styles_part);
    if (!st.ok()) return st.error();
  }
  if (!strings_part.empty() && zip_.contains(strings_part)) {
    Status st = read_shared_strings(strings_part);
    if (!st.ok()) return st.error();
  }

  Workbook wb;
  wb.path = path_;
  const XMLElement* sheets = child(wb_root, "sheets");
  if (!sheets) return wb;
  for (const XMLElement* s = sheets->FirstChildElement(); s; s = s->NextSiblingElement()) {
    if (!is(s, "sheet")) continue;
    Sheet sheet;
    const char* name = attr(s, "name");
    sheet.name = name ? name : "";
    const char* state = attr(s, "state");
    sheet.hidden = state && (std::string_view(state) == "hidden" ||
                             std::string_view(state) == "veryHidden");
    const char* rid = attr(s, "id");
    auto it = rid ? rels.value().find(rid) : rels.value().end();
    if (it == rels.value().end() || it->second.external)
      return sheet_error(sheet.name,
                         "工作簿中找不到该工作表的内容，文件不完整或已损坏。"
                         "请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。");
    if (rel_type_is(it->second.type, "chartsheet") ||
        rel_type_is(it->second.type, "dialogsheet")) {
      // A chart sheet or dialog sheet: no cells, kept so that names line up.
      wb.sheets.push_back(std::move(sheet));
      continue;
    }
    Status st = read_sheet(it->second.target, &sheet);
    if (!st.ok()) return st.error();
    wb.sheets.push_back(std::move(sheet));
  }
  return wb;
}

}  // namespace

Result<Workbook> read_xlsx(std::string_view bytes, const std::string& path,
                           const ReadLimits& limits) {
  auto zip = ZipArchive::open(bytes, path, limits);
  if (!zip.ok()) return zip.error();
  XlsxReader reader(zip.value(), path, limits);
  return reader.run();
}

Result<Workbook> read_xlsx_file(const std::string& path, const ReadLimits& limits) {
  std::string bytes;
  Status st = read_file_limited(path, limits.max_file_bytes, &bytes);
  if (!st.ok()) return st.error();
  return read_xlsx(bytes, path, limits);
}

}  // namespace qd
