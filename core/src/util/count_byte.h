// Counting one byte value (newlines) in a buffer at memory speed: the
// decompress path checks each frame's line count, and a memchr per line
// costs a call per 50-byte line.
#ifndef AT1_UTIL_COUNT_BYTE_H
#define AT1_UTIL_COUNT_BYTE_H

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace at1 {

inline uint64_t CountByte(const uint8_t* p, size_t n, uint8_t value) {
  uint64_t count = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i needle = _mm_set1_epi8(static_cast<char>(value));
  while (n - i >= 16) {
    // Per-lane byte counters, folded into `count` before any can reach 256.
    __m128i lanes = _mm_setzero_si128();
    size_t rounds = (n - i) / 16 < 255 ? (n - i) / 16 : 255;
    for (size_t r = 0; r < rounds; ++r, i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(v, needle));  // a match is -1
    }
    __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    count += static_cast<uint64_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i < n; ++i) count += p[i] == value;
  return count;
}

}  // namespace at1

#endif  // AT1_UTIL_COUNT_BYTE_H
