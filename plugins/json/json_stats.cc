#include "json_stats.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <strings.h>

#include "json_number.h"
#include "at1/cpp/civil_time.hpp"

namespace at1json {
namespace {

using at1::sdk::civil_from_days;
using at1::sdk::days_from_civil;
using at1::sdk::days_in_month;

constexpr size_t kMaxStats = 64;

bool is_digit(char c) { return static_cast<unsigned>(c - '0') < 10; }

// Reads exactly n digits at s[*i].
bool digits(std::string_view s, size_t* i, size_t n, int* out) {
  if (*i + n > s.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = s[*i + k];
    if (!is_digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

// "YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|+HH:MM|-HHMM]" (also with '/').
bool parse_date_text(std::string_view s, int64_t* ms) {
  size_t i = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!digits(s, &i, 4, &y) || i >= s.size() || (s[i] != '-' && s[i] != '/')) return false;
  char sep = s[i++];
  if (!digits(s, &i, 2, &mo) || i >= s.size() || s[i++] != sep || !digits(s, &i, 2, &d)) return false;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  double frac = 0;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    ++i;
    if (!digits(s, &i, 2, &h) || i >= s.size() || s[i++] != ':' || !digits(s, &i, 2, &mi)) return false;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!digits(s, &i, 2, &sec)) return false;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        double scale = 0.1;
        ++i;
        while (i < s.size() && is_digit(s[i])) {
          frac += (s[i++] - '0') * scale;
          scale /= 10;
        }
      }
    }
    if (h > 24 || mi > 59 || sec > 60) return false;
  }
  int64_t offset_min = 0;
  if (i < s.size() && s[i] == 'Z') {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int sign = s[i++] == '-' ? -1 : 1, oh, om = 0;
    if (!digits(s, &i, 2, &oh)) return false;
    if (i < s.size() && s[i] == ':') ++i;
    if (i < s.size() && !digits(s, &i, 2, &om)) return false;
    offset_min = sign * (oh * 60 + om);
  }
  if (i != s.size()) return false;
  int64_t secs = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
                 h * 3600 + mi * 60 + sec - offset_min * 60;
  *ms = secs * 1000 + static_cast<int64_t>(frac * 1000 + 0.5);
  return true;
}

bool parse_number(std::string_view s, double* v, bool* integral) {
  int64_t m;
  uint8_t sc;
  if (parse_decimal(s, &m, &sc)) {
    *v = decimal_value(m, sc);
    *integral = sc == 0;
    return true;
  }
  if (s.empty() || s.size() > 64 || !(s[0] == '-' || is_digit(s[0]))) return false;
  char buf[65];
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = 0;
  *v = std::strtod(buf, nullptr);
  *integral = false;
  return std::isfinite(*v);
}

bool is_time_key(const std::string& key) {
  static const char* const kNames[] = {"time", "timestamp", "ts", "date", "datetime", "@timestamp",
                                       "created_at", "event_time", "eventtime", "_time"};
  for (const char* n : kNames)
    if (key.size() == std::strlen(n) && strncasecmp(key.c_str(), n, key.size()) == 0) return true;
  return false;
}

std::string stat_name(const std::string& key) {
  std::string name = "f.";
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '.' ||
              c == '_' || c == '/' || c == '-';
    name.push_back(ok ? c : '_');
  }
  if (name.size() > AT1_MAX_NAME) name.resize(AT1_MAX_NAME);
  return name;
}

}  // namespace

double decimal_value(int64_t m, uint8_t sc) {
  static const double kPow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                  1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
  return sc <= 18 ? static_cast<double>(m) / kPow10[sc] : static_cast<double>(m) * std::pow(10.0, -sc);
}

void NumberRange::add_spelling(std::string_view s) {
  double x;
  bool integral;
  if (parse_number(s, &x, &integral)) add(x, integral);
}

bool parse_time_ms(std::string_view s, int64_t* ms) {
  if (s.size() >= 2 && s[0] == '"') return parse_date_text(s.substr(1, s.size() - 2), ms);
  double v;
  bool integral;
  if (!parse_number(s, &v, &integral)) return false;
  if (v >= 1e11 && v < 1e14) {
    *ms = static_cast<int64_t>(v);
  } else if (v >= 1e8 && v < 1e11) {
    *ms = static_cast<int64_t>(v * 1000);
  } else {
    return false;
  }
  return true;
}

void emit_stats(at1::sdk::EncodeContext& ctx, const PathTable& paths,
                const std::vector<ColumnValues>& columns,
                const std::vector<NumberRange>& ranges) {
  std::set<std::string> used;
  bool have_time = false;
  for (uint32_t c = 0; c < columns.size() && c < paths.column_count(); ++c) {
    const ColumnInfo& info = paths.column_info(c);
    if (info.via_array || info.depth == 0 || info.depth > 3) continue;
    const auto& vals = columns[c].refs;
    const char* base = columns[c].base;
    if (!have_time && is_time_key(info.key)) {
      int64_t lo = INT64_MAX, hi = INT64_MIN, t;
      bool ok = true;
      for (ValRef v : vals) {
        std::string_view s(base + v.off, v.len);
        if (s == "null") continue;
        if (!parse_time_ms(s, &t)) {
          ok = false;
          break;
        }
        lo = std::min(lo, t);
        hi = std::max(hi, t);
      }
      if (ok && lo <= hi) {
        ctx.stat_i64(AT1_STAT_TIME, lo, hi);
        have_time = true;
      }
    }
    if (info.depth != 1 || used.size() >= kMaxStats) continue;
    if (c >= ranges.size()) continue;
    const double lo = ranges[c].lo, hi = ranges[c].hi;
    const bool all_int = ranges[c].all_int;
    if (lo > hi) continue;
    std::string name = stat_name(info.key);
    if (!used.insert(name).second) continue;
    if (all_int) {
      ctx.stat_i64(name.c_str(), static_cast<int64_t>(lo), static_cast<int64_t>(hi));
    } else {
      ctx.stat_f64(name.c_str(), lo, hi);
    }
  }
}

}  // namespace at1json
