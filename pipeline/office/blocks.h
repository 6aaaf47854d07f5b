// The office-documents kit's building blocks: table cells and rows, Chinese
// ordinal numerals, places as text — what the .docx documents share.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "docx/docx.h"

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

// 1 → "一", 10 → "十", 21 → "二十一", 105 → "一百零五".
std::string numeral(int n);

// "市场监管局.xlsx 实施清单!B4" — the file's name without its folders.
std::string place_text(const Place& p);

}  // namespace qd::office
