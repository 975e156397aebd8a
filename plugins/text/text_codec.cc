// The `text` codec: the simplest structure-aware split of line-oriented text.
// Line bodies go to one stream, their lengths to another, their endings to a
// third, so the backend sees the text without line-ending noise and the
// lengths as a small homogeneous stream. It proves the plugin path end to end
// and is a fair baseline for any line-oriented input.
//
// Streams (format version 1):
//   eol   line endings (at1/cpp/lines.hpp EolEncoder)
//   len   varint length of each line body
//   body  the line bodies, concatenated
#include "at1/cpp/codec.hpp"
#include "at1/cpp/lines.hpp"

namespace {

using at1::sdk::ByteReader;
using at1::sdk::Bytes;
using at1::sdk::ByteWriter;

struct TextCodec {
  static constexpr const char* kName = "text";
  static constexpr const char* kDescription = "any line-oriented text: bodies, lengths, endings";
  static constexpr uint32_t kFormatVersion = 1;
  static constexpr uint32_t kMinFormatVersion = 1;
  static constexpr uint64_t kCapabilities = AT1_CAP_PROBE;

  // Any text qualifies, weakly: domain codecs should outbid it.
  static int32_t probe(Bytes sample) {
    size_t nul = 0;
    for (size_t i = 0; i < sample.size; ++i) nul += sample.data[i] == 0;
    return nul ? 1 : 10;
  }

  static void encode(at1::sdk::EncodeContext& ctx, Bytes input) {
    at1::sdk::LineCursor cursor(input);
    at1::sdk::EolEncoder eol;
    ByteWriter len, body;
    body.reserve(input.size);
    std::string_view line;
    at1::sdk::Eol kind;
    while (cursor.next(&line, &kind)) {
      len.varint(line.size());
      body.bytes(line);
      eol.add(kind);
    }
    ByteWriter eol_stream;
    eol.finish(eol_stream);
    ctx.put("eol", eol_stream);
    ctx.put("len", len);
    ctx.put("body", body);
  }

  static void decode(at1::sdk::DecodeContext& ctx) {
    at1::sdk::EolDecoder eol(ctx.get("eol"));
    ByteReader len(ctx.get("len"));
    ByteReader body(ctx.get("body"));
    for (uint64_t i = 0; i < eol.count(); ++i) {
      uint64_t n = len.varint_max(body.remaining(), "text: line longer than body stream");
      ctx.write(body.bytes(static_cast<size_t>(n)).view());
      ctx.write(at1::sdk::eol_text(eol.next()));
    }
    if (!len.at_end() || !body.at_end()) at1::sdk::fail_corrupt("text: trailing stream bytes");
  }
};

}  // namespace

AT1_PLUGIN("at1-text", "1.0.0", TextCodec)
