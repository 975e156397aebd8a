// Unit tests of the `log` tokeniser and timestamp layouts.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "format.hpp"
#include "ipv4.hpp"
#include "timestamp.hpp"
#include "tokenizer.hpp"
#include "var_text.hpp"

namespace at1::log {
namespace {

// Renders a template readably: placeholders as <kind[:param]>.
std::string show(const std::string& t) {
  static const char* kNames[] = {"?", "INT", "ZINT", "HEX", "HEXU", "XNUM", "XNUMU", "TS", "FLT", "?", "?", "STR", "?", "?", "IP"};
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    const uint8_t b = static_cast<uint8_t>(t[i]);
    if (!is_placeholder(b)) {
      out += t[i];
      continue;
    }
    // Appended piece by piece: `"<" + std::string(...)` trips GCC 12's -Wrestrict.
    out += '<';
    out += kNames[b];
    if (kind_has_param(b)) {
      out += ':';
      out += std::to_string(static_cast<uint8_t>(t[++i]) - kParamBias);
    }
    out += ">";
  }
  return out;
}

struct Tok {
  bool ok;
  std::string tpl;
  std::vector<Var> vars;
};
Tok tok(const std::string& line) {
  Tokenizer t;
  Tok r;
  r.ok = t.tokenize(line, &r.tpl, &r.vars);
  r.tpl = show(r.tpl);
  return r;
}

TEST(LogTokenizer, IntegersKeepTheirSpelling) {
  auto r = tok("child 6725 slot 10 state -6 id 007");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.tpl, "child <INT> slot <INT> state <INT> id <ZINT:3>");
  ASSERT_EQ(r.vars.size(), 4u);
  EXPECT_EQ(r.vars[0].value, 6725u);
  EXPECT_EQ(static_cast<int64_t>(r.vars[2].value), -6);
  EXPECT_EQ(r.vars[3].value, 7u);
}

TEST(LogTokenizer, SignOnlyAtWordStart) {
  EXPECT_EQ(tok("blk_-695229 R02-M1 -0").tpl, "blk_<INT> R<ZINT:2>-M<INT> -<INT>");
  EXPECT_EQ(static_cast<int64_t>(tok("blk_-695229").vars[0].value), -695229);
}

TEST(LogTokenizer, HexAndUuid) {
  EXPECT_EQ(tok("0x1f 0x00ff 0xAB").tpl, "0x<XNUM> 0x<HEX:4> 0x<XNUMU>");
  EXPECT_EQ(tok("req-38101a0b-2096-447d-96ea-a692162415ae").tpl,
            "req-<HEX:8>-<HEX:4>-<HEX:4>-<HEX:4>-<HEX:12>");
  EXPECT_EQ(tok("54fadb412c4e40cd").tpl, "<HEX:16>");
  EXPECT_EQ(tok("deadbeef").tpl, "deadbeef");  // no digit: a word
}

TEST(LogTokenizer, FloatsIpsAndMixedWords) {
  EXPECT_EQ(tok("time: 0.2477829 ip 10.251.73.220:50010").tpl, "time: <FLT> ip <IP>:<INT>");
  EXPECT_EQ(tok("Brcm43xx v2 HTTP/1.1").tpl, "Brcm<INT>xx v<INT> HTTP/<FLT>");
  EXPECT_EQ(tok("1.2.3").tpl, "<INT>.<INT>.<INT>");
}

