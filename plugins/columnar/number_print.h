// Decode's number printer: the same text as format_number, faster. The
// digits are made 8 at a time, without division chains or branches per
// digit (one split into two 4-digit halves, each half's digits from a
// table), then the integer part, point and fraction are written with
// fixed-size stores of shifted words.
// A column prints a run of values with the 8 (or 16) digit path when all of
// them fit, so the choice is made per run, not per value. Anything else
// (binary32, wider layouts, huge values) goes to format_number.
#ifndef AT1_COLUMNAR_NUMBER_PRINT_H
#define AT1_COLUMNAR_NUMBER_PRINT_H

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "int_part_text.h"
#include "number_format.h"

namespace at1::columnar {

// The 4 digits of every number below 10^4 as byte values 0..9, the first
// in the lowest byte. 40 KB: measured ~15% faster decode than computing
// them (multiply-shift per lane) on the 200 MB zipcodes table.
struct DigitQuads {
  uint32_t q[10000];
  constexpr DigitQuads() : q() {
    for (uint32_t i = 0; i < 10000; ++i)
      q[i] = (i / 1000) | (i / 100 % 10) << 8 | (i / 10 % 10) << 16 | (i % 10) << 24;
  }
};
inline constexpr DigitQuads kDigitQuads;

// The 8 decimal digits of v < 10^8 as byte values 0..9, the most
// significant in the lowest byte (a little-endian store writes them in
// order; leading zero digits are the low zero bytes, trailing the high ones).
inline uint64_t decimal_digits8(uint64_t v) {  // v < 10^8, or the table is overrun
  const uint32_t hi = static_cast<uint32_t>(v) / 10000;
  const uint32_t lo = static_cast<uint32_t>(v) - hi * 10000;
  return kDigitQuads.q[hi] | static_cast<uint64_t>(kDigitQuads.q[lo]) << 32;
}

class NumberPrinter {
  static_assert(std::endian::native == std::endian::little, "digit words store in order");

 public:
  explicit NumberPrinter(const NumberSpec& spec)
      : spec_(spec),
        zeros_mul_(kNumberPow10[spec.zeros]),
        scale_(spec.scale),
        width_(spec.width),
        trim_(spec.frac_mode != kFracFixed),
        keep_one_(spec.frac_mode == kFracTrimKeep1),
        plain_(spec.inner == kNoBinary32 && !spec.grouped),
        int_texts_(split_scale() > 0 && split_scale() != kZerosSplit ? int_part_texts(width_) : nullptr) {}

  // The magnitude format_number prints for a mantissa (wrapping alike).
  uint64_t magnitude(int64_t mantissa) const {
    const uint64_t u = static_cast<uint64_t>(mantissa) * zeros_mul_;
    return mantissa < 0 ? 0 - u : u;
  }
  // Which print_fast<D> may print every value up to this magnitude: 8, 16,
  // or 0 for none.
  int fast_digits(uint64_t largest_magnitude) const {
    if (!plain_) return 0;
    if (largest_magnitude < kNumberPow10[8] && scale_ + width_ <= 8) return 8;
    if (largest_magnitude < kNumberPow10[16] && scale_ + width_ <= 16) return 16;
    return 0;
  }

  // Writes the text at out (kNumberTextMax bytes); returns its length, 0
  // only where format_number returns 0.
  size_t print(int64_t mantissa, char* out) const {
    switch (fast_digits(magnitude(mantissa))) {
      case 8: return print_fast<8>(mantissa, out);
      case 16: return print_fast<16>(mantissa, out);
      default: return format_number(mantissa, spec_, out);
    }
  }

