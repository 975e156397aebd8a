#include "iso_time.hpp"

#include "number_text.hpp"
#include "at1/cpp/civil_time.hpp"

namespace at1::ssh {
namespace {

using at1::sdk::civil_from_days;
using at1::sdk::days_from_civil;
using at1::sdk::days_in_month;

int digits(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (!is_digit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

void put2(char* p, unsigned v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}

// Zone offset in seconds, false when the zone is not "Z" / "+hh:mm" / "+hhmm".
bool zone_offset(std::string_view z, int64_t* off) {
  if (z == "Z") {
    *off = 0;
    return true;
  }
  if (z.size() != 5 && z.size() != 6) return false;
  if (z[0] != '+' && z[0] != '-') return false;
  int hh = digits(z, 1, 2);
  int mm = z.size() == 6 ? (z[3] == ':' ? digits(z, 4, 2) : -1) : digits(z, 3, 2);
  if (hh < 0 || mm < 0) return false;
  *off = (z[0] == '-' ? -1 : 1) * static_cast<int64_t>(hh * 3600 + mm * 60);
  return true;
}

}  // namespace

size_t parse_iso_time(std::string_view s, IsoTime* t) {
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' ||
      s[16] != ':')
    return 0;
  int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  int hh = digits(s, 11, 2), mi = digits(s, 14, 2), ss = digits(s, 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59)
    return 0;
  if (static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(mo))) return 0;
  size_t p = 19;
  t->frac_digits = 0;
  t->frac = 0;
  if (p < s.size() && s[p] == '.') {
    size_t q = p + 1;
    while (q < s.size() && is_digit(s[q]) && q - p <= 9) ++q;
    size_t n = q - p - 1;
    if (n == 0 || n > 9 || (q < s.size() && is_digit(s[q]))) return 0;
    t->frac_digits = static_cast<uint8_t>(n);
    t->frac = static_cast<uint32_t>(digits(s, p + 1, n));
    p = q;
  }
  size_t z = p;
  while (z < s.size() && s[z] != ' ') ++z;
  if (z >= s.size() || z - p > 6) return 0;
  t->zone = s.substr(p, z - p);
  int64_t off;
  if (!t->zone.empty() && !zone_offset(t->zone, &off)) return 0;
  t->space_sep = s[10] == ' ';
  t->seconds = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
               hh * 3600 + mi * 60 + ss;
  return z + 1;
}

size_t format_iso_time(const IsoTime& t, char* out) {
  if (t.seconds < kIsoMinSeconds || t.seconds > kIsoMaxSeconds || t.frac_digits > 9) return 0;
  int64_t days = t.seconds >= 0 ? t.seconds / 86400 : -((-t.seconds + 86399) / 86400);
  int64_t secs = t.seconds - days * 86400;
  int64_t y;
  unsigned m, d;
  civil_from_days(days, &y, &m, &d);
  put2(out, static_cast<unsigned>(y / 100));
  put2(out + 2, static_cast<unsigned>(y % 100));
  out[4] = '-';
  put2(out + 5, m);
  out[7] = '-';
  put2(out + 8, d);
  out[10] = t.space_sep ? ' ' : 'T';
  put2(out + 11, static_cast<unsigned>(secs / 3600));
  out[13] = ':';
  put2(out + 14, static_cast<unsigned>(secs / 60 % 60));
  out[16] = ':';
  put2(out + 17, static_cast<unsigned>(secs % 60));
  size_t n = 19;
  if (t.frac_digits) {
    out[n++] = '.';
    uint32_t f = t.frac;
    for (int i = t.frac_digits - 1; i >= 0; --i) {
      out[n + static_cast<size_t>(i)] = static_cast<char>('0' + f % 10);
      f /= 10;
    }
    if (f) return 0;  // more digits than the slot holds: corrupt
    n += t.frac_digits;
  }
  return n;
}

int64_t iso_millis(const IsoTime& t) {
  int64_t off = 0;
  if (!t.zone.empty()) zone_offset(t.zone, &off);
  int64_t ms = (t.seconds - off) * 1000;
  if (t.frac_digits >= 3) {
    uint32_t f = t.frac;
    for (int i = 3; i < t.frac_digits; ++i) f /= 10;
    ms += f;
  } else if (t.frac_digits) {
    ms += t.frac * (t.frac_digits == 1 ? 100 : 10);
  }
  return ms;
}

}  // namespace at1::ssh
