// Decode's date printer: the text format_date writes, cheaper for a
// column's cells in order. Neighbouring cells mostly fall in the same month
// (dates) or day (date-times), so the text of that month or day is kept and
// only the day of month or the time of day is printed; civil_from_days and
// the 64-bit divisions run once per month or day instead of once per cell.
#ifndef AT1_COLUMNAR_DATE_PRINT_H
#define AT1_COLUMNAR_DATE_PRINT_H

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "at1/cpp/civil_time.hpp"
#include "datetime_format.h"
#include "number_print.h"

namespace at1::columnar {

// "MM:SS" of every second of an hour, in the low 5 bytes of a word (28 KB):
// one lookup where making the digits cost ~20 instructions a time.
struct MinutesSeconds {
  uint64_t text[3600];
  constexpr MinutesSeconds() : text() {
    for (uint32_t i = 0; i < 3600; ++i) {
      const uint32_t m = i / 60, s = i % 60;
      text[i] = uint64_t('0' + m / 10) | uint64_t('0' + m % 10) << 8 | uint64_t(':') << 16 |
                uint64_t('0' + s / 10) << 24 | uint64_t('0' + s % 10) << 32;
    }
  }
};
inline constexpr MinutesSeconds kMinutesSeconds;

class DatePrinter {
 public:
  explicit DatePrinter(const DateSpec& spec);

  // format_date(value, spec, out): the same bytes and length (out:
  // kDateTextMax bytes; 0 for a value outside years 0..9999).
  size_t print(int64_t value, char* out) {
    if (!spec_.has_time) {
      // Unsigned: a hostile value far from the month wraps to a miss.
      uint64_t day = static_cast<uint64_t>(value) - static_cast<uint64_t>(month_first_);
      if (day >= month_days_) {  // also the first call: month_days_ starts at 0
        if (!load_month(value)) return 0;
        day = static_cast<uint64_t>(value) - static_cast<uint64_t>(month_first_);
      }
      std::memcpy(out, &month_text_, 8);  // "YYYY-MM-"
      const uint16_t dd = two_digits(static_cast<uint32_t>(day) + 1);
      std::memcpy(out + 8, &dd, 2);
      return 10;
    }
    uint64_t in_day = static_cast<uint64_t>(value) - static_cast<uint64_t>(day_first_);
    if (in_day >= day_span_) {
      if (!load_day(value)) return 0;
      in_day = static_cast<uint64_t>(value) - static_cast<uint64_t>(day_first_);
    }
    std::memcpy(out, day_text_, 16);  // the date and separator, or nothing
    return day_len_ + print_time(in_day, out + day_len_);
  }

 private:
  // "vv" for v < 100, as two bytes in order.
  static uint16_t two_digits(uint32_t v) {
    return static_cast<uint16_t>((kDigitQuads.q[v] >> 16) | 0x3030);
  }
  // HH:MM:SS[.f][Z] of a time of day (< per_day_).
  size_t print_time(uint64_t in_day, char* out) const {
    uint64_t secs = in_day, fraction = 0;
    if (spec_.frac) {
      // Exact where in_day * 10^frac < 2^64 (Lemire, Kaser, Kurz 2019);
      // time-only layouts with 7..9 digits divide.
      secs = fast_div_ ? static_cast<uint64_t>((static_cast<U128>(in_day) * frac_magic_) >> 64)
                       : in_day / frac_unit_;
      fraction = in_day - secs * frac_unit_;
    }
    const uint32_t s = static_cast<uint32_t>(secs);
    const uint32_t hours = s / 3600;
    const uint64_t text = two_digits(hours) | uint64_t(':') << 16 | kMinutesSeconds.text[s - hours * 3600] << 24;
    std::memcpy(out, &text, 8);
    size_t n = 8;
    if (spec_.frac) {
      out[n++] = '.';
      if (spec_.frac == 9) {  // the ninth digit, then the other eight
        out[n++] = static_cast<char>('0' + fraction / 100000000);
        fraction %= 100000000;
      }
      const int digits = spec_.frac == 9 ? 8 : spec_.frac;
      const uint64_t f = (decimal_digits8(fraction) | 0x3030303030303030ull) >> (8 * (8 - digits));
      std::memcpy(out + n, &f, 8);
      n += static_cast<size_t>(digits);
    }
    out[n] = 'Z';
    return n + spec_.zulu;
  }
  // Takes the month of `days` (false outside years 0..9999).
  bool load_month(int64_t days);
  // Takes the day of `value` (false when format_date refuses it).
  bool load_day(int64_t value);

  __extension__ using U128 = unsigned __int128;
  DateSpec spec_;
  // Dates: the month in use, its days [month_first_, month_first_ + month_days_).
  int64_t month_first_ = 0;
  uint64_t month_days_ = 0;
  uint64_t month_text_ = 0;
  // Times: the day in use, its values [day_first_, day_first_ + day_span_)
  // (none until the first day is loaded), and the text before its time
  // (date and separator, or empty).
  uint64_t per_day_ = 0;
  uint64_t day_span_ = 0;
  int64_t day_first_ = 0;
  uint64_t day_len_ = 0;
  char day_text_[16] = {};
  uint64_t frac_unit_ = 1;  // 10^frac
  uint64_t frac_magic_ = 0;
  bool fast_div_ = false;
};

inline DatePrinter::DatePrinter(const DateSpec& spec) : spec_(spec) {
  if (!spec.has_time) return;
  for (int i = 0; i < spec.frac; ++i) frac_unit_ *= 10;
  per_day_ = 86400 * frac_unit_;
  if (spec.frac) {
    frac_magic_ = ~uint64_t(0) / frac_unit_ + 1;  // ceil(2^64 / 10^frac)
    fast_div_ = per_day_ - 1 <= ~uint64_t(0) / frac_unit_;
  }
  // Time alone: the one day there is, with no text before the time.
  if (!spec.has_date) day_span_ = per_day_;
}

inline bool DatePrinter::load_month(int64_t days) {
  // Years 0..9999 only, as format_date (whole months, so a month in use
  // never reaches past them).
  if (days < -719528 || days > 2932896) return false;
  int64_t y;
  unsigned m, d;
  sdk::civil_from_days(days, &y, &m, &d);
  month_first_ = days - (d - 1);
  month_days_ = sdk::days_in_month(y, m);
  const uint32_t yy = static_cast<uint32_t>(y);
  const uint16_t parts[4] = {two_digits(yy / 100), two_digits(yy % 100),
                             static_cast<uint16_t>(spec_.date_sep | two_digits(m) << 8),
                             static_cast<uint16_t>(two_digits(m) >> 8 | spec_.date_sep << 8)};
  std::memcpy(&month_text_, parts, 8);
  return true;
}

inline bool DatePrinter::load_day(int64_t value) {
  if (!spec_.has_date) return false;  // a time of day outside the day
  const int64_t per_day = static_cast<int64_t>(per_day_);
  int64_t days = value / per_day;
  if (value % per_day < 0) --days;
  // days is within about 2^63 / 86400 of 0: no overflow below.
  if (static_cast<uint64_t>(days - month_first_) >= month_days_ && !load_month(days)) return false;
  const uint16_t dd = two_digits(static_cast<uint32_t>(days - month_first_) + 1);
  std::memcpy(day_text_, &month_text_, 8);
  std::memcpy(day_text_ + 8, &dd, 2);
  day_text_[10] = spec_.time_sep;
  day_len_ = 11;
  day_first_ = days * per_day;
  day_span_ = per_day_;
  return true;
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_DATE_PRINT_H