// Only canonical dotted quads (parts <= 255, no leading zeros) that are not
// part of a longer dotted chain become one address; the rest stay numbers.
TEST(LogTokenizer, Ipv4Addresses) {
  auto t = tok("from /10.250.19.102:54106 to 0.0.0.0 ok");
  EXPECT_EQ(t.tpl, "from /<IP>:<INT> to <IP> ok");
  ASSERT_EQ(t.vars.size(), 3u);
  EXPECT_EQ(t.vars[0].value, (10u << 24 | 250u << 16 | 19u << 8 | 102u));
  EXPECT_EQ(tok("v 1.2.3.4.5").tpl, "v <INT>.<INT>.<INT>.<INT>.<INT>");
  EXPECT_EQ(tok("v 1.2.3.4x").tpl, "v <INT>.<INT>.<INT>.<INT>x");
  EXPECT_EQ(tok("v 10.01.1.1").tpl, "v <INT>.<ZINT:2>.<INT>.<INT>");
  EXPECT_EQ(tok("v 256.1.1.1").tpl, "v <INT>.<INT>.<INT>.<INT>");
  EXPECT_EQ(tok("end 192.168.1.1.").tpl, "end <IP>.");
  char buf[16];
  for (uint32_t v : {0u, 0xFFFFFFFFu, 0x0A00FF09u}) {
    uint32_t back = 0;
    const size_t n = format_ipv4(v, buf);
    ASSERT_EQ(match_ipv4(buf, n, &back), n);
    EXPECT_EQ(back, v);
  }
}

TEST(LogTokenizer, LongDigitRunsSplitIntoFixedPieces) {
  auto r = tok("123456789012345678901234567890");
  EXPECT_EQ(r.tpl, "<ZINT:19><ZINT:11>");  // the rest starts with 0
}

TEST(LogTokenizer, TimestampsBecomeOneVariable) {
  EXPECT_EQ(tok("2015-10-18 18:01:47,978 INFO [main]").tpl, "<TS:0> INFO [main]");
  EXPECT_EQ(tok("[Sun Dec 04 04:47:44 2005] [notice]").tpl, "[<TS:0>] [notice]");
  EXPECT_EQ(tok("Jul  1 09:00:55 host").tpl, "<TS:0> host");
  EXPECT_EQ(tok("081109 203615 148 INFO").tpl, "<TS:0> <INT> INFO");
  EXPECT_EQ(tok("- 1117838570 2005.06.03 x").tpl, "- <TS:0> <TS:1> x");
}

TEST(LogTokenizer, PlaceholderBytesForceVerbatim) {
  EXPECT_FALSE(tok(std::string("a\x01 b")).ok);
  EXPECT_FALSE(tok(std::string("a\0b", 3)).ok);
  EXPECT_TRUE(tok("tab\there\x1b[0m").ok);
}

// --- timestamps ---

struct Parsed {
  size_t len;
  TsLayout lay;
  int64_t value;
};
Parsed ts(const std::string& s) {
  Parsed p{};
  p.len = parse_ts(s.data(), s.size(), &p.lay, &p.value);
  return p;
}

TEST(LogTimestamp, IsoWithMillis) {
  auto p = ts("2015-10-18 18:01:47,978 x");
  ASSERT_EQ(p.len, 23u);
  EXPECT_EQ(p.lay.frac_digits, 3);
  EXPECT_EQ(ts_to_millis(p.lay, p.value), 1445191307978);
  EXPECT_TRUE(ts_has_year(p.lay));
}

TEST(LogTimestamp, LayoutsRoundTrip) {
  for (const char* s : {"2015-10-18 18:01:47,978", "2017-05-16T00:00:00.008", "17/06/09 20:10:40",
                        "20171223-22:15:29:606", "20171224-0:28:0:83", "081109 203615", "10.30 16:49:06",
                        "Jul  1 09:00:55", "Jul 11 09:00:55.123456", "Sun Dec 04 04:47:44 2005",
                        "04/Dec/2005:04:47:44", "1117838570", "1117838570.123", "2005.06.03",
                        "2005-06-03-15.42.50.675872", "2017-05-16_13:53:08"}) {
    std::string text(s);
    auto p = ts(text);
    ASSERT_EQ(p.len, text.size()) << s;
    char buf[kTsMaxText];
    ASSERT_EQ(format_ts(p.lay, p.value, buf), text.size()) << s;
    EXPECT_EQ(std::string(buf, text.size()), text) << s;
  }
}

