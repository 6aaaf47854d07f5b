#include "office/blocks.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "typeset/display.h"

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

namespace {

// Cell margins of docx tables (85 twips a side) and a little for rounding.
constexpr double kCellMarginsMm = 2 * 1.5 + 0.8;
constexpr double kMmPerPt = 25.4 / 72;

// The widest line of `text` in ems.
double widest_ems(const std::string& text) {
  double widest = 0;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    widest = std::max(widest, text_ems(std::string_view(text).substr(start, nl == std::string::npos ? nl : nl - start)));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return widest;
}

}  // namespace

double text_ems(std::string_view line) {
  // Digits and Latin letters at 0.6 em (the substitute fonts' digits are
  // wider than half an em), and a quarter em on each side of a run of them
  // between Chinese characters: the automatic spacing Word, WPS and
  // LibreOffice put there ("2017 年 8 月 30 日").
  double w = 0;
  int prev = -1;  // 0 ASCII, 1 other
  for (char32_t c : utf8_decode(line)) {
    const int kind = c < 0x80 ? 0 : 1;
    if (prev >= 0 && kind != prev && c != U' ') w += 0.25;
    w += kind == 0 ? 0.6 : 1;
    prev = kind;
  }
  return w;
}

std::vector<double> fitted_widths(const std::vector<std::string>& header,
                                  const std::vector<std::vector<std::string>>& rows, double size,
                                  double total_mm, size_t flex) {
  std::vector<double> w(header.size(), 0);
  auto fit = [&](size_t c, const std::string& text) {
    if (c < w.size()) w[c] = std::max(w[c], widest_ems(text) * size * kMmPerPt + kCellMarginsMm);
  };
  for (size_t c = 0; c < header.size(); ++c) fit(c, header[c]);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) fit(c, row[c]);
  if (flex >= w.size()) return w;
  double others = 0;
  for (size_t c = 0; c < w.size(); ++c)
    if (c != flex) others += w[c];
  w[flex] = std::max(total_mm - others, 2 * size * kMmPerPt + kCellMarginsMm);
  return w;
}

std::string balanced_cell(const std::string& text, double width_mm, double size,
                          const ts::Metrics* metrics) {
  const std::u32string u = utf8_decode(text);
  const double room = (width_mm - kCellMarginsMm) / (size * kMmPerPt);  // ems
  const double ems = text_ems(text);
  if (ems <= room || room < 1 || text.find('\n') != std::string::npos) return text;
  if (metrics) {
    ts::ParagraphStyle style;
    style.size = size;
    style.width = std::floor(room) * size;
    style.indent = 0;
    style.justify = false;
    std::string out;
    for (const std::string& line : ts::display_lines(text, *metrics, style)) out += (out.empty() ? "" : "\n") + line;
    return out;
  }
  const size_t lines = static_cast<size_t>(std::ceil(ems / std::floor(room)));
  const size_t per = (u.size() + lines - 1) / lines;
  std::u32string out;
  for (size_t i = 0; i < u.size(); ++i) {
    if (i > 0 && i % per == 0) out += U'\n';
    out += u[i];
  }
  return utf8_encode(out);
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
