// Reads .xlsx workbooks (Office Open XML spreadsheets, transitional or
// strict) as written by Excel, WPS, LibreOffice, openpyxl and libxlsxwriter
// into a Workbook of typed cells. Hostile files are rejected with a Chinese
// error naming the file (and the cell when the problem is in one).
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"
#include "spreadsheet_reader/workbook.h"

namespace qd {

// Reads a workbook from the bytes of an .xlsx file. `path` is used in
// messages and stored in Workbook::path.
Result<Workbook> read_xlsx(std::string_view bytes, const std::string& path,
                           const ReadLimits& limits = {});

// Reads the .xlsx file at `path`, checking its size against
// limits.max_file_bytes before reading it.
Result<Workbook> read_xlsx_file(const std::string& path, const ReadLimits& limits = {});

}  // namespace qd
