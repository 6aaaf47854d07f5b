// The portal's open data (data/): the published 目录清单 and 实施清单 as JSON
// and CSV (UTF-8 with BOM for Excel), the search index, and the page that
// documents every field. Keys are ElementInfo::key; values are shown as in
// the printed lists (code tables by their labels).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/catalog.h"

namespace qd::portal {

// The UTF-8 byte order mark that makes Excel read a CSV as UTF-8.
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

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

// CSV with BOM and CRLF: a header row of keys, one row per published item
// (materials and steps as numbered text).
std::string catalog_csv(const Catalog& catalog);
std::string implementation_csv(const Catalog& catalog);

// One entry of the search index.
struct SearchEntry {
  std::string name, department, kind, url;
  std::vector<std::string> materials;
};

// {"version", "items": [{"name", "department", "kind", "materials", "url"}]}
// (url relative to the portal root), items in the order of the lists.
nlohmann::json search_json(const std::vector<SearchEntry>& entries, Date date);

// Serialises JSON for the site: sorted keys, UTF-8, invalid bytes replaced,
// `indent` < 0 for compact.
std::string dump(const nlohmann::json& j, int indent);

// The body (inside <main>) of data/README.html: every file and field with
// its key, label and meaning.
std::string fields_page_body(const Catalog& catalog);

}  // namespace qd::portal
