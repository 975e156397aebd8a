#include "backends/backend.h"
#include "crypto/checksums.h"
#include "format/format_constants.h"
#include "plugin/codec_calls.h"
#include "stream/frame_codec.h"
#include "stream/frame_output.h"

namespace at1::stream {

Status DecodeFrame(const format::FrameHeader& h, const uint8_t* payload, const at1_codec* codec, FrameOutput* out) {
  if (crypto::Crc32c(payload, h.payload_size) != h.payload_crc)
    return Status::ChecksumMismatch("payload checksum mismatch");
  if (h.method == format::kMethodRaw) {
    const format::StreamEntry& e = h.streams[0];
    return backends::DecompressPieces(e.backend, e.backend_param, payload, e.stored_size, e.raw_size, out);
  }
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
  std::string err;
  at1_status st = plugin::CallDecode(codec, info, views, out, &err);
  if (st != AT1_OK) {
    return Status::Corruption("codec decode failed: " + plugin::DescribeCodecStatus(st) +
                              (err.empty() ? "" : ": " + err));
  }
  return Status::OK();
}

}  // namespace at1::stream
