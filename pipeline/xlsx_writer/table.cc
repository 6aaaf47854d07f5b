#include "xlsx_writer/table.h"

#include <cstdlib>

#include "base/text.h"
#include "xlsx_writer/widths.h"

namespace qd::xlsx {

std::vector<Column> columns(const std::vector<std::string>& labels) {
  std::vector<Column> out;
  for (const std::string& l : labels) out.push_back(Column{l});
  return out;
}

int write_table(Book& book, lxw_worksheet* ws, const Table& t) {
  if (!ws) return 0;
  const int ncols = static_cast<int>(t.columns.size());
  if (ncols == 0) return 0;
  Widths widths(ncols, 4, 60);
  std::vector<lxw_format*> body(ncols), bold(ncols);
  for (int c = 0; c < ncols; ++c) {
    const Column& col = t.columns[c];
    Style s = col.text ? text_style() : body_style();
    s.center = col.center;
    body[c] = book.format(s);
    s.bold = true;
    bold[c] = book.format(s);
    widths.cap(c, col.max_width);
    widths.at_least(c, std::min(col.min_width, col.max_width));
    // Headers wrap: a long label needs only about half its width.
    widths.at_least(c, std::min(text_width(col.label) / 2 + 3, col.max_width));
  }
  // Widths first (from every cell), then rows with heights that fit.
  auto cell_of = [&](const std::vector<std::string>& cells, int c) -> const std::string& {
    static const std::string kEmpty;
    return c < static_cast<int>(cells.size()) ? cells[c] : kEmpty;
  };
  for (const auto& cells : t.rows)
    for (int c = 0; c < ncols; ++c) widths.fit(c, cell_of(cells, c));
  for (int c = 0; c < ncols; ++c) widths.fit(c, cell_of(t.total, c));

  // How it prints: the title goes over the first band only.
  const int repeat_cols = t.repeat_cols >= 0 ? t.repeat_cols : t.freeze_cols;
  PrintBands bands;
  if (t.print) {
    std::vector<double> w;
    for (int c = 0; c < ncols; ++c) w.push_back(widths.get(c));
    bands = print_bands(w, repeat_cols, t.paper, t.landscape);
  }
  const int title_cols = bands.col_breaks.empty() ? ncols : bands.col_breaks.front();

  int row = 0;
  if (!t.title.empty()) {
    book.merge(ws, 0, 0, 0, title_cols - 1, t.title, book.format(title_style()));
    book.check(worksheet_set_row(ws, 0, 30, nullptr), "设置标题行高");
    row = 1;
  }
  const int header_row = row;

  lxw_format* header = book.format(header_style());
  std::vector<std::string> labels;
  for (const Column& col : t.columns) labels.push_back(col.label);
  book.row(ws, row, 0, labels, header);
  book.check(worksheet_set_row(ws, row, row_height(labels, widths), nullptr), "设置行高");
  ++row;

  auto put = [&](int r, const std::vector<std::string>& cells, const std::vector<lxw_format*>& fmt) {
    for (int c = 0; c < ncols; ++c) {
      const std::string& v = cell_of(cells, c);
      if (t.columns[c].numeric && all_digits(v) && v.size() < 15)
        book.number(ws, r, c, std::strtod(v.c_str(), nullptr), fmt[c]);
      else
        book.text(ws, r, c, v, fmt[c]);
    }
    book.check(worksheet_set_row(ws, r, row_height(cells, widths), nullptr), "设置行高");
  };
  for (const auto& cells : t.rows) put(row++, cells, body);
  if (t.rows.empty() && !t.empty_note.empty()) {
    book.merge(ws, row, 0, row, ncols - 1, t.empty_note, book.format(body_style()));
    ++row;
  }
  if (!t.total.empty()) put(row++, t.total, bold);
  const int last_row = row - 1;

  book.check(widths.apply(ws), "设置列宽");
  worksheet_freeze_panes(ws, header_row + 1, t.freeze_cols);
  if (t.autofilter && last_row > header_row)
    book.check(worksheet_autofilter(ws, header_row, 0, last_row, ncols - 1), "设置筛选");
  if (t.print) {
    PrintSetup p;
    // The title once: in the first row, or else in the page header.
    if (t.title.empty()) p.title = book.sheet_name(ws);
    p.repeat_first = p.repeat_last = header_row;
    apply_bands(p, bands, repeat_cols);
    setup_print(book, ws, p);
  }
  return row;
}

}  // namespace qd::xlsx
