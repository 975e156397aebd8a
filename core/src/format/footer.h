// The index and trailer that close an .at1 file (docs/format.md).
#ifndef AT1_FORMAT_FOOTER_H
#define AT1_FORMAT_FOOTER_H

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "at1/frame_stats.h"
#include "at1/result.h"

namespace at1::format {

struct IndexEntry {
  uint64_t offset = 0;
  uint64_t line_count = 0;
  uint64_t raw_size = 0;
  uint8_t method = 0;
  std::optional<TimeRange> time;
};

std::string EncodeIndex(const std::vector<IndexEntry>& entries);
// Parses the index occupying exactly [p, p+n).
Status DecodeIndex(const uint8_t* p, size_t n, std::vector<IndexEntry>* entries);

struct Trailer {
  std::array<uint8_t, 32> sha256{};
  uint64_t total_raw_bytes = 0;
  uint64_t total_lines = 0;
  uint64_t frame_count = 0;
  uint64_t index_offset = 0;
};

std::string EncodeTrailer(const Trailer& t);
// Parses the last kTrailerSize bytes of a file.
Status DecodeTrailer(const uint8_t* p, size_t n, Trailer* t);

}  // namespace at1::format

#endif  // AT1_FORMAT_FOOTER_H
