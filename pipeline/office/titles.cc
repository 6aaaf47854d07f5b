#include "office/titles.h"

#include "typeset/display.h"

namespace qd::office {

std::string balanced_title(std::string_view text, const ts::Metrics* metrics, double size_pt,
                           double width_mm) {
  if (!metrics || text.empty()) return std::string(text);
  ts::ParagraphStyle style;
  style.size = size_pt;
  style.width = width_mm / 25.4 * 72;
  style.indent = 0;
  style.justify = false;
  style.align = ts::ParagraphStyle::Align::Center;
  std::string out;
  for (const std::string& line : ts::display_lines(text, *metrics, style))
    out += (out.empty() ? "" : "\n") + line;
  return out;
}

docx::Paragraph title_paragraph(std::string_view text, const ts::Metrics* metrics,
                                const std::string& style) {
  return docx::Paragraph(style, balanced_title(text, metrics));
}

}  // namespace qd::office