  // The split path's scale (0..8), or kNoSplit when this layout cannot
  // take it. For numbers whose integer part has at most 4 digits
  // (coordinates, prices, rates) the integer and fraction digits come from
  // separate table lookups and are stored with shifts known at compile
  // time, where the 16-digit path (a 9-12 digit number) needs two more
  // lookups and 128-bit shifts by variable counts. Scale 0 is its integer
  // form: up to 8 digits, no fraction, no trailing zeros, no runtime
  // scale tests.
  // kZerosSplit: the zeros path instead (print_zeros).
  static constexpr int kNoSplit = -1;
  static constexpr int kZerosSplit = 9;
  int split_scale() const {
    if (!plain_ || scale_ > 8) return kNoSplit;
    if (spec_.zeros != 0)
      return scale_ == 0 && spec_.zeros <= 8 && width_ <= 8 ? kZerosSplit : kNoSplit;
    return width_ <= (scale_ == 0 ? 8 : 4) ? scale_ : kNoSplit;
  }
  // magnitude() for layouts without trailing zeros (the split path's).
  static uint64_t plain_magnitude(int64_t mantissa) {
    const uint64_t u = static_cast<uint64_t>(mantissa);
    return mantissa < 0 ? 0 - u : u;
  }
  // Magnitudes below this take print_split<split_scale()>.
  static constexpr uint64_t split_limit(int scale) { return kNumberPow10[scale == 0 ? 8 : scale + 4]; }
  // The fraction mode print_split takes for this layout (kFracFixed at
  // scale 0, which has no fraction).
  uint8_t split_mode() const { return scale_ == 0 ? uint8_t(kFracFixed) : spec_.frac_mode; }
  // print() for a value below split_limit(kScale) when split_scale() is
  // kScale and split_mode() is kMode (a compile-time mode: no mode tests per
  // value); writes at most kSplitSlot bytes (sign, 4 + 1 + 8 or 8, filler).
  static constexpr size_t kSplitSlot = 16;
  template <int kScale, uint8_t kMode>
  size_t print_split(int64_t mantissa, char* out) const {
    out[0] = '-';
    const size_t sign = mantissa < 0 ? 1 : 0;
    return sign + print_split_magnitude<kScale, kMode>(plain_magnitude(mantissa), out + sign);
  }
  // print_split's text of a magnitude below split_limit(kScale), no sign:
  // Binary32Printer prints its floats' scaled magnitudes with it (with no
  // second sign test).
  template <int kScale, uint8_t kMode>
  size_t print_split_magnitude(uint64_t u, char* p) const {
    static_assert(kScale >= 0 && kScale <= 8 && kMode <= kFracTrimKeep1);
    static_assert(kScale > 0 || kMode == kFracFixed, "scale 0 has no fraction to trim");
    if constexpr (kScale == 0) {
      const uint64_t digits = decimal_digits8(u);
      int len = digits ? 8 - leading_zero_digits(digits) : 0;
      if (len < width_) len = width_;
      if (len == 0) return 0;  // zero printed as nothing
      const uint64_t text = (digits | kAscii) >> (8 * (8 - len));
      std::memcpy(p, &text, 8);
      return static_cast<size_t>(len);
    } else {
      constexpr uint64_t kUnit = kNumberPow10[kScale];
      const uint64_t int_part = u / kUnit;
      const uint64_t frac = u - int_part * kUnit;
      // The integer part and the point, then its length byte, which the
      // fraction overwrites.
      const uint64_t int_text = int_texts_[int_part];
      std::memcpy(p, &int_text, 8);
      const int int_len = static_cast<int>(int_text >> 56);
      // The fraction's digits from the first byte on, zero bytes after
      // them, so its trimmed length comes from its top non-zero byte (a
      // shift; scaling the fraction to 8 digits by a multiply measured slower).
      const uint64_t frac_digits = decimal_digits8(frac) >> (8 * (8 - kScale));
      const uint64_t frac_text = frac_digits | kAscii;
      std::memcpy(p + int_len + 1, &frac_text, 8);
      const size_t int_end = static_cast<size_t>(int_len);
      if constexpr (kMode == kFracFixed) {
        return int_end + 1 + kScale;
      } else if constexpr (kMode == kFracTrimKeep1) {
        return int_end + 1 + kept_digits<0x100>(frac_digits);
      } else if constexpr (kScale < 8) {
        // The digits one byte up count the point too: the fraction's
        // length + 1, or 0 (no point without a fraction), with no test.
        return int_end + kept_digits<1>(frac_digits << 8);
      } else {
        const size_t frac_len = kept_digits<1>(frac_digits);
        return int_end + frac_len + (frac_len != 0);  // no point without a fraction
      }
    }
  }

