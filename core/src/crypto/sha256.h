// SHA-256 of the original data (the trailer's digest), incremental, and able
// to stop at a block boundary and resume there: the chain values in frame
// headers (docs/format.md, "SHA-256 chain value") let frames be hashed in
// parallel while the digest stays that of the whole input. Crypto++ does the
// block function (with the CPU's SHA extensions where it has them).
#ifndef AT1_CRYPTO_SHA256_H
#define AT1_CRYPTO_SHA256_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace at1::crypto {

// SHA-256's chaining value after `bytes` bytes, a multiple of the 64-byte
// block: H0..H7 as big-endian words, the way a digest is written.
struct Sha256Chain {
  uint64_t bytes = 0;
  std::array<uint8_t, 32> value{};
  bool operator==(const Sha256Chain&) const = default;
};

class Sha256 {
 public:
  static constexpr size_t kBlock = 64;

  Sha256();                                  // at the start of the input
  explicit Sha256(const Sha256Chain& from);  // resuming after from.bytes
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void Update(const void* data, size_t size);
  uint64_t bytes() const;  // hashed so far, counting from the start of the input
  // Only at a block boundary: bytes() % kBlock == 0.
  Sha256Chain Chain() const;
  std::array<uint8_t, 32> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace at1::crypto

#endif  // AT1_CRYPTO_SHA256_H
