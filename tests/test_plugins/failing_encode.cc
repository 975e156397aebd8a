// A codec whose encode always reports an internal error: every frame must
// fall back to raw, with the reason counted in the summary.
#include "at1/cpp/codec.hpp"

namespace {
struct FailingEncode {
  static constexpr const char* kName = "failing";
  static constexpr const char* kDescription = "test codec: encode fails";
  static constexpr uint32_t kFormatVersion = 1;
  static constexpr uint32_t kMinFormatVersion = 1;
  static constexpr uint64_t kCapabilities = 0;
  static int32_t probe(at1::sdk::Bytes) { return 0; }
  static void encode(at1::sdk::EncodeContext&, at1::sdk::Bytes) { throw std::runtime_error("deliberate failure"); }
  static void decode(at1::sdk::DecodeContext&) { at1::sdk::fail_corrupt("never encoded"); }
};
}  // namespace

AT1_PLUGIN("at1-failing", "0.0.1", FailingEncode)
