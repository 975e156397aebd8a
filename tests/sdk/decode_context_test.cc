// DecodeContext, the SDK's output path for decoders, gives the same bytes
// whether the host lends output memory (ABI 1.1 reserve/commit) or only
// copies writes (a 1.0 host), across every mix of put, write and
// reserve/commit, and refuses output past the frame's raw_size either way.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "at1/cpp/codec.hpp"
#include "at1/cpp/testing.hpp"

namespace {

using at1::sdk::testing::HostAbi;

// The text every decode below must produce, given its length in the
// stream "n" (a decimal number).
std::string Expected(size_t n) {
  std::string s;
  for (size_t i = 0; s.size() < n; ++i) s += std::to_string(i) + (i % 3 ? "," : "\n");
  s.resize(n);
  return s;
}

// Emits Expected(n) in pieces of every kind and size: single chars,
// formatted-in-place numbers, small copies and copies far beyond a reserve.
struct MixedWriter {
  static constexpr const char* kName = "mixed";
  static constexpr const char* kDescription = "test codec";
  static constexpr uint32_t kFormatVersion = 1;
  static constexpr uint32_t kMinFormatVersion = 1;
  static constexpr uint64_t kCapabilities = 0;
  static int32_t probe(at1::sdk::Bytes) { return 0; }
  static void encode(at1::sdk::EncodeContext& ctx, at1::sdk::Bytes in) {
    ctx.put("n", std::to_string(in.size));
  }
  static void decode(at1::sdk::DecodeContext& ctx) {
    at1::sdk::Bytes b = ctx.get("n");
    const size_t n = std::stoul(std::string(reinterpret_cast<const char*>(b.data), b.size));
    const std::string want = Expected(n);
    size_t at = 0, step = 0;
    while (at < n) {
      size_t k = std::min(n - at, std::vector<size_t>{1, 7, 300, 70000, 200000}[step++ % 5]);
      switch (step % 3) {
        case 0:
          ctx.write(want.data() + at, k);
          break;
        case 1:
          for (size_t i = 0; i < k; ++i) ctx.put(want[at + i]);
          break;
        default: {
          k = std::min(k, at1::sdk::DecodeContext::kMaxReserve);
          uint8_t* p = ctx.reserve(k);
          std::memcpy(p, want.data() + at, k);
          ctx.commit(k);
        }
      }
      at += k;
    }
  }
};

const at1_codec* codec() { return at1::sdk::detail::CodecAdapter<MixedWriter>::descriptor(); }

TEST(DecodeContext, SameBytesFromBothHostVersions) {
  for (size_t n : {size_t(0), size_t(1), size_t(65535), size_t(65536), size_t(1) << 20, (size_t(3) << 20) + 17}) {
    std::string text = Expected(n), why;
    EXPECT_TRUE(at1::sdk::testing::round_trips(codec(), text, &why, 0, HostAbi::k1_1)) << n << ": " << why;
    EXPECT_TRUE(at1::sdk::testing::round_trips(codec(), text, &why, 0, HostAbi::k1_0)) << n << ": " << why;
  }
}

TEST(DecodeContext, RefusesOutputPastRawSize) {
  auto e = at1::sdk::testing::encode(codec(), Expected(100000));
  ASSERT_EQ(e.status, AT1_OK);
  for (HostAbi abi : {HostAbi::k1_1, HostAbi::k1_0}) {
    auto d = at1::sdk::testing::decode(codec(), e.streams, 99999, 0, 0, abi);
    EXPECT_EQ(d.status, AT1_E_CORRUPT) << d.error;
    EXPECT_LE(d.output.size(), 99999u);
  }
}

}  // namespace
