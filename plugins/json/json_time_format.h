// Timestamps written as strings ("2001/01/01 00:47", "2000-01-01T08:00:00.000Z",
// "2013-07-20"): a column infers one fixed layout from its first string and
// then stores each matching string as a count of the layout's smallest unit
// since 1970 (days, hours, minutes, seconds or fractions of a second), which
// delta-codes to a few bits for time-ordered records. A string is taken only
// when rendering its count gives the very same bytes back, so the layout never
// has to be right, only consistent.
#ifndef AT1_JSON_TIME_FORMAT_H
#define AT1_JSON_TIME_FORMAT_H

#include <cstdint>
#include <string>
#include <string_view>

#include "at1/cpp/bytes.hpp"

namespace at1json {

struct TimeFormat {
  // Fields present: 3 = Y M D, 4 = + hour, 5 = + minute, 6 = + second.
  uint8_t fields = 0;
  uint8_t frac_digits = 0;  // digits after the seconds (fields == 6 only)
  char seps[6] = {};        // separator before field i (1..5); seps[0] unused
  char frac_sep = '.';
  std::string suffix;       // literal tail, e.g. "Z" or "+00:00" (<= 8 bytes)

  static constexpr size_t kMaxText = 48;

  // Infers a layout from one string; false when it does not look like a date.
  bool infer(std::string_view s);
  // The count for `s` when it renders back exactly in this layout.
  bool parse(std::string_view s, int64_t* count) const;
  // Writes the string for `count` (kMaxText bytes room); 0 when out of range.
  size_t render(int64_t count, char* out) const;

  void write(at1::sdk::ByteWriter& w) const;
  void read(at1::sdk::ByteReader& r);  // throws CORRUPT on a bad layout
};

}  // namespace at1json

#endif  // AT1_JSON_TIME_FORMAT_H
