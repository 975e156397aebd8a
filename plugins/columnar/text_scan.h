// Decode side: finding the ends of NUL-terminated text values and whether
// they need quotes, 64 bytes at a time. A libc memchr call per value plus a
// byte loop for the quote check cost more than the rest of a text cell's
// decode.
#ifndef AT1_COLUMNAR_TEXT_SCAN_H
#define AT1_COLUMNAR_TEXT_SCAN_H

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace at1::columnar {

// 64 bytes of a text part as bit masks (bit i: byte i): where the NULs
// are, and the bytes that make a value need quotes (the delimiter, '"',
// CR, LF). A run of values then finds each end with one ctz, where a scan
// per value makes the next value wait for it.
struct TextWindow {
  static constexpr size_t kBytes = 64;
  uint64_t nuls;
  uint64_t specials;
};

// Needs kBytes readable at p.
inline TextWindow load_text_window(const char* p, char delim) {
  TextWindow w{0, 0};
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  const __m128i d = _mm_set1_epi8(delim), q = _mm_set1_epi8('"');
  const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  for (int i = 0; i < 4; ++i) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    const __m128i sp = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, q)),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
    w.nuls |= static_cast<uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)))) << (16 * i);
    w.specials |= static_cast<uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(sp))) << (16 * i);
  }
#else
  for (size_t i = 0; i < TextWindow::kBytes; ++i) {
    const char c = p[i];
    w.nuls |= static_cast<uint64_t>(c == 0) << i;
    w.specials |= static_cast<uint64_t>(c == delim || c == '"' || c == '\n' || c == '\r') << i;
  }
#endif
  return w;
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_TEXT_SCAN_H
