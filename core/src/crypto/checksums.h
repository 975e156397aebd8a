// Checksums: CRC-32C for the container's structures (from Crypto++,
// hardware-accelerated where the CPU allows). SHA-256 of the original data
// is crypto/sha256.h.
#ifndef AT1_CRYPTO_CHECKSUMS_H
#define AT1_CRYPTO_CHECKSUMS_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace at1::crypto {

uint32_t Crc32c(const void* data, size_t size);

std::string ToHex(const uint8_t* data, size_t size);

}  // namespace at1::crypto

#endif  // AT1_CRYPTO_CHECKSUMS_H
