// Exact-spelling numbers of VCF fields. A text element is typed when its
// spelling can be rebuilt from (mantissa, scale): optional '-', an integer
// part without leading zeros, optionally '.' and 1..15 fraction digits.
// "-0.00" keeps its sign through a separate "negative zero" format code.
// Anything else ("1e-5", "+3", "007", "1.") stays text, so the round trip is
// exact by construction.
#ifndef AT1_VCF_NUMBER_HPP
#define AT1_VCF_NUMBER_HPP

#include <cstdint>
#include <string>
#include <string_view>

namespace at1::vcf {

// Format code of one comma-separated element of a value.
enum : uint8_t {
  kFmtMissing = 0,     // "."
  kFmtText = 1,        // verbatim text element
  kFmtNumber = 2,      // 2 + scale (0..15): a number with `scale` fraction digits
  kFmtNegZero = 18,    // 18 + scale: "-0", "-0.0", ... (mantissa not stored)
  kFmtCount = 34,
};
constexpr int kMaxScale = 15;
constexpr int kMaxDigits = 18;

// Parses one element; returns its format code and sets *mantissa for numbers.
inline uint8_t classify_element(std::string_view s, int64_t* mantissa) {
  if (s.size() == 1 && s[0] == '.') return kFmtMissing;
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && s[i] == '-') {
    neg = true;
    ++i;
  }
  size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  size_t int_len = i - int_start;
  if (int_len == 0 || (int_len > 1 && s[int_start] == '0')) return kFmtText;
  int scale = 0;
  if (i < s.size()) {
    if (s[i] != '.') return kFmtText;
    size_t frac_start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i != s.size()) return kFmtText;
    size_t frac_len = i - frac_start;
    if (frac_len == 0 || frac_len > static_cast<size_t>(kMaxScale)) return kFmtText;
    scale = static_cast<int>(frac_len);
  }
  if (int_len + static_cast<size_t>(scale) > static_cast<size_t>(kMaxDigits)) return kFmtText;
  int64_t v = 0;
  for (size_t k = int_start; k < s.size(); ++k)
    if (s[k] != '.') v = v * 10 + (s[k] - '0');
  if (neg && v == 0) return static_cast<uint8_t>(kFmtNegZero + scale);
  *mantissa = neg ? -v : v;
  return static_cast<uint8_t>(kFmtNumber + scale);
}

// Appends the spelling of a typed number (fmt in [kFmtNumber, kFmtCount)).
inline void append_number(std::string& out, uint8_t fmt, int64_t mantissa) {
  int scale;
  if (fmt >= kFmtNegZero) {
    scale = fmt - kFmtNegZero;
    out.push_back('-');
    mantissa = 0;
  } else {
    scale = fmt - kFmtNumber;
  }
  uint64_t mag;
  if (mantissa < 0) {
    out.push_back('-');
    mag = 0 - static_cast<uint64_t>(mantissa);
  } else {
    mag = static_cast<uint64_t>(mantissa);
  }
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + mag % 10);
    mag /= 10;
  } while (mag && n < 24);
  while (n <= scale) digits[n++] = '0';  // at least one integer digit
  for (int k = n - 1; k >= 0; --k) {
    out.push_back(digits[k]);
    if (k == scale && scale > 0) out.push_back('.');
  }
}

// Canonical non-negative decimal integer (no sign, no leading zeros), < 10^18.
inline bool parse_canonical_uint(std::string_view s, uint64_t* v) {
  if (s.empty() || s.size() > 18 || (s.size() > 1 && s[0] == '0')) return false;
  uint64_t x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + static_cast<uint64_t>(c - '0');
  }
  *v = x;
  return true;
}

inline void append_uint(std::string& out, uint64_t v) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) out.push_back(digits[--n]);
}

}  // namespace at1::vcf

#endif  // AT1_VCF_NUMBER_HPP
