// Decode side: byte planes back to 64-bit values (value_blocks.h). Value k
// of a block of n is planes[b * n + k] for its bytes b < W. The SSE2 form
// interleaves the planes (bytes to 16-bit, to 32-bit, to 64-bit lanes), so
// no byte is shifted into place on its own; zigzag decoding is done on the
// 32-bit lanes while values fit them (W <= 4, every block of small deltas).
// The scalar form is the reference (and the path elsewhere): both give the
// same values.
#ifndef AT1_COLUMNAR_PLANE_UNPACK_H
#define AT1_COLUMNAR_PLANE_UNPACK_H

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace at1::columnar {

inline uint64_t zigzag_decode_bits(uint64_t v) { return (v >> 1) ^ (0 - (v & 1)); }
// Its inverse: a value zigzag_decode_bits gave back as the bits it came from.
inline uint64_t zigzag_encode_bits(uint64_t x) { return (x << 1) ^ (0 - (x >> 63)); }

// Values [from, n) of the block.
template <int W, bool kZigzag>
void unpack_planes_scalar(const uint8_t* planes, size_t n, size_t from, uint64_t* out) {
  for (size_t k = from; k < n; ++k) {
    uint64_t v = 0;
    for (int b = 0; b < W; ++b) v |= static_cast<uint64_t>(planes[static_cast<size_t>(b) * n + k]) << (8 * b);
    out[k] = kZigzag ? zigzag_decode_bits(v) : v;
  }
}

#if defined(__SSE2__)
// 16 values at a time for W <= 4, the rest (and wider blocks) scalar.
template <int W, bool kZigzag>
void unpack_planes_sse2(const uint8_t* planes, size_t n, uint64_t* out) {
  size_t k = 0;
  if constexpr (W >= 1 && W <= 4) {
    const __m128i zero = _mm_setzero_si128();
    const __m128i one = _mm_set1_epi32(1);
    for (; k + 16 <= n; k += 16) {
      __m128i p[4];
      for (int b = 0; b < 4; ++b)
        p[b] = b < W ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(planes + static_cast<size_t>(b) * n + k))
                     : zero;
      // 16-bit lanes: bytes 0-1 and 2-3 of each value.
      const __m128i lo01 = _mm_unpacklo_epi8(p[0], p[1]), hi01 = _mm_unpackhi_epi8(p[0], p[1]);
      const __m128i lo23 = _mm_unpacklo_epi8(p[2], p[3]), hi23 = _mm_unpackhi_epi8(p[2], p[3]);
      // 32-bit lanes: values 0-3, 4-7, 8-11, 12-15.
      __m128i v[4] = {_mm_unpacklo_epi16(lo01, lo23), _mm_unpackhi_epi16(lo01, lo23),
                      _mm_unpacklo_epi16(hi01, hi23), _mm_unpackhi_epi16(hi01, hi23)};
      for (int i = 0; i < 4; ++i) {
        __m128i high = zero;  // the upper 32 bits: zeros, or the zigzag sign
        if constexpr (kZigzag) {
          const __m128i sign = _mm_sub_epi32(zero, _mm_and_si128(v[i], one));
          v[i] = _mm_xor_si128(_mm_srli_epi32(v[i], 1), sign);
          high = sign;
        }
        __m128i* dst = reinterpret_cast<__m128i*>(out + k + 4 * static_cast<size_t>(i));
        _mm_storeu_si128(dst, _mm_unpacklo_epi32(v[i], high));
        _mm_storeu_si128(dst + 1, _mm_unpackhi_epi32(v[i], high));
      }
    }
  }
  unpack_planes_scalar<W, kZigzag>(planes, n, k, out);
}
#endif

// The block's n values (W <= 8), zigzag-decoded if kZigzag.
template <bool kZigzag>
void unpack_planes(const uint8_t* planes, size_t n, unsigned w, uint64_t* out) {
#if defined(__SSE2__)
#define AT1_UNPACK(W) unpack_planes_sse2<W, kZigzag>(planes, n, out)
#else
#define AT1_UNPACK(W) unpack_planes_scalar<W, kZigzag>(planes, n, 0, out)
#endif
  switch (w) {
    case 0: AT1_UNPACK(0); break;
    case 1: AT1_UNPACK(1); break;
    case 2: AT1_UNPACK(2); break;
    case 3: AT1_UNPACK(3); break;
    case 4: AT1_UNPACK(4); break;
    case 5: AT1_UNPACK(5); break;
    case 6: AT1_UNPACK(6); break;
    case 7: AT1_UNPACK(7); break;
    default: AT1_UNPACK(8); break;
  }
#undef AT1_UNPACK
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_PLANE_UNPACK_H