  // The zeros path: integers kept without their trailing zeros (volumes,
  // "931800000" = 9318 with zeros 5). print() for a mantissa below
  // kZerosLimit when split_scale() is kZerosSplit: the mantissa's digits
  // from one table lookup, then a word of '0's, where print_fast<16> splits
  // 16 digits and shifts 128 bits (sp500's volume: ~80 -> ~40 instructions
  // a value). Writes at most kZerosSlot bytes (sign, 8 digits, 8 '0's).
  static constexpr uint64_t kZerosLimit = kNumberPow10[8];
  static constexpr size_t kZerosSlot = 24;
  size_t print_zeros(int64_t mantissa, char* out) const {
    const uint64_t m = plain_magnitude(mantissa);
    out[0] = '-';
    char* p = out + (mantissa < 0 ? 1 : 0);
    std::memcpy(p, &kAscii, 8);
    if (m == 0) return static_cast<size_t>(width_);  // 0 at its width (none: nothing), no zeros appended
    const uint64_t digits = decimal_digits8(m);
    // The mantissa's digits, at least as many as the width leaves to them.
    int len = 8 - leading_zero_digits(digits);
    if (len < width_ - spec_.zeros) len = width_ - spec_.zeros;
    const uint64_t text = (digits | kAscii) >> (8 * (8 - len));
    std::memcpy(p, &text, 8);
    std::memcpy(p + len, &kAscii, 8);
    return static_cast<size_t>(p + len + spec_.zeros - out);
  }

  // print() for a value fast_digits() gave kDigits for; writes at most
  // kSlot<kDigits> bytes (sign, digits, point, a word of filler).
  template <int kDigits>
  static constexpr size_t kSlot = kDigits == 8 ? 24 : 40;
  template <int kDigits>
  size_t print_fast(int64_t mantissa, char* out) const {
    static_assert(kDigits == 8 || kDigits == 16);
    const uint64_t u = magnitude(mantissa);
    out[0] = '-';
    char* p = out + (mantissa < 0 ? 1 : 0);
    // Digit words: `low` holds the last 8 digits, `high` the 8 before.
    const uint64_t low = decimal_digits8(kDigits == 8 ? u : u % 100000000);
    const uint64_t high = kDigits == 8 ? 0 : decimal_digits8(u / 100000000);
    const int significant = high ? 16 - leading_zero_digits(high)
                                 : (low ? 8 - leading_zero_digits(low) : 0);
    int int_len = significant - scale_;
    if (int_len < width_) int_len = width_;
    const TextFor<kDigits> text(high, low);
    if (scale_ == 0) {
      if (int_len == 0) return static_cast<size_t>(p - out);  // zero printed as nothing
      text.put_last(p, int_len);
      return static_cast<size_t>(p + int_len - out);
    }
    // The integer part and the fraction after it, then the fraction again
    // one byte on, behind the point.
    text.put_last(p, scale_ + int_len);
    int frac_len = scale_;
    if (trim_) {
      const int zeros = low ? trailing_zero_digits(low) : 8 + (high ? trailing_zero_digits(high) : 8);
      frac_len = zeros >= scale_ ? (keep_one_ ? 1 : 0) : scale_ - zeros;
      if (frac_len == 0) return static_cast<size_t>(p + int_len - out);
    }
    p[int_len] = '.';
    text.put_last(p + int_len + 1, scale_);
    return static_cast<size_t>(p + int_len + 1 + frac_len - out);
  }

