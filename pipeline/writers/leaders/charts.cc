#include "writers/leaders/charts.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "layout/flow.h"

namespace qd {

namespace {


const ts::Metrics& metrics_of(const layout::Fonts& fonts, Role role) {
  return *fonts[static_cast<size_t>(role)];
}

double measure_at(const std::string& text, const ts::Metrics& m, double size) {
  return layout::set_line(text, m, size).width;
}

// Text sized to a box: the style's size, smaller down to `min_size`, then
// cut with an ellipsis. Aligned in [x0, x1] (0 left, 0.5 centred, 1 right).
ChartText fitted(std::string text, Role role, double size, double min_size, double x0, double x1,
                 double y, double align, const layout::Fonts& fonts) {
  const ts::Metrics& m = metrics_of(fonts, role);
  const double room = std::max(0.0, x1 - x0);
  double w = measure_at(text, m, size);
  while (w > room && size - 0.5 >= min_size - 1e-9) {
    size -= 0.5;
    w = measure_at(text, m, size);
  }
  if (w > room) {
    std::u32string u = utf8_decode(text);
    while (!u.empty() && w > room) {
      u.pop_back();
      std::string cut;
      for (char32_t c : u) utf8_append(cut, c);
      text = cut + "…";
      w = measure_at(text, m, size);
    }
    if (w > room) {
      text.clear();
      w = 0;
    }
  }
  ChartText t;
  t.text = std::move(text);
  t.role = role;
  t.size = size;
  t.width = w;
  t.x = x0 + (room - w) * align;
  t.y = y;
  t.box_x0 = x0;
  t.box_x1 = x1;
  return t;
}

// The title line: title at the left, the unit at the right.
void title_line(Chart& c, const std::string& title, const std::string& unit, double baseline,
                const layout::Fonts& fonts, const ChartStyle& s) {
  ChartText u = fitted(unit, Role::Body, s.value_size, s.value_size, c.x, c.x + c.width, baseline, 1, fonts);
  u.box_x0 = u.x;
  const double gap = 12;
  c.texts.push_back(fitted(title, Role::Heading1, s.title_size, s.min_label_size, c.x,
                           u.x - gap, baseline, 0, fonts));
  c.texts.push_back(u);
}

int max_of(const std::vector<Count>& data) {
  int m = 0;
  for (const Count& d : data) m = std::max(m, d.n);
  return m;
}

}  // namespace

void Chart::place_top(double top) {
  const double dy = top - (y + height);
  y += dy;
  for (ChartBar& b : bars) b.y += dy;
  for (std::vector<ChartRule>* list : {&grid, &rules})
    for (ChartRule& r : *list) {
      r.y1 += dy;
      r.y2 += dy;
    }
  for (ChartText& t : texts) t.y += dy;
}

int tick_step(int max) {
  if (max <= 0) return 1;
  for (int p = 1;; p *= 10)
    for (int m : {1, 2, 5})
      if (static_cast<long>(m) * p * 6 >= max) return m * p;
}

int bar_rows_fitting(double height, const ChartStyle& s) {
  const double fixed = s.title_size * 2.2 + s.value_size * 2.2 + 4;
  return std::max(1, static_cast<int>((height - fixed) / s.row_pitch));
}

Chart horizontal_bars(const std::string& title, const std::vector<Count>& data,
                      const std::string& axis, double x, double width,
                      const layout::Fonts& fonts, const ChartStyle& s) {
  Chart c;
  c.x = x;
  c.width = width;
  const int n = static_cast<int>(data.size());
  const double title_h = s.title_size * 2.2;
  const double axis_h = s.value_size * 2.2 + 4;
  c.height = title_h + n * s.row_pitch + axis_h;
  title_line(c, title, axis, c.height - s.title_size * 1.1, fonts, s);

  // Columns: labels | plot | room for the value after the longest bar.
  const ts::Metrics& lm = metrics_of(fonts, Role::Body);
  double label_w = 0;
  for (const Count& d : data) label_w = std::max(label_w, measure_at(d.label, lm, s.label_size));
  label_w = std::min(label_w, width * 0.3);
  const int max = max_of(data);
  const int step = tick_step(max);
  const int top = std::max(step, (max + step - 1) / step * step);
  const double value_w = measure_at(std::to_string(top), lm, s.value_size) + 8;
  const double x0 = x + label_w + 8, x1 = x + width - value_w;
  const double scale = (x1 - x0) / top;
  const double rows_top = c.height - title_h, rows_bottom = axis_h;

  // Grid and axis.
  const int ticks = top / step;
  const double slot = (x1 - x0) / ticks;
  for (int k = 0; k <= ticks; ++k) {
    const double tx = x0 + k * step * scale;
    if (k > 0) c.grid.push_back({tx, rows_bottom, tx, rows_top, 0.4, s.grid});
    c.rules.push_back({tx, rows_bottom, tx, rows_bottom - 3, 0.6, pdf::kBlack});
    c.texts.push_back(fitted(std::to_string(k * step), Role::Body, s.value_size, std::min(s.value_size, s.min_label_size),
                             tx - slot / 2, tx + slot / 2, rows_bottom - 4 - s.value_size * 0.9, 0.5,
                             fonts));
  }
  c.rules.push_back({x0, rows_bottom, x1, rows_bottom, 0.6, pdf::kBlack});
  c.rules.push_back({x0, rows_bottom, x0, rows_top, 0.6, pdf::kBlack});

  // Rows.
  const double bar_h = s.row_pitch * s.bar_share;
  for (int i = 0; i < n; ++i) {
    const double row_top = rows_top - i * s.row_pitch;
    const double mid = row_top - s.row_pitch / 2;
    const double baseline = mid - s.label_size * 0.38;
    c.texts.push_back(fitted(data[i].label, Role::Body, s.label_size, s.min_label_size, x,
                             x + label_w, baseline, 1, fonts));
    const double w = data[i].n * scale;
    if (w > 0) c.bars.push_back({x0, mid - bar_h / 2, w, bar_h, s.bar});
    c.texts.push_back(fitted(std::to_string(data[i].n), Role::Body, s.value_size, std::min(s.value_size, s.min_label_size),
                             x0 + w + 3, x + width, mid - s.value_size * 0.38, 0, fonts));
  }
  return c;
}

Chart columns(const std::string& title, const std::vector<Count>& data, const std::string& axis,
              double x, double width, const layout::Fonts& fonts, const ChartStyle& s) {
  Chart c;
  c.x = x;
  c.width = width;
  const int n = std::max<int>(1, static_cast<int>(data.size()));
  const double title_h = s.title_size * 2.2;
  const double value_h = s.value_size * 2.6 + 4;  // value and share above the tallest column
  const double label_h = s.label_size * 1.8;
  c.height = title_h + value_h + s.plot_height + label_h;
  title_line(c, title, axis, c.height - s.title_size * 1.1, fonts, s);

  const ts::Metrics& lm = metrics_of(fonts, Role::Body);
  const int max = max_of(data);
  int total = 0;
  for (const Count& d : data) total += d.n;
  const int step = tick_step(max);
  const int top = std::max(step, (max + step - 1) / step * step);
  const double tick_w = measure_at(std::to_string(top), lm, s.value_size) + 6;
  const double x0 = x + tick_w, x1 = x + width;
  const double plot_bottom = label_h, plot_top = label_h + s.plot_height;
  const double scale = s.plot_height / top;

  // Grid and axis.
  for (int v = 0; v <= top; v += step) {
    const double ty = plot_bottom + v * scale;
    if (v > 0) c.grid.push_back({x0, ty, x1, ty, 0.4, s.grid});
    c.texts.push_back(fitted(std::to_string(v), Role::Body, s.value_size, std::min(s.value_size, s.min_label_size), x,
                             x0 - 4, ty - s.value_size * 0.38, 1, fonts));
  }
  c.rules.push_back({x0, plot_bottom, x1, plot_bottom, 0.6, pdf::kBlack});
  c.rules.push_back({x0, plot_bottom, x0, plot_top, 0.6, pdf::kBlack});

  // Columns.
  const double slot = (x1 - x0) / n;
  for (size_t i = 0; i < data.size(); ++i) {
    const double sx0 = x0 + i * slot, sx1 = sx0 + slot;
    const double bw = slot * s.bar_share;
    const double h = data[i].n * scale;
    if (h > 0) c.bars.push_back({sx0 + (slot - bw) / 2, plot_bottom, bw, h, s.bar});
    const double value_base = plot_bottom + h + 4 + s.value_size * 0.12;
    c.texts.push_back(fitted(std::to_string(data[i].n), Role::Body, s.value_size, std::min(s.value_size, s.min_label_size),
                             sx0 + 2, sx1 - 2, value_base, 0.5, fonts));
    c.texts.push_back(fitted(percent(data[i].n, total), Role::Body, s.value_size, std::min(s.value_size, s.min_label_size),
                             sx0 + 2, sx1 - 2, value_base + s.value_size * 1.3, 0.5, fonts));
    c.texts.push_back(fitted(data[i].label, Role::Body, s.label_size, s.min_label_size, sx0 + 2, sx1 - 2,
                             plot_bottom - s.label_size * 1.2, 0.5, fonts));
  }
  return c;
}

void draw_chart(const Chart& c, pdf::Document& doc) {
  for (const ChartRule& r : c.grid) doc.stroke_line(r.x1, r.y1, r.x2, r.y2, r.width, r.color);
  for (const ChartBar& b : c.bars) doc.rect(b.x, b.y, b.w, b.h, 0, b.fill, true, b.fill);
  for (const ChartRule& r : c.rules) doc.stroke_line(r.x1, r.y1, r.x2, r.y2, r.width, r.color);
  for (const ChartText& t : c.texts)
    if (!t.text.empty())
      doc.draw_text(t.text, t.role, t.size, t.x, t.y, t.color);
}

}  // namespace qd
