// Frame headers of the .at1 container (docs/format.md, "Frame").
#ifndef AT1_FORMAT_FRAME_H
#define AT1_FORMAT_FRAME_H

#include <cstdint>
#include <string>
#include <vector>

#include "at1/frame_stats.h"
#include "at1/options.h"
#include "at1/result.h"

namespace at1::format {

struct StreamEntry {
  std::string name;
  BackendId backend = BackendId::kStored;
  uint8_t backend_param = 0;
  uint64_t stored_size = 0;
  uint64_t raw_size = 0;
};

struct FrameHeader {
  uint64_t sequence = 0;
  uint64_t first_line = 0;
  uint64_t line_count = 0;
  uint64_t raw_size = 0;
  uint64_t payload_size = 0;
  uint8_t method = 0;
  uint32_t payload_crc = 0;
  std::vector<Stat> stats;
  std::vector<StreamEntry> streams;
};

// Serialises a frame header (sync through header_crc).
std::string EncodeFrameHeader(const FrameHeader& h);

// Size of the frame header starting at p (needs 8 bytes), or an error when
// p does not start with the sync marker or the size is out of range.
Result<uint32_t> PeekFrameHeaderSize(const uint8_t* p, size_t n);

// Parses and checks a whole frame header (CRC, reserved fields, limits).
Status DecodeFrameHeader(const uint8_t* p, size_t n, const Limits& limits, FrameHeader* h);

}  // namespace at1::format

#endif  // AT1_FORMAT_FRAME_H