 private:
  // Of a non-zero digit word (see decimal_digits8).
  static int leading_zero_digits(uint64_t w) { return static_cast<int>(unsigned(__builtin_ctzll(w)) / 8); }
  static int trailing_zero_digits(uint64_t w) { return static_cast<int>(unsigned(__builtin_clzll(w)) / 8); }
  // Of a digit word, first digit in the lowest byte: how many digits up to
  // its last non-zero one; 0 for zero with kSentinel 1, at least 1 with
  // kSentinel 0x100. Branch-free, where the mode and zero tests it replaces
  // cost ~8 instructions a number: the top set bit of (w << 1) + kSentinel
  // is bit 8 * last + 1..4 for the last non-zero digit (digits use 4 bits of
  // their byte, so bits 0 and 8 of w << 1 are clear), else the sentinel's,
  // and (bit + 7) / 8 is the digit count.
  template <uint64_t kSentinel>
  static size_t kept_digits(uint64_t w) {
    // 63 - clz as clz ^ 63: GCC then emits bsr alone, not bsr, xor and a subtraction.
    const unsigned bits = unsigned(__builtin_clzll((w << 1) + kSentinel)) ^ 63u;
    return (bits + 7) >> 3;
  }
  static constexpr uint64_t kAscii = 0x3030303030303030ull;
  // The digits as ASCII in one (8) or two (16) words; put_last(out, n)
  // stores the last n (1 <= n <= digits) at out, then filler to 8 or 16 bytes.
  struct Text8 {
    Text8(uint64_t, uint64_t low) : w(low | kAscii) {}
    void put_last(char* out, int n) const {
      const uint64_t v = w >> (8 * (8 - n));
      std::memcpy(out, &v, 8);
    }
    uint64_t w;
  };
  struct Text16 {
    __extension__ using U128 = unsigned __int128;
    Text16(uint64_t high, uint64_t low)
        : w((static_cast<U128>(low | kAscii) << 64) | (high | kAscii)) {}
    void put_last(char* out, int n) const {
      const U128 v = w >> (8 * (16 - n));
      std::memcpy(out, &v, 16);
    }
    U128 w;
  };
  template <int kDigits>
  using TextFor = std::conditional_t<kDigits == 8, Text8, Text16>;

