// A small read-only wrapper around libzip that enforces ReadLimits: entry
// count, per-entry and total uncompressed size and compression ratio, both as
// the central directory states them and while inflating.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/error.h"
#include "spreadsheet_reader/workbook.h"

struct zip;

namespace qd {

class ZipArchive {
 public:
  // Opens the archive held in `bytes`, which must outlive the ZipArchive.
  // `path` is used in error messages only. Fails with a clerk-readable error
  // for empty files, non-zips, truncated zips and too many entries.
  static Result<ZipArchive> open(std::string_view bytes, const std::string& path,
                                 const ReadLimits& limits);

  ZipArchive(ZipArchive&& other) noexcept;
  ZipArchive& operator=(ZipArchive&& other) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  // True if the archive has an entry of that name. Names are compared as OPC
  // part names: case-insensitive, '\\' as '/', without a leading '/'.
  bool contains(std::string_view name) const;

  // The entry names as stored, in archive order.
  std::vector<std::string> names() const;

  // Reads one whole entry, enforcing the size and ratio limits. An error
  // names the file and says what is wrong (too big, damaged, encrypted).
  Result<std::string> read(std::string_view name);

  // Normalises a part name for lookup: lower case, '/' separators, no
  // leading '/'.
  static std::string normalize_name(std::string_view name);

 private:
  ZipArchive() = default;
  Error error(const char* message) const;

  struct zip* zip_ = nullptr;
  std::string path_;
  ReadLimits limits_;
  std::unordered_map<std::string, int64_t> index_;
  size_t total_read_ = 0;
};

}  // namespace qd
