// The columnar codec's building blocks: number and date spellings re-print
// exactly or refuse, delimiter detection, record parsing.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "csv_parse.h"
#include "datetime_format.h"
#include "dialect.h"
#include "number_format.h"
#include "number_print.h"
#include "at1/cpp/string_index.hpp"

namespace {

using namespace at1::columnar;

std::string fmt(int64_t m, NumberSpec s) {
  char buf[kNumberTextMax];
  return std::string(buf, format_number(m, s, buf));
}

TEST(ColumnarNumber, ParsesAndPrintsExactly) {
  int64_t m;
  NumberSpec fixed2{2, kFracFixed, 1};
  EXPECT_TRUE(parse_number_exact("1.50", fixed2, &m));
  EXPECT_EQ(m, 150);
  EXPECT_FALSE(parse_number_exact("1.5", fixed2, &m));
  EXPECT_FALSE(parse_number_exact("+1.50", fixed2, &m));
  EXPECT_FALSE(parse_number_exact("-0.00", fixed2, &m));
  EXPECT_TRUE(parse_number_exact("-0.25", fixed2, &m));
  EXPECT_EQ(fmt(m, fixed2), "-0.25");
  NumberSpec pad5{0, kFracFixed, 5};
  EXPECT_TRUE(parse_number_exact("00501", pad5, &m));
  EXPECT_EQ(fmt(m, pad5), "00501");
  EXPECT_TRUE(parse_number_exact("123456", pad5, &m));
  EXPECT_FALSE(parse_number_exact("0501", pad5, &m));
  NumberSpec nolead{3, kFracFixed, 0};
  EXPECT_TRUE(parse_number_exact(".097", nolead, &m));
  EXPECT_EQ(fmt(m, nolead), ".097");
  NumberSpec trim{6, kFracTrim, 1};
  EXPECT_TRUE(parse_number_exact("40.92", trim, &m));
  EXPECT_EQ(m, 40920000);
  EXPECT_TRUE(parse_number_exact("7", trim, &m));
  EXPECT_FALSE(parse_number_exact("7.0", trim, &m));
  NumberSpec keep1{4, kFracTrimKeep1, 1};
  EXPECT_TRUE(parse_number_exact("7.0", keep1, &m));
  EXPECT_EQ(fmt(m, keep1), "7.0");
  EXPECT_FALSE(parse_number_exact("7", keep1, &m));
  EXPECT_FALSE(parse_number_exact("1234567890123456789", NumberSpec{0, 0, 1}, &m));
}

TEST(ColumnarNumber, RandomSpellingsNeverMisprint) {
  // Property: whenever a spelling parses under a spec, it prints back the same.
  std::mt19937 rng(7);
  const char alphabet[] = "0123456789.-+ e";
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    int len = 1 + static_cast<int>(rng() % 9);
    for (int k = 0; k < len; ++k) s += alphabet[rng() % (sizeof alphabet - 1)];
    NumberSpec spec{static_cast<uint8_t>(rng() % 5), static_cast<uint8_t>(rng() % 3),
                    static_cast<uint8_t>(rng() % 4)};
    int64_t m;
    if (parse_number_exact(s, spec, &m)) {
      ASSERT_EQ(fmt(m, spec), s) << "spec " << int(spec.scale);
    }
  }
}

size_t print_split(const NumberPrinter& printer, int scale, int64_t v, char* out) {
  switch (scale) {
    case 0: return printer.print_split<0>(v, out);
    case 1: return printer.print_split<1>(v, out);
    case 2: return printer.print_split<2>(v, out);
    case 3: return printer.print_split<3>(v, out);
    case 4: return printer.print_split<4>(v, out);
    case 5: return printer.print_split<5>(v, out);
    case 6: return printer.print_split<6>(v, out);
    case 7: return printer.print_split<7>(v, out);
    default: return printer.print_split<8>(v, out);
  }
}

