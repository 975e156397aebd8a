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
inline constexpr size_t kNumberTextMax = 48;

enum FracMode : uint8_t {
  kFracFixed = 0,     // always `scale` digits ("1.50")
  kFracTrim = 1,      // trailing zeros dropped, and the point with them ("1.5", "2")
  kFracTrimKeep1 = 2  // trailing zeros dropped but one digit kept ("1.5", "2.0")
};

struct NumberSpec {
  uint8_t scale = 0;      // value = mantissa / 10^scale
  uint8_t frac_mode = kFracFixed;
  uint8_t width = 1;      // integer part printed with at least this many digits
};

// The lexical shape of a number, for choosing a column's NumberSpec.
struct NumberShape {
  bool negative = false;
  bool has_point = false;
  uint8_t int_digits = 0;   // digits before the point, as written
  uint8_t natural = 0;      // the same without leading zeros
  uint8_t frac_digits = 0;
  bool frac_trailing_zero = false;
};

// False unless `s` is -?digits(.digits)? with at least one digit and at
// most 18 digits in all.
bool analyze_number(std::string_view s, NumberShape* shape);

// True when a value of this shape re-prints exactly under `spec`
// (given its digits fit the scale).
bool shape_fits(const NumberShape& shape, const NumberSpec& spec);

// Parses `s` under `spec` and checks it re-prints exactly.
bool parse_number_exact(std::string_view s, const NumberSpec& spec, int64_t* mantissa);

// Writes the text of `mantissa` under `spec` into out (kNumberTextMax bytes);
// returns its length.
size_t format_number(int64_t mantissa, const NumberSpec& spec, char* out);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_NUMBER_FORMAT_H
