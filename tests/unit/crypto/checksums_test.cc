// Known-answer tests for the checksums (NIST SHA-256 vectors, CRC-32C check
// value), and SHA-256 stopping and resuming at block boundaries.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "crypto/checksums.h"
#include "crypto/sha256.h"

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

// Finish pads by hand (sha256.cc): lengths on each side of the one-block /
// two-block padding edge (55/56) and of block boundaries. Digests from
// Python's hashlib.
TEST(Sha256, PaddingEdges) {
  const std::pair<size_t, const char*> cases[] = {
      {55, "16fa57a0a3423a715d594516339f36189d6b5f93754a9714fef202616a9fabfe"},
      {56, "c37b44e5f1b18554b36966f4f8e08bfbf3164c4b6c10374d12d89850892073c5"},
      {63, "bbba992d2c85af960fb2987a1fd05e0aa82a3db3c740dd8982a9e273b75e36a3"},
      {64, "66bd4633ed6f71c4ecfa4763bf7ba1c8ec7612de9aa6c0578a7b675207c71e0b"},
      {65, "9f7dc47107b750a1f3d35db5d9547f24ef40da5b731b9540d4f43710a154f6c9"},
      {119, "a3ed307b730fa77c07531300c6e4a282330011d4d4caf6bb7b63ae05950f4b66"},
      {120, "8e3b15d9fea7472655aa069620b7f8c2e55ee1499f763200a7515fe826e99d20"},
      {128, "e462c130fef8c97e34f7dc3ff3ad2f8b3533ab849af21c10531552a2852387a4"},
  };
  for (const auto& [n, hex] : cases) {
    std::string d(n, '\0');
    for (size_t i = 0; i < n; ++i) d[i] = static_cast<char>(i * 7 + 1);
    EXPECT_EQ(Sha(d), hex) << n;
  }
}

TEST(Sha256, ChainAtTheStartIsTheInitialValue) {
  Sha256 h;
  Sha256Chain c = h.Chain();
  EXPECT_EQ(c.bytes, 0u);
  EXPECT_EQ(ToHex(c.value.data(), 32), "6a09e667bb67ae853c6ef372a54ff53a510e527f9b05688c1f83d9ab5be0cd19");
}

// What frames hashed in parallel rely on: a hash stopped at any block
// boundary and resumed from its chain value, in pieces of any size, gives
// the digest of the whole input; and the chain value is the same however
// the bytes before it arrived.
TEST(Sha256, ResumingFromAChainValueGivesTheWholeDigest) {
  std::string data(20000, '\0');
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 131 + (i >> 7));
  const std::string whole = Sha(data);
  for (size_t cut : {size_t(0), size_t(64), size_t(128), size_t(4096), size_t(19968)}) {
    Sha256 first;
    for (size_t at = 0; at < cut; at += 1000) first.Update(data.data() + at, std::min<size_t>(1000, cut - at));
    const Sha256Chain chain = first.Chain();
    EXPECT_EQ(chain.bytes, cut);
    Sha256 byte_by_byte;
    for (size_t i = 0; i < cut; ++i) byte_by_byte.Update(data.data() + i, 1);
    EXPECT_EQ(byte_by_byte.Chain(), chain) << cut;

    Sha256 rest(chain);
    for (size_t at = cut; at < data.size(); at += 333) rest.Update(data.data() + at, std::min<size_t>(333, data.size() - at));
    EXPECT_EQ(rest.bytes(), data.size());
    auto d = rest.Finish();
    EXPECT_EQ(ToHex(d.data(), 32), whole) << cut;
  }
  // A wrong chain value gives a different digest.
  Sha256 first;
  first.Update(data.data(), 64);
  Sha256Chain bad = first.Chain();
  bad.value[31] ^= 1;
  Sha256 rest(bad);
  rest.Update(data.data() + 64, data.size() - 64);
  auto d = rest.Finish();
  EXPECT_NE(ToHex(d.data(), 32), whole);
}

TEST(Crc32c, CheckValue) {
  EXPECT_EQ(Crc32c("123456789", 9), 0xE3069283u);
  EXPECT_EQ(Crc32c("", 0), 0u);
}

}  // namespace
}  // namespace at1::crypto
