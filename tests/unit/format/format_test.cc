// The container's structures: encode/decode round trips, and the named
// corruption cases a reader must refuse with a specific error.
#include <gtest/gtest.h>

#include "crypto/checksums.h"
#include "format/coding.h"
#include "format/footer.h"
#include "format/format_constants.h"
#include "format/frame.h"
#include "format/header.h"

namespace at1::format {
namespace {

const uint8_t* U(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

// Rewrites the trailing CRC of a structure after a deliberate edit, so the
// test reaches the check behind the CRC.
void FixCrc(std::string* s, size_t crc_at) {
  uint32_t c = crypto::Crc32c(s->data(), crc_at);
  for (int i = 0; i < 4; ++i) (*s)[crc_at + i] = static_cast<char>(c >> (8 * i));
}

FileHeader SampleHeader() {
  FileHeader h;
  h.streamed = true;
  h.backend = BackendId::kZstd;
  h.level = 3;
  h.codec_format_version = 2;
  h.chunk_lines = 1000;
  h.codec_name = "log";
  return h;
}

TEST(FileHeader, RoundTrip) {
  std::string b = EncodeFileHeader(SampleHeader());
  ASSERT_EQ(*PeekFileHeaderSize(U(b), b.size()), b.size());
  FileHeader h;
  ASSERT_TRUE(DecodeFileHeader(U(b), b.size(), &h).ok());
  EXPECT_EQ(h.codec_name, "log");
  EXPECT_TRUE(h.streamed);
  EXPECT_EQ(h.backend, BackendId::kZstd);
  EXPECT_EQ(h.chunk_lines, 1000u);
  EXPECT_EQ(h.codec_format_version, 2u);
}

TEST(FileHeader, BadMagic) {
  std::string b = EncodeFileHeader(SampleHeader());
  b[1] = 'X';
  FileHeader h;
  Status s = DecodeFileHeader(U(b), b.size(), &h);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("magic"), std::string::npos);
}

TEST(FileHeader, ChecksumMismatch) {
  std::string b = EncodeFileHeader(SampleHeader());
  b[25] ^= 1;  // codec_format_version
  FileHeader h;
  EXPECT_EQ(DecodeFileHeader(U(b), b.size(), &h).code(), Status::Code::kChecksumMismatch);
}

TEST(FileHeader, FutureMajorIsNotSupported) {
  std::string b = EncodeFileHeader(SampleHeader());
  b[8] = 2;
  FileHeader h;
  Status s = DecodeFileHeader(U(b), b.size(), &h);
  EXPECT_EQ(s.code(), Status::Code::kNotSupported);
  EXPECT_NE(s.message().find("2.x"), std::string::npos);
}

TEST(FileHeader, ReservedBitsSet) {
  std::string b = EncodeFileHeader(SampleHeader());
  b[16] |= 0x40;  // unknown flag
  FixCrc(&b, b.size() - 4);
  FileHeader h;
  EXPECT_EQ(DecodeFileHeader(U(b), b.size(), &h).code(), Status::Code::kNotSupported);
  b = EncodeFileHeader(SampleHeader());
  b[22] = 1;  // reserved bytes
  FixCrc(&b, b.size() - 4);
  EXPECT_EQ(DecodeFileHeader(U(b), b.size(), &h).code(), Status::Code::kCorruption);
}

TEST(FileHeader, Truncated) {
  std::string b = EncodeFileHeader(SampleHeader());
  FileHeader h;
  for (size_t n = 0; n < b.size(); ++n) EXPECT_FALSE(DecodeFileHeader(U(b), n, &h).ok()) << n;
}

FrameHeader SampleFrame() {
  FrameHeader f;
  f.sequence = 3;
  f.first_line = 3000;
  f.line_count = 1000;
  f.raw_size = 123456;
  f.method = kMethodStructured;
  f.streams = {{"body", BackendId::kZstd, 0, 1000, 100000}, {"len", BackendId::kXz, 20, 500, 2000}};
  f.payload_size = 1500;
  f.payload_crc = 0xdeadbeef;
  Stat t;
  t.name = "time";
  t.kind = Stat::kInt64;
  std::string mn(8, '\0'), mx(8, '\0');
  mn[0] = 1;
  mx[0] = 9;
  t.min = mn;
  t.max = mx;
  f.stats = {t};
  return f;
}

TEST(FrameHeader, RoundTrip) {
  std::string b = EncodeFrameHeader(SampleFrame());
  FrameHeader f;
  ASSERT_TRUE(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).ok());
  EXPECT_EQ(f.sequence, 3u);
  EXPECT_EQ(f.first_line, 3000u);
  ASSERT_EQ(f.streams.size(), 2u);
  EXPECT_EQ(f.streams[1].name, "len");
  EXPECT_EQ(f.streams[1].backend_param, 20);
  auto tr = FindTimeRange(f.stats);
  ASSERT_TRUE(tr.has_value());
  EXPECT_EQ(tr->min_ms, 1);
  EXPECT_EQ(tr->max_ms, 9);
}

TEST(FrameHeader, ChecksumMismatchAndBadSync) {
  std::string b = EncodeFrameHeader(SampleFrame());
  FrameHeader f;
  std::string c = b;
  c[10] ^= 4;
  EXPECT_EQ(DecodeFrameHeader(U(c), c.size(), Limits{}, &f).code(), Status::Code::kChecksumMismatch);
  c = b;
  c[0] = 0;
  EXPECT_EQ(DecodeFrameHeader(U(c), c.size(), Limits{}, &f).code(), Status::Code::kCorruption);
}

TEST(FrameHeader, BadLengthAndLimits) {
  FrameHeader f;
  FrameHeader big = SampleFrame();
  big.raw_size = uint64_t(1) << 40;
  std::string b = EncodeFrameHeader(big);
  EXPECT_EQ(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).code(), Status::Code::kLimitExceeded);
  FrameHeader bomb = SampleFrame();
  bomb.streams[0].raw_size = uint64_t(1) << 36;  // far above 4x the frame
  b = EncodeFrameHeader(bomb);
  EXPECT_EQ(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).code(), Status::Code::kLimitExceeded);
  FrameHeader mismatch = SampleFrame();
  mismatch.payload_size = 1499;  // streams say 1500
  b = EncodeFrameHeader(mismatch);
  EXPECT_EQ(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).code(), Status::Code::kCorruption);
}

