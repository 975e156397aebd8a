// Finding where an unquoted field ends: the next delimiter or LF. Fields are
// short (a few bytes), so a scan per field mostly paid for its start-up and
// a mispredicted exit. SeparatorScanner instead marks every separator of a
// 64-byte window in one bit mask (SSE2, x86-64's baseline) and answers each
// field with a shift and a count of trailing zeros, loading a new window
// only when the current one has no separator left after the position asked.
#ifndef AT1_COLUMNAR_SEPARATOR_SCAN_H
#define AT1_COLUMNAR_SEPARATOR_SCAN_H

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace at1::columnar {

// First delimiter or LF at or after p (or end), eight bytes at a time: a
// byte equal to c makes (x ^ c*0x01..) have a zero byte, found by the usual
// has-zero-byte trick; the first one is the lowest set high bit.
inline const char* scan_separator(const char* p, const char* end, char delim) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  const uint64_t d = kOnes * static_cast<uint8_t>(delim);
  const uint64_t nl = kOnes * static_cast<uint8_t>('\n');
  while (end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    const uint64_t a = x ^ d, b = x ^ nl;
    const uint64_t hit = ((a - kOnes) & ~a & kHighs) | ((b - kOnes) & ~b & kHighs);
    if (hit) return p + (__builtin_ctzll(hit) >> 3);
    p += 8;
  }
  while (p < end && *p != delim && *p != '\n') ++p;
  return p;
}

// scan_separator over one buffer, with a window of separator bits carried
// from call to call. Positions may be asked in any order.
class SeparatorScanner {
 public:
  SeparatorScanner(const char* end, char delim) : end_(end), delim_(delim) {}

  // First delimiter or LF at or after p (p <= end), or end.
  const char* next(const char* p) {
#if defined(__SSE2__)
    for (;;) {
      // p below the window (or no window yet) wraps to a huge offset.
      const uintptr_t off = reinterpret_cast<uintptr_t>(p) - reinterpret_cast<uintptr_t>(base_);
      if (off < kWindow) {
        const uint64_t rest = mask_ >> off;
        if (rest) return p + __builtin_ctzll(rest);
        p = base_ + kWindow;
      }
      if (end_ - p < static_cast<ptrdiff_t>(kWindow)) return scan_separator(p, end_, delim_);
      load(p);
    }
#else
    return scan_separator(p, end_, delim_);
#endif
  }

 private:
  static constexpr size_t kWindow = 64;

#if defined(__SSE2__)
  // Out of line: inlined, the compiler set up its constants at every call
  // of next(), though a window serves several fields.
  [[gnu::noinline]] void load(const char* p) {
    const __m128i d = _mm_set1_epi8(delim_);
    const __m128i nl = _mm_set1_epi8('\n');
    uint64_t mask = 0;
    for (size_t k = 0; k < kWindow; k += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
      const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(x, d), _mm_cmpeq_epi8(x, nl));
      mask |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(hit))) << k;
    }
    base_ = p;
    mask_ = mask;
  }
#endif

  const char* end_;
  const char* base_ = nullptr;  // start of the window (nullptr: none yet)
  uint64_t mask_ = 0;           // bit k: base_[k] is a separator
  char delim_;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_SEPARATOR_SCAN_H
