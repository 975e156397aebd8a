// The verify gate: a codec that lies on decode, or fails on encode, never
// costs data — every frame falls back to raw, the count is reported, and the
// archive round trips byte for byte.
#include <gtest/gtest.h>

#include <algorithm>

#include "at1/archive.h"
#include "stream/frame_codec.h"
#include "support/test_util.h"

namespace at1 {
namespace {

std::string SampleText() {
  std::string s;
  for (int i = 0; i < 5000; ++i) s += "line " + std::to_string(i) + " some text here\n";
  return s;
}

void ExpectFallbackRoundTrip(const std::string& plugin_dir, const std::string& codec, const char* reason_part) {
  testing::TempDir dir;
  const std::string text = SampleText();
  testing::WriteFile(dir.file("in"), text);
  PluginHost host = PluginHost::LoadFrom({plugin_dir});
  ASSERT_NE(host.Find(codec), nullptr);
  CompressOptions o;
  o.codec = codec;
  o.backend = DefaultBackendSettings(BackendId::kZstd);
  o.stream = true;
  o.chunk_lines = 1000;
  Result<CompressSummary> s = Compress(dir.file("in"), dir.file("a.at1"), o, host);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->frames, 5u);
  EXPECT_EQ(s->frames_raw, 5u);
  EXPECT_EQ(s->fallbacks, 5u);
  ASSERT_EQ(s->fallback_reasons.size(), 1u);
  EXPECT_NE(s->fallback_reasons.begin()->first.find(reason_part), std::string::npos)
      << s->fallback_reasons.begin()->first;
  Result<DecompressSummary> d = Decompress(dir.file("a.at1"), dir.file("out"), DecompressOptions{}, host);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(testing::ReadFile(dir.file("out")), text);
}

TEST(VerifyGate, CatchesDecodeThatLies) {
  ExpectFallbackRoundTrip(std::string(AT1_TEST_PLUGIN_DIR) + "/broken_decode", "broken", "differs");
}

TEST(VerifyGate, FailingEncodeFallsBackWithReason) {
  ExpectFallbackRoundTrip(std::string(AT1_TEST_PLUGIN_DIR) + "/failing_encode", "failing", "deliberate failure");
}

TEST(VerifyGate, StructuredFramesKeptWhenSmaller) {
  testing::TempDir dir;
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::string(1 + i % 7, 'a' + i % 3) + "\n";
  testing::WriteFile(dir.file("in"), text);
  PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  CompressOptions o;
  o.codec = "text";
  o.backend = DefaultBackendSettings(BackendId::kZstd);
  Result<CompressSummary> s = Compress(dir.file("in"), dir.file("a.at1"), o, host);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->fallbacks, 0u);
  EXPECT_EQ(s->frames_structured + s->frames_raw, s->frames);
  Result<DecompressSummary> d = Decompress(dir.file("a.at1"), dir.file("out"), DecompressOptions{}, host);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(testing::ReadFile(dir.file("out")), text);
}

// The raw alternative stops once it cannot be the smaller one: the kept frame
// is the same as if it had been finished, with or without a thread of its own.
TEST(VerifyGate, RawAttemptStopsOnceItCannotWin) {
  PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  const CodecInfo* log = host.Find("log");
  if (!log) GTEST_SKIP() << "the log plugin is not built (-DAT1_PLUGINS)";
  // Log lines whose numbers are random: the log codec stores them as binary
  // columns, well below what zstd makes of their digits.
  std::string text;
  uint64_t x = 88172645463325252ull;
  for (int i = 0; text.size() < (24u << 20); ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    text += "2026-11-21 10:" + std::to_string(10 + i / 60000 % 50) + ":" + std::to_string(10 + i / 1000 % 50) +
                   " INFO request " + std::to_string(x % 100000000) + " served in " + std::to_string(x >> 40) +
                   " us\n";
  }
  stream::Chunk chunk;
  chunk.bytes.append(text.data(), text.size());
  chunk.lines = static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n'));
  for (bool parallel : {false, true}) {
    stream::EncodeSettings s;
    s.codec = log->codec;
    s.backend = DefaultBackendSettings(BackendId::kZstd);
    s.parallel_raw = parallel;
    Result<stream::EncodedFrame> f = stream::EncodeFrame(chunk, s);
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    EXPECT_TRUE(f->structured);
    if (!parallel) {
      EXPECT_EQ(f->raw_size_compressed, UINT64_MAX) << "raw compressed in full";
    }
    EXPECT_LT(f->structured_size, f->raw_size_compressed);
  }
  // Without a codec nothing is given up.
  stream::EncodeSettings raw_only;
  raw_only.backend = DefaultBackendSettings(BackendId::kZstd);
  Result<stream::EncodedFrame> r = stream::EncodeFrame(chunk, raw_only);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->structured);
  EXPECT_LT(r->raw_size_compressed, UINT64_MAX);
}

}  // namespace
}  // namespace at1
