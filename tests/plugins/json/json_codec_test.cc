// Unit tests of the `json` codec: every exactness case of the issue, the
// modelled-vs-verbatim split, numbers, statistics, probe, corrupt streams.
#include <cstring>
#include <string>

#include "json_number.h"
#include "json_scanner.h"
#include "json_test_util.h"

namespace {

using json_test::codec;
using json_test::expect_round_trip;
using json_test::verbatim_bytes;

TEST(JsonCodec, DescriptorIsSane) {
  const at1_plugin* p = at1_plugin_entry();
  EXPECT_EQ(p->abi_major, AT1_ABI_MAJOR);
  ASSERT_EQ(p->codec_count, 1u);
  EXPECT_STREQ(codec()->name, "json");
  EXPECT_NE(codec()->probe, nullptr);
  EXPECT_EQ(p->get_codec(1), nullptr);
}

TEST(JsonCodec, EmptyInput) { expect_round_trip(""); }

TEST(JsonCodec, WhitespaceInsideLinesIsModelledExactly) {
  std::string text =
      "{\"a\": 1, \"b\" :\t\"x\" }\n"
      "{\"a\":1,\"b\":\"x\"}\n"
      "  { \"a\" : [ 1 , 2 ] }  \n"
      "{\"a\":\r1}\n"
      "\t[1,\t2]\t\n";
  auto s = expect_round_trip(text);
  EXPECT_EQ(verbatim_bytes(s), 0u) << "whitespace variants should use templates";
}

TEST(JsonCodec, UnicodeEscapesAndRawUtf8StayAsWritten) {
  std::string text =
      "{\"k\\u00e9y\":\"caf\\u00E9 \\ud83d\\ude00\",\"b\":\"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}\n"
      "{\"k\\u00e9y\":\"café 😀\",\"b\":\"plain\"}\n"
      "{\"k\\u00e9y\":\"\\u0000\",\"b\":\"\xff\xfe bytes\"}\n";
  auto s = expect_round_trip(text);
  EXPECT_EQ(verbatim_bytes(s), 0u);
}

TEST(JsonCodec, DuplicateKeysKeepOrderAndValues) {
  std::string text = "{\"a\":1,\"a\":2,\"b\":3,\"a\":\"x\"}\n{\"a\":4,\"a\":5,\"b\":6,\"a\":null}\n";
  auto s = expect_round_trip(text);
  EXPECT_EQ(verbatim_bytes(s), 0u);
}

TEST(JsonCodec, VeryLongLines) {
  std::string big = "{\"id\":1,\"blob\":\"" + std::string(1500000, 'z') + "\",\"arr\":[";
  for (int i = 0; i < 20000; ++i) big += (i ? "," : "") + std::to_string(i * 7);
  big += "]}\n{\"id\":2,\"blob\":\"short\",\"arr\":[]}\n";
  auto s = expect_round_trip(big);
  EXPECT_EQ(verbatim_bytes(s), 0u);
}

TEST(JsonCodec, BlankAndWhitespaceOnlyLines) {
  expect_round_trip("\n\n{\"a\":1}\n\n   \n\t\n{\"a\":2}\n\n");
  expect_round_trip("\n");
  expect_round_trip("   ");
}

TEST(JsonCodec, InvalidJsonLinesGoVerbatim) {
  std::string text =
      "{\"a\":1}\n"
      "not json at all\n"
      "{\"a\":1,}\n"
      "{\"a\":01}\n"
      "{\"a\":NaN}\n"
      "{\"a\":\"unterminated}\n"
      "{\"a\":\"tab\there\"}\n"
      "{\"a\":\"bad \\x escape\"}\n"
      "{\"a\":1}}\n"
      "[1,2\n"
      "{'a':1}\n"
      "{\"a\":tru}\n"
      "{\"a\":1} trailing\n"
      "{\"a\":-}\n"
      "{\"a\":1.}\n"
      "{\"a\":1e}\n"
      "\x01\x02\x03\n"
      "{\"a\":2}\n";
  auto s = expect_round_trip(text);
  EXPECT_GT(verbatim_bytes(s), 0u);
  // The two valid lines are modelled, not verbatim.
  EXPECT_EQ(s["verb"].find("{\"a\":1}\n{"), std::string::npos);
}

TEST(JsonCodec, LineEndings) {
  expect_round_trip("{\"a\":1}\r\n{\"a\":2}\r\n");
  expect_round_trip("{\"a\":1}\r\n{\"a\":2}\n{\"a\":3}\r\n{\"a\":4}");
  expect_round_trip("{\"a\":1}\n{\"a\":2}");
  expect_round_trip("{\"a\":1}\r\r\n{\"a\":\"\r\"}\n");
  expect_round_trip("bad\r\n{\"a\":1}\r\n");
}

TEST(JsonCodec, NumberSpellingsAreExact) {
  std::string text =
      "{\"n\":1.50}\n{\"n\":1e3}\n{\"n\":-0}\n{\"n\":-0.0}\n{\"n\":0.0}\n{\"n\":1E+3}\n"
      "{\"n\":2.5e-07}\n{\"n\":123456789012345678901234567890}\n{\"n\":-9223372036854775808}\n"
      "{\"n\":9223372036854775807}\n{\"n\":0.000000000000000000000000000001}\n{\"n\":100}\n"
      "{\"n\":0.05}\n{\"n\":-0.5}\n{\"n\":10.250}\n{\"n\":999999999999999999}\n"
      "{\"n\":1000000000000000000}\n{\"n\":0}\n{\"n\":-1}\n"
      "{\"n\":\"007\"}\n{\"n\":\"1.50\"}\n{\"n\":\"-0\"}\n{\"n\":\"\"}\n{\"n\":\"12\"}\n";
  auto s = expect_round_trip(text);
  EXPECT_EQ(verbatim_bytes(s), 0u);
}

TEST(JsonCodec, DecimalHelpersRoundTrip) {
  for (const char* t : {"0", "-1", "1.50", "0.05", "10.250", "999999999999999999", "0.0",
                        "0.0001309607003215936", "-123.000", "1234567890123456789",
                        "-9223372036854775807", "9223372036854775807"}) {
    int64_t m;
    uint8_t sc;
    ASSERT_TRUE(at1json::parse_decimal(t, &m, &sc)) << t;
    char buf[at1json::kMaxDecimalText];
    EXPECT_EQ(std::string(buf, at1json::render_decimal(m, sc, buf)), t);
  }
  for (const char* t : {"-0", "-0.0", "01", "1.", ".5", "1e3", "+1", "", "-", "9223372036854775808",
                        "12345678901234567890", "99999999999999999999"}) {
    int64_t m;
    uint8_t sc;
    EXPECT_FALSE(at1json::parse_decimal(t, &m, &sc)) << t;
  }
}

TEST(JsonCodec, TimestampStringsAreExact) {
  std::string text =
      "{\"d\":\"2001/01/01 00:47\"}\n{\"d\":\"2001/01/01 01:10\"}\n{\"d\":\"2001/02/30 01:10\"}\n"
      "{\"d\":\"1969-12-31 23:59\"}\n{\"d\":\"2001/01/01 24:00\"}\n{\"d\":\"2001/01/01 1:10\"}\n"
      "{\"d\":\"2001/01/01 00:47Z\"}\n{\"d\":\"9999/12/31 23:59\"}\n{\"d\":\"2000/02/29 12:00\"}\n"
      "{\"d\":\"2001/01/01\"}\n{\"d\":7}\n{\"d\":\"\"}\n";
  auto s = expect_round_trip(text);
  EXPECT_EQ(verbatim_bytes(s), 0u);
  EXPECT_FALSE(s["time"].empty()) << "timestamps should be stored as counts";
  expect_round_trip(
      "{\"t\":\"2000-01-01T08:00:00.000Z\"}\n{\"t\":\"2000-02-01T08:00:00.123Z\"}\n"
      "{\"t\":\"2000-02-01T08:00:00.12Z\"}\n{\"t\":\"2000-02-01T08:00:60.000Z\"}\n"
      "{\"t\":\"2013-07-20\"}\n{\"t\":\"2013-07-20+01:00\"}\n");
}

TEST(JsonCodec, NestedArraysAndObjects) {
  std::string text =
      "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[-118.66,34.49,26.4]},\"p\":{\"q\":{\"r\":[[1,2],[3,[4,{\"s\":5}]]]}}}\n"
      "[[],{},[[[]]],{\"a\":{}}]\n"
      "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3,4],[5,6],[7,8],[9,10],[1,2]]]}}\n";
  auto s = expect_round_trip(text);
  EXPECT_EQ(verbatim_bytes(s), 0u);
  std::string deep(600, '[');
  deep += std::string(600, ']') + "\n";
  expect_round_trip(deep + text);
}

TEST(JsonCodec, HeterogeneousRecordsAndTypeChanges) {
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += "{\"id\":" + std::to_string(i);
    if (i % 3 == 0) text += ",\"v\":" + std::to_string(i * 1.5);
    if (i % 3 == 1) text += ",\"v\":\"s" + std::to_string(i) + "\"";
    if (i % 5 == 0) text += ",\"v\":null,\"extra\":[true,false]";
    if (i % 7 == 0) text += ",\"v\":{\"nested\":" + std::to_string(i) + "}";
    text += "}\n";
  }
  text += "5\n\"just a string\"\ntrue\nnull\n";
  auto s = expect_round_trip(text);
  EXPECT_EQ(verbatim_bytes(s), 0u);
}

