// Turning one chunk of lines into a verified frame, and a frame back into
// bytes. This is the verify gate and the non-inferiority rule of at1:
//
//   structured = codec.encode(chunk) -> streams -> backend per stream
//   verify: every compressed stream decompresses to its bytes, and
//           codec.decode(streams) == chunk, byte for byte
//   raw      = backend(chunk), verified likewise
//   keep the smaller of structured and raw; on any codec failure or
//   mismatch keep raw and say why.
#ifndef AT1_STREAM_FRAME_CODEC_H
#define AT1_STREAM_FRAME_CODEC_H

#include <cstdint>
#include <string>

#include "at1/codec.h"
#include "at1/options.h"
#include "at1/result.h"
#include "format/frame.h"
#include "util/byte_buffer.h"

namespace at1::stream {

struct Chunk {
  ByteBuffer bytes;  // not zero-filled, huge pages: the input is read straight into it
  uint64_t lines = 0;
  uint64_t sequence = 0;
  uint64_t first_line = 0;
};

struct EncodedFrame {
  format::FrameHeader header;
  std::string payload;
  bool structured = false;     // the codec's streams were kept
  bool codec_failed = false;   // the codec erred or failed verification: a fallback
  std::string fallback_reason;  // why, when codec_failed
  uint64_t structured_size = 0;  // bytes the structured form took (0 if none)
  uint64_t raw_size_compressed = 0;  // UINT64_MAX: the raw attempt stopped once it could not be smaller
};

struct EncodeSettings {
  const at1_codec* codec = nullptr;  // nullptr: raw only
  BackendSettings backend;
  const std::map<std::string, std::string>* codec_options = nullptr;
  bool parallel_raw = false;  // compress the raw alternative on a second thread
};

// Encodes and verifies one chunk. Fails only on host-side errors (out of
// memory, backend refusing); codec problems become a raw frame.
Result<EncodedFrame> EncodeFrame(const Chunk& chunk, const EncodeSettings& settings);

class FrameOutput;

// Decodes a frame (header already parsed, payload_size bytes at `payload`)
// into *out, which refuses more than header.raw_size bytes; the reader of
// *out checks that it got exactly that many, in header.line_count lines.
// `codec` may be null for raw frames; a structured frame without a codec is
// NotSupported.
Status DecodeFrame(const format::FrameHeader& header, const uint8_t* payload, const at1_codec* codec,
                   FrameOutput* out);

}  // namespace at1::stream

#endif  // AT1_STREAM_FRAME_CODEC_H
