// libFuzzer target: read_csv on arbitrary bytes must return a value or an
// error, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spreadsheet_reader/csv_reader.h"

// Entry point called by libFuzzer with each input.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto sheet = qd::read_csv(bytes, "fuzz.csv", "实施清单");
  if (sheet.ok()) {
    for (int r = 0; r < sheet->row_count(); ++r) (void)sheet->at(r, 0);
  } else {
    (void)sheet.error().str();
  }
  return 0;
}
