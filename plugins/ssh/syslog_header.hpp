// The syslog prefix of an sshd line: "Mon dd hh:mm:ss host name[pid]: ".
// Each part is optional (journal exports have no timestamp, some lines have
// no host, other daemons have no pid); whatever does not parse stays in the
// message, which is coded losslessly anyway.
#ifndef AT1_SSH_SYSLOG_HEADER_HPP
#define AT1_SSH_SYSLOG_HEADER_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "iso_time.hpp"

namespace at1::ssh {

// Syslog time without a year, as one number that is delta-friendly and
// round-trips exactly: ((month * 32 + day) * 86400) + seconds of the day.
inline constexpr uint32_t kDaySeconds = 86400;
inline constexpr uint32_t kTimeLimit = 12u * 32u * kDaySeconds;

struct SyslogHeader {
  uint8_t ts_kind = 0;    // kTs* of ssh_format.hpp
  uint32_t time = 0;      // valid when ts_kind != kTsNone
  bool iso = false;       // an ISO 8601 timestamp instead (ts_kind is kTsNone)
  IsoTime iso_time;
  bool has_host = false;
  std::string_view host;
  uint8_t tag_kind = 0;   // kTag*
  std::string_view name;  // program name of the tag
  uint32_t pid = 0;       // valid when tag_kind == kTagPid
  size_t body_start = 0;  // offset of the message in the line
};

// Splits the header off `line`. Never fails: parts that do not parse are absent.
void parse_header(std::string_view line, SyslogHeader* h);

// Renders a timestamp of kind `ts_kind` for `time` into out (16 bytes with the
// trailing space). Returns 0 when time is out of range (corrupt stream).
size_t format_timestamp(uint32_t time, uint8_t ts_kind, char* out);

// Milliseconds since 1970-01-01 for the AT1_STAT_TIME statistic. Syslog lines
// carry no year: we take 1970, so the value orders lines within a year.
int64_t timestamp_millis(uint32_t time);

}  // namespace at1::ssh

#endif  // AT1_SSH_SYSLOG_HEADER_HPP
