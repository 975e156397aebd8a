// at1/cpp/decimal.hpp — powers of ten and decimal digit counts, which every
// codec that prints numbers back to their exact text needs.
//
// Header-only C++17 helpers of the at1 plugin SDK.
#ifndef AT1_CPP_DECIMAL_HPP
#define AT1_CPP_DECIMAL_HPP

#include <cstddef>
#include <cstdint>

namespace at1::sdk {

// 10^i for i in 0..19 (10^19 is the largest power of ten in a uint64_t).
inline constexpr uint64_t kPow10[20] = {1ull,
                                        10ull,
                                        100ull,
                                        1000ull,
                                        10000ull,
                                        100000ull,
                                        1000000ull,
                                        10000000ull,
                                        100000000ull,
                                        1000000000ull,
                                        10000000000ull,
                                        100000000000ull,
                                        1000000000000ull,
                                        10000000000000ull,
                                        100000000000000ull,
                                        1000000000000000ull,
                                        10000000000000000ull,
                                        100000000000000000ull,
                                        1000000000000000000ull,
                                        10000000000000000000ull};

// Number of decimal digits of v (1..20), without a loop: log10 estimated
// from the bit length (1233/4096 ~ log10(2)), then corrected. v | 1 has the
// digits of v (a power of ten is even) and is never 0.
inline size_t decimal_length(uint64_t v) {
  v |= 1;
  const size_t t = static_cast<size_t>(64 - __builtin_clzll(v)) * 1233 >> 12;
  return t + (v >= kPow10[t]);
}

}  // namespace at1::sdk

#endif  // AT1_CPP_DECIMAL_HPP
