#include "sheet/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <cstring>

#include "sheet/messages.h"

namespace qd {

namespace {

constexpr size_t kRatioFloor = 1u << 20;  // ratio is only checked above 1 MiB

// True if `bytes` starts with the signature of an OLE compound file (CFB):
// old .xls files and encrypted .xlsx files both are such files.
bool is_cfb(std::string_view bytes) {
  static const char kSig[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  return bytes.size() >= 8 && std::memcmp(bytes.data(), kSig, 8) == 0;
}

// True if a CFB file holds an "EncryptedPackage" stream, i.e. it is an
// encrypted OOXML file rather than an old .xls. Directory entry names are
// stored in UTF-16LE.
bool cfb_is_encrypted_ooxml(std::string_view bytes) {
  static const std::string kName = [] {
    std::string s;
    for (char c : std::string_view("EncryptedPackage")) {
      s += c;
      s += '\0';
    }
    return s;
  }();
  return bytes.find(kName) != std::string_view::npos;
}

}  // namespace

// Tells why a file that is not a readable zip cannot be read.
static const char* classify_unreadable(std::string_view bytes) {
  if (bytes.empty()) return sheet_msg::kEmptyFile;
  if (is_cfb(bytes))
    return cfb_is_encrypted_ooxml(bytes) ? sheet_msg::kEncrypted : sheet_msg::kOldXls;
  if (bytes.size() >= 4 && bytes.substr(0, 2) == "PK") return sheet_msg::kTruncated;
  return sheet_msg::kNotZip;
}

std::string ZipArchive::normalize_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  size_t start = out.find_first_not_of('/');
  return start == std::string::npos ? std::string() : out.substr(start);
}

Error ZipArchive::error(const char* message) const {
  return make_error(Place{path_, "", ""}, message);
}

Result<ZipArchive> ZipArchive::open(std::string_view bytes, const std::string& path,
                                    const ReadLimits& limits) {
  Place place{path, "", ""};
  if (bytes.size() > limits.max_file_bytes)
    return make_error(place, sheet_msg::kFileTooBig);
  // A zip needs at least an end-of-central-directory record (22 bytes).
  if (bytes.size() < 22 || bytes.substr(0, 2) != "PK")
    return make_error(place, classify_unreadable(bytes));

  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) {
    zip_error_fini(&zerr);
    return make_error(place, sheet_msg::kNotZip);
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
  if (!za) {
    int code = zip_error_code_zip(&zerr);
    zip_source_free(src);
    zip_error_fini(&zerr);
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_EOF ||
        code == ZIP_ER_READ || code == ZIP_ER_SEEK)
      return make_error(place, bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)
                                   ? sheet_msg::kTruncated
                                   : sheet_msg::kNotZip);
    if (code == ZIP_ER_MEMORY) return make_error(place, sheet_msg::kBomb);
    return make_error(place, sheet_msg::kDamaged);
  }
  zip_error_fini(&zerr);

  ZipArchive a;
  a.zip_ = za;
  a.path_ = path;
  a.limits_ = limits;
  zip_int64_t n = zip_get_num_entries(za, 0);
  if (n < 0) return a.error(sheet_msg::kDamaged);
  if (n > limits.max_entries) return a.error(sheet_msg::kTooManyEntries);
  a.index_.reserve(static_cast<size_t>(n));
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(za, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (!name) continue;
    a.index_.emplace(normalize_name(name), i);  // first one wins on duplicates
  }
  return a;
}

ZipArchive::ZipArchive(ZipArchive&& o) noexcept
    : zip_(o.zip_),
      path_(std::move(o.path_)),
      limits_(o.limits_),
      index_(std::move(o.index_)),
      total_read_(o.total_read_) {
  o.zip_ = nullptr;
}

