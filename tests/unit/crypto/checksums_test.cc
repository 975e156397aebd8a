// Known-answer tests for the checksums (NIST SHA-256 vectors, CRC-32C check value).
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "crypto/checksums.h"

namespace at1::crypto {
namespace {

std::string Sha(const std::string& s) {
  Sha256 h;
  h.Update(s.data(), s.size());
  auto d = h.Finish();
  return ToHex(d.data(), d.size());
}

TEST(Sha256, NistVectors) {
  EXPECT_EQ(Sha(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, IncrementalEqualsOneShot) {
  std::string data(100000, 'x');
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 31);
  Sha256 h;
  for (size_t i = 0; i < data.size(); i += 777) h.Update(data.data() + i, std::min<size_t>(777, data.size() - i));
  auto d = h.Finish();
  EXPECT_EQ(ToHex(d.data(), 32), Sha(data));
}

// The NIST million-'a' vector, fed in pieces of awkward sizes from
// addresses off by every amount: whatever the pieces, the digest is the
// same (the wrapper realigns input for Crypto++, checksums.cc).
TEST(Sha256, MillionAsInAwkwardPiecesFromMisalignedAddresses) {
  const std::string a(1000000 + 64, 'a');
  const size_t pieces[] = {1, 63, 64, 65, 3, 777, 4097, 16 * 1024 + 5, 100000};
  for (size_t shift = 0; shift < 8; ++shift) {
    Sha256 h;
    size_t at = 0, k = 0;
    while (at < 1000000) {
      const size_t n = std::min(pieces[k++ % std::size(pieces)], 1000000 - at);
      h.Update(a.data() + shift + at, n);
      at += n;
    }
    auto d = h.Finish();
    EXPECT_EQ(ToHex(d.data(), 32), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0") << shift;
  }
}

TEST(Crc32c, CheckValue) {
  EXPECT_EQ(Crc32c("123456789", 9), 0xE3069283u);
  EXPECT_EQ(Crc32c("", 0), 0u);
}

}  // namespace
}  // namespace at1::crypto
