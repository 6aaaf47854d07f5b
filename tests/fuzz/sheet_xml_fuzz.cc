// libFuzzer target for the XML layer of the xlsx reader: the input is split
// on "\0\0" into worksheet XML, shared-strings XML and styles XML, packed
// into a stored (uncompressed) .xlsx and read. Mutations then reach the XML
// parsers directly instead of being stopped by deflate and CRC checks.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "support/test_zip.h"
#include "spreadsheet_reader/xlsx_reader.h"

// Entry point called by libFuzzer with each input.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string parts[3];
  for (int k = 0; k < 3; ++k) {
    size_t sep = k < 2 ? in.find(std::string_view("\0\0", 2)) : std::string_view::npos;
    parts[k] = std::string(in.substr(0, sep));
    if (sep == std::string_view::npos) break;
    in.remove_prefix(sep + 2);
  }
  auto entries = qd::testing::minimal_xlsx_parts(parts[0], parts[1]);
  if (!parts[2].empty()) {
    entries.push_back({"xl/styles.xml", parts[2]});
    entries[3].data.insert(entries[3].data.find("</Relationships>"),
                           "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
                           "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
  }
  std::string zip = qd::testing::make_zip(entries, {}, /*compress=*/false);
  auto wb = qd::read_xlsx(zip, "fuzz.xlsx");
  if (wb.ok()) {
    for (const qd::Sheet& s : wb->sheets)
      for (int r = 0; r < s.row_count(); ++r) (void)s.at(r, 0);
  }
  return 0;
}
