// The columnar codec's building blocks: date spellings re-print exactly or
// refuse, delimiter detection, record parsing, dictionary indexes, value
// blocks, the cost model (number spellings: columnar_number_test.cc).
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "at1/cpp/civil_time.hpp"
#include "column_spec.h"
#include "cost_model.h"
#include "columnar_test_util.h"
#include "csv_parse.h"
#include "date_print.h"
#include "datetime_format.h"
#include "dict_index.h"
#include "dialect.h"
#include "number_format.h"
#include "separator_scan.h"
#include "plane_unpack.h"
#include "value_blocks.h"
#include "at1/cpp/string_index.hpp"

namespace {

using namespace at1::columnar;

// CostModel's estimate against its definition with the left-out bits
// summed per value: values of every bit width, and runs of one value.
TEST(ColumnarFormat, CostModelMatchesRunningSum) {
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 50; ++trial) {
    CostModel model;
    std::vector<uint32_t> counts(16 + 60 * 16);
    uint64_t extra = 0;
    const int values = 1 + static_cast<int>(rng() % 5000);
    for (int i = 0; i < values; ++i) {
      const uint64_t u = trial % 3 == 0 && i % 4 ? 12345 : rng() >> (rng() % 64);
      model.add(u);
      const int s = std::max(static_cast<int>(std::bit_width(u)) - 5, 0);
      ++counts[16 * static_cast<size_t>(s) + (u >> s)];
      extra += static_cast<uint64_t>(s);
    }
    uint64_t n = 0;
    for (uint32_t c : counts) n += c;
    double want = static_cast<double>(extra);
    for (uint32_t c : counts)
      if (c) want += c * std::log2(static_cast<double>(n) / c) + 12;
    ASSERT_EQ(model.bits(), want) << "trial " << trial;
  }
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

// parse_date_exact checks the day of the month directly: it must accept
// exactly the dates that survive days_from_civil and back, leap years
// included (a full 400-year cycle, and the years at the ends of the range).
TEST(ColumnarFormat, DateDayCheckMatchesCivilRoundTrip) {
  DateSpec spec;
  ASSERT_TRUE(detect_date_layout("2000-01-01", &spec));
  std::vector<int> years;
  for (int y = 1800; y < 2200; ++y) years.push_back(y);
  for (int y : {0, 1, 4, 100, 400, 9996, 9999}) years.push_back(y);
  size_t accepted = 0;
  for (int y : years) {
    for (unsigned m = 0; m <= 13; ++m) {
      for (unsigned d = 0; d <= 32; ++d) {
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
        bool valid = false;
        if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
          int64_t y2;
          unsigned m2, d2;
          at1::sdk::civil_from_days(at1::sdk::days_from_civil(y, m, d), &y2, &m2, &d2);
          valid = y2 == y && m2 == m && d2 == d;
        }
        int64_t v = -1;
        ASSERT_EQ(parse_date_exact(text, spec, &v), valid) << text;
        if (valid) {
          ++accepted;
          EXPECT_EQ(v, at1::sdk::days_from_civil(y, m, d)) << text;
        }
      }
    }
  }
  EXPECT_EQ(accepted, 400u * 365 + 97 + 366 * 4 + 365 * 3);  // 0, 4, 400, 9996 leap; 1, 100, 9999 not
}

// The next delimiter or LF at or after `at`, the obvious way.
static const char* naive_separator(const char* at, const char* end, char delim) {
  while (at < end && *at != delim && *at != '\n') ++at;
  return at;
}

