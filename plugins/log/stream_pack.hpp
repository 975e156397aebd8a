// Small streams packed into one. Every stream costs ~10 bytes of container
// entry plus the backend's own framing; a frame of a 2,000-line log has
// several streams of a few dozen bytes (line endings, layouts, modes), so
// those go into one stream "pk" instead: per packed stream its index in
// kPackNames (one byte), a varint length and its bytes. The decoder looks a
// stream up in the frame first, then in the pack.
#ifndef AT1_LOG_STREAM_PACK_HPP
#define AT1_LOG_STREAM_PACK_HPP

#include <cmath>
#include <cstring>

#include "at1/cpp/bytes.hpp"
#include "at1/cpp/codec.hpp"
#include "format.hpp"

namespace at1::log {

constexpr const char* kStreamPack = "pk";
// Stream ids in the pack (append only: the index is the format).
constexpr const char* kPackNames[] = {kStreamEol,      kStreamTemplates, kStreamLayouts,  kStreamTemplateIds,
                                      kStreamVerbatim, kStreamNumbers,   kStreamModes,    kStreamWide,
                                      kStreamHex,      kStreamFloats,    kStreamStrings,  kStreamStringRanks,
                                      kStreamIpRanks,  kStreamIps,       kStreamTimes,    kStreamLaterTimes};
constexpr size_t kPackCount = sizeof kPackNames / sizeof kPackNames[0];
// Streams below this many bytes are packed (measured on the corpus).
constexpr size_t kPackBelow = 65536;

inline size_t pack_id(const char* name) {
  for (size_t i = 0; i < kPackCount; ++i)
    if (std::strcmp(kPackNames[i], name) == 0) return i;
  return kPackCount;
}

class StreamPacker {
 public:
  // Bytes near 8 bits of order-0 entropy each (random ids) gain nothing from
  // a shared model and would only cost the pack's coder: kept apart (stored).
  static bool looks_random(const at1::sdk::ByteWriter& w) {
    if (w.size() < 1024) return false;
    uint32_t count[256] = {};
    for (size_t i = 0; i < w.size(); ++i) ++count[w.data()[i]];
    double bits = 0;
    for (uint32_t c : count)
      if (c) bits -= c * std::log2(static_cast<double>(c) / static_cast<double>(w.size()));
    return bits >= 7.9 * static_cast<double>(w.size());
  }
  // Empty streams are left out; small ones go into the pack.
  void put(at1::sdk::EncodeContext& ctx, const char* name, const at1::sdk::ByteWriter& w) {
    if (w.empty()) return;
    const size_t id = pack_id(name);
    if (w.size() >= kPackBelow || id == kPackCount || looks_random(w)) return ctx.put(name, w);
    pack_.u8(static_cast<uint8_t>(id));
    pack_.varint(w.size());
    pack_.bytes(w.data(), w.size());
  }
  void finish(at1::sdk::EncodeContext& ctx) {
    if (!pack_.empty()) ctx.put(kStreamPack, pack_);
  }

 private:
  at1::sdk::ByteWriter pack_;
};

class StreamSource {
 public:
  explicit StreamSource(at1::sdk::DecodeContext& ctx) : ctx_(ctx) {
    at1::sdk::Bytes pack;
    if (!ctx.find(kStreamPack, &pack)) return;
    at1::sdk::ByteReader r(pack);
    while (!r.at_end()) {
      const uint8_t id = r.u8();
      if (id >= kPackCount || packed_[id]) at1::sdk::fail_corrupt("log: bad packed stream id");
      const size_t len = static_cast<size_t>(r.varint_max(r.remaining(), "log: packed stream past end"));
      streams_[id] = r.bytes(len);
      packed_[id] = true;
    }
  }
  // The stream, or empty bytes when the encoder left it out.
  at1::sdk::Bytes optional(const char* name) {
    at1::sdk::Bytes b;
    const size_t id = pack_id(name);
    const bool in_frame = ctx_.find(name, &b);
    if (id < kPackCount && packed_[id]) {
      if (in_frame) at1::sdk::fail_corrupt("log: stream both packed and separate");
      return streams_[id];
    }
    return in_frame ? b : at1::sdk::Bytes();
  }
  at1::sdk::Bytes get(const char* name) {
    at1::sdk::Bytes b;
    const size_t id = pack_id(name);
    if ((id < kPackCount && packed_[id]) || ctx_.find(name, &b)) return optional(name);
    at1::sdk::fail_corrupt("log: missing stream");
  }

 private:
  at1::sdk::DecodeContext& ctx_;
  at1::sdk::Bytes streams_[kPackCount];
  bool packed_[kPackCount] = {};
};

}  // namespace at1::log

#endif  // AT1_LOG_STREAM_PACK_HPP
