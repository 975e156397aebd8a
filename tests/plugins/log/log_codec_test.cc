// Round trips of the `log` codec: every corpus file (whole and in small
// frames) and every byte-level edge case real logs contain.
#include <gtest/gtest.h>

#include <cstring>

#include "format.hpp"
#include "log_test_util.hpp"

namespace at1::log::test {
namespace {

TEST(LogCodec, DescriptorIsSane) {
  const at1_plugin* p = at1_plugin_entry();
  EXPECT_EQ(p->abi_major, AT1_ABI_MAJOR);
  ASSERT_EQ(p->codec_count, 1u);
  EXPECT_STREQ(codec()->name, "log");
  EXPECT_NE(codec()->probe, nullptr);
  EXPECT_EQ(p->get_codec(1), nullptr);
}

TEST(LogCodec, CorpusWholeFiles) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << corpus_dir();
  for (const auto& f : files) {
    std::string text = read_file(f);
    EXPECT_TRUE(exact(text)) << f;
  }
}

void check_frames(size_t lines) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << corpus_dir();
  for (const auto& f : files) {
    auto frames = frames_of(read_file(f), lines);
    for (size_t i = 0; i < frames.size(); ++i) EXPECT_TRUE(exact(frames[i], i)) << f << " frame " << i;
  }
}
TEST(LogCodec, CorpusFramesOf1000Lines) { check_frames(1000); }
TEST(LogCodec, CorpusFramesOf200Lines) { check_frames(200); }

TEST(LogCodec, CorpusCompressesBetterThanText) {
  // The streams must be smaller raw than the input: templates pay off.
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << corpus_dir();
  for (const auto& f : files) {
    std::string text = read_file(f);
    auto e = at1::sdk::testing::encode(codec(), text);
    ASSERT_EQ(e.status, AT1_OK);
    EXPECT_LT(e.total_stream_bytes(), text.size()) << f;
    EXPECT_LT(unpacked(e.streams)["raw"].size(), text.size() / 20) << f << ": too much verbatim";
  }
}

TEST(LogCodec, EmptyInput) { EXPECT_TRUE(exact("")); }

TEST(LogCodec, LineEndings) {
  EXPECT_TRUE(exact("2015-10-18 18:01:47,978 INFO a 1\r\n2015-10-18 18:01:48,001 INFO b 2\r\n"));
  EXPECT_TRUE(exact("x 1\r\ny 2\nz 3\r\n\n\r\n"));        // mixed
  EXPECT_TRUE(exact("x 1\ny 2"));                         // no final newline
  EXPECT_TRUE(exact("x 1\r\ny 2"));                       // CRLF, no final newline
  EXPECT_TRUE(exact("lone\rcr 5\r\n\r\r\n"));             // bare CR is content
  EXPECT_TRUE(exact("\n\n\n"));                           // empty lines only
  EXPECT_TRUE(exact("a 1\n\n\nb 2\n"));                   // empty lines between
}

TEST(LogCodec, WhitespaceAndTabs) {
  EXPECT_TRUE(exact("Jul  1 09:00:55 host kernel[0]: x = 5   \r\n"));
  EXPECT_TRUE(exact("a\t1\tb\t\t2\t\n \t \n   \n"));
  EXPECT_TRUE(exact("trailing 7 \ntrailing 8  \n"));
}

TEST(LogCodec, NonUtf8AndControlBytes) {
  EXPECT_TRUE(exact("caf\xe9 12 \xff\xfe\n\xc3\x28 7\n"));
  EXPECT_TRUE(exact(std::string("nul\0byte 5\n", 11)));
  EXPECT_TRUE(exact("ctl\x01\x02\x07\x08 9\n\x1b[31mred 4\x1b[0m\n"));
  // Bytes that look like template parameters after a placeholder.
  EXPECT_TRUE(exact("x\x02\x21\n\x07\x20 1\n"));
}

TEST(LogCodec, VeryLongLine) {
  std::string big;
  for (int i = 0; big.size() < (1u << 20) + 100; ++i) big += "token" + std::to_string(i) + " 0x1f 3.14 ";
  std::string text = "2020-01-01 00:00:00 start\n" + big + "\n2020-01-01 00:00:01 end 5";
  EXPECT_TRUE(exact(text));
  EXPECT_TRUE(exact(big));
}

// Lines of the longest modelled length made of one-byte variables: the
// largest per-line records the encoder stores, also when rare lines merge.
TEST(LogCodec, LongestLinesOfTinyVariables) {
  std::string ones;
  while (ones.size() < kMaxModelledLine - 6) ones += "1 ";
  std::string text;
  for (int i = 0; i < 6; ++i) text += ones.substr(0, kMaxModelledLine - 6) + (i % 2 ? "alphas\n" : "beta99\n");
  ASSERT_EQ(text.find('\n'), kMaxModelledLine);
  EXPECT_TRUE(exact(text));
  EXPECT_TRUE(exact(text + std::string(kMaxModelledLine, '2') + "\n"));
}

