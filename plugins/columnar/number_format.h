// Exact text <-> int64 for numbers as they appear in tables: an optional
// '-', an integer part (maybe zero-padded, maybe absent as in ".5"), an
// optional fraction. A column prints every value the same way (NumberSpec);
// a value that does not re-print byte for byte is an exception of its column.
#ifndef AT1_COLUMNAR_NUMBER_FORMAT_H
#define AT1_COLUMNAR_NUMBER_FORMAT_H

#include <cstddef>
#include <cstdint>
#include <string_view>

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
bool analyze_number(std::string_view s, NumberShape* shape);

// True when a value of this shape re-prints exactly under `spec`
// (given its digits fit the scale).
bool shape_fits(const NumberShape& shape, const NumberSpec& spec);

// Parses `s` under `spec` and checks it re-prints exactly.
// (Binary32 specs need the text's float value: see binary32_mantissa.)
bool parse_number_exact(std::string_view s, const NumberSpec& spec, int64_t* mantissa);

// Writes the text of `mantissa` under `spec` into out (kNumberTextMax bytes);
// returns its length, 0 only for a binary32 value too long to print
// (hostile input).
size_t format_number(int64_t mantissa, const NumberSpec& spec, char* out);

// Binary32 mode: the smallest k <= kMaxInner with float(round(x*10^k)/10^k)
// == float(x) for the number `s` printed with `scale` fixed digits, or -1
// when `s` is not such a float's %.{scale}f text.
int binary32_inner_digits(std::string_view s, int scale);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_NUMBER_FORMAT_H
