#include "office/blocks.h"

namespace qd::office {

docx::Cell cell(const std::string& text, double size, docx::Align align, const char* style) {
  docx::Cell c;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    docx::Paragraph p(style, text.substr(start, nl == std::string::npos ? nl : nl - start));
    p.align = align;
    if (size > 0)
      for (docx::Run& r : p.runs) r.size = size;
    c.paragraphs.push_back(std::move(p));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return c;
}

docx::Table table(std::vector<double> widths_mm, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows, double size,
                  std::vector<bool> centre) {
  docx::Table t;
  t.widths_mm = std::move(widths_mm);
  centre.resize(t.widths_mm.size(), false);
  docx::Row h;
  h.header = true;
  for (const std::string& label : header)
    h.cells.push_back(cell(label, size, docx::Align::Center, "TableHeader"));
  for (docx::Cell& c : h.cells) c.fill = "E7E6E6";
  t.rows.push_back(std::move(h));
  for (const std::vector<std::string>& row : rows) {
    docx::Row r;
    for (size_t i = 0; i < row.size(); ++i)
      r.cells.push_back(
          cell(row[i], size, i < centre.size() && centre[i] ? docx::Align::Center : docx::Align::Inherit));
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::string numeral(int n) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0) return std::to_string(n);
  if (n >= 1000) return std::to_string(n);
  std::string out;
  int h = n / 100, t = (n / 10) % 10, u = n % 10;
  if (h) out += std::string(kDigits[h]) + "百";
  if (t) {
    if (!(t == 1 && !h)) out += kDigits[t];
    out += "十";
  } else if (h && u) {
    out += "零";
  }
  if (u) out += kDigits[u];
  return out;
}

std::string place_text(const Place& p) {
  std::string file = p.file;
  if (size_t slash = file.find_last_of('/'); slash != std::string::npos) file = file.substr(slash + 1);
  std::string out = file;
  if (!p.sheet.empty()) out += (out.empty() ? "" : " ") + p.sheet;
  if (!p.cell.empty()) out += "!" + p.cell;
  return out;
}



}  // namespace qd::office
