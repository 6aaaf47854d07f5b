// TEXT-CHARS for the printed booklets: text of a published item that no
// configured font can draw (it would be left out of the PDF).
#pragma once

#include "model/catalog.h"
#include "pdf/fonts.h"

namespace qd {

// Adds one TEXT-CHARS warning per field, material or step cell of a
// published item that holds a character font_for(Role::Body, cp) == -1,
// at the cell it came from.
void report_uncovered_chars(Catalog& catalog, const pdf::FontLibrary& fonts);

}  // namespace qd
