// The office-documents kit's building blocks: table cells and rows, Chinese
// ordinal numerals, places as text — what the .docx documents share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "docx/docx.h"
#include "typeset/line.h"

namespace qd::office {

// A table cell of one paragraph per line of `text`, in style TableText (or
// TableHeader), at `size` pt (0 = the style's 12 pt).
docx::Cell cell(const std::string& text, double size = 0, docx::Align align = docx::Align::Inherit,
                const char* style = "TableText");

// A table with a repeated header row; `centre` marks the columns whose body
// cells are centred.
docx::Table table(std::vector<double> widths_mm, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows, double size = 10.5,
                  std::vector<bool> centre = {});

// The width of a line of text in ems as word processors set it: Chinese
// characters one, ASCII 0.6, and a quarter between the two.
double text_ems(std::string_view line);

// Column widths in mm for a table set at `size` pt in `total_mm`: each
// column as wide as its longest line (the header's included) plus the cell
// margins, so that no cell wraps; the room left over goes to column
// `flex`. When the columns do not fit, column `flex` gets what the others
// leave (its cells wrap: break them with balanced_cell()).
std::vector<double> fitted_widths(const std::vector<std::string>& header,
                                  const std::vector<std::vector<std::string>>& rows, double size,
                                  double total_mm, size_t flex);

// `text` broken by '\n' into the fewest lines that `width_mm` holds at
// `size` pt (cell margins taken off), as even as they go, never a line of
// one character: between words by the typesetter's display lines when
// `metrics` is given ("张家口市生态环境局\n涿鹿县分局"), else evenly by
// characters.
std::string balanced_cell(const std::string& text, double width_mm, double size,
                          const ts::Metrics* metrics = nullptr);

// 1 → "一", 10 → "十", 21 → "二十一", 105 → "一百零五".
std::string numeral(int n);

// "市场监管局.xlsx 实施清单!B4" — the file's name without its folders.
std::string place_text(const Place& p);

}  // namespace qd::office
