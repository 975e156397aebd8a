// Timestamp recognition and printing (see timestamp.hpp). Parsing only
// proposes a layout and a value; the caller's guarantee of exactness comes
// from printing the value back and comparing (done here, in parse_ts).
#include "timestamp.hpp"
#include "at1/cpp/civil_time.hpp"
#include "var_text.hpp"

namespace at1::log {
namespace {

using at1::sdk::civil_from_days;
using at1::sdk::days_from_civil;

constexpr const char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
constexpr const char kWeekdays[] = "SunMonTueWedThuFriSat";
constexpr int64_t kPow10[] = {1,         10,         100,         1000,         10000,
                              100000,    1000000,    10000000,    100000000,    1000000000};
constexpr int kYearlessBase = 2000;  // a leap year, so Feb 29 stays valid

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Reads 1..max digits; returns the count (0 when none).
size_t read_digits(const char* s, size_t n, size_t pos, size_t max, int64_t* v) {
  size_t k = 0;
  int64_t x = 0;
  while (pos + k < n && k < max && is_digit(s[pos + k])) x = x * 10 + (s[pos + k++] - '0');
  *v = x;
  return k;
}

int name_index(const char* table, int count, const char* s, size_t n, size_t pos) {
  if (pos + 3 > n) return -1;
  for (int i = 0; i < count; ++i)
    if (s[pos] == table[3 * i] && s[pos + 1] == table[3 * i + 1] && s[pos + 2] == table[3 * i + 2]) return i;
  return -1;
}

// Field values gathered by a parse, turned into a layout value at the end.
struct Fields {
  int64_t year = kYearlessBase, month = 1, day = 1, hour = 0, minute = 0, second = 0, frac = 0;
  size_t hms_digits[3] = {2, 2, 2};
  size_t frac_len = 0;
};

// Reads "[sep]H<ts>M<ts>S[<fs>F]" at pos (sep already consumed by the caller).
// Fills the time fields and the layout's time_sep/frac_sep; returns the end or 0.
size_t read_time(const char* s, size_t n, size_t pos, bool allow_short, TsLayout* lay, Fields* f) {
  int64_t v = 0;
  size_t k = read_digits(s, n, pos, 6, &v);
  if (k == 6) {  // compact hhmmss
    f->hour = v / 10000, f->minute = v / 100 % 100, f->second = v % 100;
    lay->time_sep = 0;
    pos += 6;
  } else {
    if (k == 0 || k > 2 || (k == 1 && !allow_short)) return 0;
    f->hour = v, f->hms_digits[0] = k;
    pos += k;
    char ts = pos < n ? s[pos] : 0;
    if (ts != ':' && ts != '.') return 0;
    for (int i = 1; i < 3; ++i) {
      if (pos >= n || s[pos] != ts) return 0;
      k = read_digits(s, n, pos + 1, 2, &v);
      if (k == 0 || (k == 1 && !allow_short)) return 0;
      (i == 1 ? f->minute : f->second) = v;
      f->hms_digits[i] = k;
      pos += 1 + k;
    }
    lay->time_sep = static_cast<uint8_t>(ts);
  }
  if (pos + 1 < n && (s[pos] == ',' || s[pos] == '.' || s[pos] == ':') && is_digit(s[pos + 1])) {
    size_t fk = read_digits(s, n, pos + 1, 9, &v);
    if (pos + 1 + fk < n && is_digit(s[pos + 1 + fk])) return 0;  // more than 9 digits
    lay->frac_sep = static_cast<uint8_t>(s[pos]);
    f->frac = v, f->frac_len = fk;
    pos += 1 + fk;
  }
  return pos;
}

// Decides padded vs minimal printing and the fraction width from what was read.
void settle_precision(TsLayout* lay, const Fields& f) {
  bool short_field = f.hms_digits[0] < 2 || f.hms_digits[1] < 2 || f.hms_digits[2] < 2;
  if (short_field) {
    lay->minimal = 1;
    if (lay->frac_sep) lay->frac_digits = 3;
  } else if (lay->frac_sep) {
    lay->frac_digits = static_cast<uint8_t>(f.frac_len);
  }
}

size_t parse_numeric(const char* s, size_t n, TsLayout* lay, Fields* f) {
  int64_t v = 0;
  size_t L = read_digits(s, n, 0, 11, &v);
  size_t pos = L;
  bool need_time = false;
  lay->kind = kTsNumeric;
  char sep = pos < n ? s[pos] : 0;
  bool sep_ok = sep == '-' || sep == '/' || sep == '.';
  int64_t a = 0, b = 0;
  if ((L == 4 || L == 2) && sep_ok && read_digits(s, n, pos + 1, 2, &a) == 2) {
    pos += 3;
    if (pos + 2 < n && s[pos] == sep && read_digits(s, n, pos + 1, 2, &b) == 2) {
      lay->year = static_cast<uint8_t>(L);
      f->year = L == 4 ? v : 2000 + v, f->month = a, f->day = b;
      pos += 3;
    } else if (L == 2) {  // month.day without a year: only with a time part
      f->month = v, f->day = a;
      need_time = true;
    } else {
      return 0;
    }
    lay->date_sep = static_cast<uint8_t>(sep);
  } else if (L == 8 || L == 6) {
    lay->year = L == 8 ? 4 : 2;
    f->year = L == 8 ? v / 10000 : 2000 + v / 10000;
    f->month = v / 100 % 100, f->day = v % 100;
    need_time = true;
  } else {
    return 0;
  }
  if (lay->year == 4 && (f->year < 1000 || f->year > 9999)) return 0;
  char dt = pos < n ? s[pos] : 0;
  if ((dt == ' ' || dt == 'T' || dt == '-' || dt == '_') && pos + 1 < n && is_digit(s[pos + 1])) {
    size_t end = read_time(s, n, pos + 1, true, lay, f);
    if (end) {
      lay->dt_sep = static_cast<uint8_t>(dt);
      settle_precision(lay, *f);
      return end;
    }
  }
  return need_time ? 0 : pos;
}

size_t parse_epoch(const char* s, size_t n, TsLayout* lay, Fields* f) {
  int64_t v = 0;
  if (read_digits(s, n, 0, 11, &v) != 10 || v < 946684800 || v > 4102444800) return 0;
  lay->kind = kTsEpoch;
  f->year = 1970, f->second = v;
  size_t pos = 10;
  if (pos + 1 < n && s[pos] == '.' && is_digit(s[pos + 1])) {
    int64_t fr = 0;
    size_t fk = read_digits(s, n, pos + 1, 9, &fr);
    if (fk == 3 || fk == 6 || fk == 9) {
      lay->frac_sep = '.', lay->frac_digits = static_cast<uint8_t>(fk), f->frac = fr;
      pos += 1 + fk;
    }
  }
  return pos;
}

// "Mmm dd hh:mm:ss[.f]" at pos (syslog, and the middle of ctime).
size_t parse_month_day_time(const char* s, size_t n, size_t pos, TsLayout* lay, Fields* f) {
  int mon = name_index(kMonths, 12, s, n, pos);
  if (mon < 0 || pos + 6 > n || s[pos + 3] != ' ') return 0;
  pos += 4;
  int64_t d = 0;
  if (s[pos] == ' ' && is_digit(s[pos + 1])) {
    lay->minimal = 1, d = s[pos + 1] - '0', pos += 2;
  } else if (read_digits(s, n, pos, 2, &d) == 2) {
    pos += 2;
  } else {
    return 0;
  }
  if (pos + 1 >= n || s[pos] != ' ') return 0;
  f->month = mon + 1, f->day = d;
  size_t end = read_time(s, n, pos + 1, false, lay, f);
  if (!end || lay->time_sep != ':') return 0;
  lay->dt_sep = ' ';
  if (lay->frac_sep) {
    if (lay->frac_sep != '.') return 0;
    lay->frac_digits = static_cast<uint8_t>(f->frac_len);
  }
  return end;
}

size_t parse_letters(const char* s, size_t n, TsLayout* lay, Fields* f) {
  if (name_index(kWeekdays, 7, s, n, 0) >= 0 && n > 4 && s[3] == ' ') {
    lay->kind = kTsCtime;
    size_t end = parse_month_day_time(s, n, 4, lay, f);
    int64_t y = 0;
    if (!end || end + 5 > n || s[end] != ' ' || read_digits(s, n, end + 1, 4, &y) != 4) return 0;
    lay->year = 4, f->year = y;
    return end + 5;
  }
  lay->kind = kTsSyslog;
  return parse_month_day_time(s, n, 0, lay, f);
}

size_t parse_clf(const char* s, size_t n, TsLayout* lay, Fields* f) {
  int64_t d = 0, y = 0;
  if (n < 20 || read_digits(s, n, 0, 2, &d) != 2 || s[2] != '/' || s[6] != '/') return 0;
  int mon = name_index(kMonths, 12, s, n, 3);
  if (mon < 0 || read_digits(s, n, 7, 4, &y) != 4 || s[11] != ':') return 0;
  lay->kind = kTsClf, lay->year = 4;
  f->year = y, f->month = mon + 1, f->day = d;
  size_t end = read_time(s, n, 12, false, lay, f);
  if (!end || lay->time_sep != ':' || lay->frac_sep) return 0;
  return end;
}

int days_in_month(int64_t y, int64_t m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Two digits of 0 <= v < 100.
void put2(char* o, int64_t v) { std::memcpy(o, kDigitPairs + 2 * v, 2); }

// hh<sep>mm<sep>ss of a time of day 0 <= tod < 86400 (sep 0: none; minimal:
// no zero padding).
size_t put_clock(char* out, int64_t tod, char sep, bool minimal) {
  const int64_t parts[3] = {tod / 3600, tod / 60 % 60, tod % 60};
  if (!minimal) {
    const size_t step = sep ? 3 : 2;
    put2(out, parts[0]), put2(out + step, parts[1]), put2(out + 2 * step, parts[2]);
    if (sep) out[2] = out[5] = sep;
    return 3 * step - (sep ? 1 : 0);
  }
  char* o = out;
  for (int i = 0; i < 3; ++i) {
    if (i && sep) *o++ = sep;
    o += put_u64(o, static_cast<uint64_t>(parts[i]));
  }
  return static_cast<size_t>(o - out);
}

}  // namespace

bool valid_layout(const TsLayout& l) {
  if (l.kind >= kTsKindCount || l.minimal > 1) return false;
  if (l.frac_sep && (l.frac_digits < 1 || l.frac_digits > 9)) return false;
  if (!l.frac_sep && l.frac_digits) return false;
  return true;
}

int64_t ts_units_per_second(const TsLayout& l) { return l.frac_sep ? kPow10[l.frac_digits] : 1; }

int64_t ts_rebase(const TsLayout& from, int64_t value, const TsLayout& to) {
  int64_t secs = floor_div(value, ts_units_per_second(from));
  if (to.kind == kTsNumeric && !to.dt_sep) secs = floor_div(secs, 86400) * 86400;
  return static_cast<int64_t>(static_cast<uint64_t>(secs) * static_cast<uint64_t>(ts_units_per_second(to)));
}

bool ts_has_year(const TsLayout& l) { return l.kind == kTsEpoch || l.year != 0; }

int64_t ts_to_millis(const TsLayout& l, int64_t value) {
  int64_t unit = ts_units_per_second(l);
  int64_t secs = floor_div(value, unit);
  int64_t frac = value - secs * unit;
  int64_t ms = unit >= 1000 ? frac / (unit / 1000) : frac * (1000 / unit);
  return secs * 1000 + ms;
}

size_t parse_ts(const char* s, size_t n, TsLayout* layout, int64_t* value, TsTextCache* cache) {
  TsLayout lay;
  Fields f;
  size_t len = 0;
  char c = s[0];
  if (is_digit(c)) {
    if (n > 2 && s[2] == '/' && n > 3 && !is_digit(s[3])) {
      len = parse_clf(s, n, &lay, &f);
    } else {
      len = parse_numeric(s, n, &lay, &f);
      if (!len) lay = TsLayout(), f = Fields(), len = parse_epoch(s, n, &lay, &f);
    }
  } else if (c >= 'A' && c <= 'Z') {
    len = parse_letters(s, n, &lay, &f);
  }
  if (!len || (len < n && is_digit(s[len]))) return 0;
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > days_in_month(f.year, f.month)) return 0;
  if (f.hour > 23 || f.minute > 59 || (lay.kind != kTsEpoch && f.second > 59)) return 0;
  if (lay.minimal && lay.kind == kTsNumeric && f.frac > 999) return 0;
  int64_t secs = lay.kind == kTsEpoch ? f.second
                                      : days_from_civil(f.year, static_cast<unsigned>(f.month),
                                                        static_cast<unsigned>(f.day)) *
                                                86400 +
                                            f.hour * 3600 + f.minute * 60 + f.second;
  int64_t v = secs * ts_units_per_second(lay) + f.frac;
  char buf[kTsMaxText];
  if (len > kTsMaxText) return 0;
  if ((cache ? cache->format(lay, v, buf) : format_ts(lay, v, buf)) != len || std::memcmp(buf, s, len) != 0) return 0;
  *layout = lay;
  *value = v;
  return len;
}

size_t TsSecondCache::format_new_second(const TsLayout& l, int64_t value, char* out) {
  const int64_t unit = ts_units_per_second(l);
  const int64_t secs = floor_div(value, unit);
  const int64_t frac = value - secs * unit;
  const int64_t day = floor_div(secs, 86400);
  const char clock_sep = l.kind == kTsSyslog ? ':' : static_cast<char>(l.time_sep);
  const bool clock_minimal = l.kind == kTsNumeric && l.minimal;
  if (second_unit_ && day_cached_ && day == day_) {
    // Same day: only the clock changes (and the fraction after it).
    std::memcpy(out, prefix_, sizeof prefix_);
    if (clock_at_ != kNoClock) {
      const size_t clock_len = put_clock(out + clock_at_, secs - day * 86400, clock_sep, clock_minimal);
      if (clock_last_) prefix_len_ = clock_at_ + clock_len;  // a minimal clock changes length
      std::memcpy(prefix_, out, sizeof prefix_);
    }
    second_start_ = secs * unit;
    return prefix_len_ + format_ts_frac(l, frac, out + prefix_len_);
  }
  const size_t n = format_ts(l, value, out);
  // Reused: the text before a fraction printed last, or all of it when there
  // is no fraction (ctime with a fraction has the year after it).
  const bool clock_last = (l.kind == kTsNumeric && l.dt_sep) || l.kind == kTsSyslog;
  second_unit_ = n && (clock_last || l.kind == kTsEpoch || !l.frac_sep) ? static_cast<uint64_t>(unit) : 0;
  if (!second_unit_) return n;
  char tail[kTsMaxText];
  second_start_ = secs * unit;
  prefix_len_ = n - format_ts_frac(l, frac, tail);
  clock_last_ = clock_last;
  day_cached_ = l.kind != kTsEpoch;  // the epoch's text is all seconds
  day_ = day;
  if (clock_last) clock_at_ = prefix_len_ - put_clock(tail, secs - day * 86400, clock_sep, clock_minimal);
  else if (l.kind == kTsCtime) clock_at_ = n - 8 - 5;  // hh:mm:ss yyyy
  else if (l.kind == kTsClf) clock_at_ = n - 8;        // ...:hh:mm:ss
  else clock_at_ = kNoClock;                           // a date only
  std::memcpy(prefix_, out, sizeof prefix_);
  return n;
}

size_t TsTextCache::format(const TsLayout& l, int64_t value, char* out) {
  uint64_t key;
  std::memcpy(&key, &l, sizeof key);
  for (Entry& e : entries_)
    if (e.used && e.key == key) return e.cache.format(l, value, out);
  Entry& e = entries_[next_++ % kEntries];
  e = Entry{key, true, TsSecondCache()};
  return e.cache.format(l, value, out);
}

size_t format_ts(const TsLayout& l, int64_t value, char* out) {
  const int64_t unit = ts_units_per_second(l);
  const int64_t secs = floor_div(value, unit);
  const int64_t frac = value - secs * unit;
  char* o = out;
  auto put_frac = [&] { o += format_ts_frac(l, frac, o); };
  if (l.kind == kTsEpoch) {
    if (secs < 1000000000 || secs > 9999999999) return 0;
    o += put_fixed(o, static_cast<uint64_t>(secs), 10);
    put_frac();
    return static_cast<size_t>(o - out);
  }
  const int64_t days = floor_div(secs, 86400);
  if (days < -719468 || days > 2932896) return 0;  // years 0000..9999
  const int64_t tod = secs - days * 86400;
  int64_t y;
  unsigned m, d;
  civil_from_days(days, &y, &m, &d);
  auto put_time = [&](char sep, bool minimal) { o += put_clock(o, tod, sep, minimal); };
  auto put_month_day = [&] {
    std::memcpy(o, kMonths + 3 * (m - 1), 3), o += 3;
    *o++ = ' ';
    if (l.minimal && d < 10) *o++ = ' ', *o++ = static_cast<char>('0' + d);
    else put2(o, d), o += 2;
    *o++ = ' ';
    put_time(':', false);
    put_frac();
  };
  switch (l.kind) {
    case kTsNumeric: {
      if (l.year == 4 ? y < 1000 : l.year == 2 ? (y < 2000 || y > 2099) : y != kYearlessBase) return 0;
      if (l.year == 4) o += put_fixed(o, static_cast<uint64_t>(y), 4);
      else if (l.year == 2) put2(o, y - 2000), o += 2;
      if (l.year && l.date_sep) *o++ = static_cast<char>(l.date_sep);
      put2(o, m), o += 2;
      if (l.date_sep) *o++ = static_cast<char>(l.date_sep);
      put2(o, d), o += 2;
      if (l.dt_sep) {
        *o++ = static_cast<char>(l.dt_sep);
        put_time(static_cast<char>(l.time_sep), l.minimal);
        put_frac();
      }
      break;
    }
    case kTsSyslog:
      if (y != kYearlessBase) return 0;
      put_month_day();
      break;
    case kTsCtime: {
      if (y < 1000) return 0;
      int64_t wd = (days % 7 + 11) % 7;  // 1970-01-01 was a Thursday
      std::memcpy(o, kWeekdays + 3 * wd, 3), o += 3;
      *o++ = ' ';
      put_month_day();
      *o++ = ' ';
      o += put_fixed(o, static_cast<uint64_t>(y), 4);
      break;
    }
    case kTsClf:
      if (y < 1000) return 0;
      put2(o, d), o += 2;
      *o++ = '/';
      std::memcpy(o, kMonths + 3 * (m - 1), 3), o += 3;
      *o++ = '/';
      o += put_fixed(o, static_cast<uint64_t>(y), 4);
      *o++ = ':';
      put_time(':', false);
      break;
    default:
      return 0;
  }
  return static_cast<size_t>(o - out);
}

}  // namespace at1::log
