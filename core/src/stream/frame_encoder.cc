#include <cstring>
#include <future>
#include <memory>

#include "backends/backend.h"
#include "crypto/checksums.h"
#include "format/format_constants.h"
#include "plugin/codec_calls.h"
#include "stream/frame_codec.h"

namespace at1::stream {
namespace {

// Compares decoded output against the original chunk as it arrives, so
// verification needs no second frame-sized buffer.
class CompareSink : public plugin::OutputSink {
 public:
  explicit CompareSink(std::string_view expected) : expected_(expected) {}
  bool Write(const uint8_t* data, size_t size) override {
    if (size > expected_.size() - pos_ || std::memcmp(expected_.data() + pos_, data, size) != 0) {
      mismatch_ = true;
      return false;
    }
    pos_ += size;
    return true;
  }
  uint8_t* Reserve(size_t min_room, size_t* room) override {
    if (!lent_) lent_.reset(new uint8_t[kLent]);
    *room = kLent;
    return min_room <= kLent ? lent_.get() : nullptr;
  }
  bool Commit(size_t size) override { return Write(lent_.get(), size); }
  bool matched() const { return !mismatch_ && pos_ == expected_.size(); }
  size_t position() const { return pos_; }

 private:
  static constexpr size_t kLent = size_t(1) << 18;
  std::string_view expected_;
  size_t pos_ = 0;
  bool mismatch_ = false;
  std::unique_ptr<uint8_t[]> lent_;  // what Reserve lends, compared on Commit
};

at1_frame_info FrameInfo(const Chunk& c) {
  at1_frame_info info{};
  info.struct_size = sizeof info;
  info.frame_index = c.sequence;
  info.first_line = c.first_line;
  info.line_count = c.lines;
  info.raw_size = c.bytes.size();
  return info;
}

struct Candidate {
  std::vector<format::StreamEntry> entries;
  std::string payload;
  std::vector<std::string_view> originals;  // each stream's bytes before the backend
};

// Compresses each stream (the smaller of backend and stored).
Status CompressStreams(const std::vector<std::pair<std::string, std::string>>& streams,
                       const BackendSettings& backend, Candidate* out) {
  for (const auto& [name, bytes] : streams) {
    format::StreamEntry e;
    e.name = name;
    e.raw_size = bytes.size();
    size_t start = out->payload.size();
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    AT1_RETURN_IF_ERROR(backends::CompressBest(backend, data, bytes.size(), &out->payload, &e.backend, &e.backend_param));
    e.stored_size = out->payload.size() - start;
    out->entries.push_back(std::move(e));
    out->originals.push_back(bytes);
  }
  return Status::OK();
}

// Checks that every stream of the candidate decompresses back to its bytes.
// Done only for the candidate that is kept: the other one is never written.
Status VerifyBackend(const Candidate& c) {
  size_t offset = 0;
  for (size_t i = 0; i < c.entries.size(); ++i) {
    const format::StreamEntry& e = c.entries[i];
    AT1_RETURN_IF_ERROR(backends::VerifyDecompress(e.backend, e.backend_param,
                                                   reinterpret_cast<const uint8_t*>(c.payload.data() + offset),
                                                   e.stored_size, reinterpret_cast<const uint8_t*>(c.originals[i].data()),
                                                   c.originals[i].size())
                            .With("stream " + e.name));
    offset += e.stored_size;
  }
  return Status::OK();
}

// The structured attempt; returns a reason string when the codec's result
// cannot be used (that is a fallback, not an error).
Status TryStructured(const Chunk& chunk, const EncodeSettings& s, plugin::EncodeOutput& eo, Candidate* cand,
                     std::vector<Stat>* stats, std::string* reason) {
  at1_frame_info info = FrameInfo(chunk);
  static const std::map<std::string, std::string> kNoOptions;
  at1_status st = plugin::CallEncode(s.codec, info, reinterpret_cast<const uint8_t*>(chunk.bytes.data()),
                                     chunk.bytes.size(), s.codec_options ? *s.codec_options : kNoOptions, &eo);
  if (st != AT1_OK) {
    *reason = "encode: " + plugin::DescribeCodecStatus(st) + (eo.error.empty() ? "" : ": " + eo.error);
    return Status::OK();
  }
  AT1_RETURN_IF_ERROR(CompressStreams(eo.streams, s.backend, cand));
  // Verify: decode from the streams and compare with the chunk.
  std::vector<plugin::StreamView> views;
  views.reserve(eo.streams.size());
  for (const auto& [name, bytes] : eo.streams)
    views.push_back({name, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()});
  CompareSink sink(chunk.bytes.view());
  std::string derr;
  at1_status ds = plugin::CallDecode(s.codec, info, views, &sink, &derr);
  if (ds != AT1_OK || !sink.matched()) {
    if (ds == AT1_OK || ds == AT1_E_HOST)
      *reason = "verify: decoded frame differs from the input at byte " + std::to_string(sink.position());
    else
      *reason = "verify: decode " + plugin::DescribeCodecStatus(ds) + (derr.empty() ? "" : ": " + derr);
    return Status::OK();
  }
  *stats = std::move(eo.stats);
  return Status::OK();
}

// The raw alternative: the whole chunk through the backend. Sets
// *beaten instead when give_up stops it (it could not have been smaller).
Status TryRaw(const Chunk& chunk, const BackendSettings& backend, backends::GiveUp* give_up, Candidate* cand,
              bool* beaten) {
  format::StreamEntry e;
  e.name = format::kRawStreamName;
  e.raw_size = chunk.bytes.size();
  const auto* data = reinterpret_cast<const uint8_t*>(chunk.bytes.data());
  AT1_RETURN_IF_ERROR(backends::CompressBest(backend, data, chunk.bytes.size(), &cand->payload, &e.backend,
                                             &e.backend_param, give_up));
  *beaten = give_up && give_up->gave_up;
  if (*beaten) return Status::OK();
  e.stored_size = cand->payload.size();
  cand->entries.push_back(std::move(e));
  cand->originals.push_back(chunk.bytes.view());
  return Status::OK();
}

// Exact bytes a frame takes on disk with these streams and statistics.
uint64_t FrameBytes(const Chunk& chunk, const Candidate& c, const std::vector<Stat>& stats, uint8_t method) {
  format::FrameHeader h;
  h.sequence = chunk.sequence;
  h.first_line = chunk.first_line;
  h.line_count = chunk.lines;
  h.raw_size = chunk.bytes.size();
  h.payload_size = c.payload.size();
  h.method = method;
  h.stats = stats;
  h.streams = c.entries;
  return format::EncodeFrameHeader(h).size() + c.payload.size();
}

}  // namespace

Result<EncodedFrame> EncodeFrame(const Chunk& chunk, const EncodeSettings& s) {
  EncodedFrame f;
  // The raw alternative stops as soon as its output reaches the size of the
  // codec's frame: past that point it cannot win. With a codec it runs after
  // the structured attempt, or beside it (parallel_raw), learning the size
  // when the structured frame is ready.
  Candidate raw;
  bool raw_beaten = false;
  backends::GiveUp give_up;
  backends::GiveUp* raw_give_up = s.codec ? &give_up : nullptr;
  std::future<Status> raw_done;
  const bool raw_beside = s.parallel_raw && s.codec;
  if (raw_beside)
    raw_done = std::async(std::launch::async, [&] { return TryRaw(chunk, s.backend, raw_give_up, &raw, &raw_beaten); });

  Candidate structured;
  plugin::EncodeOutput streams;  // outlives `structured`, which points into it
  std::vector<Stat> stats;
  std::string reason;
  bool have_structured = false;
  if (s.codec) {
    Status st = TryStructured(chunk, s, streams, &structured, &stats, &reason);
    have_structured = st.ok() && reason.empty();
    if (have_structured) {
      f.structured_size = FrameBytes(chunk, structured, stats, format::kMethodStructured);
      give_up.limit.store(f.structured_size);
    }
    if (raw_done.valid()) {
      Status rs = raw_done.get();
      if (!rs.ok()) return rs;
    }
    AT1_RETURN_IF_ERROR(st);
    f.codec_failed = !have_structured;
    f.fallback_reason = reason;
  }
  if (!raw_beside) AT1_RETURN_IF_ERROR(TryRaw(chunk, s.backend, raw_give_up, &raw, &raw_beaten));
  // Raw frames carry no statistics, so a fallback frame is byte for byte
  // what `compress raw` would have written. A raw attempt given up on is at
  // least as big as the structured frame (its output only grows): say so.
  f.raw_size_compressed = raw_beaten ? UINT64_MAX : FrameBytes(chunk, raw, {}, format::kMethodRaw);

  bool use_structured = have_structured && f.structured_size < f.raw_size_compressed;
  if (use_structured) {
    Status v = VerifyBackend(structured);
    if (!v.ok()) {  // a backend that cannot reproduce a stream: never trust it
      use_structured = false;
      f.codec_failed = true;
      f.fallback_reason = "backend verify: " + v.message();
      if (raw_beaten) {  // the raw frame is needed after all: make it in full
        raw = Candidate();
        AT1_RETURN_IF_ERROR(TryRaw(chunk, s.backend, nullptr, &raw, &raw_beaten));
        f.raw_size_compressed = FrameBytes(chunk, raw, {}, format::kMethodRaw);
      }
    }
  }
  // A backend that cannot reproduce the raw chunk is a broken library:
  // refuse rather than write something unreadable.
  if (!use_structured) AT1_RETURN_IF_ERROR(VerifyBackend(raw).With("raw frame verify"));
  Candidate& keep = use_structured ? structured : raw;
  f.structured = use_structured;
  f.header.sequence = chunk.sequence;
  f.header.first_line = chunk.first_line;
  f.header.line_count = chunk.lines;
  f.header.raw_size = chunk.bytes.size();
  f.header.method = f.structured ? format::kMethodStructured : format::kMethodRaw;
  f.header.streams = std::move(keep.entries);
  if (f.structured) f.header.stats = std::move(stats);
  f.payload = std::move(keep.payload);
  f.header.payload_size = f.payload.size();
  f.header.payload_crc = crypto::Crc32c(f.payload.data(), f.payload.size());
  return f;
}

}  // namespace at1::stream
