// A codec whose decode "succeeds" but returns different bytes (it flips the
// case of the first letter). The host's verify gate must notice and store
// every frame raw, so the archive still round trips exactly.
#include "at1/cpp/codec.hpp"

namespace {
struct BrokenDecode {
  static constexpr const char* kName = "broken";
  static constexpr const char* kDescription = "test codec: decode lies";
  static constexpr uint32_t kFormatVersion = 1;
  static constexpr uint32_t kMinFormatVersion = 1;
  static constexpr uint64_t kCapabilities = 0;
  static int32_t probe(at1::sdk::Bytes) { return 0; }
  static void encode(at1::sdk::EncodeContext& ctx, at1::sdk::Bytes in) { ctx.put("all", in.data, in.size); }
  static void decode(at1::sdk::DecodeContext& ctx) {
    std::string s(ctx.get("all").view());
    if (!s.empty()) s[0] = static_cast<char>(s[0] ^ 0x20);
    ctx.write(s);
  }
};
}  // namespace

AT1_PLUGIN("at1-broken", "0.0.1", BrokenDecode)