ZipArchive& ZipArchive::operator=(ZipArchive&& o) noexcept {
  if (this != &o) {
    if (zip_) zip_discard(zip_);
    zip_ = o.zip_;
    o.zip_ = nullptr;
    path_ = std::move(o.path_);
    limits_ = o.limits_;
    index_ = std::move(o.index_);
    total_read_ = o.total_read_;
  }
  return *this;
}

ZipArchive::~ZipArchive() {
  if (zip_) zip_discard(zip_);
}

bool ZipArchive::contains(std::string_view name) const {
  return index_.count(normalize_name(name)) > 0;
}

std::vector<std::string> ZipArchive::names() const {
  std::vector<std::pair<int64_t, std::string>> v;
  for (const auto& [name, i] : index_) {
    const char* raw = zip_get_name(zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    v.emplace_back(i, raw ? raw : name);
  }
  std::sort(v.begin(), v.end());
  std::vector<std::string> out;
  for (auto& p : v) out.push_back(std::move(p.second));
  return out;
}

Result<std::string> ZipArchive::read(std::string_view name) {
  auto it = index_.find(normalize_name(name));
  if (it == index_.end())
    return make_error(Place{path_, "", ""},
                      "无法读取：工作簿缺少内部部件 " + std::string(name) +
                          "，文件不完整或已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。");
  zip_uint64_t idx = static_cast<zip_uint64_t>(it->second);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, idx, 0, &st) != 0) return error(sheet_msg::kDamaged);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return error(sheet_msg::kEncrypted);
  if ((st.valid & ZIP_STAT_COMP_METHOD) &&
      !zip_compression_method_supported(static_cast<zip_int32_t>(st.comp_method), 0))
    return error(sheet_msg::kDamaged);
  if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
    return error(sheet_msg::kDamaged);

  // What the central directory says.
  const double ratio_cap = limits_.max_ratio * static_cast<double>(std::max<zip_uint64_t>(st.comp_size, 1));
  if (st.size > kRatioFloor && static_cast<double>(st.size) > ratio_cap)
    return error(sheet_msg::kBomb);
  if (st.size > limits_.max_entry_bytes || st.size > limits_.max_total_bytes - std::min(total_read_, limits_.max_total_bytes))
    return error(sheet_msg::kContentTooBig);

  zip_file_t* f = zip_fopen_index(zip_, idx, 0);
  if (!f) {
    int code = zip_error_code_zip(zip_get_error(zip_));
    zip_error_clear(zip_);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
      return error(sheet_msg::kEncrypted);
    return error(sheet_msg::kDamaged);
  }
  // Inflate straight into a buffer of the stated size (which the checks
  // above bound by the compressed size times the ratio), one byte more to
  // notice an entry that inflates to more than the header says, and keep
  // checking what inflating actually produces: never trust the header.
  std::string out;
  out.resize(static_cast<size_t>(st.size) + 1);
  size_t produced = 0;
  for (;;) {
    if (produced == out.size()) {
      zip_fclose(f);
      return error(sheet_msg::kBomb);  // more data than the header states
    }
    zip_int64_t got = zip_fread(f, out.data() + produced, out.size() - produced);
    if (got < 0) {
      int code = zip_error_code_zip(zip_file_get_error(f));
      zip_fclose(f);
      if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD)
        return error(sheet_msg::kEncrypted);
      return error(sheet_msg::kTruncated);
    }
    if (got == 0) break;
    produced += static_cast<size_t>(got);
    if (produced > kRatioFloor && static_cast<double>(produced) > ratio_cap) {
      zip_fclose(f);
      return error(sheet_msg::kBomb);
    }
    if (produced > limits_.max_entry_bytes || total_read_ + produced > limits_.max_total_bytes) {
      zip_fclose(f);
      return error(sheet_msg::kContentTooBig);
    }
  }
  zip_fclose(f);
  if (produced != st.size) return error(sheet_msg::kTruncated);
  out.resize(produced);
  total_read_ += out.size();
  return out;
}

}  // namespace qd
