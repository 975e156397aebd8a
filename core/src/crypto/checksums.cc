#include "crypto/checksums.h"

#include <cryptopp/crc.h>

#include <cstdint>
#include <cstring>

namespace at1::crypto {

uint32_t Crc32c(const void* data, size_t size) {
  CryptoPP::CRC32C crc;
  crc.Update(static_cast<const CryptoPP::byte*>(data), size);
  uint8_t out[4];
  crc.Final(out);  // little-endian byte order of the CRC register
  return uint32_t(out[0]) | uint32_t(out[1]) << 8 | uint32_t(out[2]) << 16 | uint32_t(out[3]) << 24;
}

std::string ToHex(const uint8_t* data, size_t size) {
  static const char* kDigits = "0123456789abcdef";
  std::string s;
  s.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    s.push_back(kDigits[data[i] >> 4]);
    s.push_back(kDigits[data[i] & 15]);
  }
  return s;
}

}  // namespace at1::crypto
