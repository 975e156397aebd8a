// Per-frame statistics (zone maps) for later queries:
//   "f.<key>"  min/max of each numeric top-level field (INT64 when every value
//              is an integer, FLOAT64 otherwise); key characters outside
//              [A-Za-z0-9._/-] become '_'
//   "time"     min/max of a detected timestamp field, in ms since the epoch
#ifndef AT1_JSON_STATS_H
#define AT1_JSON_STATS_H

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "at1/cpp/codec.hpp"
#include "json_paths.h"
#include "json_scanner.h"

namespace at1json {

// Min/max of a column's numeric values, gathered while the column is encoded
// (over its dictionary entries or its parsed decimals), so the statistics do
// not parse every value a second time.
struct NumberRange {
  double lo = INFINITY;
  double hi = -INFINITY;
  bool all_int = true;  // every value integral and below 9e15 in magnitude
  void add(double x, bool integral) {
    all_int = all_int && integral && std::fabs(x) < 9e15;
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  // Adds the value of a spelling when it is a JSON number (else nothing).
  void add_spelling(std::string_view s);
};

// The double of a canonical decimal (mantissa, scale).
double decimal_value(int64_t mantissa, uint8_t scale);

// ranges[c]: column c's numbers (only top-level, non-array columns are used).
void emit_stats(at1::sdk::EncodeContext& ctx, const PathTable& paths,
                const std::vector<ColumnValues>& columns,
                const std::vector<NumberRange>& ranges);

// Parses a timestamp spelling (a JSON number of epoch s/ms, or a quoted
// ISO-8601-like date) to ms since 1970; false when it is not one.
bool parse_time_ms(std::string_view spelling, int64_t* ms);

}  // namespace at1json

#endif  // AT1_JSON_STATS_H
