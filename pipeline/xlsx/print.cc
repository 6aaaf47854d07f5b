#include "xlsx/print.h"

namespace qd::xlsx {

std::string header_text(std::string_view title) {
  std::string out;
  for (char32_t c : utf8_decode(title)) {
    if (c == U'&') out += "&&";
    else if (c == U'\n' || c == U'\r') out += ' ';
    else utf8_append(out, c);
    // LXW_HEADER_FOOTER_MAX counts bytes or characters depending on the
    // version; stay well under it either way ("&C&\"宋体,Bold\"&14" adds 20).
    if (out.size() > 200) break;
  }
  return out;
}

void setup_print(Book& book, lxw_worksheet* ws, const PrintSetup& s) {
  if (!ws) return;
  if (s.landscape) worksheet_set_landscape(ws);
  else worksheet_set_portrait(ws);
  worksheet_set_paper(ws, s.paper);
  worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as needed
  if (s.repeat_first >= 0)
    book.check(worksheet_repeat_rows(ws, s.repeat_first, s.repeat_last < s.repeat_first
                                                             ? s.repeat_first
                                                             : s.repeat_last),
               "设置打印标题行");
  if (s.last_row >= 0 && s.last_col >= 0)
    book.check(worksheet_print_area(ws, 0, 0, s.last_row, s.last_col), "设置打印区域");
  // Margins in inches: 1.5 cm left/right, 2 cm top/bottom, header/footer 0.8 cm.
  worksheet_set_margins(ws, 0.59, 0.59, 0.79, 0.79);
  lxw_header_footer_options hf{};
  hf.margin = 0.31;
  std::string header = "&C&\"宋体,Bold\"&14" + header_text(s.title);
  book.check(worksheet_set_header_opt(ws, xml_text(header).c_str(), &hf), "设置页眉");
  book.check(worksheet_set_footer_opt(ws, "&C第 &P 页，共 &N 页", &hf), "设置页脚");
  worksheet_center_horizontally(ws);
}

}  // namespace qd::xlsx
