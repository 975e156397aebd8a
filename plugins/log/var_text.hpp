// The spelling of a numeric variable from its value, exactly as the
// tokenizer accepts it (plain decimal with optional '-', fixed-width digits,
// hex without leading zeros, canonical dotted quad). The decoder prints lines
// with it; the encoder keeps only values and prints the few texts it needs.
#ifndef AT1_LOG_VAR_TEXT_HPP
#define AT1_LOG_VAR_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "at1/cpp/decimal.hpp"
#include "format.hpp"
#include "ipv4.hpp"

namespace at1::log {

constexpr char kHexLo[] = "0123456789abcdef";
constexpr char kHexUp[] = "0123456789ABCDEF";

// "00".."99": numbers are printed two digits per division.
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

using sdk::decimal_length;

// The last `width` decimal digits of v, zero padded; returns width.
inline size_t put_fixed(char* out, uint64_t v, size_t width) {
  char* o = out + width;
  size_t w = width;
  for (; w >= 2; w -= 2) {
    const uint64_t q = v / 100;
    o -= 2;
    std::memcpy(o, kDigitPairs + 2 * (v - 100 * q), 2);
    v = q;
  }
  if (w) o[-1] = static_cast<char>('0' + v % 10);
  return width;
}

// Writes v in decimal; returns the length (<= 20).
inline size_t put_u64(char* out, uint64_t v) { return put_fixed(out, v, decimal_length(v)); }

// A kVarInt value (two's complement int64); returns the length (<= 20).
inline size_t put_int(char* out, uint64_t v) {
  if (static_cast<int64_t>(v) >= 0) return put_u64(out, v);
  out[0] = '-';
  return 1 + put_u64(out + 1, 0 - v);
}

inline size_t put_hexnum(char* out, uint64_t v, const char* digits) {
  char tmp[16];
  size_t k = 0;
  do tmp[k++] = digits[v & 15], v >>= 4; while (v);
  for (size_t i = 0; i < k; ++i) out[i] = tmp[k - 1 - i];
  return k;
}

// The longest text print_number writes.
constexpr size_t kMaxNumberText = 20;

// Text of a value of kind kVarInt, kVarZint (param = width), kVarHexNumLo/Up
// or kVarIp into out (>= kMaxNumberText bytes); returns its length, 0 for
// any other kind.
inline size_t print_number(uint8_t kind, uint8_t param, uint64_t v, char* out) {
  switch (kind) {
    case kVarInt: return put_int(out, v);
    case kVarZint: return put_fixed(out, v, param);
    case kVarHexNumLo: return put_hexnum(out, v, kHexLo);
    case kVarHexNumUp: return put_hexnum(out, v, kHexUp);
    case kVarIp: return format_ipv4(static_cast<uint32_t>(v), out);
    default: return 0;
  }
}

}  // namespace at1::log

#endif  // AT1_LOG_VAR_TEXT_HPP
