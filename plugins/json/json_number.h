// Canonical decimal numbers: the spellings `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with
// at most kMaxDigits significant digits (and within int64), except negative zero. Such a
// spelling is exactly (mantissa, scale): "10.50" = (1050, 2), "0.05" = (5, 2),
// "-3" = (-3, 0). Rendering (mantissa, scale) gives the spelling back byte
// for byte, so the encoder needs no round-trip check.
#ifndef AT1_JSON_NUMBER_H
#define AT1_JSON_NUMBER_H

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "json_format.h"

namespace at1json {

// Parses a canonical decimal; false for any other spelling.
inline bool parse_decimal(std::string_view s, int64_t* mantissa, uint8_t* scale) {
  const char* p = s.data();
  const char* end = p + s.size();
  bool neg = false;
  if (p != end && *p == '-') {
    neg = true;
    ++p;
  }
  if (p == end) return false;
  uint64_t m = 0;
  int sig = 0;
  if (*p == '0') {
    ++p;
  } else if (*p >= '1' && *p <= '9') {
    while (p != end && static_cast<unsigned>(*p - '0') < 10) {
      if (++sig > kMaxDigits) return false;
      m = m * 10 + static_cast<unsigned>(*p - '0');
      ++p;
    }
  } else {
    return false;
  }
  int sc = 0;
  if (p != end && *p == '.') {
    ++p;
    const char* frac = p;
    while (p != end && static_cast<unsigned>(*p - '0') < 10) {
      if (m != 0 || *p != '0') {
        if (++sig > kMaxDigits) return false;
      }
      m = m * 10 + static_cast<unsigned>(*p - '0');
      ++p;
    }
    sc = static_cast<int>(p - frac);
    if (sc == 0 || sc > kMaxScale) return false;
  }
  if (p != end) return false;
  if (neg && m == 0) return false;  // "-0", "-0.0": kept as raw spelling
  if (m > static_cast<uint64_t>(INT64_MAX)) return false;
  *mantissa = neg ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
  *scale = static_cast<uint8_t>(sc);
  return true;
}

// Longest rendering: sign, kMaxScale fraction digits, "0." and 20 digits.
constexpr size_t kMaxDecimalText = 2 + kMaxScale + 24;

// Writes (mantissa, scale) to out (kMaxDecimalText bytes); returns the length.
inline size_t render_decimal(int64_t mantissa, unsigned scale, char* out) {
  char digits[kMaxDecimalText];
  uint64_t u = mantissa < 0 ? 0 - static_cast<uint64_t>(mantissa) : static_cast<uint64_t>(mantissa);
  size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (n < scale + 1) digits[n++] = '0';
  size_t len = 0;
  if (mantissa < 0) out[len++] = '-';
  for (size_t i = n; i > scale; --i) out[len++] = digits[i - 1];
  if (scale) {
    out[len++] = '.';
    for (size_t i = scale; i > 0; --i) out[len++] = digits[i - 1];
  }
  return len;
}

}  // namespace at1json

#endif  // AT1_JSON_NUMBER_H