TEST(LogCodec, NumberSpellings) {
  EXPECT_TRUE(exact("v 007 -5 -0 +3 0 00 -007 9223372036854775807 9223372036854775808 -9223372036854775808\n"));
  EXPECT_TRUE(exact("big 123456789012345678901234567890 0000000000000000000000001\n"));
  EXPECT_TRUE(exact("hex 0x0 0x00ff 0xDEAD 0xdeadBEEF deadbeef12 ABCDEF12 0x 0xg\n"));
  EXPECT_TRUE(exact("f 1.5 -2.25 0.000 1.2.3 10.0.0.1 1. .5 3.14x\n"));
  EXPECT_TRUE(exact("u 38101a0b-2096-447d-96ea-a692162415ae 38101A0B-2096-447D-96EA-A692162415AE x\n"));
  EXPECT_TRUE(exact("blk_-6952295868487656571 blk_38865049064139660 R02-M1-N0-C:J12-U11\n"));
}

TEST(LogCodec, TimestampLayouts) {
  EXPECT_TRUE(exact("[Sun Dec 04 04:47:44 2005] a\n[Mon Dec 05 00:00:01 2005] b\n"));
  EXPECT_TRUE(exact("[Sun Dec 05 04:47:44 2005] wrong weekday stays text\n"));
  EXPECT_TRUE(exact("Jul  1 09:00:55 h\nJul 10 09:00:55 h\nFeb 29 23:59:59 h\nFeb 30 00:00:00 h\n"));
  EXPECT_TRUE(exact("20171223-22:15:29:606|a\n20171224-0:28:0:83|a\n20171224-0:28:00:083|a\n"));
  EXPECT_TRUE(exact("081109 203615 148 INFO\n17/06/09 20:10:40 INFO\n[10.30 16:49:06] x\n"));
  EXPECT_TRUE(exact("1117838570 2005.06.03 2005-06-03-15.42.50.675872 1117838570.123\n"));
  EXPECT_TRUE(exact("2017-05-16T00:00:00.008Z 2017-05-16_13:53:08 04/Dec/2005:04:47:44 +0000\n"));
  EXPECT_TRUE(exact("2015-13-40 25:61:61 9999-12-31 23:59:59 0000-01-01 00:00:00\n"));
}

TEST(LogCodec, ReportsTimeRange) {
  auto e = at1::sdk::testing::encode(codec(), "2020-01-01 00:00:00 a\n2020-01-01 00:00:02,500 b\n");
  ASSERT_EQ(e.status, AT1_OK);
  ASSERT_TRUE(e.stats.count(AT1_STAT_TIME));
  int64_t mn, mx;
  std::memcpy(&mn, e.stats[AT1_STAT_TIME].first.data(), 8);
  std::memcpy(&mx, e.stats[AT1_STAT_TIME].second.data(), 8);
  EXPECT_EQ(mn, 1577836800000);
  EXPECT_EQ(mx, 1577836802500);
}

TEST(LogCodec, ProbePrefersLogs) {
  const at1_codec* c = codec();
  std::string log = "2015-10-18 18:01:47,978 INFO a\n2015-10-18 18:01:48,001 WARN b\n";
  std::string csv = "a,b,c\n1,2,3\n4,5,6\n";
  EXPECT_GE(c->probe(reinterpret_cast<const uint8_t*>(log.data()), log.size()), 50);
  EXPECT_LT(c->probe(reinterpret_cast<const uint8_t*>(csv.data()), csv.size()), 10);
  EXPECT_EQ(c->probe(nullptr, 0), 0);
}

TEST(LogCodec, RejectsDamagedStreams) {
  std::string text = "2020-01-01 00:00:00 a 5 0xff 1.5 deadbeef01\nverbatim\x01 line\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  for (const auto& kv : e.streams) {
    auto broken = e.streams;
    broken.erase(kv.first);
    auto d = at1::sdk::testing::decode(codec(), broken, text.size(), 2);
    EXPECT_NE(d.status, AT1_OK) << "missing " << kv.first;
    if (kv.second.empty()) continue;
    broken = e.streams;
    broken[kv.first].pop_back();
    d = at1::sdk::testing::decode(codec(), broken, text.size(), 2);
    EXPECT_NE(d.status, AT1_OK) << "truncated " << kv.first;
  }
}

}  // namespace
}  // namespace at1::log::test