// Decode's fast printer must write exactly what format_number writes, for
// every spec read_spec accepts (hostile ones too) and values of every
// length, at the digit-count edges and at random.
TEST(ColumnarNumber, FastPrinterMatchesFormatNumber) {
  std::mt19937_64 rng(11);
  std::vector<int64_t> values = {0, 1, -1, 9, 10, 99, 100, INT64_MAX, INT64_MIN, INT64_MIN + 1};
  for (int d = 1; d <= 18; ++d) {
    const int64_t p = static_cast<int64_t>(kNumberPow10[d]);
    for (int64_t v : {p - 1, p, p + 1, p * 9 / 10, p / 2 + 7}) {
      values.push_back(v);
      values.push_back(-v);
    }
  }
  for (int i = 0; i < 20000; ++i) {
    const int64_t v = static_cast<int64_t>(rng() >> (rng() % 64));
    values.push_back(rng() & 1 ? -v : v);
  }
  size_t checked_fast = 0, checked_split = 0;
  for (int scale = 0; scale <= kMaxScale; ++scale) {
    for (int mode = kFracFixed; mode <= kFracTrimKeep1; ++mode) {
      for (int width = 0; width <= kMaxWidth; ++width) {
        for (int zeros : {0, 1, 3, 18}) {
          if (zeros && scale) continue;
          NumberSpec spec{static_cast<uint8_t>(scale), static_cast<uint8_t>(mode),
                          static_cast<uint8_t>(width), kNoBinary32, static_cast<uint8_t>(zeros)};
          NumberPrinter printer(spec);
          for (size_t i = 0; i < values.size(); i += (scale + width + zeros) % 7 + 1) {
            const int64_t v = values[i];
            char want[kNumberTextMax], got[kNumberTextMax];
            const size_t want_n = format_number(v, spec, want);
            const size_t got_n = printer.print(v, got);
            ASSERT_EQ(std::string(got, got_n), std::string(want, want_n))
                << "value " << v << " scale " << scale << " mode " << mode << " width " << width
                << " zeros " << zeros;
            const int fast = printer.fast_digits(printer.magnitude(v));
            checked_fast += fast != 0;
            // A run mixing lengths prints short values with the 16-digit path.
            if (fast == 8) {
              const size_t n16 = printer.print_fast<16>(v, got);
              ASSERT_EQ(std::string(got, n16), std::string(want, want_n)) << "16-digit path, value " << v;
            }
            // The split path, for layouts and values it takes.
            const int split = printer.split_scale();
            if (split != NumberPrinter::kNoSplit && NumberPrinter::plain_magnitude(v) < NumberPrinter::split_limit(split)) {
              ++checked_split;
              const size_t ns = print_split(printer, split, v, got);
              ASSERT_EQ(std::string(got, ns), std::string(want, want_n))
                  << "split path, value " << v << " scale " << scale << " mode " << mode << " width " << width;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(checked_fast, 100000u);  // the fast paths were exercised, not just the fallback
  EXPECT_GT(checked_split, 10000u);
}

TEST(ColumnarDate, LayoutsRoundTrip) {
  const char* ok[] = {"2000-01-03", "2000/02/29", "2010-01-01T01:00:00", "1999-12-31 23:59:59.5",
                      "00:00:00.008", "23:59:59", "2021-03-04T05:06:07.123456Z", "0000-01-01",
                      "9999-12-31"};
  for (const char* s : ok) {
    DateSpec spec;
    ASSERT_TRUE(detect_date_layout(s, &spec)) << s;
    int64_t v;
    ASSERT_TRUE(parse_date_exact(s, spec, &v)) << s;
    char buf[kDateTextMax];
    EXPECT_EQ(std::string(buf, format_date(v, spec, buf)), s);
  }
  const char* bad[] = {"2001-02-29", "2000-13-01", "2000-00-10", "24:00:00", "23:59:60",
                       "2000-01-01T12:00"};
  for (const char* s : bad) {
    DateSpec spec;
    int64_t v;
    if (detect_date_layout(s, &spec)) {
      EXPECT_FALSE(parse_date_exact(s, spec, &v)) << s;
    }
  }
  DateSpec d;
  ASSERT_TRUE(detect_date_layout("1970-01-02", &d));
  int64_t v;
  ASSERT_TRUE(parse_date_exact("1970-01-02", d, &v));
  EXPECT_EQ(v, 1);
  EXPECT_EQ(date_to_millis(v, d), 86400000);
  char buf[kDateTextMax];
  EXPECT_EQ(format_date(int64_t(1) << 60, d, buf), 0u);  // hostile value: refused
}

TEST(ColumnarDialect, DetectsDelimiter) {
  EXPECT_EQ(detect_delimiter("a,b,c\n1,2,3\n").delim, ',');
  EXPECT_EQ(detect_delimiter("a\tb,x\n1\t2,y\n3\t4\n").delim, '\t');
  EXPECT_EQ(detect_delimiter("a;b\n1,5;2\n3;4\n").delim, ';');
  EXPECT_EQ(detect_delimiter("\"x,y\"|b\n1|2\n").delim, '|');
  char c;
  EXPECT_TRUE(parse_delimiter_option("tab", &c));
  EXPECT_EQ(c, '\t');
  EXPECT_FALSE(parse_delimiter_option("\"", &c));
  EXPECT_FALSE(parse_delimiter_option("ab", &c));
}

TEST(ColumnarParse, RecordsAndFailures) {
  std::vector<Cell> f;
  std::string arena;
  arena.reserve(64);
  uint8_t eol;
  std::string s = "a,\"b \"\"q\"\"\",\"x\ny\"\r\nnext";
  const char* next = parse_record(s.data(), s.data() + s.size(), ',', &f, &arena, &eol);
  ASSERT_NE(next, nullptr);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[1].view(), "b \"q\"");
  EXPECT_EQ(f[2].view(), "x\ny");
  EXPECT_EQ(std::string(next), "next");
  EXPECT_EQ(eol, 2);
  std::string bad = "\"open,1\n2,3\n";
  EXPECT_EQ(parse_record(bad.data(), bad.data() + bad.size(), ',', &f, &arena, &eol), nullptr);
}

}  // namespace

namespace {

// The dictionary index: ids in first-seen order, equal strings one id, no
// confusion between strings that differ in one byte or only in length
// (every tail length of the hash, 0..40 bytes).
TEST(ColumnarStringIndex, IdsFollowFirstUse) {
  std::vector<std::string> keys;
  for (size_t len = 0; len <= 40; ++len) {
    std::string base(len, 'a');
    keys.push_back(base);
    for (size_t i = 0; i < len; ++i) {
      std::string k = base;
      k[i] = 'b';
      keys.push_back(k);
    }
    keys.push_back(base + std::string(1, '\0'));
  }
  at1::sdk::StringIndex index;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < keys.size(); ++i) {
      bool fresh;
      ASSERT_EQ(index.intern(keys[i], &fresh), i);
      EXPECT_EQ(fresh, pass == 0);
    }
  }
  EXPECT_EQ(index.size(), keys.size());
  EXPECT_FALSE(at1::sdk::same_text("abcdefgh1", "abcdefgh2"));
  EXPECT_TRUE(at1::sdk::same_text("abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz"));
}

}  // namespace