TEST(LogTimestamp, RejectsImpossibleDates) {
  for (const char* s : {"2015-02-30 00:00:00", "2015-10-18 24:00:00", "Sat Dec 04 04:47:44 2005",
                        "10.251.73.220", "12345678901"})
    EXPECT_EQ(ts(s).len, 0u) << s;
  // A fraction of more than 9 digits leaves only the date as a timestamp.
  EXPECT_EQ(ts("2015-10-18 18:01:47,9781234567").len, 10u);
}

TEST(LogTimestamp, FormatRejectsOutOfRange) {
  TsLayout l;
  l.kind = kTsNumeric, l.year = 4, l.date_sep = '-';
  char buf[kTsMaxText];
  EXPECT_EQ(format_ts(l, INT64_MAX, buf), 0u);
  EXPECT_EQ(format_ts(l, INT64_MIN, buf), 0u);
}

// The caches that reuse a second's text must print exactly what format_ts
// prints: same second with other fractions, other seconds, out-of-range values.
TEST(LogTimestamp, SecondCachesPrintLikeFormatTs) {
  std::vector<TsLayout> layouts;
  for (const char* s : {"2015-10-18 18:01:47,978", "20171224-0:28:0:83", "Jul 11 09:00:55.123456", "081109 203615",
                        "Jul  1 09:00:55", "2017-05-16T00:00:00.008", "10.30 16:49:06",
                        "Sun Dec 04 04:47:44 2005", "Sun Dec  4 04:47:44 2005", "04/Dec/2005:04:47:44", "1117838570.123",
                        "1117838570", "2005.06.03", "20171223-22:15:29:606"})
    layouts.push_back(ts(s).lay);
  TsPrinter printer(layouts);
  TsTextCache cache;
  uint64_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    const size_t li = (x >> 60) % layouts.size();
    int64_t v = ts_rebase(layouts[0], 1445191307978, layouts[li]) + static_cast<int64_t>((x >> 20) % 5000);
    // Every third value jumps up to ~3 days: new seconds within and across
    // days; others step a second (the next second of a day).
    if (i % 3 == 0) v += ts_units_per_second(layouts[li]) * static_cast<int64_t>((x >> 33) % 250000);
    if (i % 3 == 1) v += ts_units_per_second(layouts[li]) * (i % 7);
    if (i % 997 == 0) v = INT64_MAX - static_cast<int64_t>(i);  // unprintable
    char want[kTsMaxText], a[kTsMaxText], b[kTsMaxText];
    const size_t n = format_ts(layouts[li], v, want);
    ASSERT_EQ(printer.print(li, v, a), n) << i;
    ASSERT_EQ(cache.format(layouts[li], v, b), n) << i;
    EXPECT_EQ(std::string(a, n), std::string(want, n)) << i;
    EXPECT_EQ(std::string(b, n), std::string(want, n)) << i;
  }
}

// Numbers print two digits at a time from a length found by bit count: check
// every length boundary against the standard library.
TEST(LogVarText, NumbersPrintLikeToString) {
  std::vector<uint64_t> values = {0, UINT64_MAX};
  for (uint64_t p = 1; p <= UINT64_MAX / 10; p *= 10)
    for (uint64_t v : {p - 1, p, p + 1, p * 10 - 1}) values.push_back(v);
  values.push_back(10000000000000000000ull);
  char buf[32];
  for (uint64_t v : values) {
    EXPECT_EQ(std::string(buf, put_u64(buf, v)), std::to_string(v));
    const auto s = static_cast<int64_t>(v);
    EXPECT_EQ(std::string(buf, put_int(buf, v)), std::to_string(s));
    const std::string d = std::to_string(v), padded = std::string(20 - d.size(), '0') + d;
    for (size_t w = 1; w <= 20; ++w) EXPECT_EQ(std::string(buf, put_fixed(buf, v, w)), padded.substr(20 - w)) << v;
  }
  EXPECT_EQ(std::string(buf, put_int(buf, static_cast<uint64_t>(INT64_MIN))), std::to_string(INT64_MIN));
}

}  // namespace
}  // namespace at1::log
