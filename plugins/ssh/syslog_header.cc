#include "syslog_header.hpp"

#include <cstring>

#include "number_text.hpp"
#include "ssh_format.hpp"

namespace at1::ssh {
namespace {

const char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int month_index(const char* p) {
  // Dispatch on the first letter, then compare the other two.
  for (int m = 0; m < 12; ++m)
    if (p[0] == kMonths[m][0] && p[1] == kMonths[m][1] && p[2] == kMonths[m][2]) return m;
  return -1;
}

int two_digits(const char* p) {
  if (!is_digit(p[0]) || !is_digit(p[1])) return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

// "Mon dd hh:mm:ss " at the start of s; returns its length (with the space) or 0.
size_t parse_timestamp(std::string_view s, uint8_t* kind, uint32_t* time) {
  if (s.size() < 15 || s[3] != ' ') return 0;
  int month = month_index(s.data());
  if (month < 0) return 0;
  int day;
  size_t p;  // position of hh
  if (s[4] == ' ' && is_digit(s[5]) && s[5] != '0' && s[6] == ' ') {
    day = s[5] - '0';
    *kind = kTsStd;
    p = 7;
  } else if (is_digit(s[4]) && is_digit(s[5]) && s[6] == ' ') {
    day = two_digits(s.data() + 4);
    *kind = s[4] == '0' ? kTsZero : kTsStd;
    p = 7;
  } else if (is_digit(s[4]) && s[4] != '0' && s[5] == ' ') {
    day = s[4] - '0';
    *kind = kTsBare;
    p = 6;
  } else {
    return 0;
  }
  if (day < 1 || day > 31 || s.size() < p + 9) return 0;
  const char* c = s.data() + p;
  int hh = two_digits(c), mm = two_digits(c + 3), ss = two_digits(c + 6);
  if (c[2] != ':' || c[5] != ':' || c[8] != ' ') return 0;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return 0;
  *time = (static_cast<uint32_t>(month) * 32u + static_cast<uint32_t>(day)) * kDaySeconds +
          static_cast<uint32_t>(hh * 3600 + mm * 60 + ss);
  return p + 9;
}

// "name[pid]: " or "name: " at the start of s; returns its length or 0.
size_t parse_tag(std::string_view s, SyslogHeader* h) {
  size_t i = 0;
  while (i < s.size() && s[i] != ' ' && s[i] != '[' && s[i] != ']' && s[i] != ':') ++i;
  if (i == 0 || i >= s.size()) return 0;
  std::string_view name = s.substr(0, i);
  if (s[i] == ':') {
    if (i + 1 >= s.size() || s[i + 1] != ' ') return 0;
    h->tag_kind = kTagName;
    h->name = name;
    return i + 2;
  }
  if (s[i] != '[') return 0;
  size_t d = i + 1, e = d;
  while (e < s.size() && is_digit(s[e])) ++e;
  uint64_t pid;
  if (e - d > 9 || !parse_canonical(s.substr(d, e - d), &pid)) return 0;
  if (e + 2 >= s.size() || s[e] != ']' || s[e + 1] != ':' || s[e + 2] != ' ') return 0;
  h->tag_kind = kTagPid;
  h->name = name;
  h->pid = static_cast<uint32_t>(pid);
  return e + 3;
}

// Length of the word at the start of s when a space follows it, else 0.
size_t word_then_space(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] != ' ') ++i;
  return (i > 0 && i < s.size()) ? i : 0;
}

}  // namespace

void parse_header(std::string_view line, SyslogHeader* h) {
  *h = SyslogHeader{};
  size_t pos = parse_timestamp(line, &h->ts_kind, &h->time);
  if (!pos) {
    h->ts_kind = kTsNone;
    pos = parse_iso_time(line, &h->iso_time);
    h->iso = pos != 0;
  }
  std::string_view rest = line.substr(pos);
  if (size_t n = parse_tag(rest, h)) {
    h->body_start = pos + n;
    return;
  }
  size_t w = word_then_space(rest);
  if (!w) {
    h->body_start = pos;
    return;
  }
  if (size_t n = parse_tag(rest.substr(w + 1), h)) {
    h->has_host = true;
    h->host = rest.substr(0, w);
    h->body_start = pos + w + 1 + n;
    return;
  }
  // A bare host only after a timestamp: without one, "word " is just text.
  if (h->ts_kind != kTsNone || h->iso) {
    h->has_host = true;
    h->host = rest.substr(0, w);
    h->body_start = pos + w + 1;
    return;
  }
  h->body_start = pos;
}

size_t format_timestamp(uint32_t time, uint8_t ts_kind, char* out) {
  if (time >= kTimeLimit) return 0;
  uint32_t days = time / kDaySeconds, secs = time % kDaySeconds;
  uint32_t month = days / 32, day = days % 32;
  if (day == 0) return 0;
  std::memcpy(out, kMonths[month], 3);
  out[3] = ' ';
  size_t p = 4;
  if (day >= 10) {
    out[p++] = static_cast<char>('0' + day / 10);
  } else if (ts_kind == kTsStd) {
    out[p++] = ' ';
  } else if (ts_kind == kTsZero) {
    out[p++] = '0';
  }
  out[p++] = static_cast<char>('0' + day % 10);
  out[p++] = ' ';
  uint32_t hh = secs / 3600, mm = secs / 60 % 60, ss = secs % 60;
  out[p++] = static_cast<char>('0' + hh / 10);
  out[p++] = static_cast<char>('0' + hh % 10);
  out[p++] = ':';
  out[p++] = static_cast<char>('0' + mm / 10);
  out[p++] = static_cast<char>('0' + mm % 10);
  out[p++] = ':';
  out[p++] = static_cast<char>('0' + ss / 10);
  out[p++] = static_cast<char>('0' + ss % 10);
  out[p++] = ' ';
  return p;
}

int64_t timestamp_millis(uint32_t time) {
  static const int kCumDays[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  uint32_t days = time / kDaySeconds, secs = time % kDaySeconds;
  uint32_t month = days / 32 % 12, day = days % 32;
  int64_t doy = kCumDays[month] + static_cast<int64_t>(day) - 1;  // 1970 is not a leap year
  return (doy * kDaySeconds + secs) * 1000;
}

}  // namespace at1::ssh
