// Every backend round trips across sizes and rejects damaged input with
// Corruption (never a crash or a wrong answer).
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "backends/backend.h"

namespace at1::backends {
namespace {

std::string Sample(size_t n, bool compressible) {
  std::mt19937 rng(static_cast<unsigned>(n));
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = compressible ? "abcab\n"[rng() % 6] : static_cast<char>(rng());
  return s;
}

class BackendTest : public ::testing::TestWithParam<BackendId> {};

TEST_P(BackendTest, RoundTripsAcrossSizes) {
  for (size_t n : {0u, 1u, 7u, 4096u, 100000u, 1u << 20}) {
    for (bool comp : {true, false}) {
      std::string in = Sample(n, comp), out;
      uint8_t param = 0;
      BackendSettings s = DefaultBackendSettings(GetParam());
      ASSERT_TRUE(Compress(s, reinterpret_cast<const uint8_t*>(in.data()), n, &out, &param).ok());
      std::string back(n, '\0');
      Status st = Decompress(GetParam(), param, reinterpret_cast<const uint8_t*>(out.data()), out.size(),
                             reinterpret_cast<uint8_t*>(back.data()), n);
      ASSERT_TRUE(st.ok()) << st.ToString() << " n=" << n;
      EXPECT_EQ(back, in);
      EXPECT_TRUE(VerifyDecompress(GetParam(), param, reinterpret_cast<const uint8_t*>(out.data()), out.size(),
                                   reinterpret_cast<const uint8_t*>(in.data()), n)
                      .ok());
    }
  }
}

TEST_P(BackendTest, DamagedInputIsCorruption) {
  std::string in = Sample(50000, true), out;
  uint8_t param = 0;
  ASSERT_TRUE(Compress(DefaultBackendSettings(GetParam()), reinterpret_cast<const uint8_t*>(in.data()), in.size(), &out,
                       &param)
                  .ok());
  std::string back(in.size(), '\0');
  // Truncation.
  Status t = Decompress(GetParam(), param, reinterpret_cast<const uint8_t*>(out.data()), out.size() / 2,
                        reinterpret_cast<uint8_t*>(back.data()), in.size());
  EXPECT_EQ(t.code(), Status::Code::kCorruption) << t.ToString();
  // Wrong expected size.
  Status w = Decompress(GetParam(), param, reinterpret_cast<const uint8_t*>(out.data()), out.size(),
                        reinterpret_cast<uint8_t*>(back.data()), in.size() - 1);
  EXPECT_EQ(w.code(), Status::Code::kCorruption) << w.ToString();
  // Flipped bytes: an error, or bytes that differ (the container's CRCs catch
  // those before a backend ever sees them); never a crash or an overrun,
  // which the sanitizer build watches for.
  size_t errors = 0, tries = 0;
  for (size_t i = 0; i < out.size(); i += 97, ++tries) {
    std::string bad = out;
    bad[i] ^= 0x55;
    Status s = Decompress(GetParam(), param, reinterpret_cast<const uint8_t*>(bad.data()), bad.size(),
                          reinterpret_cast<uint8_t*>(back.data()), in.size());
    if (!s.ok()) {
      ++errors;
    } else if (GetParam() == BackendId::kStored) {
      EXPECT_NE(back, in);
    }
  }
  if (GetParam() != BackendId::kStored) {
    EXPECT_GT(errors, tries / 4) << "most flips must be detected";
  }
}

TEST_P(BackendTest, VerifyDetectsDifferentExpectation) {
  std::string in = Sample(10000, true), out;
  uint8_t param = 0;
  ASSERT_TRUE(Compress(DefaultBackendSettings(GetParam()), reinterpret_cast<const uint8_t*>(in.data()), in.size(), &out,
                       &param)
                  .ok());
  std::string other = in;
  other[5000] ^= 1;
  EXPECT_FALSE(VerifyDecompress(GetParam(), param, reinterpret_cast<const uint8_t*>(out.data()), out.size(),
                                reinterpret_cast<const uint8_t*>(other.data()), other.size())
                   .ok());
}

TEST_P(BackendTest, GivesUpOnceTheOutputReachesTheLimit) {
  if (GetParam() == BackendId::kStored) GTEST_SKIP() << "storing is never given up";
  const std::string in = Sample(3 * kGiveUpPiece + 12345, false);  // incompressible: output ~ input
  const auto* data = reinterpret_cast<const uint8_t*>(in.data());
  BackendSettings s = DefaultBackendSettings(GetParam());
  if (GetParam() == BackendId::kXz) s.level = 1, s.extreme = false;  // keep the test quick
  std::string plain, capped = "prefix";
  uint8_t p1 = 0, p2 = 0;
  ASSERT_TRUE(Compress(s, data, in.size(), &plain, &p1).ok());
  GiveUp low;
  low.limit = kGiveUpPiece / 2;
  ASSERT_TRUE(Compress(s, data, in.size(), &capped, &p2, &low).ok());
  EXPECT_TRUE(low.gave_up);
  EXPECT_EQ(capped, "prefix") << "nothing is appended when it gives up";
  // A limit it never reaches: a complete stream that decodes to the input.
  GiveUp high;
  high.limit = plain.size() * 2;
  std::string full;
  ASSERT_TRUE(Compress(s, data, in.size(), &full, &p2, &high).ok());
  EXPECT_FALSE(high.gave_up);
  EXPECT_EQ(p2, p1);
  EXPECT_LE(full.size(), plain.size() + plain.size() / 100 + 64);
  std::string back(in.size(), '\0');
  ASSERT_TRUE(Decompress(GetParam(), p2, reinterpret_cast<const uint8_t*>(full.data()), full.size(),
                         reinterpret_cast<uint8_t*>(back.data()), in.size())
                  .ok());
  EXPECT_EQ(back, in);
}

// Collects a piecewise decompression, offering a few bytes at a time so the
// backends' loops run through many pieces.
class SmallPieces : public PieceSink {
 public:
  explicit SmallPieces(size_t room) : room_(room) {}
  uint8_t* Space(size_t* room) override {
    buf_.resize(room_);
    *room = room_;
    return buf_.data();
  }
  void Filled(size_t n) override { got.append(reinterpret_cast<const char*>(buf_.data()), n); }
  std::string got;

