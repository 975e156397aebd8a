// at1/frame_stats.h — per-frame statistics (zone maps) that codecs report and
// the container stores in each frame header and in the index.
#ifndef AT1_FRAME_STATS_HPP
#define AT1_FRAME_STATS_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace at1 {

struct Stat {
  enum Kind : uint8_t { kInt64 = 1, kFloat64 = 2, kBytes = 3 };
  std::string name;
  uint8_t kind = kBytes;
  std::string min, max;  // raw bytes: 8-byte little-endian for numbers

  std::optional<int64_t> MinInt() const;
  std::optional<int64_t> MaxInt() const;
  // Human-readable "min..max" for listings.
  std::string Describe() const;
};

// The frame's event-time range, if its codec reported one ("time", Unix ms).
struct TimeRange {
  int64_t min_ms = 0, max_ms = 0;
};
std::optional<TimeRange> FindTimeRange(const std::vector<Stat>& stats);

}  // namespace at1

#endif  // AT1_FRAME_STATS_HPP
