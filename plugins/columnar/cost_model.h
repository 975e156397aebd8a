// A quick estimate of how many bits a stream of integers costs after an
// entropy coder, to choose between codings (raw, delta, reference) without
// compressing. Values fall into log buckets (exact below 16, else bit width
// plus the 4 bits under the top one); a bucket costs its order-0 entropy,
// the bits below it are taken as incompressible.
#ifndef AT1_COLUMNAR_COST_MODEL_H
#define AT1_COLUMNAR_COST_MODEL_H

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace at1::columnar {

class CostModel {
 public:
  CostModel() : counts_(kBuckets, 0) {}
  void add(uint64_t u) {
    if (u < 16) {
      ++counts_[u];
      return;
    }
    int width = std::bit_width(u);
    ++counts_[16 + (width - 5) * 16 + ((u >> (width - 5)) & 15)];
    extra_bits_ += static_cast<uint64_t>(width - 5);
  }
  double bits() const {
    uint64_t n = 0;
    for (uint32_t c : counts_) n += c;
    double total = static_cast<double>(extra_bits_);
    for (uint32_t c : counts_)
      if (c) total += c * std::log2(static_cast<double>(n) / c) + 12;
    return total;
  }

 private:
  static constexpr size_t kBuckets = 16 + 60 * 16;
  std::vector<uint32_t> counts_;
  uint64_t extra_bits_ = 0;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_COST_MODEL_H
