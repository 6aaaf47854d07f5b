// Test helpers: build zip archives and minimal .xlsx packages in memory with
// libzip, including huge entries generated on the fly (no big buffers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace qd::testing {

// One entry with its content in memory.
struct ZipEntry {
  std::string name;
  std::string data;
};

// One entry whose content is `prefix`, then `count` copies of `fill` (or of
// `fill_text` when it is not empty), then `suffix`, produced while
// compressing.
struct StreamEntry {
  std::string name;
  std::string prefix;
  char fill = 'a';
  size_t count = 0;
  std::string suffix;
  std::string fill_text;
};

// Builds a zip archive holding the given entries, deflated (or stored when
// `compress` is false).
std::string make_zip(const std::vector<ZipEntry>& entries,
                     const std::vector<StreamEntry>& streamed = {}, bool compress = true);

// The parts of a minimal .xlsx with one sheet named "实施清单" whose
// worksheet XML is `sheet_xml` (plus sharedStrings.xml if not empty).
std::vector<ZipEntry> minimal_xlsx_parts(const std::string& sheet_xml,
                                         const std::string& shared_strings_xml = "");

// A worksheet XML document around `sheet_data` (the children of <sheetData>).
std::string worksheet_xml(const std::string& sheet_data, const std::string& after = "");

// Rewrites the uncompressed size that the local header and the central
// directory state for entry `name` (to test readers that trust headers).
void patch_uncompressed_size(std::string* zip, const std::string& name, uint32_t size);

}  // namespace qd::testing
