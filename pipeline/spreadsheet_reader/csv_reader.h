// Reads one CSV sheet (RFC 4180) as saved by Excel or WPS: UTF-8 with or
// without BOM, or GB18030 (Excel's default on Chinese Windows).
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"
#include "spreadsheet_reader/workbook.h"

namespace qd {

// Reads CSV bytes into a sheet named `sheet_name`: quoted fields, ""
// escapes, CRLF or LF line ends, line breaks inside quotes (kept as LF).
// Every non-empty field is a String cell (CSV has no types); an empty field
// is an Empty cell. A final line break does not make an extra row.
Result<Sheet> read_csv(std::string_view bytes, const std::string& path,
                       const std::string& sheet_name, const ReadLimits& limits = {});

// Reads the CSV file at `path`, checking its size first.
Result<Sheet> read_csv_file(const std::string& path, const std::string& sheet_name,
                            const ReadLimits& limits = {});

// Converts CSV bytes to UTF-8: strips a UTF-8 BOM, keeps valid UTF-8, and
// otherwise converts from GB18030. Returns false if neither fits.
bool csv_to_utf8(std::string_view bytes, std::string* out);

}  // namespace qd
