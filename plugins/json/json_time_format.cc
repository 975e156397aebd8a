#include "json_time_format.h"

#include <cstring>
#include "at1/cpp/civil_time.hpp"

namespace at1json {
namespace {

using at1::sdk::civil_from_days;
using at1::sdk::days_from_civil;
using at1::sdk::days_in_month;

bool is_digit(char c) { return static_cast<unsigned>(c - '0') < 10; }

constexpr int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
constexpr int kWidths[6] = {4, 2, 2, 2, 2, 2};
constexpr int64_t kMaxDays = 2932896;  // 9999-12-31

bool read_digits(std::string_view s, size_t* i, int n, int64_t* v) {
  if (*i + static_cast<size_t>(n) > s.size()) return false;
  int64_t x = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[*i + static_cast<size_t>(k)];
    if (!is_digit(c)) return false;
    x = x * 10 + (c - '0');
  }
  *i += static_cast<size_t>(n);
  *v = x;
  return true;
}

void put_digits(char* out, size_t* n, int64_t v, int width) {
  for (int k = width - 1; k >= 0; --k) {
    out[*n + static_cast<size_t>(k)] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  *n += static_cast<size_t>(width);
}

bool ok_sep(char c) { return c == '-' || c == '/' || c == '.' || c == ':' || c == ' ' || c == 'T' || c == '_'; }

}  // namespace

bool TimeFormat::infer(std::string_view s) {
  size_t i = 0;
  int64_t v;
  fields = 0;
  frac_digits = 0;
  suffix.clear();
  if (!read_digits(s, &i, 4, &v)) return false;
  fields = 1;
  while (fields < 6 && i + 1 + 2 <= s.size() && ok_sep(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
         (i + 3 == s.size() || !is_digit(s[i + 3]))) {
    seps[fields] = s[i];
    i += 3;
    ++fields;
  }
  if (fields < 3) return false;
  if (fields == 6 && i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1])) {
    frac_sep = s[i++];
    while (i < s.size() && is_digit(s[i]) && frac_digits < 9) {
      ++frac_digits;
      ++i;
    }
  }
  if (s.size() - i > 8) return false;
  suffix.assign(s.substr(i));
  int64_t count;
  return parse(s, &count);
}

bool TimeFormat::parse(std::string_view s, int64_t* count) const {
  size_t i = 0;
  int64_t f[6] = {0, 1, 1, 0, 0, 0};
  for (int k = 0; k < fields; ++k) {
    if (k > 0) {
      if (i >= s.size() || s[i] != seps[k]) return false;
      ++i;
    }
    if (!read_digits(s, &i, kWidths[k], &f[k])) return false;
  }
  int64_t frac = 0;
  if (frac_digits) {
    if (i >= s.size() || s[i] != frac_sep) return false;
    ++i;
    if (!read_digits(s, &i, frac_digits, &frac)) return false;
  }
  if (s.substr(i) != suffix) return false;
  if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 || f[4] > 59 || f[5] > 59) return false;
  int64_t c = days_from_civil(f[0], static_cast<unsigned>(f[1]), static_cast<unsigned>(f[2]));
  if (fields >= 4) c = c * 24 + f[3];
  if (fields >= 5) c = c * 60 + f[4];
  if (fields >= 6) c = c * 60 + f[5];
  c = c * kPow10[frac_digits] + frac;
  // Invalid dates (Feb 30) normalise to another day: refuse them.
  char buf[kMaxText];
  size_t n = render(c, buf);
  if (n != s.size() || std::memcmp(buf, s.data(), n) != 0) return false;
  *count = c;
  return true;
}

size_t TimeFormat::render(int64_t count, char* out) const {
  int64_t f[6] = {0, 0, 0, 0, 0, 0};
  if (count < 0) return 0;
  int64_t frac = count % kPow10[frac_digits];
  int64_t c = count / kPow10[frac_digits];
  if (fields >= 6) { f[5] = c % 60; c /= 60; }
  if (fields >= 5) { f[4] = c % 60; c /= 60; }
  if (fields >= 4) { f[3] = c % 24; c /= 24; }
  if (c > kMaxDays) return 0;
  unsigned m, d;
  civil_from_days(c, &f[0], &m, &d);
  f[1] = m;
  f[2] = d;
  size_t n = 0;
  for (int k = 0; k < fields; ++k) {
    if (k > 0) out[n++] = seps[k];
    put_digits(out, &n, f[k], kWidths[k]);
  }
  if (frac_digits) {
    out[n++] = frac_sep;
    put_digits(out, &n, frac, frac_digits);
  }
  std::memcpy(out + n, suffix.data(), suffix.size());
  return n + suffix.size();
}

void TimeFormat::write(at1::sdk::ByteWriter& w) const {
  w.u8(fields);
  w.u8(frac_digits);
  for (int k = 1; k < fields; ++k) w.u8(static_cast<uint8_t>(seps[k]));
  if (frac_digits) w.u8(static_cast<uint8_t>(frac_sep));
  w.str(suffix);
}

void TimeFormat::read(at1::sdk::ByteReader& r) {
  fields = r.u8();
  frac_digits = r.u8();
  if (fields < 3 || fields > 6 || frac_digits > 9 || (frac_digits && fields != 6))
    at1::sdk::fail_corrupt("json: bad time layout");
  for (int k = 1; k < fields; ++k) seps[k] = static_cast<char>(r.u8());
  if (frac_digits) frac_sep = static_cast<char>(r.u8());
  std::string_view sfx = r.str();
  if (sfx.size() > 8) at1::sdk::fail_corrupt("json: time suffix too long");
  suffix.assign(sfx);
}

}  // namespace at1json
