#include "format/footer.h"

#include <cstring>

#include "crypto/checksums.h"
#include "format/coding.h"
#include "format/format_constants.h"

namespace at1::format {

std::string EncodeIndex(const std::vector<IndexEntry>& entries) {
  std::string out(reinterpret_cast<const char*>(kIndexMagic), 4);
  PutVarint(&out, entries.size());
  for (const IndexEntry& e : entries) {
    PutVarint(&out, e.offset);
    PutVarint(&out, e.line_count);
    PutVarint(&out, e.raw_size);
    PutU8(&out, e.method);
    PutU8(&out, e.time ? 1 : 0);
    if (e.time) {
      PutSvarint(&out, e.time->min_ms);
      PutSvarint(&out, e.time->max_ms);
    }
  }
  PutU32(&out, crypto::Crc32c(out.data(), out.size()));
  return out;
}

Status DecodeIndex(const uint8_t* p, size_t n, std::vector<IndexEntry>* entries) {
  if (n < 4 + 1 + 4 || std::memcmp(p, kIndexMagic, 4) != 0) return Status::Corruption("bad index magic");
  if (crypto::Crc32c(p, n - 4) != LoadU32(p + n - 4)) return Status::ChecksumMismatch("index checksum mismatch");
  Decoder d(p + 4, n - 8);
  uint64_t count;
  // Each entry takes at least 5 bytes: a cheap bound before reserving.
  if (!d.Varint(&count) || count > d.remaining() / 5) return Status::Corruption("bad index frame count");
  entries->clear();
  entries->reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    IndexEntry e;
    uint8_t has_time;
    if (!d.Varint(&e.offset) || !d.Varint(&e.line_count) || !d.Varint(&e.raw_size) || !d.U8(&e.method) ||
        !d.U8(&has_time) || has_time > 1)
      return Status::Corruption("bad index entry");
    if (has_time) {
      TimeRange t;
      if (!d.Svarint(&t.min_ms) || !d.Svarint(&t.max_ms)) return Status::Corruption("bad index time range");
      e.time = t;
    }
    entries->push_back(e);
  }
  if (d.remaining() != 0) return Status::Corruption("unexpected bytes at the end of the index");
  return Status::OK();
}

std::string EncodeTrailer(const Trailer& t) {
  std::string out(reinterpret_cast<const char*>(t.sha256.data()), 32);
  PutU64(&out, t.total_raw_bytes);
  PutU64(&out, t.total_lines);
  PutU64(&out, t.frame_count);
  PutU64(&out, t.index_offset);
  PutU32(&out, 0);
  PutU32(&out, crypto::Crc32c(out.data(), out.size()));
  out.append(reinterpret_cast<const char*>(kEndMagic), 8);
  return out;
}

Status DecodeTrailer(const uint8_t* p, size_t n, Trailer* t) {
  if (n != kTrailerSize) return Status::Corruption("trailer truncated");
  if (std::memcmp(p + 72, kEndMagic, 8) != 0) return Status::Corruption("trailer end magic missing (file truncated?)");
  if (crypto::Crc32c(p, 68) != LoadU32(p + 68)) return Status::ChecksumMismatch("trailer checksum mismatch");
  if (LoadU32(p + 64) != 0) return Status::Corruption("trailer reserved bytes set");
  std::memcpy(t->sha256.data(), p, 32);
  t->total_raw_bytes = LoadU64(p + 32);
  t->total_lines = LoadU64(p + 40);
  t->frame_count = LoadU64(p + 48);
  t->index_offset = LoadU64(p + 56);
  return Status::OK();
}

}  // namespace at1::format
