// Frame headers of the .at1 container (docs/format.md, "Frame").
#ifndef AT1_FORMAT_FRAME_H
#define AT1_FORMAT_FRAME_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "at1/frame_stats.h"
#include "at1/options.h"
#include "at1/result.h"
#include "crypto/sha256.h"

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
  // SHA-256's chaining value at the first block boundary in the frame, for
  // hashing frames in parallel (docs/format.md, "SHA-256 chain value").
  // Stored as the first statistic, of kind 4; never among `stats`.
  std::optional<crypto::Sha256Chain> sha_chain;
  std::vector<Stat> stats;  // the codec's
  std::vector<StreamEntry> streams;
};

// Where a frame starting `start` bytes into the original has its SHA-256
// chain value: the first block boundary at or after `start`. Frames after
// the first carry one exactly when a whole block follows it in the frame.
inline uint64_t ShaChainOffset(uint64_t start) {
  return (start + crypto::Sha256::kBlock - 1) / crypto::Sha256::kBlock * crypto::Sha256::kBlock;
}
inline bool HoldsWholeShaBlock(uint64_t start, uint64_t raw_size) {
  return ShaChainOffset(start) + crypto::Sha256::kBlock <= start + raw_size;
}

// Serialises a frame header (sync through header_crc).
std::string EncodeFrameHeader(const FrameHeader& h);

// Size of the frame header starting at p (needs 8 bytes), or an error when
// p does not start with the sync marker or the size is out of range.
Result<uint32_t> PeekFrameHeaderSize(const uint8_t* p, size_t n);

// Parses and checks a whole frame header (CRC, reserved fields, limits).
Status DecodeFrameHeader(const uint8_t* p, size_t n, const Limits& limits, FrameHeader* h);

}  // namespace at1::format

#endif  // AT1_FORMAT_FRAME_H
