// Exact text <-> int64 for dates and times in fixed layouts:
//   YYYY-MM-DD  or YYYY/MM/DD                       -> days since 1970-01-01
//   that + ('T' | ' ') + HH:MM:SS[.f...][Z]          -> seconds * 10^frac (+ fraction)
//   HH:MM:SS[.f...]                                  -> seconds of day * 10^frac
// A value that does not re-print byte for byte (a 30th of February, hour 24,
// a leap second) is an exception of its column.
#ifndef AT1_COLUMNAR_DATETIME_FORMAT_H
#define AT1_COLUMNAR_DATETIME_FORMAT_H

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace at1::columnar {

inline constexpr uint8_t kMaxDateFrac = 9;
inline constexpr size_t kDateTextMax = 40;

struct DateSpec {
  uint8_t has_date = 0;
  char date_sep = '-';  // '-' or '/'
  uint8_t has_time = 0;
  char time_sep = 'T';  // between date and time: 'T' or ' '
  uint8_t frac = 0;     // digits after the seconds' point (0 = no point)
  uint8_t zulu = 0;     // trailing 'Z'
  bool operator==(const DateSpec&) const = default;
};

// Reads the layout of `s`; false when it is not a date/time layout.
bool detect_date_layout(std::string_view s, DateSpec* spec);

// Parses `s` under `spec` and checks it re-prints exactly.
bool parse_date_exact(std::string_view s, const DateSpec& spec, int64_t* value);

// Writes the text of `value` (out: kDateTextMax bytes); returns its length,
// or 0 when the value is outside years 0..9999 (hostile input).
size_t format_date(int64_t value, const DateSpec& spec, char* out);

// Milliseconds since 1970 (or of the day, for time-only layouts).
int64_t date_to_millis(int64_t value, const DateSpec& spec);

// Checks a spec read from a stream.
bool date_spec_valid(const DateSpec& spec);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_DATETIME_FORMAT_H