  NumberSpec spec_;
  uint64_t zeros_mul_;
  int scale_;
  int width_;
  bool trim_;
  bool keep_one_;
  bool plain_;
  const uint64_t* int_texts_;  // the split path's integer parts (int_part_text.h)
};

// Binary32 columns' printer: format_number's text for a binary32 spec. The
// float's scaled magnitude is printed by a fixed-scale printer's split path
// (integer part below 10^4) or 16-digit path instead of format_number's
// division chain: sp500 prices ~300 -> ~100 instructions a value.
class Binary32Printer {
 public:
  explicit Binary32Printer(const NumberSpec& spec)
      : spec_(spec), fixed_(NumberSpec{spec.scale, kFracFixed, 1}) {}
  // Writes the text at out (kNumberTextMax bytes); returns its length, 0
  // only where format_number returns 0.
  size_t print(int64_t mantissa, char* out) const {
    if (const size_t n = print_float(binary32_float(mantissa, spec_.inner), out)) return n;
    return format_number(mantissa, spec_, out);
  }
  // print() for a column whose scale is kScale: a run of values takes this,
  // with no scale tests or switch per value.
  template <int kScale>
  size_t print_at_scale(int64_t mantissa, char* out) const {
    if (const size_t n = print_float_at<kScale>(binary32_float(mantissa, spec_.inner), out)) return n;
    return format_number(mantissa, spec_, out);
  }
  // format_binary32_fixed(f, scale, out) where the fast paths take f (the
  // scaled magnitude below 10^16), else 0.
  size_t print_float(float f, char* out) const {
    switch (spec_.scale) {
      case 0: return print_float_at<0>(f, out);
      case 1: return print_float_at<1>(f, out);
      case 2: return print_float_at<2>(f, out);
      case 3: return print_float_at<3>(f, out);
      case 4: return print_float_at<4>(f, out);
      case 5: return print_float_at<5>(f, out);
      case 6: return print_float_at<6>(f, out);
      case 7: return print_float_at<7>(f, out);
      case 8: return print_float_at<8>(f, out);
      case 9: return print_float_at<9>(f, out);
      case 10: return print_float_at<10>(f, out);
      case 11: return print_float_at<11>(f, out);
      case 12: return print_float_at<12>(f, out);
      case 13: return print_float_at<13>(f, out);
      case 14: return print_float_at<14>(f, out);
      case 15: return print_float_at<15>(f, out);
      default: return 0;
    }
  }
  // print_float() for a spec whose scale is kScale (< 16).
  template <int kScale>
  size_t print_float_at(float f, char* out) const {
    static_assert(kScale >= 0 && kScale < 16);
    uint64_t magnitude;
    if (!scaled_below<kScale, kNumberPow10[16]>(f, &magnitude)) return 0;
    if constexpr (kScale >= 1 && kScale <= 8) {
      if (magnitude < NumberPrinter::split_limit(kScale)) return put_split<kScale>(f, magnitude, out);
    }
    const size_t sign = std::signbit(f) ? 1 : 0;  // to_chars keeps the sign of -0
    out[0] = '-';
    return sign + fixed_.print_fast<16>(static_cast<int64_t>(magnitude), out + sign);
  }
  // print_at_scale() for a value whose text takes the split path (an
  // integer part below 10^4, kScale 1..8), at most kSplitSlot bytes; else 0.
  static constexpr size_t kSplitSlot = 1 + NumberPrinter::kSplitSlot;
  template <int kScale>
  size_t print_split_at(int64_t mantissa, char* out) const {
    const float f = binary32_float(mantissa, spec_.inner);
    uint64_t magnitude;
    if (!scaled_below<kScale, NumberPrinter::split_limit(kScale)>(f, &magnitude)) return 0;
    return put_split<kScale>(f, magnitude, out);
  }
  // binary32_scaled(f, kScale) when it is below kLimit (<= 2^63; else
  // false, and *magnitude is not it; NaN and infinities too), from doubles
  // for scales up to 8: f * 10^kScale is exact in a double (a 24-bit
  // significand times 10^8 < 2^51), and the conversion to an integer rounds
  // it half to even as binary32_scaled does (the default rounding, which
  // binary32_float's division relies on too). Its unpacking of the float
  // and shifts by variable counts cost ~20 instructions a value (sp500's
  // decode: -20% instructions).
  template <int kScale, uint64_t kLimit>
  static bool scaled_below(float f, uint64_t* magnitude) {
    static_assert(kScale >= 0 && kScale < 16 && kLimit <= uint64_t(1) << 63);
#if defined(__SSE2__)
    if constexpr (kScale <= 8) {
      // NaN, infinities and values past 2^63 convert to 2^63 (x86's
      // "integer indefinite"), at or above every limit.
      const double scaled = std::fabs(static_cast<double>(f)) * kNumberPow10d[kScale];
      *magnitude = static_cast<uint64_t>(_mm_cvtsd_si64(_mm_set_sd(scaled)));
      return *magnitude < kLimit;
    }
#endif
    return binary32_scaled(f, kScale, magnitude) && *magnitude < kLimit;
  }

 private:
  // Up to 4 integer digits (prices, rates): the split path.
  template <int kScale>
  size_t put_split(float f, uint64_t magnitude, char* out) const {
    static_assert(kScale >= 1 && kScale <= 8);
    const size_t sign = std::signbit(f) ? 1 : 0;  // to_chars keeps the sign of -0
    out[0] = '-';
    return sign + fixed_.print_split_magnitude<kScale, kFracFixed>(magnitude, out + sign);
  }

  NumberSpec spec_;
  NumberPrinter fixed_;  // scale digits, at least one before the point
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_NUMBER_PRINT_H
