#include "number_grouping.h"

#include <cstring>

#include "number_format.h"

namespace at1::columnar {

namespace {

bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// Where the integer part of a plain or grouped number text ends: the
// point or the end.
size_t integer_end(const char* p, size_t len) {
  const void* point = std::memchr(p, '.', len);
  return point ? static_cast<size_t>(static_cast<const char*>(point) - p) : len;
}

}  // namespace

bool ungroup_number(std::string_view s, char* out, size_t cap, size_t* len) {
  if (s.size() > cap) return false;
  const size_t sign = !s.empty() && s[0] == '-';
  const size_t int_end = integer_end(s.data(), s.size());
  // Integer part: 1..3 digits, then groups of ',' and 3 digits.
  size_t n = 0;
  for (size_t i = 0; i < sign; ++i) out[n++] = s[i];
  size_t run = 0;
  for (size_t i = sign; i < int_end; ++i) {
    const char c = s[i];
    if (c == kGroupSeparator) {
      if (run == 0 || (run > 3) || (i > sign + run && run != 3)) return false;
      run = 0;
      continue;
    }
    if (!is_digit(c)) return false;
    out[n++] = c;
    ++run;
  }
  // The last group has 3 digits when a separator came before it, and at
  // most 3 in any case.
  const bool any_separator = n - sign != int_end - sign;
  if (run > 3 || (any_separator && run != 3)) return false;
  std::memcpy(out + n, s.data() + int_end, s.size() - int_end);
  *len = n + s.size() - int_end;
  return true;
}

size_t group_thousands(char* text, size_t len) {
  const size_t sign = len > 0 && text[0] == '-';
  const size_t int_end = integer_end(text, len);
  const size_t digits = int_end - sign;
  if (digits <= 3) return len;
  const size_t separators = (digits - 1) / 3;
  // Shift right to left: the fraction, then each group of 3 with its separator.
  std::memmove(text + int_end + separators, text + int_end, len - int_end);
  char* dst = text + int_end + separators;
  const char* src = text + int_end;
  for (size_t g = 0; g < separators; ++g) {
    dst -= 3;
    src -= 3;
    std::memmove(dst, src, 3);
    *--dst = kGroupSeparator;
  }
  return len + separators;
}

bool parse_grouped_exact(std::string_view s, const NumberSpec& spec, int64_t* mantissa) {
  char plain[kNumberTextMax];
  size_t n;
  if (!ungroup_number(s, plain, sizeof plain, &n)) return false;
  NumberSpec ungrouped = spec;
  ungrouped.grouped = false;
  // A canonical grouping of a text that re-prints plain re-prints grouped.
  return parse_number_exact(std::string_view(plain, n), ungrouped, mantissa);
}

size_t format_grouped(int64_t mantissa, const NumberSpec& spec, char* out) {
  NumberSpec ungrouped = spec;
  ungrouped.grouped = false;
  const size_t n = format_number(mantissa, ungrouped, out);
  return n ? group_thousands(out, n) : 0;
}

}  // namespace at1::columnar
