#include <algorithm>
#include <cstring>

#include "backends/backend.h"
#include "crypto/checksums.h"
#include "format/format_constants.h"
#include "plugin/codec_calls.h"
#include "stream/frame_codec.h"

namespace at1::stream {
namespace {

// Appends decoded bytes to a buffer, refusing anything past the frame's size.
class AppendSink : public plugin::OutputSink {
 public:
  AppendSink(ByteBuffer* out, size_t limit) : out_(out), limit_(limit) {}
  bool Write(const uint8_t* data, size_t size) override {
    if (size > limit_ - written_) return false;
    out_->append(data, size);
    written_ += size;
    return true;
  }

 private:
  ByteBuffer* out_;
  size_t limit_;
  size_t written_ = 0;
};

uint64_t CountLines(const uint8_t* p, size_t n) {
  uint64_t lines = 0;
  const uint8_t* end = p + n;
  while (const uint8_t* nl = static_cast<const uint8_t*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) {
    ++lines;
    p = nl + 1;
  }
  return lines + (p != end ? 1 : 0);
}

}  // namespace

Status DecodeFrame(const format::FrameHeader& h, const uint8_t* payload, const at1_codec* codec, ByteBuffer* out) {
  if (crypto::Crc32c(payload, h.payload_size) != h.payload_crc)
    return Status::ChecksumMismatch("payload checksum mismatch");
  out->clear();
  out->reserve(h.raw_size);
  const size_t start = 0;

  if (h.method == format::kMethodRaw) {
    const format::StreamEntry& e = h.streams[0];
    AT1_RETURN_IF_ERROR(
        backends::Decompress(e.backend, e.backend_param, payload, e.stored_size, out->extend(e.raw_size), e.raw_size));
  } else {
    if (!codec) return Status::NotSupported("structured frame but no codec loaded");
    uint64_t total = 0;
    for (const auto& e : h.streams) total += e.raw_size;
    // Per worker thread and reused across frames, so decoding a frame does
    // not page-fault its streams' memory in anew. Bounded by the header
    // checks (MaxStreamBytes).
    thread_local ByteBuffer scratch;
    scratch.clear();
    scratch.reserve(total);
    std::vector<plugin::StreamView> views;
    views.reserve(h.streams.size());
    size_t in_off = 0;
    for (const auto& e : h.streams) {
      uint8_t* dst = scratch.extend(e.raw_size);
      AT1_RETURN_IF_ERROR(backends::Decompress(e.backend, e.backend_param, payload + in_off, e.stored_size, dst,
                                               e.raw_size)
                              .With("stream " + e.name));
      views.push_back({e.name, dst, e.raw_size});
      in_off += e.stored_size;
    }
    at1_frame_info info{};
    info.struct_size = sizeof info;
    info.frame_index = h.sequence;
    info.first_line = h.first_line;
    info.line_count = h.line_count;
    info.raw_size = h.raw_size;
    AppendSink sink(out, h.raw_size);
    std::string err;
    at1_status st = plugin::CallDecode(codec, info, views, &sink, &err);
    if (st != AT1_OK) {
      out->clear();
      return Status::Corruption("codec decode failed: " + plugin::DescribeCodecStatus(st) +
                                (err.empty() ? "" : ": " + err));
    }
  }
  if (size_t got = out->size() - start; got != h.raw_size) {
    out->clear();
    return Status::Corruption("frame decodes to " + std::to_string(got) + " bytes, header says " +
                              std::to_string(h.raw_size));
  }
  if (CountLines(out->data() + start, h.raw_size) != h.line_count) {
    out->clear();
    return Status::Corruption("frame decodes to a different number of lines than its header says");
  }
  return Status::OK();
}

}  // namespace at1::stream
