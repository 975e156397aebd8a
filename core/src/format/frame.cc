#include "format/frame.h"

#include <cstring>

#include "crypto/checksums.h"
#include "format/coding.h"
#include "format/format_constants.h"

namespace at1::format {

std::string EncodeFrameHeader(const FrameHeader& h) {
  std::string out;
  out.append(reinterpret_cast<const char*>(kFrameSync), 4);
  PutU32(&out, 0);  // header_size, patched below
  PutVarint(&out, h.sequence);
  PutVarint(&out, h.first_line);
  PutVarint(&out, h.line_count);
  PutVarint(&out, h.raw_size);
  PutVarint(&out, h.payload_size);
  PutU8(&out, h.method);
  PutU8(&out, 0);  // flags: reserved
  PutU32(&out, h.payload_crc);
  PutVarint(&out, h.stats.size() + (h.sha_chain ? 1 : 0));
  if (h.sha_chain) {
    PutBytes(&out, kShaChainStatName);
    PutU8(&out, kStatKindShaChain);
    std::string offset;
    PutU64(&offset, h.sha_chain->bytes);
    PutBytes(&out, offset);
    PutBytes(&out, std::string_view(reinterpret_cast<const char*>(h.sha_chain->value.data()), 32));
  }
  for (const Stat& s : h.stats) {
    PutBytes(&out, s.name);
    PutU8(&out, s.kind);
    PutBytes(&out, s.min);
    PutBytes(&out, s.max);
  }
  PutVarint(&out, h.streams.size());
  for (const StreamEntry& e : h.streams) {
    PutBytes(&out, e.name);
    PutU8(&out, static_cast<uint8_t>(e.backend));
    PutU8(&out, e.backend_param);
    PutVarint(&out, e.stored_size);
    PutVarint(&out, e.raw_size);
  }
  uint32_t size = static_cast<uint32_t>(out.size() + 4);
  for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<char>(size >> (8 * i));
  PutU32(&out, crypto::Crc32c(out.data(), out.size()));
  return out;
}

Result<uint32_t> PeekFrameHeaderSize(const uint8_t* p, size_t n) {
  if (n < 8) return Status::Corruption("frame header truncated");
  if (std::memcmp(p, kFrameSync, 4) != 0) return Status::Corruption("frame sync marker missing");
  uint32_t size = LoadU32(p + 4);
  if (size < 8 + 4 || size > kMaxFrameHeader) return Status::Corruption("frame header size out of range");
  return size;
}

Status DecodeFrameHeader(const uint8_t* p, size_t n, const Limits& limits, FrameHeader* h) {
  Result<uint32_t> size = PeekFrameHeaderSize(p, n);
  if (!size.ok()) return size.status();
  if (*size > n) return Status::Corruption("frame header truncated");
  if (crypto::Crc32c(p, *size - 4) != LoadU32(p + *size - 4))
    return Status::ChecksumMismatch("frame header checksum mismatch");

  Decoder d(p + 8, *size - 12);
  uint8_t flags = 0;
  uint64_t stat_count = 0, stream_count = 0;
  if (!d.Varint(&h->sequence) || !d.Varint(&h->first_line) || !d.Varint(&h->line_count) ||
      !d.Varint(&h->raw_size) || !d.Varint(&h->payload_size) || !d.U8(&h->method) || !d.U8(&flags) ||
      !d.U32(&h->payload_crc) || !d.Varint(&stat_count))
    return Status::Corruption("frame header fields truncated");
  if (flags != 0) return Status::Corruption("frame header reserved flags set");
  if (h->method != kMethodRaw && h->method != kMethodStructured)
    return Status::NotSupported("unknown frame method " + std::to_string(h->method));
  if (h->raw_size > limits.max_frame_bytes)
    return Status::LimitExceeded("frame raw size " + std::to_string(h->raw_size) + " above the limit of " +
                                 std::to_string(limits.max_frame_bytes) + " bytes");
  if (h->line_count > h->raw_size) return Status::Corruption("frame has more lines than bytes");
  if (stat_count > kMaxStats) return Status::Corruption("too many statistics in frame header");
  h->stats.clear();
  h->sha_chain.reset();
  for (uint64_t i = 0; i < stat_count; ++i) {
    std::string_view name, min, max;
    uint8_t kind;
    if (!d.Bytes(&name, kMaxName) || name.empty() || !d.U8(&kind) || !d.Bytes(&min, kMaxStatValue) ||
        !d.Bytes(&max, kMaxStatValue))
      return Status::Corruption("bad statistic in frame header");
    if (kind == kStatKindShaChain) {
      if (h->sha_chain || name != kShaChainStatName || min.size() != 8 || max.size() != 32 ||
          LoadU64(reinterpret_cast<const uint8_t*>(min.data())) % crypto::Sha256::kBlock != 0)
        return Status::Corruption("bad SHA-256 chain value in frame header");
      crypto::Sha256Chain c;
      c.bytes = LoadU64(reinterpret_cast<const uint8_t*>(min.data()));
      std::memcpy(c.value.data(), max.data(), 32);
      h->sha_chain = c;
      continue;
    }
    h->stats.push_back(Stat{std::string(name), kind, std::string(min), std::string(max)});
  }
  if (!d.Varint(&stream_count)) return Status::Corruption("frame header fields truncated");
  if (stream_count == 0 || stream_count > kMaxStreams) return Status::Corruption("bad stream count");
  if (h->method == kMethodRaw && stream_count != 1) return Status::Corruption("raw frame with several streams");
  h->streams.clear();
  h->streams.reserve(stream_count);
  uint64_t stored_total = 0, raw_total = 0;
  const uint64_t raw_cap = MaxStreamBytes(h->raw_size);
  for (uint64_t i = 0; i < stream_count; ++i) {
    StreamEntry e;
    std::string_view name;
    uint8_t backend;
    if (!d.Bytes(&name, kMaxName) || name.empty() || !d.U8(&backend) || !d.U8(&e.backend_param) ||
        !d.Varint(&e.stored_size) || !d.Varint(&e.raw_size))
      return Status::Corruption("bad stream entry in frame header");
    if (backend > static_cast<uint8_t>(BackendId::kZstd))
      return Status::NotSupported("unknown backend id " + std::to_string(backend));
    e.backend = static_cast<BackendId>(backend);
    e.name = std::string(name);
    stored_total += e.stored_size;
    raw_total += e.raw_size;
    if (e.stored_size > h->payload_size || raw_total > raw_cap)
      return Status::LimitExceeded("stream sizes exceed the frame's bounds");
    h->streams.push_back(std::move(e));
  }
  if (h->method == kMethodRaw && (h->streams[0].name != kRawStreamName || raw_total != h->raw_size))
    return Status::Corruption("raw frame stream does not match the frame");
  if (stored_total != h->payload_size) return Status::Corruption("stream sizes do not add up to the payload");
  if (d.remaining() != 0) return Status::Corruption("unexpected bytes at the end of the frame header");
  return Status::OK();
}

}  // namespace at1::format
