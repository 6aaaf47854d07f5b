// Titles of the .docx documents broken into balanced lines. Word, WPS and
// LibreOffice fill a centred title's first line and leave a stub on the
// next ("…政务服务事项办事／指"); they cannot balance it themselves. So the
// break is put in here: the typesetter's display lines (ts::display_lines,
// broken between words, the most even lines) with the widths of the
// printing kit's title font, joined by line breaks.
#pragma once

#include <string>
#include <string_view>

#include "docx/docx.h"
#include "typeset/line.h"

namespace qd::office {

// The title style's size (2号) and the room a title line has: the type area
// less a little for the word processors' own spacing.
inline constexpr double kTitlePt = 22;
inline constexpr double kTitleRoomMm = docx::kTypeWidthMm - 4;

// `text` with a '\n' at each break of its balanced lines at `size_pt` in
// `width_mm` (one line: unchanged); unchanged when `metrics` is null.
std::string balanced_title(std::string_view text, const ts::Metrics* metrics,
                           double size_pt = kTitlePt, double width_mm = kTitleRoomMm);

// A paragraph of style `style` ("Title") holding the balanced title.
docx::Paragraph title_paragraph(std::string_view text, const ts::Metrics* metrics,
                                const std::string& style = "Title");

}  // namespace qd::office