TEST(FrameHeader, UnknownBackendIsNotSupported) {
  FrameHeader x = SampleFrame();
  x.streams[0].backend = static_cast<BackendId>(9);
  std::string b = EncodeFrameHeader(x);
  FrameHeader f;
  EXPECT_EQ(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).code(), Status::Code::kNotSupported);
}

// The SHA-256 chain value travels as the first statistic, of kind 4, and
// comes back out of the list, so codecs' statistics never see it.
TEST(FrameHeader, ShaChainRoundTripsBesideTheStatistics) {
  FrameHeader x = SampleFrame();
  crypto::Sha256Chain c;
  c.bytes = 128;
  for (int i = 0; i < 32; ++i) c.value[i] = static_cast<uint8_t>(i * 9 + 1);
  x.sha_chain = c;
  std::string b = EncodeFrameHeader(x);
  EXPECT_EQ(b.size(), EncodeFrameHeader(SampleFrame()).size() + 1 + 6 + 1 + 1 + 8 + 1 + 32);
  FrameHeader f;
  ASSERT_TRUE(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).ok());
  ASSERT_TRUE(f.sha_chain.has_value());
  EXPECT_EQ(*f.sha_chain, c);
  ASSERT_EQ(f.stats.size(), 1u);
  EXPECT_EQ(f.stats[0].name, "time");
  // And without one, none comes back.
  b = EncodeFrameHeader(SampleFrame());
  ASSERT_TRUE(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).ok());
  EXPECT_FALSE(f.sha_chain.has_value());
}

