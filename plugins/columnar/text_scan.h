// Decode side: finding the end of a NUL-terminated text value and whether it
// needs quotes, in one 16-byte step for the short values tables mostly hold.
// A libc memchr call plus a byte loop for the quote check cost more than the
// rest of a text cell's decode.
#ifndef AT1_COLUMNAR_TEXT_SCAN_H
#define AT1_COLUMNAR_TEXT_SCAN_H

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace at1::columnar {

// A value's length and whether it holds the delimiter, '"', CR or LF.
struct ScannedText {
  size_t size;
  bool special;
};

// Scans the value at p (end - p >= 16) when its NUL is among the next 16
// bytes; returns false (and nothing) otherwise, for the caller's slow path.
inline bool scan_short_text(const char* p, char delim, ScannedText* out) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const unsigned nul = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())));
  if (!nul) return false;
  const unsigned size = static_cast<unsigned>(__builtin_ctz(nul));
  const __m128i specials = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(delim)), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
  const unsigned before_nul = (1u << size) - 1;
  out->size = size;
  out->special = (static_cast<unsigned>(_mm_movemask_epi8(specials)) & before_nul) != 0;
  return true;
#else
  (void)p;
  (void)delim;
  (void)out;
  return false;
#endif
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_TEXT_SCAN_H