// SeparatorScanner (64-byte windows) and scan_separator (its tail) find the
// same separator as a byte loop: fields of every length (empty, across
// window edges, longer than a window), positions asked forwards, backwards
// and at random, near the end of the buffer, in an empty buffer.
TEST(ColumnarFormat, SeparatorScanMatchesByteLoop) {
  std::mt19937 rng(7);
  for (char delim : {',', '\t', ';'}) {
    for (size_t size : {size_t(0), size_t(1), size_t(63), size_t(64), size_t(65), size_t(300), size_t(5000)}) {
      for (int density : {2, 9, 200, 100000}) {
        std::string text(size, 'x');
        for (char& c : text) {
          const uint32_t r = rng() % static_cast<uint32_t>(density);
          c = r == 0 ? delim : r == 1 ? '\n' : static_cast<char>('a' + rng() % 26);
        }
        const char* begin = text.data();
        const char* end = begin + text.size();
        SeparatorScanner scanner(end, delim);
        // Forwards, field by field, as the parser walks.
        for (const char* p = begin;;) {
          const char* want = naive_separator(p, end, delim);
          ASSERT_EQ(scanner.next(p), want) << size << " at " << (p - begin);
          ASSERT_EQ(scan_separator(p, end, delim), want);
          if (want == end) break;
          p = want + 1;
        }
        // Anywhere, in any order (a failed record resumes behind the window).
        for (int k = 0; k < 200; ++k) {
          const char* p = begin + (size ? rng() % (size + 1) : 0);
          ASSERT_EQ(scanner.next(p), naive_separator(p, end, delim)) << size << " at " << (p - begin);
        }
        ASSERT_EQ(scanner.next(end), end);
      }
    }
  }
}

// needs_quotes (16-byte steps, overlapping loads) against a byte loop: every
// length 0..40, each special byte at each position, none at all, bytes
// that differ from a special one by a bit, and a NUL delimiter.
TEST(ColumnarFormat, NeedsQuotesMatchesByteLoop) {
  for (char delim : {',', '\t', '\0'}) {
    auto naive = [delim](std::string_view v) {
      for (char c : v)
        if (c == delim || c == '"' || c == '\n' || c == '\r') return true;
      return false;
    };
    for (size_t len = 0; len <= 40; ++len) {
      // Padding around the value must not be looked at.
      std::string buf = "\"\n\r" + std::string(len, 'a') + std::string(1, delim) + "\"\n\r";
      std::string_view v(buf.data() + 3, len);
      ASSERT_FALSE(needs_quotes(v, delim)) << len;
      for (size_t at = 0; at < len; ++at) {
        for (char c : {delim, '"', '\n', '\r', '-', '\x8d', '\x0c', 'b'}) {
          buf[3 + at] = c;
          ASSERT_EQ(needs_quotes(v, delim), naive(v)) << len << " at " << at << " byte " << int(c);
          buf[3 + at] = 'a';
        }
      }
    }
  }
}

// same_value (16-byte steps past 16 bytes) against ==: lengths 0..70, equal
// texts at different addresses, one byte changed at each position, and
// lengths that differ.
TEST(ColumnarFormat, SameValueMatchesEquality) {
  for (size_t len = 0; len <= 70; ++len) {
    std::string a(len, 'k'), b = "#" + std::string(len, 'k') + "#";
    for (size_t i = 0; i < len; ++i) a[i] = b[i + 1] = static_cast<char>('a' + i % 26);
    std::string_view vb(b.data() + 1, len);
    ASSERT_TRUE(same_value(a, vb)) << len;
    ASSERT_FALSE(same_value(a, std::string_view(b.data(), len + 1))) << len;
    for (size_t at = 0; at < len; ++at) {
      b[at + 1] ^= 0x20;
      ASSERT_FALSE(same_value(a, vb)) << len << " at " << at;
      b[at + 1] ^= 0x20;
    }
  }
}

