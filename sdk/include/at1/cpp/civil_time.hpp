// at1/cpp/civil_time.hpp — calendar arithmetic for codecs that turn
// timestamps into numbers (and back) and report the AT1_STAT_TIME statistic.
//
// Header-only C++17 helpers of the at1 plugin SDK. Proleptic Gregorian
// calendar, any year; day 0 is 1970-01-01. The algorithms are Howard
// Hinnant's public-domain civil-date algorithms.
#ifndef AT1_CPP_CIVIL_TIME_HPP
#define AT1_CPP_CIVIL_TIME_HPP

#include <cstdint>

namespace at1::sdk {

// Days since 1970-01-01 of year y, month m (1..12), day d (1..31).
inline int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// The date of day z (days since 1970-01-01).
inline void civil_from_days(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

inline bool is_leap_year(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline unsigned days_in_month(int64_t y, unsigned m) {
  static const unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && is_leap_year(y)) ? 29 : kDays[(m - 1) % 12];
}

}  // namespace at1::sdk

#endif  // AT1_CPP_CIVIL_TIME_HPP
