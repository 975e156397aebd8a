// Known-answer tests for the checksums (NIST SHA-256 vectors, CRC-32C check value).
#include <gtest/gtest.h>

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

TEST(Crc32c, CheckValue) {
  EXPECT_EQ(Crc32c("123456789", 9), 0xE3069283u);
  EXPECT_EQ(Crc32c("", 0), 0u);
}

}  // namespace
}  // namespace at1::crypto
