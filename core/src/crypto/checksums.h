// Checksums: CRC-32C for the container's structures, SHA-256 for the original
// data. Both come from Crypto++ (hardware-accelerated where the CPU allows).
#ifndef AT1_CRYPTO_CHECKSUMS_H
#define AT1_CRYPTO_CHECKSUMS_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace at1::crypto {

uint32_t Crc32c(const void* data, size_t size);

// Incremental SHA-256.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(const void* data, size_t size);
  std::array<uint8_t, 32> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string ToHex(const uint8_t* data, size_t size);

}  // namespace at1::crypto

#endif  // AT1_CRYPTO_CHECKSUMS_H