// DictIndex gives the ids a first-seen map gives: values of every length
// around the inline limit (0..40 bytes), ones that differ only in a middle
// byte or in length, NUL bytes, and enough distinct values to rehash often.
TEST(ColumnarFormat, DictIndexMatchesFirstSeenMap) {
  std::mt19937 rng(11);
  std::vector<std::string> values;
  for (size_t len = 0; len <= 40; ++len) {
    for (int k = 0; k < 300; ++k) {
      std::string v(len, 'a');
      for (char& c : v) c = static_cast<char>("ab\0z"[rng() % 4]);
      values.push_back(v);
    }
  }
  values.push_back(std::string(17, 'q'));
  values.push_back(std::string(16, 'q'));
  values.push_back(std::string(15, 'q'));
  std::string mid(33, 'm');
  values.push_back(mid);
  mid[16] = 'n';
  values.push_back(mid);  // same length and ends as the one before
  std::vector<std::string_view> stream;
  for (int round = 0; round < 3; ++round)
    for (size_t i = 0; i < values.size(); ++i) stream.push_back(values[(i * 7 + round) % values.size()]);
  DictIndex index;
  std::unordered_map<std::string_view, uint32_t> want;
  for (std::string_view v : stream) {
    bool fresh = false;
    const uint32_t id = index.intern(v, &fresh);
    auto [it, added] = want.emplace(v, static_cast<uint32_t>(want.size()));
    ASSERT_EQ(fresh, added) << v.size();
    ASSERT_EQ(id, it->second) << v.size();
    ASSERT_EQ(index.size(), want.size());
  }
  EXPECT_GT(want.size(), 5000u);
}