TEST(JsonCodec, FrameIndexDoesNotMatter) {
  std::string text = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n";
  expect_round_trip(text, 0);
  expect_round_trip(text, 7);
}

TEST(JsonCodec, ReportsStatistics) {
  std::string text =
      "{\"time\":\"2018-02-07T01:00:00.000Z\",\"n\":3,\"f\":1.5}\n"
      "{\"time\":\"2018-02-07T00:00:00.000Z\",\"n\":-2,\"f\":-0.25}\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  ASSERT_TRUE(e.stats.count("time"));
  int64_t lo, hi;
  std::memcpy(&lo, e.stats["time"].first.data(), 8);
  std::memcpy(&hi, e.stats["time"].second.data(), 8);
  EXPECT_EQ(lo, 1517961600000);
  EXPECT_EQ(hi, 1517965200000);
  ASSERT_TRUE(e.stats.count("f.n"));
  std::memcpy(&lo, e.stats["f.n"].first.data(), 8);
  std::memcpy(&hi, e.stats["f.n"].second.data(), 8);
  EXPECT_EQ(lo, -2);
  EXPECT_EQ(hi, 3);
  ASSERT_TRUE(e.stats.count("f.f"));
  double dlo, dhi;
  std::memcpy(&dlo, e.stats["f.f"].first.data(), 8);
  std::memcpy(&dhi, e.stats["f.f"].second.data(), 8);
  EXPECT_EQ(dlo, -0.25);
  EXPECT_EQ(dhi, 1.5);
}

TEST(JsonCodec, ProbePrefersNdjson) {
  auto probe = [](std::string_view s) {
    return codec()->probe(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  };
  EXPECT_GE(probe("{\"a\":1}\n{\"b\":[2]}\n"), 80);
  EXPECT_LE(probe("2018-01-01 INFO hello\n2018-01-01 WARN x\n"), 5);
  EXPECT_LE(probe("a,b,c\n1,2,3\n"), 5);
  EXPECT_EQ(probe(""), 0);
}

TEST(JsonCodec, CorruptStreamsAreRejected) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "{\"a\":" + std::to_string(i % 4) + ",\"b\":\"s" + std::to_string(i) + "\"}\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  for (const auto& kv : e.streams) {
    if (kv.second.empty()) continue;
    auto broken = e.streams;
    broken[kv.first].pop_back();
    auto d = at1::sdk::testing::decode(codec(), broken, text.size(), 50);
    EXPECT_NE(d.status, AT1_OK) << "truncated " << kv.first;
    broken = e.streams;
    broken.erase(kv.first);
    d = at1::sdk::testing::decode(codec(), broken, text.size(), 50);
    EXPECT_NE(d.status, AT1_OK) << "missing " << kv.first;
  }
}

}  // namespace
