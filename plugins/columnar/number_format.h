// Exact text <-> int64 for numbers as they appear in tables: an optional
// '-', an integer part (maybe zero-padded, maybe absent as in ".5"), an
// optional fraction. A column prints every value the same way (NumberSpec);
// a value that does not re-print byte for byte is an exception of its column.
#ifndef AT1_COLUMNAR_NUMBER_FORMAT_H
#define AT1_COLUMNAR_NUMBER_FORMAT_H

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "at1/cpp/decimal.hpp"
#include "number_grouping.h"

namespace at1::columnar {

inline constexpr int kMaxScale = 18;
inline constexpr int kMaxWidth = 20;
// Longest text format_number writes.
inline constexpr size_t kNumberTextMax = 64;

enum FracMode : uint8_t {
  kFracFixed = 0,     // always `scale` digits ("1.50")
  kFracTrim = 1,      // trailing zeros dropped, and the point with them ("1.5", "2")
  kFracTrimKeep1 = 2  // trailing zeros dropped but one digit kept ("1.5", "2.0")
};

// Binary32 mode (tables written from 32-bit floats, e.g. "1455.219971"):
// the text is the float nearest to mantissa / 10^inner, printed with `scale`
// fixed digits. inner < scale, so the mantissa keeps only real digits.
inline constexpr uint8_t kNoBinary32 = 0xff;
inline constexpr int kMaxInner = 9;

struct NumberSpec {
  uint8_t scale = 0;      // value = mantissa / 10^scale
  uint8_t frac_mode = kFracFixed;
  uint8_t width = 1;      // integer part printed with at least this many digits
  uint8_t inner = kNoBinary32;
  uint8_t zeros = 0;      // scale 0 only: mantissa = value / 10^zeros ("931800000")
  bool grouped = false;   // integer part grouped by thousands ("-566,000"; number_grouping.h)
};

// The lexical shape of a number, for choosing a column's NumberSpec.
struct NumberShape {
  bool negative = false;
  bool has_point = false;
  uint8_t int_digits = 0;   // digits before the point, as written
  uint8_t natural = 0;      // the same without leading zeros
  uint8_t frac_digits = 0;
  bool frac_trailing_zero = false;
  uint64_t digits = 0;      // all digits as one integer, sign and point ignored
};

// False unless `s` is -?digits(.digits)? with at least one digit and at
// most 18 digits in all.
inline bool analyze_number(std::string_view s, NumberShape* shape) {
  // One pass: shape and digit value together (this runs on every typed cell).
  const char* p = s.data();
  const char* end = p + s.size();
  *shape = NumberShape();
  if (p < end && *p == '-') {
    shape->negative = true;
    ++p;
  }
  uint64_t v = 0;
  const char* int_start = p;
  // v wraps past 19 digits; such spellings are refused below anyway.
  while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
    v = v * 10 + static_cast<unsigned char>(*p - '0');
    ++p;
  }
  const size_t int_digits = static_cast<size_t>(p - int_start);
  size_t frac_digits = 0;
  if (p < end && *p == '.') {
    shape->has_point = true;
    const char* f = ++p;
    while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
      v = v * 10 + static_cast<unsigned char>(*p - '0');
      ++p;
    }
    frac_digits = static_cast<size_t>(p - f);
    if (frac_digits) shape->frac_trailing_zero = p[-1] == '0';
  }
  if (p != end || int_digits + frac_digits == 0 || int_digits + frac_digits > kMaxScale) return false;
  size_t lead = 0;
  while (lead < int_digits && int_start[lead] == '0') ++lead;
  shape->int_digits = static_cast<uint8_t>(int_digits);
  shape->natural = static_cast<uint8_t>(int_digits - lead);
  shape->frac_digits = static_cast<uint8_t>(frac_digits);
  shape->digits = v;
  return true;
}

// True when a value of this shape re-prints exactly under `spec`
// (given its digits fit the scale).
inline bool shape_fits(const NumberShape& sh, const NumberSpec& spec) {
  if (sh.frac_digits > spec.scale) return false;
  if (sh.int_digits + spec.scale > kMaxScale) return false;
  // Integer part: printed with max(width, natural) digits.
  int printed = sh.natural > spec.width ? sh.natural : spec.width;
  if (printed != sh.int_digits) return false;
  if (spec.scale == 0) return !sh.has_point;
  switch (spec.frac_mode) {
    case kFracFixed: return sh.frac_digits == spec.scale;
    case kFracTrim:
      if (sh.frac_digits == 0) return !sh.has_point;
      return !sh.frac_trailing_zero;
    case kFracTrimKeep1:
      return sh.frac_digits >= 1 && (!sh.frac_trailing_zero || sh.frac_digits == 1);
  }
  return false;
}

