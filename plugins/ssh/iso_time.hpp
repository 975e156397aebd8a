// ISO 8601 / RFC 3339 timestamps as rsyslog's high-precision format and
// journalctl -o short-iso write them: "2023-07-10T10:00:01.123456+02:00 ".
// Kept as epoch seconds (delta-coded), fraction digits and a zone string.
#ifndef AT1_SSH_ISO_TIME_HPP
#define AT1_SSH_ISO_TIME_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace at1::ssh {

struct IsoTime {
  int64_t seconds = 0;      // since 1970-01-01 of the written (local) clock
  uint8_t frac_digits = 0;  // 0 = no fraction, else 1..9 digits after '.'
  uint32_t frac = 0;
  bool space_sep = false;   // ' ' instead of 'T' between date and time
  std::string_view zone;    // "Z", "+02:00", "+0200", or empty
};

// Years 0..9999.
inline constexpr int64_t kIsoMinSeconds = -62167219200LL;  // 0000-01-01T00:00:00
inline constexpr int64_t kIsoMaxSeconds = 253402300799LL;  // 9999-12-31T23:59:59

// "YYYY-MM-DDTHH:MM:SS[.f{1,9}][zone] " at the start of s; returns the length
// including the trailing space, or 0.
size_t parse_iso_time(std::string_view s, IsoTime* t);

// Writes date, time and fraction (no zone, no space) into out (29 bytes
// suffice); returns the length, 0 when out of range.
size_t format_iso_time(const IsoTime& t, char* out);

// Milliseconds since the epoch in UTC when the zone says how, else local as UTC.
int64_t iso_millis(const IsoTime& t);

}  // namespace at1::ssh

#endif  // AT1_SSH_ISO_TIME_HPP
