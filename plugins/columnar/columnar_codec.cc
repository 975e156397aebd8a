// The `columnar` codec: CSV and TSV, one stream per column. See README.md
// for the stream layout; frame_encode / frame_decode hold the work.
#include "at1/cpp/codec.hpp"
#include "dialect.h"
#include "frame_decode.h"
#include "frame_encode.h"
#include "frame_layout.h"

namespace {

using at1::sdk::Bytes;

struct ColumnarCodec {
  static constexpr const char* kName = "columnar";
  static constexpr const char* kDescription =
      "CSV/TSV tables: typed per-column streams, exact quoting and line endings";
  static constexpr uint32_t kFormatVersion = at1::columnar::kFormatVersion;
  static constexpr uint32_t kMinFormatVersion = at1::columnar::kMinFormatVersion;
  static constexpr uint64_t kCapabilities = AT1_CAP_PROBE | AT1_CAP_STATS;

  // Tables have the same delimiter count on (nearly) every line.
  static int32_t probe(Bytes sample) {
    std::string_view text = sample.view();
    if (text.empty()) return 0;
    if (text.substr(0, 2) == "##" || text[0] == '{' || text[0] == '[') return 5;
    for (unsigned char c : text.substr(0, 4096))
      if (c == 0) return 0;
    auto g = at1::columnar::detect_delimiter(text, 64);
    if (g.lines == 0 || g.count == 0) return 5;
    // The sample may end mid-line: do not hold the last line against it.
    uint32_t lines = g.lines > 2 ? g.lines - 1 : g.lines;
    double share = static_cast<double>(g.consistent) / lines;
    if (share > 1) share = 1;
    if (share < 0.5) return 10;
    return static_cast<int32_t>(30 + 55 * share);
  }

  static void encode(at1::sdk::EncodeContext& ctx, Bytes input) {
    at1::columnar::encode_frame(ctx, input);
  }

  static void decode(at1::sdk::DecodeContext& ctx) { at1::columnar::decode_frame(ctx); }
};

}  // namespace

AT1_PLUGIN("at1-columnar", "1.0.0", ColumnarCodec)
