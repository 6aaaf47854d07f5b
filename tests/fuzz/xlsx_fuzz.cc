// libFuzzer target: read_xlsx on arbitrary bytes must return a value or an
// error, never crash, hang or exhaust memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spreadsheet_reader/xlsx_reader.h"

// Entry point called by libFuzzer with each input.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  qd::ReadLimits limits;
  limits.max_total_bytes = 64u << 20;  // keep each run well under the RSS limit
  limits.max_entry_bytes = 32u << 20;
  auto wb = qd::read_xlsx(bytes, "fuzz.xlsx", limits);
  if (wb.ok()) {
    for (const qd::Sheet& s : wb->sheets) {
      for (int r = 0; r < s.row_count(); ++r) (void)s.at(r, 0);
      (void)wb->find(s.name);
    }
  } else {
    (void)wb.error().str();
  }
  return 0;
}
