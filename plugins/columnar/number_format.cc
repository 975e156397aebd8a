#include "number_format.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

#include "at1/cpp/decimal.hpp"
#include "at1/cpp/string_index.hpp"
#include "number_print.h"

namespace at1::columnar {

namespace {

using sdk::kPow10;

constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

int count_digits(uint64_t v) {
  int n = 1;
  for (;;) {
    if (v < 10) return n;
    if (v < 100) return n + 1;
    if (v < 1000) return n + 2;
    if (v < 10000) return n + 3;
    v /= 10000;
    n += 4;
  }
}

// Writes v's decimal digits, at least min_digits (zero-padded); v == 0 with
// min_digits == 0 writes nothing. Two digits per division: decode's hot path.
size_t put_digits(uint64_t v, int min_digits, char* out) {
  int n = v ? count_digits(v) : 0;
  if (n < min_digits) n = min_digits;
  char* p = out + n;
  while (v >= 100) {
    const uint64_t r = v % 100;
    v /= 100;
    p -= 2;
    std::memcpy(p, kDigitPairs + 2 * r, 2);
  }
  if (v >= 10) {
    p -= 2;
    std::memcpy(p, kDigitPairs + 2 * v, 2);
  } else if (v > 0) {
    *--p = static_cast<char>('0' + v);
  }
  while (p > out) *--p = '0';
  return static_cast<size_t>(n);
}

// Digit values up to this are exact doubles.
constexpr uint64_t kShapeDoubleMax = uint64_t{1} << 53;

// The double std::from_chars gives for a decimal text whose digits (<=
// kShapeDoubleMax) have `frac` of them after the point, without parsing the
// text again (from_chars was ~12% of the sp500 table's compress): digits and
// 10^frac are both exact doubles, and IEEE division rounds their quotient
// correctly, which is what from_chars returns (Clinger's fast path).
double exact_decimal(uint64_t digits, int frac, bool negative) {
  const double v = static_cast<double>(digits) / kNumberPow10d[frac];
  return negative ? -v : v;  // "-0.0" is -0.0, as from_chars gives it
}

// exact_decimal for a number of this shape; false when its digits do not
// fit: callers then use from_chars.
bool shape_double(const NumberShape& sh, double* d) {
  if (sh.digits > kShapeDoubleMax) return false;
  *d = exact_decimal(sh.digits, sh.frac_digits, sh.negative);
  return true;
}

// std::llround(x): inline where x - trunc(x) is exact (|x| < 2^52), since
// llround is a libm call per binary32 cell.
int64_t round_half_away(double x) {
  if (!(std::fabs(x) < 0x1p52)) return std::llround(x);
  const int64_t t = static_cast<int64_t>(x);
  const double r = x - static_cast<double>(t);
  return t + (r >= 0.5) - (r <= -0.5);
}

}  // namespace

bool binary32_scaled_wide(float f, int scale, uint64_t* magnitude) {
  // As binary32_scaled, with a 128-bit product (< 2^24 * 10^18 < 2^84).
  const uint32_t bits = std::bit_cast<uint32_t>(f);
  const uint32_t biased = bits >> 23 & 0xff;
  if (biased == 0xff || scale < 0 || scale > kMaxScale) return false;  // inf, nan
  const uint64_t m = biased ? (bits & 0x7fffff) | 0x800000 : bits & 0x7fffff;
  const int e = static_cast<int>(biased ? biased : 1) - 150;
  __extension__ using U128 = unsigned __int128;
  const U128 n = static_cast<U128>(m) * kPow10[scale];
  U128 q;
  if (e >= 0) {
    if (e > 40) return false;  // n << e could pass 2^128
    q = n << e;
  } else if (e <= -128) {
    q = 0;  // n < 2^84, below half a unit: rounds to 0
  } else {
    q = shift_round_half_even(n, -e);
  }
  if (q >> 63) return false;  // beyond int64: format_number cannot print it
  *magnitude = static_cast<uint64_t>(q);
  return true;
}

size_t format_binary32_fixed(float f, int scale, char* out) {
  if (scale < 0 || scale > kMaxScale) return 0;
  // The decoder's fast paths first (encode re-prints every binary32 value
  // through here): one printer per scale, made once.
  static const std::vector<Binary32Printer> kPrinters = [] {
    std::vector<Binary32Printer> printers;
    for (int k = 0; k <= kMaxScale; ++k) printers.emplace_back(NumberSpec{static_cast<uint8_t>(k), kFracFixed, 1});
    return printers;
  }();
  if (const size_t n = kPrinters[static_cast<size_t>(scale)].print_float(f, out)) return n;
  uint64_t q;
  if (!binary32_scaled(f, scale, &q)) return 0;
  size_t len = 0;
  if (std::signbit(f)) out[len++] = '-';  // to_chars keeps the sign of -0 and of what rounds to 0
  const NumberSpec fixed{static_cast<uint8_t>(scale), kFracFixed, 1};
  return len + format_number(static_cast<int64_t>(q), fixed, out + len);
}

namespace {

// The float nearest to m / 10^inner, printed with `scale` fixed digits as
// to_chars prints it. to_chars is exact and locale-free, so encode and
// decode agree everywhere; format_binary32_fixed gives its bytes for most
// values at ~1/10 of the cost (sp500 table decode: to_chars was ~60% of it).
size_t format_binary32(int64_t m, int scale, int inner, char* out) {
  const float f = binary32_float(m, inner);
  if (const size_t n = format_binary32_fixed(f, scale, out)) return n;
  auto r = std::to_chars(out, out + kNumberTextMax, static_cast<double>(f),
                         std::chars_format::fixed, scale);
  if (r.ec != std::errc()) return 0;
  return static_cast<size_t>(r.ptr - out);
}

}  // namespace

int binary32_inner_digits(std::string_view s, int scale) {
  NumberShape sh;
  if (!analyze_number(s, &sh) || sh.frac_digits != scale || !sh.has_point) return -1;
  double d;
  if (!shape_double(sh, &d)) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return -1;
  }
  float f = static_cast<float>(d);
  if (!std::isfinite(f) || std::fabs(f) > 1e15f) return -1;
  char buf[kNumberTextMax];
  for (int k = 0; k <= kMaxInner && k < scale; ++k) {
    int64_t m = round_half_away(static_cast<double>(f) * kNumberPow10d[k]);
    if (static_cast<float>(static_cast<double>(m) / kNumberPow10d[k]) != f) continue;
    size_t n = format_binary32(m, scale, k, buf);
    return sdk::same_text(std::string_view(buf, n), s) ? k : -1;
  }
  return -1;
}

