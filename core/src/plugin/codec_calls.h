// The host side of the codec ABI: the callbacks a codec sees during encode
// and decode, and the calls into the codec.
#ifndef AT1_PLUGIN_CODEC_CALLS_H
#define AT1_PLUGIN_CODEC_CALLS_H

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "at1/codec.h"
#include "at1/frame_stats.h"

namespace at1::plugin {

struct EncodeOutput {
  std::vector<std::pair<std::string, std::string>> streams;  // in the order the codec put them
  std::vector<Stat> stats;
  std::string error;  // set_error text, or the host's reason for refusing a callback
};

// Runs codec->encode on one frame. Returns the codec's status; the host's own
// checks (stream names, counts, sizes) also surface as a non-OK status.
at1_status CallEncode(const at1_codec* codec, const at1_frame_info& info, const uint8_t* input, size_t size,
                      const std::map<std::string, std::string>& options, EncodeOutput* out);

struct StreamView {
  std::string_view name;
  const uint8_t* data = nullptr;
  size_t size = 0;
};

// Where decoded bytes go. Write and Commit return false to stop the codec
// (e.g. the output differs from what verification expects, or exceeds the
// frame).
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual bool Write(const uint8_t* data, size_t size) = 0;
  // The codec's zero-copy path (ABI 1.1 reserve/commit): room for at least
  // min_room <= AT1_RESERVE_MAX bytes, which Commit(n) then appends.
  virtual uint8_t* Reserve(size_t min_room, size_t* room) = 0;
  virtual bool Commit(size_t size) = 0;
};

at1_status CallDecode(const at1_codec* codec, const at1_frame_info& info, const std::vector<StreamView>& streams,
                      OutputSink* sink, std::string* error);

// Describes an at1_status for messages: "corrupt stream (AT1_E_CORRUPT)".
std::string DescribeCodecStatus(at1_status s);

}  // namespace at1::plugin

#endif  // AT1_PLUGIN_CODEC_CALLS_H
