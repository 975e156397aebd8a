// Per-frame statistics (zone maps) for later queries:
//   "f.<key>"  min/max of each numeric top-level field (INT64 when every value
//              is an integer, FLOAT64 otherwise); key characters outside
//              [A-Za-z0-9._/-] become '_'
//   "time"     min/max of a detected timestamp field, in ms since the epoch
#ifndef AT1_JSON_STATS_H
#define AT1_JSON_STATS_H

#include <cstdint>
#include <string_view>
#include <vector>

#include "at1/cpp/codec.hpp"
#include "json_paths.h"
#include "json_scanner.h"

namespace at1json {

void emit_stats(at1::sdk::EncodeContext& ctx, const char* base, const PathTable& paths,
                const std::vector<std::vector<ValRef>>& columns);

// Parses a timestamp spelling (a JSON number of epoch s/ms, or a quoted
// ISO-8601-like date) to ms since 1970; false when it is not one.
bool parse_time_ms(std::string_view spelling, int64_t* ms);

}  // namespace at1json

#endif  // AT1_JSON_STATS_H