namespace {

// The sign and digits of a text as to_chars(fixed, scale) writes it: an
// optional '-', an integer part without leading zeros ("0" alone allowed),
// a point and exactly `scale` digits, with the digits' value an exact
// double (<= 2^53). False for any other text.
bool fixed_text_digits(std::string_view s, int scale, bool* negative, uint64_t* digits) {
  const char* p = s.data();
  const char* end = p + s.size();
  *negative = p < end && *p == '-';
  p += *negative;
  const ptrdiff_t int_len = end - p - scale - 1;
  if (int_len < 1 || int_len + scale > kMaxScale || p[int_len] != '.' || (int_len > 1 && *p == '0')) return false;
  uint64_t v = 0;
  for (const char* q = p; q < end; ++q) {
    if (q == p + int_len) continue;  // the point
    const auto d = static_cast<unsigned char>(*q - '0');
    if (d > 9) return false;
    v = v * 10 + d;
  }
  *digits = v;
  return v <= kShapeDoubleMax;
}

}  // namespace

bool parse_binary32_exact(std::string_view s, const NumberSpec& spec, int64_t* mantissa) {
  bool negative;
  uint64_t digits;
  double d;
  // Texts that to_chars could have written: their double from their digits
  // (as shape_double makes it), and the print-back below without printing.
  const bool fixed = fixed_text_digits(s, spec.scale, &negative, &digits);
  if (fixed) {
    d = exact_decimal(digits, spec.scale, negative);
  } else {
    auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return false;
  }
  if (!(std::fabs(d) < 1e15)) return false;
  const int64_t m = round_half_away(static_cast<double>(static_cast<float>(d)) * kNumberPow10d[spec.inner]);
  // Where format_binary32_fixed prints f (binary32_scaled succeeds), its
  // text is f's sign and q with `scale` fixed digits, so it equals a text
  // of that shape exactly when the sign and digits are equal (printing and
  // comparing was ~40% of this function).
  const float f = binary32_float(m, spec.inner);
  uint64_t q;
  if (fixed && binary32_scaled(f, spec.scale, &q)) {
    if (std::signbit(f) != negative || q != digits) return false;
    *mantissa = m;
    return true;
  }
  char buf[kNumberTextMax];
  size_t n = format_binary32(m, spec.scale, spec.inner, buf);
  if (!sdk::same_text(std::string_view(buf, n), s)) return false;
  *mantissa = m;
  return true;
}

size_t format_number(int64_t mantissa, const NumberSpec& spec, char* out) {
  if (spec.inner != kNoBinary32) return format_binary32(mantissa, spec.scale, spec.inner, out);
  if (spec.grouped) return format_grouped(mantissa, spec, out);
  size_t n = 0;
  uint64_t u = static_cast<uint64_t>(mantissa);
  // Wraps on hostile values, which only garbles their text.
  if (spec.zeros) u *= kPow10[spec.zeros];
  if (mantissa < 0) {
    out[n++] = '-';
    u = 0 - u;
  }
  if (spec.scale == 0) return n + put_digits(u, spec.width, out + n);
  // All digits at once, then open a gap for the point: one division chain.
  const int scale = spec.scale;
  char* digits = out + n;
  // At least scale + width digits: the fraction zero-padded, the integer
  // part padded to its width ("0.5", ".5", "05.5").
  const size_t len = put_digits(u, scale + spec.width, digits);
  const size_t int_len = len - static_cast<size_t>(scale);
  size_t frac_len = static_cast<size_t>(scale);
  if (spec.frac_mode != kFracFixed) {
    while (frac_len > 0 && digits[int_len + frac_len - 1] == '0') --frac_len;
    if (frac_len == 0 && spec.frac_mode == kFracTrimKeep1) frac_len = 1;
  }
  if (frac_len == 0) return n + int_len;
  std::memmove(digits + int_len + 1, digits + int_len, frac_len);
  digits[int_len] = '.';
  return n + int_len + 1 + frac_len;
}

}  // namespace at1::columnar