// DatePrinter keeps the month or day in use: every layout, values in order
// (runs inside a month or day, across month, year and leap-day edges) and
// jumping about (misses), and values format_date refuses.
TEST(ColumnarDate, PrinterMatchesFormatDate) {
  std::vector<DateSpec> specs;
  for (uint8_t has_date : {0, 1})
    for (uint8_t has_time : {0, 1})
      for (uint8_t frac = 0; frac <= kMaxDateFrac; ++frac)
        for (uint8_t zulu : {0, 1})
          for (char date_sep : {'-', '/'})
            for (char time_sep : {'T', ' '}) {
              const DateSpec spec{has_date, date_sep, has_time, time_sep, frac, zulu};
              if (date_spec_valid(spec)) specs.push_back(spec);
            }
  ASSERT_GT(specs.size(), 40u);
  // Days: years 0 and 9999 at both ends, 1900 (not leap), 2000 (leap), 1970.
  const int64_t kDays[] = {-719528, -719527, -719468, -25567, -25509, 0, 10956, 11016, 11017, 2932896};
  std::mt19937_64 rng(5);
  for (const DateSpec& spec : specs) {
    int64_t unit = 1;
    for (int i = 0; i < spec.frac; ++i) unit *= 10;
    const int64_t per_day = spec.has_time ? 86400 * unit : 1;
    std::vector<int64_t> values = {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
                                   -1, 0, per_day - 1, per_day};
    // Days of years 0..9999 (a time alone has day 0 only; its values would overflow).
    for (int64_t d : spec.has_date ? std::vector<int64_t>(std::begin(kDays), std::end(kDays)) : std::vector<int64_t>{}) {
      // A walk through the days around d, with steps inside and across days.
      const int64_t step = spec.has_time ? per_day / 7 + 1 : 1;
      for (int64_t v = (d - 40) * per_day; v < (d + 40) * per_day; v += step) values.push_back(v);
      values.push_back(d * per_day - 1);
      values.push_back(d * per_day + per_day - 1);
    }
    if (spec.has_date) values.insert(values.end(), {2932897 * per_day, -719529 * per_day + per_day - 1});
    if (!spec.has_date)  // a time alone: a walk through its one day and past its ends
      for (int64_t v = -per_day / 50; v < per_day + per_day / 50; v += per_day / 1000 + 1) values.push_back(v);
    for (int i = 0; i < 2000; ++i) {  // jumps: a miss almost every time
      const int64_t d = spec.has_date ? static_cast<int64_t>(rng() % 3652425) - 719528 : 0;
      values.push_back(d * per_day + static_cast<int64_t>(rng() % static_cast<uint64_t>(per_day)));
      values.push_back(static_cast<int64_t>(rng()));
    }
    DatePrinter printer(spec);
    size_t printed = 0;
    for (int64_t v : values) {
      char want[kDateTextMax], got[kDateTextMax];
      const size_t n = format_date(v, spec, want);
      ASSERT_EQ(printer.print(v, got), n) << v << " date " << int(spec.has_date) << " time " << int(spec.has_time)
                                          << " frac " << int(spec.frac);
      ASSERT_EQ(std::string(got, n), std::string(want, n)) << v;
      printed += n != 0;
    }
    EXPECT_GT(printed, 900u);  // most checks are of printed values, not refusals
  }
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

// kMaxFields fields make a record, one more does not: for a lone record and
// inside a frame (where the record becomes a verbatim line), with the last
// field plain or quoted.
TEST(ColumnarParse, FieldLimit) {
  for (const char* last : {"z", "\"z\""}) {
    for (uint32_t fields : {kMaxFields - 1, kMaxFields, kMaxFields + 1, kMaxFields + 2}) {
      std::string rec;
      for (uint32_t k = 1; k < fields; ++k) rec += "a,";
      rec += last;
      std::vector<Cell> f;
      uint8_t eol;
      const bool fits = fields <= kMaxFields;
      EXPECT_EQ(parse_record(rec.data(), rec.data() + rec.size(), ',', &f, nullptr, &eol) != nullptr, fits)
          << fields;
      if (fits) {
        EXPECT_EQ(f.size(), fields);
      }
      const std::string frame = "1,2\n" + rec + "\n3,4\n";
      ParsedFrame pf;
      parse_frame(frame, 0, ',', &pf);
      ASSERT_EQ(pf.rows.size(), 3u);
      EXPECT_EQ(pf.rows[1].nfields, fits ? fields : kVerbatimShape) << fields;
      EXPECT_EQ(pf.verbatim.size(), fits ? 0u : 1u);
      EXPECT_EQ(pf.ncols, fits ? fields : 2u);
      for (uint32_t j = 0; j < pf.ncols; ++j) EXPECT_EQ(pf.columns[j].size(), j >= 2 ? 1u : fits ? 3u : 2u) << j;
    }
  }
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

// Values of mixed byte lengths (runs of small ones with a few wide ones, so
// blocks take patches), all zero, all 8 bytes wide, and a last block shorter
// than the others: written as blocks, they come back the same, signed and
// unsigned, whatever the reader's take sizes.
std::vector<uint64_t> value_mix(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> v(n);
  for (size_t k = 0; k < n; ++k) {
    const uint64_t x = rng();
    const int kind = static_cast<int>(k / 700 % 4);
    v[k] = kind == 0 ? 0 : kind == 1 ? x >> (rng() % 64) : kind == 2 ? x : (x & 0xffff) | (rng() % 50 == 0 ? x : 0);
  }
  return v;
}

TEST(ColumnarValueBlocks, RoundTripEveryWidthAndPatches) {
  for (size_t n : {size_t(0), size_t(1), size_t(15), size_t(1024), size_t(1025), size_t(5000)}) {
    for (bool zigzag : {false, true}) {
      const std::vector<uint64_t> v = value_mix(n, n + 3);
      at1::sdk::ByteWriter w;
      write_value_blocks(w, v.data(), v.size());
      std::vector<uint64_t> buffer(kValueBlock);
      ValueBlockReader r(at1::sdk::Bytes(w.data(), w.size()), n, zigzag, true, buffer.data());
      size_t k = 0, step = 1;
      while (k < n) {
        size_t got;
        const uint64_t* p = r.take(step, &got);
        ASSERT_GE(got, 1u);
        for (size_t i = 0; i < got; ++i, ++k)
          ASSERT_EQ(p[i], zigzag ? zigzag_decode_bits(v[k]) : v[k]) << "n " << n << " value " << k;
        step = step * 3 % 1500 + 1;
      }
      EXPECT_TRUE(r.at_end());
    }
  }
}

// A block of zeros without patches is handed out from a shared block of
// zeros: the reader's buffer is left as it was, and the next block (patched
// zeros, other values, zeros again) comes from the buffer again.
TEST(ColumnarValueBlocks, ZeroBlocksLeaveTheBufferAndSwitchBack) {
  std::vector<uint64_t> v(5 * kValueBlock + 300, 0);
  for (size_t k = kValueBlock; k < 2 * kValueBlock; k += 97) v[k] = 5;      // zeros with patches
  for (size_t k = 2 * kValueBlock; k < 3 * kValueBlock; ++k) v[k] = k % 7;  // width 1
  at1::sdk::ByteWriter out;
  write_value_blocks(out, v.data(), v.size());
  ASSERT_EQ(out.data()[0], 0) << "the first block is not one of zeros";
  for (bool zigzag : {false, true}) {
    constexpr uint64_t kUntouched = 0xdeadbeefdeadbeefull;
    std::vector<uint64_t> buffer(kValueBlock, kUntouched);
    ValueBlockReader r(at1::sdk::Bytes(out.data(), out.size()), v.size(), zigzag, true, buffer.data());
    size_t k = 0;
    while (k < v.size()) {
      size_t got;
      const uint64_t* p = r.take(v.size() - k, &got);
      if (k == 0) {
        EXPECT_NE(p, buffer.data()) << "a block of zeros was written into the buffer";
        EXPECT_EQ(buffer[0], kUntouched);
      }
      if (k == kValueBlock || k == 2 * kValueBlock) {
        EXPECT_EQ(p, buffer.data());
      }
      for (size_t i = 0; i < got; ++i, ++k)
        ASSERT_EQ(p[i], zigzag ? zigzag_decode_bits(v[k]) : v[k]) << "value " << k;
    }
    EXPECT_TRUE(r.at_end());
  }
}

// Patches are laid over the unpacked low bytes (their zigzag-encoded form
// for signed values): blocks of every width 0..7, each with a few values
// wider by every byte count, at the block's first and last value too.
TEST(ColumnarValueBlocks, PatchesOverEveryWidth) {
  std::mt19937_64 rng(23);
  for (int w = 0; w < 8; ++w) {
    std::vector<uint64_t> v(3 * kValueBlock);
    for (size_t k = 0; k < v.size(); ++k) {
      const uint64_t narrow = w == 0 ? 0 : rng() >> (64 - 8 * w);
      const bool wide = rng() % 40 == 0 || k % kValueBlock == 0 || k % kValueBlock == kValueBlock - 1;
      const int bytes = w + 1 + static_cast<int>(rng() % static_cast<uint64_t>(8 - w));
      v[k] = wide ? (rng() | uint64_t(1) << 63) >> (64 - 8 * bytes) : narrow;
    }
    at1::sdk::ByteWriter out;
    write_value_blocks(out, v.data(), v.size());
    ASSERT_EQ(out.data()[0], w) << "the block took another width";
    for (bool zigzag : {false, true}) {
      std::vector<uint64_t> buffer(kValueBlock);
      ValueBlockReader r(at1::sdk::Bytes(out.data(), out.size()), v.size(), zigzag, true, buffer.data());
      for (size_t k = 0; k < v.size();) {
        size_t got;
        const uint64_t* p = r.take(v.size() - k, &got);
        for (size_t i = 0; i < got; ++i, ++k)
          ASSERT_EQ(p[i], zigzag ? zigzag_decode_bits(v[k]) : v[k]) << "width " << w << " value " << k;
      }
      EXPECT_TRUE(r.at_end());
    }
  }
}

// A block's width W and patch count P (its first two bytes), worked out by
// hand from the cost rule: values of 64 bits (where 2v + 1 overflows),
// blocks of all zeros, and blocks where patches beat a wider W or not.
TEST(ColumnarValueBlocks, WidthChoiceFollowsCostRule) {
  auto head = [](const std::vector<uint64_t>& v) {
    at1::sdk::ByteWriter w;
    write_value_blocks(w, v.data(), v.size());
    return std::pair<int, int>(w.data()[0], w.data()[1]);
  };
  std::vector<uint64_t> v(1024, 0);
  EXPECT_EQ(head(v), std::make_pair(0, 0));
  v[1023] = (uint64_t(1) << 63) + 5;  // one patch of 11 bytes beats 1024 bytes a plane
  EXPECT_EQ(head(v), std::make_pair(0, 1));
  std::fill(v.begin(), v.end(), ~uint64_t(0));
  EXPECT_EQ(head(v), std::make_pair(8, 0));
  std::fill(v.begin(), v.end(), (uint64_t(1) << 63) + 1);  // 2v + 1 wraps to 3
  EXPECT_EQ(head(v), std::make_pair(8, 0));
  for (size_t k = 0; k < v.size(); ++k) v[k] = k;  // W 2: 2048; W 1: 2560; W 0: 2942
  EXPECT_EQ(head(v), std::make_pair(2, 0));
  for (size_t k = 0; k < v.size(); ++k) v[k] = k < 1000 ? 3 : 300;  // W 1: 1072; W 2: 2048; W 0: 2072
  EXPECT_EQ(head(v), std::make_pair(1, 24));
  v.assign(1, uint64_t(1) << 40);
  EXPECT_EQ(head(v), std::make_pair(6, 0));
}

TEST(ColumnarValueBlocks, VersionOneVarintsStillRead) {
  const std::vector<uint64_t> v = value_mix(3000, 5);
  at1::sdk::ByteWriter w;
  for (uint64_t x : v) w.varint(x);
  std::vector<uint64_t> buffer(kValueBlock);
  ValueBlockReader r(at1::sdk::Bytes(w.data(), w.size()), v.size(), true, false, buffer.data());
  for (uint64_t x : v) ASSERT_EQ(r.next(), zigzag_decode_bits(x));
  EXPECT_TRUE(r.at_end());
}

// The SSE2 unpack gives the scalar reference's values, for every width,
// block length (tails past the last 16) and both value kinds.
TEST(ColumnarValueBlocks, Sse2UnpackMatchesScalar) {
  std::mt19937_64 rng(13);
  std::vector<uint8_t> planes(8 * kValueBlock);
  for (auto& b : planes) b = static_cast<uint8_t>(rng());
  for (size_t n : {size_t(1), size_t(16), size_t(17), size_t(100), kValueBlock}) {
    for (unsigned w = 0; w <= 8; ++w) {
      for (bool zigzag : {false, true}) {
        std::vector<uint64_t> want(n), got(n);
        for (size_t k = 0; k < n; ++k) {
          uint64_t x = 0;
          for (unsigned b = 0; b < w; ++b) x |= static_cast<uint64_t>(planes[b * n + k]) << (8 * b);
          want[k] = zigzag ? zigzag_decode_bits(x) : x;
        }
        if (zigzag) {
          unpack_planes<true>(planes.data(), n, w, got.data());
        } else {
          unpack_planes<false>(planes.data(), n, w, got.data());
        }
        ASSERT_EQ(got, want) << "n " << n << " width " << w << " zigzag " << zigzag;
      }
    }
  }
}

// Hostile blocks are refused, never read past the part or overrun the buffer.
TEST(ColumnarValueBlocks, CorruptBlocksAreRefused) {
  auto read_all = [](const std::vector<uint8_t>& bytes, uint64_t n) {
    std::vector<uint64_t> buffer(kValueBlock);
    ValueBlockReader r(at1::sdk::Bytes(bytes.data(), bytes.size()), n, true, true, buffer.data());
    for (uint64_t k = 0; k < n; ++k) r.next();
    return r.at_end();
  };
  EXPECT_TRUE(read_all({1, 0, 7, 9}, 2));
  EXPECT_FALSE(read_all({1, 0, 7, 9, 0}, 2));                          // trailing byte
  EXPECT_THROW(read_all({9, 0, 7, 9}, 2), at1::sdk::CodecError);       // wider than 8 bytes
  EXPECT_THROW(read_all({1, 0, 7}, 2), at1::sdk::CodecError);          // plane cut short
  EXPECT_THROW(read_all({1, 3, 7, 9, 0, 1}, 2), at1::sdk::CodecError);  // more patches than values
  EXPECT_THROW(read_all({1, 1, 7, 9, 2, 1}, 2), at1::sdk::CodecError);  // patch past the block
  EXPECT_THROW(read_all({1, 2, 7, 9, 1, 1, 0, 1}, 2), at1::sdk::CodecError);  // patches out of order
  EXPECT_THROW(read_all({8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 1), at1::sdk::CodecError);  // patch at W 8
  EXPECT_THROW(read_all({1, 0, 7, 9}, 3), at1::sdk::CodecError);       // fewer values than cells
  EXPECT_THROW(read_all({}, 1), at1::sdk::CodecError);
}

// A residual column must refer to a typed column: a frame whose reference
// is a text column (hostile meta) is refused, not decoded against values
// that column does not have.
TEST(ColumnarValueBlocks, ReferenceToUntypedColumnIsRefused) {
  std::string t = "a,b\n";
  std::mt19937_64 rng(3);
  for (int r = 0; r < 300; ++r) {
    const int64_t a = static_cast<int64_t>(rng() % 1000000);
    t += std::to_string(a) + "," + std::to_string(a + static_cast<int64_t>(rng() % 3)) + "\n";
  }
  const auto e = at1::sdk::testing::encode(columnar_test::codec(), t);
  ASSERT_EQ(e.status, AT1_OK);
  // Rebuild `small` with column 0 made a text column in `meta`, its values
  // text.
  at1::sdk::ByteReader small{at1::sdk::Bytes(std::string_view(e.streams.at("small")))};
  at1::sdk::ByteWriter rebuilt;
  bool residual = false;
  while (!small.at_end()) {
    const std::string_view name = small.str(), bytes = small.str();
    if (name != "meta") {
      rebuilt.str(name);
      rebuilt.str(bytes);
      continue;
    }
    at1::sdk::ByteReader m{at1::sdk::Bytes(bytes)};
    const uint8_t* header = m.position();
    m.u8(), m.u8(), m.varint(), m.varint(), m.varint(), m.str(), m.str();
    ASSERT_EQ(m.varint(), 0u);  // no row shapes
    at1::sdk::ByteWriter meta;
    meta.bytes(header, static_cast<size_t>(m.position() - header));
    ColumnSpec a = read_spec(m, 0, 2, false), b = read_spec(m, 1, 2, false);
    residual = a.type == kNumber && b.coding == kIntRef && b.ref == 0;
    a = ColumnSpec{};
    write_spec(meta, a);
    write_spec(meta, b);
    rebuilt.str("meta");
    rebuilt.str(std::string_view(reinterpret_cast<const char*>(meta.data()), meta.size()));
  }
  ASSERT_TRUE(residual) << "the encoder no longer codes b against a: pick other values";
  auto streams = e.streams;
  streams["small"] = std::string(reinterpret_cast<const char*>(rebuilt.data()), rebuilt.size());
  ASSERT_TRUE(streams.count("c0"));
  streams["c0"].clear();  // column 0's values, as text that decodes
  for (int r = 0; r < 300; ++r) streams["c0"] += std::string("x") + '\0';
  const auto d = at1::sdk::testing::decode(columnar_test::codec(), streams, t.size(), 301);
  EXPECT_EQ(d.status, AT1_E_CORRUPT);
}

}  // namespace
