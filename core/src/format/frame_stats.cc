#include "at1/frame_stats.h"

#include <cstring>
#include <sstream>

#include "format/coding.h"

namespace at1 {
namespace {
std::optional<int64_t> AsInt(const std::string& s) {
  if (s.size() != 8) return std::nullopt;
  return static_cast<int64_t>(format::LoadU64(reinterpret_cast<const uint8_t*>(s.data())));
}
std::optional<double> AsDouble(const std::string& s) {
  if (s.size() != 8) return std::nullopt;
  uint64_t u = format::LoadU64(reinterpret_cast<const uint8_t*>(s.data()));
  double d;
  std::memcpy(&d, &u, 8);
  return d;
}
}  // namespace

std::optional<int64_t> Stat::MinInt() const { return kind == kInt64 ? AsInt(min) : std::nullopt; }
std::optional<int64_t> Stat::MaxInt() const { return kind == kInt64 ? AsInt(max) : std::nullopt; }

std::string Stat::Describe() const {
  std::ostringstream os;
  os << name << "=";
  if (kind == kInt64 && AsInt(min) && AsInt(max)) {
    os << *AsInt(min) << ".." << *AsInt(max);
  } else if (kind == kFloat64 && AsDouble(min) && AsDouble(max)) {
    os << *AsDouble(min) << ".." << *AsDouble(max);
  } else {
    auto printable = [](const std::string& s) {
      std::string o;
      for (unsigned char c : s) o += (c >= 32 && c < 127) ? char(c) : '?';
      return o;
    };
    os << printable(min) << ".." << printable(max);
  }
  return os.str();
}

std::optional<TimeRange> FindTimeRange(const std::vector<Stat>& stats) {
  for (const Stat& s : stats) {
    if (s.name == "time" && s.MinInt() && s.MaxInt()) return TimeRange{*s.MinInt(), *s.MaxInt()};
  }
  return std::nullopt;
}

}  // namespace at1
