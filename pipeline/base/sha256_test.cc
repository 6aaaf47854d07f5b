#include "base/sha256.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace qd {
namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 h;
  h.add("a").add("bc");
  EXPECT_EQ(h.hex(), sha256_hex("abc"));
}

TEST(Sha256, FieldsAreDelimited) {
  Sha256 a, b;
  a.field("ab").field("c");
  b.field("a").field("bc");
  EXPECT_NE(a.hex(), b.hex());
}

TEST(Sha256, FileDigestEqualsStringDigest) {
  std::string path = ::testing::TempDir() + "sha256_test.bin";
  std::string bytes(200000, 'x');
  bytes += "清单";
  std::ofstream(path, std::ios::binary) << bytes;
  EXPECT_EQ(sha256_file(path), sha256_hex(bytes));
  std::remove(path.c_str());
  EXPECT_EQ(sha256_file(path), "");
}

}  // namespace
}  // namespace qd