TEST(FrameHeader, MalformedShaChainIsRefused) {
  auto chain_stat = [](const std::string& name, uint64_t offset, size_t value_size) {
    Stat s;
    s.name = name;
    s.kind = kStatKindShaChain;
    PutU64(&s.min, offset);
    s.max.assign(value_size, '\x5a');
    return s;
  };
  FrameHeader ok = SampleFrame();
  ok.stats.push_back(chain_stat("sha256", 192, 32));
  std::string b = EncodeFrameHeader(ok);
  FrameHeader f;
  ASSERT_TRUE(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).ok());
  ASSERT_TRUE(f.sha_chain.has_value());
  EXPECT_EQ(f.sha_chain->bytes, 192u);

  const std::vector<Stat> bad = {chain_stat("sha256", 100, 32),  // not at a block boundary
                                 chain_stat("sha256", 192, 31),  // short value
                                 chain_stat("md5", 192, 32)};    // kind 4 is only the SHA-256 chain
  for (const Stat& s : bad) {
    FrameHeader x = SampleFrame();
    x.stats.push_back(s);
    b = EncodeFrameHeader(x);
    EXPECT_EQ(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).code(), Status::Code::kCorruption) << s.name;
  }
  FrameHeader twice = ok;
  twice.sha_chain = crypto::Sha256Chain{};
  b = EncodeFrameHeader(twice);
  EXPECT_EQ(DecodeFrameHeader(U(b), b.size(), Limits{}, &f).code(), Status::Code::kCorruption);
}

TEST(Footer, IndexAndTrailerRoundTrip) {
  std::vector<IndexEntry> idx(3);
  idx[1].offset = 77;
  idx[1].line_count = 5;
  idx[1].time = TimeRange{-5, 1700000000000};
  std::string b = EncodeIndex(idx);
  std::vector<IndexEntry> back;
  ASSERT_TRUE(DecodeIndex(U(b), b.size(), &back).ok());
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[1].offset, 77u);
  ASSERT_TRUE(back[1].time.has_value());
  EXPECT_EQ(back[1].time->min_ms, -5);

  Trailer t;
  t.sha256[0] = 0xab;
  t.total_raw_bytes = 42;
  t.index_offset = 1234;
  std::string tb = EncodeTrailer(t);
  ASSERT_EQ(tb.size(), kTrailerSize);
  Trailer tt;
  ASSERT_TRUE(DecodeTrailer(U(tb), tb.size(), &tt).ok());
  EXPECT_EQ(tt.sha256[0], 0xab);
  EXPECT_EQ(tt.index_offset, 1234u);
}

TEST(Footer, TruncatedFooterAndCorruptTrailer) {
  Trailer t;
  std::string tb = EncodeTrailer(t);
  Trailer tt;
  EXPECT_EQ(DecodeTrailer(U(tb), tb.size() - 1, &tt).code(), Status::Code::kCorruption);
  std::string c = tb;
  c[40] ^= 1;
  EXPECT_EQ(DecodeTrailer(U(c), c.size(), &tt).code(), Status::Code::kChecksumMismatch);
  c = tb;
  c[79] = 'x';
  EXPECT_EQ(DecodeTrailer(U(c), c.size(), &tt).code(), Status::Code::kCorruption);
  c = tb;
  c[64] = 1;  // reserved
  FixCrc(&c, 68);
  EXPECT_EQ(DecodeTrailer(U(c), c.size(), &tt).code(), Status::Code::kCorruption);
  std::string idx = EncodeIndex({IndexEntry{}});
  std::vector<IndexEntry> e;
  EXPECT_FALSE(DecodeIndex(U(idx), idx.size() - 1, &e).ok());
}

TEST(Coding, VarintsRejectOverlongAndTruncated) {
  std::string s;
  PutVarint(&s, UINT64_MAX);
  Decoder d(s);
  uint64_t v;
  ASSERT_TRUE(d.Varint(&v));
  EXPECT_EQ(v, UINT64_MAX);
  std::string overlong(11, '\x80');
  Decoder d2(overlong);
  EXPECT_FALSE(d2.Varint(&v));
  const std::string head = s.substr(0, 3);
  Decoder d3(head);
  EXPECT_FALSE(d3.Varint(&v));
}

}  // namespace
}  // namespace at1::format
