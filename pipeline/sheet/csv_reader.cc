#include "sheet/csv_reader.h"

#include <iconv.h>

#include <cerrno>

#include "base/text.h"
#include "sheet/messages.h"
#include "sheet/ooxml_text.h"
#include "sheet/read_file.h"

namespace qd {

namespace {

// Converts GB18030 bytes to UTF-8 with iconv; false on any invalid or
// incomplete sequence.
bool gb18030_to_utf8(std::string_view in, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string result;
  result.resize(in.size() * 2 + 16);  // a GB18030 character never grows more than 2x
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = result.data();
  size_t dst_left = result.size();
  bool ok = true;
  while (src_left > 0) {
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        size_t used = result.size() - dst_left;
        result.resize(result.size() * 2);
        dst = result.data() + used;
        dst_left = result.size() - used;
        continue;
      }
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return false;
  result.resize(result.size() - dst_left);
  *out = std::move(result);
  return true;
}

}  // namespace

bool csv_to_utf8(std::string_view bytes, std::string* out) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (utf8_valid(bytes)) {
    out->assign(bytes);
    return true;
  }
  if (!gb18030_to_utf8(bytes, out)) return false;
  if (out->compare(0, 3, "\xEF\xBB\xBF") == 0) out->erase(0, 3);  // GB18030's own BOM
  return true;
}

Result<Sheet> read_csv(std::string_view bytes, const std::string& path,
                       const std::string& sheet_name, const ReadLimits& limits) {
  Place file_place{path, "", ""};
  if (bytes.size() > limits.max_file_bytes) return make_error(file_place, sheet_msg::kFileTooBig);
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
    return make_error(file_place,
                      "无法读取：该 CSV 文件是 UTF-16（“Unicode 文本”）编码。"
                      "请在 Excel 或 WPS 中另存为“CSV（逗号分隔）”或 .xlsx 再报送。");
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
      bytes.substr(0, 4) == "\xD0\xCF\x11\xE0")
    return make_error(file_place,
                      "无法读取：该文件扩展名是 .csv，但内容是 Excel 工作簿。"
                      "请把扩展名改为 .xlsx，或另存为 CSV 后再报送。");
  if (bytes.find('\0') != std::string_view::npos)
    return make_error(file_place,
                      "无法读取：该 CSV 文件含有二进制内容，不是文本文件。"
                      "请在 Excel 或 WPS 中另存为“CSV（逗号分隔）”再报送。");
  std::string text;
  if (!csv_to_utf8(bytes, &text))
    return make_error(file_place,
                      "无法读取：该 CSV 文件的文字编码无法识别（既不是 UTF-8 也不是 GB18030），"
                      "可能已损坏。请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”再报送。");

  Sheet sheet;
  sheet.name = sheet_name;
  std::vector<Cell>* row = nullptr;
  size_t cells = 0;
  int data_rows = 0, counted_row = -1;  // rows holding a value
  const size_t n = text.size();
  size_t i = 0;
  int r = 0;
  // Each iteration reads one record (line).
  while (i < n) {
    if (r >= limits.max_rows)
      return make_error(Place{path, sheet_name, ""},
                        "表格行数超过上限，已拒绝读取。请删除多余的行后再报送。");
    sheet.rows.emplace_back();
    row = &sheet.rows.back();
    int c = 0;
    for (;;) {  // one field
      std::string field;
      if (i < n && text[i] == '"') {
        ++i;
        for (;;) {
          size_t q = text.find('"', i);
          if (q == std::string::npos)
            return make_error(Place{path, sheet_name, cell_ref(r, c)},
                              "该单元格的引号没有闭合（以 \" 开头的内容缺少结尾的 \"），"
                              "文件可能被截断或格式有误。请在 Excel 或 WPS 中打开后重新另存为 CSV 再报送。");
          field.append(text, i, q - i);
          i = q + 1;
          if (i < n && text[i] == '"') {
            field += '"';
            ++i;
            continue;
          }
          break;
        }
        // Anything after the closing quote up to the separator is kept as is.
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field += text[i++];
      } else {
        size_t e = text.find_first_of(",\r\n", i);
        if (e == std::string::npos) e = n;
        field.append(text, i, e - i);
        i = e;
      }
      if (c >= limits.max_cols)
        return make_error(Place{path, sheet_name, ""},
                          "表格列数超过上限，已拒绝读取。请删除多余的列后再报送。");
      std::string value = normalize_newlines(field);
      if (value.size() > limits.max_cell_chars && utf8_length(value) > limits.max_cell_chars)
        return make_error(Place{path, sheet_name, cell_ref(r, c)},
                          sheet_msg::cell_too_long(limits.max_cell_chars));
      Cell cell;
      if (!value.empty()) {
        if (++cells > limits.max_cells)
          return make_error(Place{path, sheet_name, ""}, too_many_cells_message(limits.max_cells));
        if (r != counted_row && (counted_row = r, ++data_rows > limits.max_data_rows))
          return make_error(Place{path, sheet_name, ""},
                            too_many_rows_message(sheet_name, limits.max_data_rows));
        cell.type = CellType::String;
        cell.text = std::move(value);
      }
      row->push_back(std::move(cell));
      ++c;
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF or lone CR.
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    ++r;
    while (!row->empty() && row->back().type == CellType::Empty) row->pop_back();
  }
  while (!sheet.rows.empty() && sheet.rows.back().empty()) sheet.rows.pop_back();
  return sheet;
}

Result<Sheet> read_csv_file(const std::string& path, const std::string& sheet_name,
                            const ReadLimits& limits) {
  std::string bytes;
  Status st = read_file_limited(path, limits.max_file_bytes, &bytes);
  if (!st.ok()) return st.error();
  return read_csv(bytes, path, sheet_name, limits);
}

}  // namespace qd