// parse_number_exact for binary32 specs (needs the text's float value).
bool parse_binary32_exact(std::string_view s, const NumberSpec& spec, int64_t* mantissa);

inline constexpr const uint64_t* kNumberPow10 = sdk::kPow10;  // 10^0..10^19 (scales up to kMaxScale)

// Parses `s` under `spec` and checks it re-prints exactly. Inline: it runs
// on every cell of a typed column.
inline bool parse_number_exact(std::string_view s, const NumberSpec& spec, int64_t* mantissa) {
  if (spec.inner != kNoBinary32) return parse_binary32_exact(s, spec, mantissa);
  if (spec.grouped) return parse_grouped_exact(s, spec, mantissa);
  NumberShape sh;
  if (!analyze_number(s, &sh) || !shape_fits(sh, spec)) return false;
  uint64_t v = sh.digits * kNumberPow10[spec.scale - sh.frac_digits];
  // "-0", "-0.0": zero has no sign in a mantissa, so it cannot re-print.
  if (sh.negative && v == 0) return false;
  if (spec.zeros) {
    if (v % kNumberPow10[spec.zeros] != 0) return false;
    v /= kNumberPow10[spec.zeros];
  }
  *mantissa = sh.negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  return true;
}

// Writes the text of `mantissa` under `spec` into out (kNumberTextMax bytes);
// returns its length, 0 only for a binary32 value too long to print
// (hostile input).
size_t format_number(int64_t mantissa, const NumberSpec& spec, char* out);

// 10^0..10^18 as doubles: every one is exact (up to 10^22 are).
inline constexpr double kNumberPow10d[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                                           1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

// The float a binary32 mantissa stands for: the one nearest to
// m / 10^inner (inner <= kMaxInner).
inline float binary32_float(int64_t m, int inner) {
  return static_cast<float>(static_cast<double>(m) / kNumberPow10d[inner]);
}

// n / 2^k (0 < k, n + 2^k without overflow) rounded half to even.
template <class U>
U shift_round_half_even(U n, int k) {
  return (n + (U(1) << (k - 1)) - 1 + ((n >> k) & 1)) >> k;
}

// binary32_scaled for every float and scale (a 128-bit product).
bool binary32_scaled_wide(float f, int scale, uint64_t* magnitude);

// |f| * 10^scale rounded half to even (the exact binary value, as
// std::to_chars rounds it) at magnitude; false where format_binary32_fixed
// returns 0. The sign is f's sign bit. Inline: decode prints every binary32
// value through it.
inline bool binary32_scaled(float f, int scale, uint64_t* magnitude) {
  // f = m * 2^e exactly, so f * 10^scale = m * 10^scale * 2^e. The common
  // case (a normal float below 2^23, scale <= 11) in 64 bits:
  // m * 10^scale < 2^24 * 10^11 < 2^61, shifted by 1..63.
  const uint32_t bits = std::bit_cast<uint32_t>(f);
  const uint32_t biased = bits >> 23 & 0xff;
  const int e = static_cast<int>(biased) - 150;
  if (biased == 0 || e >= 0 || e <= -64 || scale < 0 || scale > 11)
    return binary32_scaled_wide(f, scale, magnitude);
  const uint64_t m = (bits & 0x7fffff) | 0x800000;
  *magnitude = shift_round_half_even(m * sdk::kPow10[scale], -e);
  return true;
}

// `f` with `scale` fixed digits, the bytes std::to_chars(fixed, scale)
// writes (the exact binary value rounded half to even), or 0 when f or the
// scaled value is out of this printer's range (|f| * 10^scale >= 2^63, f
// at or above 2^64, not finite): callers then use to_chars.
size_t format_binary32_fixed(float f, int scale, char* out);

// Binary32 mode: the smallest k <= kMaxInner with float(round(x*10^k)/10^k)
// == float(x) for the number `s` printed with `scale` fixed digits, or -1
// when `s` is not such a float's %.{scale}f text.
int binary32_inner_digits(std::string_view s, int scale);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_NUMBER_FORMAT_H
