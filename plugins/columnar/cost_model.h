// A quick estimate of how many bits a stream of integers costs after an
// entropy coder, to choose between codings (raw, delta, reference) without
// compressing. Values fall into log buckets (exact below 16, else bit width
// plus the 4 bits under the top one); a bucket costs its order-0 entropy,
// the bits below it are taken as incompressible.
#ifndef AT1_COLUMNAR_COST_MODEL_H
#define AT1_COLUMNAR_COST_MODEL_H

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace at1::columnar {

class CostModel {
 public:
  // Branch-free: with s = max(bit_width(u) - 5, 0), the bucket is
  // 16 * s + (u >> s) (u >> s is u itself below 32, else 16..31: the top
  // bit and the 4 under it), and s bits are left out.
  // The left-out bits are not summed here but from the counts in bits():
  // a running sum kept in memory was a load and store per value.
  void add(uint64_t u) {
    // bit_width(x) - 5 as the top bit's index - 4: clz ^ 63 compiles to one
    // bsr, where bit_width took a bsr, an xor and a subtraction.
    const int s = (__builtin_clzll(u | 16) ^ 63) - 4;
    ++counts_[(static_cast<size_t>(s) << 4) + (u >> s)];
  }
  double bits() const {
    uint64_t n = 0, extra_bits = 0;
    for (size_t b = 0; b < kBuckets; ++b) {
      n += counts_[b];
      // Bucket b holds values with s = b / 16 - 1 bits left out (none below 32).
      if (b >= 32) extra_bits += counts_[b] * static_cast<uint64_t>(b / 16 - 1);
    }
    double total = static_cast<double>(extra_bits);
    for (uint32_t c : counts_)
      if (c) total += c * std::log2(static_cast<double>(n) / c) + 12;
    return total;
  }

 private:
  static constexpr size_t kBuckets = 16 + 60 * 16;
  std::array<uint32_t, kBuckets> counts_{};
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_COST_MODEL_H
