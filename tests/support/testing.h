// Test helpers shared by the .xlsx writers' tests: a small hand-made
// county catalog, an openpyxl dump of a written workbook as JSON (read
// back by a different implementation than the one that wrote it), and the
// LibreOffice/poppler round trip to PDF and text.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "model/catalog.h"

namespace qd::testing {

// A catalog of three registered departments (one with a name over 31
// characters) and one unregistered, with published, rejected, pending and
// retired items, sub-tables, findings and submissions. Build date
// 2017-09-30, deadline 2017-08-31.
Catalog sample_catalog();

// A fresh, empty folder under the system temp folder.
std::string fresh_dir(std::string_view name);

// The whole content of a file ("" if unreadable).
std::string slurp(const std::string& path);

// Runs a shell command; returns its exit code and puts stdout in `out`.
int run(const std::string& command, std::string* out = nullptr);

// Reads `xlsx` with openpyxl (/usr/bin/python3) and returns
// {"properties": {...}, "sheets": [{"name", "state", "freeze", "autofilter",
//  "protected", "print_title_rows", "print_title_cols", "scale", "page_order",
//  "col_breaks": [first column (1-based) of each band after the first],
//  "orientation", "paper", "fit_width",
//  "header", "footer", "widths": {col: w}, "merged": [...],
//  "validations": [{"sqref","type","formula1","errorStyle"}],
//  "cells": {"A1": value}, "types": {"A1": "s"}, "formats": {"A1": "@"},
//  "locked": {"A1": true}  (rows 1–3, every 100th row and commented cells),
//  "comments": {"A1": text}, "fills": {"A1": "FFC7CE"} (solid fills, RGB),
//  "links": {"A1": "'实施清单'!U3"} (a hyperlink's location or target),
//  "columns": {"A": {"locked", "format", "border"}}  (columns with a format)}]}.
Result<nlohmann::json> dump_xlsx(const std::string& xlsx);

// The sheet named `name` of a dump, or null json.
const nlohmann::json& sheet(const nlohmann::json& dump, std::string_view name);
// The cell `ref` of a dumped sheet as text ("" if empty).
std::string cell(const nlohmann::json& sheet, std::string_view ref);
// The names of the dumped sheets in order.
std::vector<std::string> sheet_names(const nlohmann::json& dump);

// Converts `file` to PDF in `outdir` with LibreOffice headless; returns
// the PDF's path.
Result<std::string> to_pdf(const std::string& file, const std::string& outdir);
// The text of a PDF by pdftotext.
std::string pdf_text(const std::string& pdf);

}  // namespace qd::testing
