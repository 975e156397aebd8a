// The `log` codec: generic, auto-templated text logs. Each line becomes a
// template id plus typed variables; templates and variable columns go to
// separate homogeneous streams (layout in README.md and format.hpp).
#include "at1/cpp/codec.hpp"
#include "at1/cpp/lines.hpp"
#include "encoder.hpp"
#include "format.hpp"
#include "timestamp.hpp"

namespace {

using at1::sdk::Bytes;

// True when a timestamp starts at a word boundary within the line's head.
bool has_timestamp(std::string_view line) {
  const size_t head = line.size() < 64 ? line.size() : 64;
  for (size_t i = 0; i < head; ++i) {
    const char c = line[i];
    const bool start = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    const char p = i ? line[i - 1] : ' ';
    const bool boundary = !((p >= '0' && p <= '9') || (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z'));
    if (!start || !boundary) continue;
    at1::log::TsLayout lay;
    int64_t v;
    if (at1::log::parse_ts(line.data() + i, line.size() - i, &lay, &v)) return true;
  }
  return false;
}

struct LogCodec {
  static constexpr const char* kName = "log";
  static constexpr const char* kDescription =
      "generic text logs: auto templates, typed variable columns, delta timestamps";
  static constexpr uint32_t kFormatVersion = at1::log::kFormatVersion;
  static constexpr uint32_t kMinFormatVersion = 1;
  static constexpr uint64_t kCapabilities = AT1_CAP_PROBE | AT1_CAP_STATS;

  // Logs are lines that start with (or soon show) a timestamp. Domain codecs
  // for particular systems (ssh) should outbid this generic score.
  static int32_t probe(Bytes sample) {
    at1::sdk::LineCursor cursor(sample);
    std::string_view line;
    at1::sdk::Eol eol;
    size_t lines = 0, stamped = 0;
    while (lines < 200 && cursor.next(&line, &eol)) {
      if (line.empty()) continue;
      for (char c : line)
        if (c == 0) return 0;
      ++lines;
      stamped += has_timestamp(line);
    }
    if (lines == 0) return 0;
    const size_t pct = stamped * 100 / lines;
    return pct < 30 ? 8 : static_cast<int32_t>(20 + pct * 45 / 100);
  }

  static void encode(at1::sdk::EncodeContext& ctx, Bytes input) { at1::log::encode_frame(ctx, input); }
  static void decode(at1::sdk::DecodeContext& ctx) { at1::log::decode_frame(ctx); }
};

}  // namespace

AT1_PLUGIN("at1-log", "1.0.0", LogCodec)
