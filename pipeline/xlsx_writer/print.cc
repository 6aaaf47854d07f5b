#include "xlsx_writer/print.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qd::xlsx {

namespace {

// Margins of setup_print() in inches: 1.5 cm left/right, 2 cm top/bottom.
constexpr double kSideMargin = 0.59, kTopMargin = 0.79;
// Of the printable width, what the planned columns may take: Excel's and
// LibreOffice's column widths differ from column_pt() by a pixel or two.
constexpr double kSafety = 0.96;
// A4 landscape is taken when the sheet fits there one page wide at this
// scale or larger; smaller sheets print larger on A4 than fitted to A3.
constexpr int kA4Scale = 80;

// The smallest whole-percent scale at which kCellPt prints at kMinPrintedPt.
int min_scale() { return static_cast<int>(std::ceil(100 * kMinPrintedPt / kCellPt)); }

// The largest whole-percent scale at which `width_pt` fits `room_pt`.
int scale_for(double width_pt, double room_pt) {
  return width_pt > 0 ? static_cast<int>(std::floor(100 * kSafety * room_pt / width_pt)) : 100;
}

// Shares the columns `pt` out into bands of at most `cap` points, left to
// right, each band as full as it goes; `starts` gets the first column of
// each band after the first. False when a column alone is wider than `cap`.
bool greedy_bands(const std::vector<double>& pt, double cap, std::vector<int>* starts) {
  starts->clear();
  double used = 0;
  for (size_t c = 0; c < pt.size(); ++c) {
    if (pt[c] > cap) return false;
    if (used > 0 && used + pt[c] > cap) {
      starts->push_back(static_cast<int>(c));
      used = 0;
    }
    used += pt[c];
  }
  return true;
}

}  // namespace

double printable_width_pt(uint8_t paper, bool landscape) {
  const double w_mm = paper == kPaperA4 ? 210 : 297, h_mm = paper == kPaperA4 ? 297 : 420;
  const double across_in = (landscape ? h_mm : w_mm) / 25.4;
  return (across_in - 2 * kSideMargin) * 72;
}

double column_pt(double units) { return (units * 9.4 + 5) * 0.75; }

PrintBands print_bands(const std::vector<double>& widths, int repeat_cols, uint8_t paper,
                       bool landscape) {
  PrintBands out;
  repeat_cols = std::clamp(repeat_cols, 0, static_cast<int>(widths.size()));
  std::vector<double> pt;
  for (double w : widths) pt.push_back(column_pt(w));
  const double total = std::accumulate(pt.begin(), pt.end(), 0.0);
  const double a4 = printable_width_pt(kPaperA4, true);
  if (paper == 0) {
    out.paper = scale_for(total, a4) >= kA4Scale ? kPaperA4 : kPaperA3;
  } else {
    out.paper = paper;
    out.landscape = landscape;
    if (scale_for(total, printable_width_pt(paper, landscape)) >= min_scale()) return out;
    out.landscape = true;
  }
  const double room = printable_width_pt(out.paper, true);
  if (scale_for(total, room) >= min_scale()) return out;  // fit to one page wide

  // Bands: the repeated columns on every page, the others shared out.
  const double rep = std::accumulate(pt.begin(), pt.begin() + repeat_cols, 0.0);
  const std::vector<double> rest(pt.begin() + repeat_cols, pt.end());
  if (rest.empty()) return out;
  // The widest band the minimum scale allows, and how many bands that takes.
  const double cap = kSafety * room * 100 / min_scale() - rep;
  const double widest = *std::max_element(rest.begin(), rest.end());
  std::vector<int> starts;
  if (!greedy_bands(rest, std::max(cap, widest), &starts)) return out;
  const size_t bands = starts.size() + 1;
  // The same number of bands, as even as they go: the least cap that still
  // needs no more bands (bisection on the cap).
  double lo = widest, hi = std::max(cap, widest);
  for (int i = 0; i < 60 && hi - lo > 0.01; ++i) {
    const double mid = (lo + hi) / 2;
    std::vector<int> s;
    if (greedy_bands(rest, mid, &s) && s.size() + 1 <= bands) hi = mid;
    else lo = mid;
  }
  greedy_bands(rest, hi, &starts);
  double band_max = 0;
  for (size_t b = 0; b <= starts.size(); ++b) {
    const size_t from = b == 0 ? 0 : static_cast<size_t>(starts[b - 1]);
    const size_t to = b < starts.size() ? static_cast<size_t>(starts[b]) : rest.size();
    band_max = std::max(band_max, std::accumulate(rest.begin() + from, rest.begin() + to, 0.0));
  }
  out.scale = std::clamp(scale_for(rep + band_max, room), 10, 100);
  for (int s : starts) out.col_breaks.push_back(s + repeat_cols);
  return out;
}

void apply_bands(PrintSetup& setup, const PrintBands& bands, int repeat_cols) {
  setup.paper = bands.paper;
  setup.landscape = bands.landscape;
  setup.scale = bands.scale;
  setup.col_breaks = bands.col_breaks;
  setup.repeat_cols = bands.col_breaks.empty() ? 0 : repeat_cols;
}

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
  if (s.scale > 0) {
    worksheet_set_print_scale(ws, static_cast<uint16_t>(s.scale));
    if (!s.col_breaks.empty()) {
      std::vector<lxw_col_t> breaks;
      for (int c : s.col_breaks) breaks.push_back(static_cast<lxw_col_t>(c));
      breaks.push_back(0);
      book.check(worksheet_set_v_pagebreaks(ws, breaks.data()), "设置分页");
    }
    worksheet_print_across(ws);
  } else {
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as needed
  }
  if (s.repeat_cols > 0)
    book.check(worksheet_repeat_columns(ws, 0, static_cast<lxw_col_t>(s.repeat_cols - 1)), "设置打印标题列");
  if (s.repeat_first >= 0)
    book.check(worksheet_repeat_rows(ws, s.repeat_first, s.repeat_last < s.repeat_first
                                                             ? s.repeat_first
                                                             : s.repeat_last),
               "设置打印标题行");
  if (s.last_row >= 0 && s.last_col >= 0)
    book.check(worksheet_print_area(ws, 0, 0, s.last_row, s.last_col), "设置打印区域");
  // Margins in inches: 1.5 cm left/right, 2 cm top/bottom, header/footer 0.8 cm.
  worksheet_set_margins(ws, kSideMargin, kSideMargin, kTopMargin, kTopMargin);
  lxw_header_footer_options hf{};
  hf.margin = 0.31;
  if (!s.title.empty()) {
    std::string header = "&C&\"宋体,Bold\"&14" + header_text(s.title);
    book.check(worksheet_set_header_opt(ws, xml_text(header).c_str(), &hf), "设置页眉");
  }
  book.check(worksheet_set_footer_opt(ws, "&C第 &P 页，共 &N 页", &hf), "设置页脚");
  worksheet_center_horizontally(ws);
}

}  // namespace qd::xlsx
