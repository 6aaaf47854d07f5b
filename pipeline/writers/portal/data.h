// The portal's open data (data/): the published 目录清单 and 实施清单 as JSON
// (for programs), CSV (for programs and spreadsheets: writers/csv.h) and
// .xlsx (text cells, for people), the search index, and the page that says
// which file to use and documents every field. Keys are ElementInfo::key; values are shown as in
// the printed lists (code tables by their labels).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "model/catalog.h"
#include "writers/csv.h"

namespace qd::portal {

// The keys of the catalog list (elements.md §1) in column order.
std::vector<std::string> catalog_keys();
// The keys of the implementation list: "department", then the 36 elements.
std::vector<std::string> implementation_keys();

// The value of catalog-list key `key` of an item (display form).
std::string catalog_value(const Item& item, std::string_view key);

// One published item of the implementation list as JSON: every key of
// implementation_keys(); materials and process as arrays of objects keyed by
// the sub-table's column keys.
nlohmann::json implementation_record(const Item& item);

// {"county", "title", "version", "fields": [keys], "items": [...]}.
nlohmann::json catalog_json(const Catalog& catalog, Date date);
nlohmann::json implementation_json(const Catalog& catalog, Date date);

// The rows of the lists as text, one per published item, cells in the order
// of catalog_keys() / implementation_keys() (materials and steps as
// numbered text), for the CSV and .xlsx files.
std::vector<std::vector<std::string>> catalog_rows(const Catalog& catalog);
std::vector<std::vector<std::string>> implementation_rows(const Catalog& catalog);

// Which columns hold codes or phones (text even when all digits).
std::vector<csv::Column> catalog_columns();
std::vector<csv::Column> implementation_columns();

// CSV for spreadsheets (writers/csv.h: BOM, CRLF, formulas neutralised,
// number-like codes ending in a tab): a header row of keys, then the rows.
std::string catalog_csv(const Catalog& catalog);
std::string implementation_csv(const Catalog& catalog);

// The same lists as .xlsx for people who open them in Excel or WPS: one
// sheet, a header row of the Chinese labels, every cell a text cell (number
// format "@": codes keep their leading zeros and all 31 characters), the
// header frozen, a filter. Documented with their date as list version.
Status write_catalog_xlsx(const Catalog& catalog, Date date, const std::string& path);
Status write_implementation_xlsx(const Catalog& catalog, Date date, const std::string& path);

// One entry of the search index.
struct SearchEntry {
  std::string name, department, kind, url;
  std::vector<std::string> materials;
  std::string basis, conditions;  // 设定依据, 受理条件 as the item page shows them
};

// {"version", "items": [{"name", "department", "kind", "materials", "basis",
// "conditions", "url"}]} (url relative to the portal root), items in the
// order of the lists.
nlohmann::json search_json(const std::vector<SearchEntry>& entries, Date date);

// The search index as the script data/search.js that the index page loads:
// "qingdanSearchIndex(<json>);" (U+2028 and U+2029 escaped, which older
// JavaScript does not allow raw in a string).
std::string search_script(std::string_view json);

// Serialises JSON for the site: sorted keys, UTF-8, invalid bytes replaced,
// `indent` < 0 for compact.
std::string dump(const nlohmann::json& j, int indent);

// The body (inside <main>) of data/README.html: every file and field with
// its key, label and meaning.
std::string fields_page_body(const Catalog& catalog);

}  // namespace qd::portal
