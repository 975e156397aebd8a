#include <algorithm>
#include <cstring>

#include "backends/backend.h"
#include "crypto/checksums.h"
#include "format/format_constants.h"
#include "plugin/codec_calls.h"
#include "stream/frame_codec.h"

namespace at1::stream {
namespace {

// Appends decoded bytes to a string, refusing anything past the frame's size.
class AppendSink : public plugin::OutputSink {
 public:
  AppendSink(std::string* out, size_t limit) : out_(out), limit_(limit) {}
  bool Write(const uint8_t* data, size_t size) override {
    if (size > limit_ - written_) return false;
    out_->append(reinterpret_cast<const char*>(data), size);
    written_ += size;
    return true;
  }
  size_t written() const { return written_; }

 private:
  std::string* out_;
  size_t limit_;
  size_t written_ = 0;
};

uint64_t CountLines(const char* p, size_t n) {
  uint64_t lines = 0;
  const char* end = p + n;
  while (const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) {
    ++lines;
    p = nl + 1;
  }
  return lines + (p != end ? 1 : 0);
}

}  // namespace

Status DecodeFrame(const format::FrameHeader& h, const uint8_t* payload, const at1_codec* codec, std::string* out) {
  if (crypto::Crc32c(payload, h.payload_size) != h.payload_crc)
    return Status::ChecksumMismatch("payload checksum mismatch");
  const size_t start = out->size();

  if (h.method == format::kMethodRaw) {
    const format::StreamEntry& e = h.streams[0];
    out->resize(start + e.raw_size);
    Status s = backends::Decompress(e.backend, e.backend_param, payload, e.stored_size,
                                    reinterpret_cast<uint8_t*>(out->data() + start), e.raw_size);
    if (!s.ok()) {
      out->resize(start);
      return s;
    }
  } else {
    if (!codec) return Status::NotSupported("structured frame but no codec loaded");
    uint64_t total = 0;
    for (const auto& e : h.streams) total += e.raw_size;
    std::string scratch(total, '\0');  // bounded by the header checks (MaxStreamBytes)
    std::vector<plugin::StreamView> views;
    views.reserve(h.streams.size());
    size_t in_off = 0, out_off = 0;
    for (const auto& e : h.streams) {
      auto* dst = reinterpret_cast<uint8_t*>(scratch.data() + out_off);
      AT1_RETURN_IF_ERROR(backends::Decompress(e.backend, e.backend_param, payload + in_off, e.stored_size, dst,
                                               e.raw_size)
                              .With("stream " + e.name));
      views.push_back({e.name, dst, e.raw_size});
      in_off += e.stored_size;
      out_off += e.raw_size;
    }
    at1_frame_info info{};
    info.struct_size = sizeof info;
    info.frame_index = h.sequence;
    info.first_line = h.first_line;
    info.line_count = h.line_count;
    info.raw_size = h.raw_size;
    out->reserve(start + h.raw_size);
    AppendSink sink(out, h.raw_size);
    std::string err;
    at1_status st = plugin::CallDecode(codec, info, views, &sink, &err);
    if (st != AT1_OK) {
      out->resize(start);
      return Status::Corruption("codec decode failed: " + plugin::DescribeCodecStatus(st) +
                                (err.empty() ? "" : ": " + err));
    }
  }
  if (size_t got = out->size() - start; got != h.raw_size) {
    out->resize(start);
    return Status::Corruption("frame decodes to " + std::to_string(got) + " bytes, header says " +
                              std::to_string(h.raw_size));
  }
  if (CountLines(out->data() + start, h.raw_size) != h.line_count) {
    out->resize(start);
    return Status::Corruption("frame decodes to a different number of lines than its header says");
  }
  return Status::OK();
}

}  // namespace at1::stream