 private:
  size_t room_;
  std::vector<uint8_t> buf_;
};

TEST_P(BackendTest, DecompressesInPieces) {
  for (size_t n : {0u, 1u, 100000u}) {
    std::string in = Sample(n, true), out;
    uint8_t param = 0;
    ASSERT_TRUE(Compress(DefaultBackendSettings(GetParam()), reinterpret_cast<const uint8_t*>(in.data()), n, &out,
                         &param)
                    .ok());
    const auto* z = reinterpret_cast<const uint8_t*>(out.data());
    SmallPieces pieces(777);
    Status st = DecompressPieces(GetParam(), param, z, out.size(), n, &pieces);
    ASSERT_TRUE(st.ok()) << st.ToString() << " n=" << n;
    EXPECT_EQ(pieces.got, in);
    if (n == 0) continue;
    // A stream that yields more or fewer bytes than recorded, or is cut short.
    SmallPieces more(777), fewer(777), cut(777);
    EXPECT_EQ(DecompressPieces(GetParam(), param, z, out.size(), n - 1, &more).code(), Status::Code::kCorruption);
    EXPECT_LE(more.got.size(), n - 1);
    EXPECT_EQ(DecompressPieces(GetParam(), param, z, out.size(), n + 1, &fewer).code(), Status::Code::kCorruption);
    EXPECT_EQ(DecompressPieces(GetParam(), param, z, out.size() / 2, n, &cut).code(), Status::Code::kCorruption);
  }
}

INSTANTIATE_TEST_SUITE_P(AllBackends, BackendTest,
                         ::testing::Values(BackendId::kStored, BackendId::kXz, BackendId::kZstd),
                         [](const auto& info) { return std::string(BackendName(info.param)); });

TEST(CompressBest, StoresWhatDoesNotCompress) {
  std::string in = Sample(1000, false), out;
  BackendId used;
  uint8_t param;
  ASSERT_TRUE(CompressBest(DefaultBackendSettings(BackendId::kXz), reinterpret_cast<const uint8_t*>(in.data()),
                           in.size(), &out, &used, &param)
                  .ok());
  EXPECT_EQ(used, BackendId::kStored);
  EXPECT_EQ(out, in);
}

TEST(XzBackend, RefusesHugeDictionaryProperty) {
  // Property 40 = 4 GiB - 1 dictionary: a hostile file asking for a giant allocation.
  std::string junk(16, '\0');
  uint8_t out[16];
  Status s = Decompress(BackendId::kXz, 40, reinterpret_cast<const uint8_t*>(junk.data()), junk.size(), out, 16);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
}

TEST(Levels, ParseLevel) {
  BackendSettings xz = DefaultBackendSettings(BackendId::kXz);
  EXPECT_TRUE(ParseLevel("6", &xz).ok());
  EXPECT_EQ(xz.level, 6);
  EXPECT_FALSE(xz.extreme);
  EXPECT_TRUE(ParseLevel("9e", &xz).ok());
  EXPECT_TRUE(xz.extreme);
  EXPECT_FALSE(ParseLevel("10", &xz).ok());
  EXPECT_FALSE(ParseLevel("x", &xz).ok());
  BackendSettings zs = DefaultBackendSettings(BackendId::kZstd);
  EXPECT_TRUE(ParseLevel("19", &zs).ok());
  EXPECT_FALSE(ParseLevel("3e", &zs).ok());
}

}  // namespace
}  // namespace at1::backends
