// Charts of the leaders' report as positioned drawing before any PDF: bars,
// rules and text in PDF points (origin bottom left). Builders size every
// label to the room it has (smaller type, then an ellipsis) so that no label
// leaves its box; draw_chart() replays a chart with pdf::Document's rect,
// stroke_line and draw_text. Tests check the geometry directly.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"
#include "pdf/document.h"
#include "writers/leaders/figures.h"

namespace qd {

// One line of text of a chart. [box_x0, box_x1] is the room it was given;
// x + width never leaves it.
struct ChartText {
  std::string text;
  Role role = Role::Body;
  double size = 10.5;
  double x = 0, y = 0;  // left edge, baseline
  double width = 0;     // set width at `size`
  double box_x0 = 0, box_x1 = 0;
  pdf::Color color = pdf::kBlack;
};

struct ChartBar {
  double x = 0, y = 0, w = 0, h = 0;  // bottom left, size
  pdf::Color fill;
};

struct ChartRule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, width = 0.5;
  pdf::Color color = pdf::kBlack;
};

struct Chart {
  double x = 0, y = 0, width = 0, height = 0;  // bounds, bottom left
  std::vector<ChartRule> grid;   // drawn first, behind the bars
  std::vector<ChartBar> bars;
  std::vector<ChartRule> rules;  // axes and ticks, over the bars
  std::vector<ChartText> texts;

  // Moves the chart so that its top is at PDF y `top`.
  void place_top(double top);
};

// Sizes of a chart's parts.
// No text of a chart is smaller than kMinChartPt (小五).
inline constexpr double kMinChartPt = 9;

struct ChartStyle {
  double title_size = 12;      // 黑体 title line
  double label_size = 10.5;    // category labels
  double min_label_size = kMinChartPt;  // labels shrink down to this before an ellipsis
  double value_size = kMinChartPt;      // values at the bars and axis ticks
  double row_pitch = 19;       // horizontal bars: one row
  double bar_share = 0.62;     // of the row (or column slot) the bar fills
  double plot_height = 170;    // columns: height of the plot area
  pdf::Color bar{0.20, 0.40, 0.68};
  pdf::Color grid{0.80, 0.80, 0.80};
};

// Rows of horizontal bars that fit in `height` pt (title and axis included).
int bar_rows_fitting(double height, const ChartStyle& style);

// Horizontal bars, one row per entry: label (right-aligned in a label
// column), bar, value after the bar; a value axis with ticks at the bottom
// and its caption `axis`. Bottom left at (x, 0), `width` wide.
Chart horizontal_bars(const std::string& title, const std::vector<Count>& data,
                      const std::string& axis, double x, double width,
                      const layout::Fonts& fonts, const ChartStyle& style);

// Vertical columns, one per entry: value and share of the total above each
// column, the label under it; a value axis at the left with its caption
// `axis`. Bottom left at (x, 0), `width` wide.
Chart columns(const std::string& title, const std::vector<Count>& data, const std::string& axis,
              double x, double width, const layout::Fonts& fonts, const ChartStyle& style);

// Draws a chart into the current page of a document: the grid, then the
// bars over it, then the axes and the texts.
void draw_chart(const Chart& chart, pdf::Document& doc);

// Tick step for an axis up to `max`: 1, 2 or 5 × 10^k, at most six steps.
int tick_step(int max);

}  // namespace qd
