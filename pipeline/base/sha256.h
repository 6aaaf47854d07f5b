// SHA-256 digests (OpenSSL's libcrypto), as lowercase hex: the content hashes
// of the nightly build (what an output is made from) and of its files.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace qd {

// An incremental SHA-256.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  // Adds bytes.
  Sha256& add(std::string_view bytes);
  // Adds a string with its length first, so ("ab","c") and ("a","bc") differ.
  Sha256& field(std::string_view text);
  // The digest of everything added, as 64 hex digits. Ends the hash.
  std::string hex();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The digest of one string.
std::string sha256_hex(std::string_view bytes);

// The digest of a file's bytes, or "" when it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace qd
