// Timestamp layouts of the `log` codec: recognise a date/time at a token
// start, turn it into one integer (units since 1970 in the layout's finest
// resolution) and print it back byte for byte. A layout is a small value
// type, so any mix of separators, paddings and fraction widths found in a
// frame becomes its own entry in the frame's layout table — no per-system
// rules.
#ifndef AT1_LOG_TIMESTAMP_HPP
#define AT1_LOG_TIMESTAMP_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "var_text.hpp"

namespace at1::log {

enum TsKind : uint8_t {
  kTsNumeric = 0,  // 2015-10-18 18:01:47,978 / 17/06/09 20:10:40 / 20171223-22:15:29:606 / 081109 203615
  kTsSyslog = 1,   // Jul  1 09:00:55
  kTsCtime = 2,    // Sun Dec 04 04:47:44 2005
  kTsClf = 3,      // 04/Dec/2005:04:47:44
  kTsEpoch = 4,    // 1117838570[.123]
  kTsKindCount = 5,
};

// Eight bytes, serialised as-is into the frame's layout table.
struct TsLayout {
  uint8_t kind = 0;
  uint8_t year = 0;         // numeric: 0 (no year), 2 or 4 digits
  uint8_t date_sep = 0;     // numeric: separator inside the date, 0 = compact
  uint8_t dt_sep = 0;       // separator between date and time, 0 = date only
  uint8_t time_sep = 0;     // ':' or '.', 0 = compact hhmmss
  uint8_t frac_sep = 0;     // 0 = no fraction
  uint8_t frac_digits = 0;  // 1..9 digits of fraction (3 when minimal)
  uint8_t minimal = 0;      // numeric: h/m/s/fraction printed without zero
                            // padding; syslog/ctime: day padded with ' '
  bool operator==(const TsLayout& o) const { return std::memcmp(this, &o, sizeof o) == 0; }
};
static_assert(sizeof(TsLayout) == 8);

// Longest text a layout prints (bounds decode buffers).
constexpr size_t kTsMaxText = 48;

// Tries to read a timestamp starting at s[0] (s has n bytes). On success
// returns its length, fills *layout and *value; the text is guaranteed to be
// exactly what format_ts(*layout, *value) prints.
// `cache` (optional) speeds up the check that the text prints back exactly.
class TsTextCache;
size_t parse_ts(const char* s, size_t n, TsLayout* layout, int64_t* value, TsTextCache* cache = nullptr);

// Prints value in layout into out (>= kTsMaxText bytes); returns the length,
// or 0 when the value is outside the printable range (corrupt input).
size_t format_ts(const TsLayout& layout, int64_t value, char* out);

// The fraction part format_ts prints (separator + digits; nothing when the
// layout has none) into out (>= kTsMaxText bytes); returns its length.
inline size_t format_ts_frac(const TsLayout& layout, int64_t frac, char* out) {
  if (!layout.frac_sep) return 0;
  out[0] = static_cast<char>(layout.frac_sep);
  const auto f = static_cast<uint64_t>(frac);
  return 1 + ((layout.minimal && layout.kind == kTsNumeric) ? put_u64(out + 1, f)
                                                            : put_fixed(out + 1, f, layout.frac_digits));
}

// format_ts for hot loops, for one layout: remembers the text of the last
// second printed; consecutive log lines mostly share their second, so only
// the fraction is printed again (and within a day only clock and fraction).
// `out` needs kTsMaxText bytes.
class TsSecondCache {
 public:
  size_t format(const TsLayout& layout, int64_t value, char* out) {
    // Unsigned: one compare tells "within the cached second" without a division.
    const uint64_t frac = static_cast<uint64_t>(value) - static_cast<uint64_t>(second_start_);
    if (frac >= second_unit_) return format_new_second(layout, value, out);
    std::memcpy(out, prefix_, sizeof prefix_);
    return prefix_len_ + format_ts_frac(layout, static_cast<int64_t>(frac), out + prefix_len_);
  }

 private:
  static constexpr size_t kNoClock = ~size_t{0};
  size_t format_new_second(const TsLayout& layout, int64_t value, char* out);

  uint64_t second_unit_ = 0;  // units per second; 0 = nothing cached
  int64_t second_start_ = 0;  // value of the cached second's first unit
  bool day_cached_ = false;   // the prefix may be reused for another second of day_
  bool clock_last_ = false;   // the clock ends the prefix (its length may change)
  int64_t day_ = 0;
  size_t clock_at_ = kNoClock;  // where the clock starts in the prefix
  size_t prefix_len_ = 0;       // the text before the fraction
  char prefix_[kTsMaxText] = {};
};

// The decoder's: one TsSecondCache per layout index.
class TsPrinter {
 public:
  explicit TsPrinter(const std::vector<TsLayout>& layouts) : layouts_(layouts), cache_(layouts.size()) {}
  size_t print(size_t index, int64_t value, char* out) { return cache_[index].format(layouts_[index], value, out); }

 private:
  const std::vector<TsLayout>& layouts_;
  std::vector<TsSecondCache> cache_;
};

// The tokeniser's (layouts not indexed yet): a few TsSecondCaches keyed by layout.
class TsTextCache {
 public:
  size_t format(const TsLayout& layout, int64_t value, char* out);

 private:
  static constexpr size_t kEntries = 8;  // a line may hold 3 layouts, and the tokeniser tries minimal twins
  struct Entry {
    uint64_t key = 0;
    bool used = false;
    TsSecondCache cache;
  };
  Entry entries_[kEntries];
  size_t next_ = 0;
};

// Checks that a layout read from a stream is one parse_ts can produce.
bool valid_layout(const TsLayout& layout);

// Units per second of the layout's value.
int64_t ts_units_per_second(const TsLayout& layout);

// The value as milliseconds since 1970 (the text's clock taken as UTC).
int64_t ts_to_millis(const TsLayout& layout, int64_t value);

// The line's first timestamp (value in layout `from`) expressed in the units
// of layout `to`, truncated to whole seconds (whole days when `to` has no
// time part): the reference later timestamps of the same line are coded
// against. Wraps instead of overflowing on hostile values.
int64_t ts_rebase(const TsLayout& from, int64_t value, const TsLayout& to);

// True when the layout carries a full date (year included), i.e. its value is
// a meaningful point in time for the frame's "time" statistic.
bool ts_has_year(const TsLayout& layout);

}  // namespace at1::log

#endif  // AT1_LOG_TIMESTAMP_HPP
