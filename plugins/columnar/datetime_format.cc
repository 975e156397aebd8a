#include "datetime_format.h"
#include "at1/cpp/civil_time.hpp"

namespace at1::columnar {

namespace {

using at1::sdk::civil_from_days;
using at1::sdk::days_from_civil;

constexpr int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                              1000000000};

bool digits(std::string_view s, size_t at, size_t n, int64_t* v) {
  if (at + n > s.size()) return false;
  int64_t x = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned c = static_cast<unsigned char>(s[at + i]) - '0';
    if (c > 9) return false;
    x = x * 10 + c;
  }
  *v = x;
  return true;
}

// Days in month m (1..12) of year y, proleptic Gregorian as
// days_from_civil: checks a day without converting it there and back.
unsigned days_in_month(int64_t y, unsigned m) {
  if (m == 2) return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28;
  return 30 + ((m + (m >> 3)) & 1);  // 31 in Jan, Mar, May, Jul, Aug, Oct, Dec
}

void put2(char* out, int64_t v) {
  out[0] = static_cast<char>('0' + v / 10);
  out[1] = static_cast<char>('0' + v % 10);
}

// Parses HH:MM:SS[.f] at `at`; returns the position after it or 0.
size_t parse_time(std::string_view s, size_t at, uint8_t frac, int64_t* secs, int64_t* fraction) {
  int64_t h, mi, se;
  if (!digits(s, at, 2, &h) || at + 2 >= s.size() || s[at + 2] != ':' ||
      !digits(s, at + 3, 2, &mi) || at + 5 >= s.size() || s[at + 5] != ':' ||
      !digits(s, at + 6, 2, &se))
    return 0;
  if (h > 23 || mi > 59 || se > 59) return 0;
  *secs = h * 3600 + mi * 60 + se;
  size_t p = at + 8;
  *fraction = 0;
  if (frac) {
    if (p >= s.size() || s[p] != '.' || !digits(s, p + 1, frac, fraction)) return 0;
    p += 1 + frac;
  }
  return p;
}

}  // namespace

bool detect_date_layout(std::string_view s, DateSpec* spec) {
  DateSpec d;
  size_t p = 0;
  int64_t v;
  if (s.size() >= 10 && digits(s, 0, 4, &v) && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
      digits(s, 5, 2, &v) && digits(s, 8, 2, &v)) {
    d.has_date = 1;
    d.date_sep = s[4];
    p = 10;
    if (p == s.size()) {
      *spec = d;
      return true;
    }
    if (s[p] != 'T' && s[p] != ' ') return false;
    d.time_sep = s[p];
    ++p;
  }
  if (!(s.size() >= p + 8 && digits(s, p, 2, &v) && s[p + 2] == ':' && digits(s, p + 3, 2, &v) &&
        s[p + 5] == ':' && digits(s, p + 6, 2, &v)))
    return false;
  d.has_time = 1;
  p += 8;
  if (p < s.size() && s[p] == '.') {
    size_t f = ++p;
    while (p < s.size() && static_cast<unsigned char>(s[p] - '0') < 10) ++p;
    // With a date, 10^frac seconds must keep year 9999 inside int64.
    if (p - f == 0 || p - f > (d.has_date ? 6u : kMaxDateFrac)) return false;
    d.frac = static_cast<uint8_t>(p - f);
  }
  if (p < s.size() && s[p] == 'Z') {
    d.zulu = 1;
    ++p;
  }
  if (p != s.size()) return false;
  *spec = d;
  return true;
}

bool parse_date_exact(std::string_view s, const DateSpec& spec, int64_t* value) {
  size_t p = 0;
  int64_t days = 0;
  if (spec.has_date) {
    int64_t y, m, d;
    if (s.size() < 10 || !digits(s, 0, 4, &y) || s[4] != spec.date_sep || !digits(s, 5, 2, &m) ||
        s[7] != spec.date_sep || !digits(s, 8, 2, &d))
      return false;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, static_cast<unsigned>(m))) return false;
    days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    p = 10;
    if (!spec.has_time) {
      *value = days;
      return p == s.size();
    }
    if (p >= s.size() || s[p] != spec.time_sep) return false;
    ++p;
  }
  int64_t secs, fraction;
  p = parse_time(s, p, spec.frac, &secs, &fraction);
  if (!p) return false;
  if (spec.zulu) {
    if (p >= s.size() || s[p] != 'Z') return false;
    ++p;
  }
  if (p != s.size()) return false;
  *value = (days * 86400 + secs) * kPow10[spec.frac] + fraction;
  return true;
}

size_t format_date(int64_t value, const DateSpec& spec, char* out) {
  size_t n = 0;
  int64_t days = value;
  int64_t in_day = 0;
  if (spec.has_time) {
    const int64_t per_day = 86400 * kPow10[spec.frac];
    days = value / per_day;
    in_day = value % per_day;
    if (in_day < 0) {
      in_day += per_day;
      --days;
    }
    if (!spec.has_date && days != 0) return 0;
  }
  if (spec.has_date) {
    // Years 0..9999 only; also keeps civil_from_days far from overflow.
    if (days < -719528 || days > 2932896) return 0;
    int64_t y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    out[0] = static_cast<char>('0' + y / 1000);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    put2(out + 2, y % 100);
    out[4] = spec.date_sep;
    put2(out + 5, m);
    out[7] = spec.date_sep;
    put2(out + 8, d);
    n = 10;
    if (!spec.has_time) return n;
    out[n++] = spec.time_sep;
  }
  int64_t secs = in_day / kPow10[spec.frac];
  int64_t fraction = in_day % kPow10[spec.frac];
  put2(out + n, secs / 3600);
  out[n + 2] = ':';
  put2(out + n + 3, secs / 60 % 60);
  out[n + 5] = ':';
  put2(out + n + 6, secs % 60);
  n += 8;
  if (spec.frac) {
    out[n++] = '.';
    for (int i = spec.frac - 1; i >= 0; --i) {
      out[n + static_cast<size_t>(i)] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    n += spec.frac;
  }
  if (spec.zulu) out[n++] = 'Z';
  return n;
}

int64_t date_to_millis(int64_t value, const DateSpec& spec) {
  if (!spec.has_time) return value * 86400000;
  if (spec.frac >= 3) return value / kPow10[spec.frac - 3];
  return value * kPow10[3 - spec.frac];
}

bool date_spec_valid(const DateSpec& s) {
  if (s.has_date > 1 || s.has_time > 1 || s.zulu > 1 || s.frac > kMaxDateFrac) return false;
  if (!s.has_date && !s.has_time) return false;
  if (s.date_sep != '-' && s.date_sep != '/') return false;
  if (s.time_sep != 'T' && s.time_sep != ' ') return false;
  if (!s.has_time && (s.frac || s.zulu)) return false;
  if (s.has_date && s.frac > 6) return false;
  return true;
}

}  // namespace at1::columnar
