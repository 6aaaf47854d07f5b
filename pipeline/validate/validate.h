// The validation stage: checks every item, sub-table, reference list and
// submission of the catalog against the rules of rules.md and records the
// findings. Coded fields are canonicalised on the way, so later stages see
// one form of every value.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/catalog.h"

namespace qd {

// Checks every item, sub-table, reference list and submission of the catalog
// against rules.md, recording findings with catalog.report(finding, &item).
// Also canonicalises coded fields in place ("XK", "01", "01 行政许可" ->
// "行政许可"; multi-valued fields re-joined with "、"; limits such as
// "20工作日" -> "20个工作日", "当场办结" -> "即办"), so that later stages see
// one form. Does not touch codes assignment (CODE-CONFLICT is the codes
// stage's) nor FILE-UNREADABLE / ORPHAN-ROW / NUMBER-AS-CODE / column problems
// (the ingest stage reports those).
//
// Rule ids beyond rules.md (documented in rules.h): LIMIT-FORMAT (error),
// NAME-LENGTH (warning), CODE-MISMATCH (warning), SUBMISSION-DATE (warning),
// TEXT-FORMULA (warning).
void validate(Catalog& catalog);

// Whether the printed outputs can draw a character (the printing kit's
// fonts answer; print::printable()).
using Printable = std::function<bool(char32_t)>;

// TEXT-CHARS for the published items: one warning per field, material, step
// or FAQ cell holding a character that is not printable, at the cell it came
// from (run after the codes and history stages, before the writers).
void report_unprintable(Catalog& catalog, const Printable& printable);

// WINDOW-EMPTY: one hint per window of a hall that handles no published item
// (model/windows.h), which therefore gets no window poster, at the settings
// file (by its name), under the window's first department (run after the codes and
// history stages, before the writers, when what is published is settled).
// Returns the findings' messages, for the build log.
std::vector<std::string> report_empty_windows(Catalog& catalog);

}  // namespace qd
