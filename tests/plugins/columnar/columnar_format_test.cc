// The columnar codec's building blocks: number and date spellings re-print
// exactly or refuse, delimiter detection, record parsing.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <charconv>
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
#include "number_print.h"
#include "plane_unpack.h"
#include "value_blocks.h"
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

template <int kScale>
size_t print_split_mode(const NumberPrinter& printer, int64_t v, char* out) {
  switch (printer.split_mode()) {
    case kFracTrim: return printer.print_split<kScale, kFracTrim>(v, out);
    case kFracTrimKeep1: return printer.print_split<kScale, kFracTrimKeep1>(v, out);
    default: return printer.print_split<kScale, kFracFixed>(v, out);
  }
}

size_t print_split(const NumberPrinter& printer, int scale, int64_t v, char* out) {
  switch (scale) {
    case 0: return printer.print_split<0, kFracFixed>(v, out);
    case 1: return print_split_mode<1>(printer, v, out);
    case 2: return print_split_mode<2>(printer, v, out);
    case 3: return print_split_mode<3>(printer, v, out);
    case 4: return print_split_mode<4>(printer, v, out);
    case 5: return print_split_mode<5>(printer, v, out);
    case 6: return print_split_mode<6>(printer, v, out);
    case 7: return print_split_mode<7>(printer, v, out);
    default: return print_split_mode<8>(printer, v, out);
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

// The split path on its own, per compile-time scale and fraction mode: every
// layout it takes (scales 0..8, each mode, each width it accepts), signs,
// zero, leading zeros, every count of trailing fraction zeros, and the
// largest magnitude it accepts, against format_number; and it writes no
// byte past its slot.
TEST(ColumnarNumber, SplitPathMatchesFormatNumberPerModeAndScale) {
  std::mt19937_64 rng(5);
  size_t checked = 0;
  for (int scale = 0; scale <= 8; ++scale) {
    const uint64_t limit = NumberPrinter::split_limit(scale);
    std::vector<uint64_t> magnitudes = {0, 1, 9, 10, limit - 1, limit / 10, limit / 10 - 1, limit / 2};
    for (int d = 1; d <= scale + 4 && d <= 8; ++d) {
      const uint64_t p = kNumberPow10[d];
      if (p < limit) magnitudes.insert(magnitudes.end(), {p - 1, p, p + 1});
    }
    // Integer parts 0..9999 with fractions ending in 0..scale zero digits.
    for (int zeros = 0; zeros <= scale; ++zeros) {
      for (int i = 0; i < 40; ++i) {
        const uint64_t int_part = rng() % (i % 2 ? 10 : 10000);
        const uint64_t frac = scale ? (1 + rng() % (kNumberPow10[scale] - 1)) / kNumberPow10[zeros] * kNumberPow10[zeros] : 0;
        magnitudes.push_back(int_part * kNumberPow10[scale] + frac % kNumberPow10[scale]);
      }
    }
    for (int i = 0; i < 2000; ++i) magnitudes.push_back(rng() % limit);
    for (int mode = kFracFixed; mode <= kFracTrimKeep1; ++mode) {
      if (scale == 0 && mode != kFracFixed) continue;
      for (int width = 0; width <= (scale == 0 ? 8 : 4); ++width) {
        const NumberSpec spec{static_cast<uint8_t>(scale), static_cast<uint8_t>(mode), static_cast<uint8_t>(width)};
        const NumberPrinter printer(spec);
        ASSERT_EQ(printer.split_scale(), scale);
        ASSERT_EQ(printer.split_mode(), mode);
        for (const uint64_t m : magnitudes) {
          ASSERT_LT(m, limit);
          for (const int64_t v : {static_cast<int64_t>(m), -static_cast<int64_t>(m)}) {
            char want[kNumberTextMax];
            const std::string expected(want, format_number(v, spec, want));
            char got[NumberPrinter::kSplitSlot + 8];
            std::memset(got, '#', sizeof got);
            const size_t n = print_split(printer, scale, v, got);
            ASSERT_EQ(std::string(got, n), expected)
                << "value " << v << " scale " << scale << " mode " << mode << " width " << width;
            for (size_t i = NumberPrinter::kSplitSlot; i < sizeof got; ++i) ASSERT_EQ(got[i], '#') << "wrote past the slot";
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 300000u);
}

// The binary32 printer must write what to_chars writes for every float it
// takes: floats across the whole bit range (sampled), exact halves at the
// last printed digit (to_chars rounds them to even), powers of ten and
// their neighbours, negatives, zero and subnormals, at every scale.
std::string to_chars_fixed(float f, int scale) {
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<double>(f), std::chars_format::fixed, scale);
  return std::string(buf, r.ptr);
}

TEST(ColumnarNumber, Binary32PrinterMatchesToChars) {
  std::vector<float> floats = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, 2.5f, 3.5f, 0.125f, 0.375f, 1455.219971f,
                               std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::min(),
                               std::numeric_limits<float>::max(), 9.2233715e18f, 1.8446743e19f, 1e15f};
  // Exact halves at scales 0..18: odd multiples of 2^-j.
  for (int j = 1; j <= 40; ++j)
    for (int odd : {1, 3, 5, 7, 1001, 4095, 16777215}) floats.push_back(std::ldexp(static_cast<float>(odd), -j));
  for (int d = -12; d <= 20; ++d) {
    const float p = static_cast<float>(std::pow(10.0, d));
    floats.insert(floats.end(), {p, std::nextafter(p, 0.0f), std::nextafter(p, 1e30f)});
  }
  for (uint64_t bits = 0; bits < (uint64_t(1) << 32); bits += 9973) floats.push_back(std::bit_cast<float>(static_cast<uint32_t>(bits)));
  size_t fast = 0, checked = 0;
  for (size_t i = 0; i < floats.size(); ++i) {
    const float f = floats[i];
    if (!std::isfinite(f)) continue;
    // Every scale for the listed floats, two per sampled one.
    const bool listed = i < floats.size() - (uint64_t(1) << 32) / 9973 - 1;
    for (int scale = listed ? 0 : static_cast<int>(i % 10); scale <= kMaxScale; scale += listed ? 1 : 9) {
      char got[kNumberTextMax];
      const size_t n = format_binary32_fixed(f, scale, got);
      ++checked;
      if (n == 0) continue;  // out of its range: to_chars prints it
      ++fast;
      ASSERT_EQ(std::string(got, n), to_chars_fixed(f, scale)) << "float " << f << " scale " << scale;
    }
  }
  EXPECT_GT(fast, checked / 2);  // the fast printer took most of them
  // Through format_number, which the encoder and decoder use.
  NumberSpec spec{6, kFracFixed, 1, 2};
  EXPECT_EQ(fmt(145522, spec), "1455.219971");
  EXPECT_EQ(fmt(-145522, spec), "-1455.219971");
}

// Binary32 mantissas to print: at and around powers of ten, signs, zero, the
// largest a float keeps exactly, and values format_number prints with
// to_chars or refuses.
std::vector<int64_t> binary32_test_mantissas() {
  std::vector<int64_t> mantissas = {0, 1, -1, 5, -5, 145522, -145522, 16777215, 16777216, 16777217,
                                    std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()};
  for (int d = 0; d <= 18; ++d) {
    const int64_t p = static_cast<int64_t>(kNumberPow10[d]);
    for (int64_t m : {p - 1, p, p + 1, 3 * p + 7}) {
      mantissas.push_back(m);
      mantissas.push_back(-m);
    }
  }
  std::mt19937_64 rng(32);
  for (int i = 0; i < 3000; ++i) {
    const int64_t m = static_cast<int64_t>(rng() >> (rng() % 64));
    mantissas.push_back(i % 2 ? m : -m);
  }
  return mantissas;
}

// The decoder's binary32 printer against format_number and to_chars: every
// valid (scale, inner).
TEST(ColumnarNumber, Binary32FastPrinterMatchesFormatNumber) {
  const std::vector<int64_t> mantissas = binary32_test_mantissas();
  size_t printed = 0;
  for (uint8_t scale = 1; scale <= kMaxScale; ++scale)
    for (uint8_t inner = 0; inner < scale && inner <= kMaxInner; ++inner) {
      const NumberSpec spec{scale, kFracFixed, 1, inner};
      const Binary32Printer printer(spec);
      for (int64_t m : mantissas) {
        char want[kNumberTextMax], got[kNumberTextMax];
        const size_t n = format_number(m, spec, want);
        ASSERT_EQ(printer.print(m, got), n) << m << " scale " << int(scale) << " inner " << int(inner);
        ASSERT_EQ(std::string(got, n), std::string(want, n)) << m << " scale " << int(scale);
        // Both now share the fast paths: to_chars is the independent check.
        if (n) {
          ASSERT_EQ(std::string(got, n), to_chars_fixed(binary32_float(m, inner), scale)) << m;
        }
        printed += n != 0;
      }
    }
  EXPECT_GT(printed, 100000u);
}

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

// The binary32 parse as it was written first (from_chars, llround, memcmp):
// the encoder's shortcuts must give its answer on every text.
bool reference_parse_binary32(const std::string& s, const NumberSpec& spec, int64_t* mantissa) {
  double d;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !(std::fabs(d) < 1e15)) return false;
  const int64_t m = std::llround(static_cast<double>(static_cast<float>(d)) * std::pow(10.0, spec.inner));
  char buf[kNumberTextMax];
  const size_t n = format_number(m, spec, buf);
  if (n != s.size() || std::memcmp(buf, s.data(), n) != 0) return false;
  *mantissa = m;
  return true;
}

int reference_inner_digits(const std::string& s, int scale) {
  NumberShape sh;
  if (!analyze_number(s, &sh) || sh.frac_digits != scale || !sh.has_point) return -1;
  double d;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return -1;
  const float f = static_cast<float>(d);
  if (!std::isfinite(f) || std::fabs(f) > 1e15f) return -1;
  for (int k = 0; k <= kMaxInner && k < scale; ++k) {
    const int64_t m = std::llround(static_cast<double>(f) * std::pow(10.0, k));
    if (static_cast<float>(static_cast<double>(m) / std::pow(10.0, k)) != f) continue;
    char buf[kNumberTextMax];
    const NumberSpec spec{static_cast<uint8_t>(scale), kFracFixed, 1, static_cast<uint8_t>(k)};
    const size_t n = format_number(m, spec, buf);
    return n == s.size() && std::memcmp(buf, s.data(), n) == 0 ? k : -1;
  }
  return -1;
}

// Texts of floats at several scales (random, tiny, near 2^24 and powers of
// ten, negative, -0), their near misses (last digit off by one, a digit
// more or less, leading zeros) and other spellings (".5", "5.", exponents,
// more digits than a double's 53 bits, more than 18): parse_binary32_exact
// and binary32_inner_digits answer as from_chars + llround + memcmp do.
TEST(ColumnarNumber, Binary32ParseMatchesFromChars) {
  std::vector<float> floats = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, 1455.219971f, -1455.219971f, 1e-7f, 3e-5f,
                               std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::min(), 1e15f};
  for (int j = -30; j <= 30; ++j)
    for (float base : {1.0f, 3.0f, 16777215.0f}) {
      const float p = std::ldexp(base, j);
      floats.insert(floats.end(), {p, std::nextafter(p, 0.0f), std::nextafter(p, 1e30f), -p});
    }
  for (int d = -9; d <= 15; ++d) {
    const float p = static_cast<float>(std::pow(10.0, d));
    floats.insert(floats.end(), {p, std::nextafter(p, 0.0f), std::nextafter(p, 1e30f), -p});
  }
  const size_t listed = floats.size();  // printed at every scale, the random ones at one
  std::mt19937_64 rng(77);
  for (int i = 0; i < 12000; ++i) {
    // Magnitudes 2^-20 .. 2^30, as tables hold them.
    const uint32_t bits = static_cast<uint32_t>((rng() % (50u << 23)) + (107u << 23)) | (i % 3 ? 0u : 0x80000000u);
    floats.push_back(std::bit_cast<float>(bits));
  }
  std::vector<std::string> texts = {"5.", ".5", "-.5", "-0", "-0.0", "0.000000", "-0.000000", "1e3", "1.5e2",
                                    "inf", "nan", "-", ".", "", "00012.30", "9007199254740993.0",
                                    "9007199254.740993", "9007199254.740992", "123456789012345678.9",
                                    "12345678901234567.89", "0.9999999999999999999", "16777217.000000"};
  for (size_t i = 0; i < floats.size() * 12; ++i) {
    const size_t at = i / 12;
    if (at >= listed && i % 12 != at % 12) continue;
    const int scale = 1 + static_cast<int>(i % 12);
    std::string s = to_chars_fixed(floats[at], scale);
    texts.push_back(s);
    std::string off = s;
    off.back() = static_cast<char>(off.back() == '9' ? '8' : off.back() + 1);
    texts.push_back(off);
    texts.push_back(s + "0");
    texts.push_back(s.substr(0, s.size() - 1));
    if (s[0] != '-') texts.push_back("0" + s);
  }
  size_t accepted = 0, inner_found = 0;
  for (const std::string& s : texts)
    for (uint8_t scale = 1; scale <= 12; ++scale) {
      ASSERT_EQ(binary32_inner_digits(s, scale), reference_inner_digits(s, scale)) << s << " scale " << int(scale);
      inner_found += binary32_inner_digits(s, scale) >= 0;
      for (uint8_t inner = 0; inner < scale && inner <= kMaxInner; ++inner) {
        const NumberSpec spec{scale, kFracFixed, 1, inner};
        int64_t got = 0, want = 0;
        const bool ok = parse_binary32_exact(s, spec, &got);
        ASSERT_EQ(ok, reference_parse_binary32(s, spec, &want)) << s << " scale " << int(scale) << " inner " << int(inner);
        if (ok) {
          ASSERT_EQ(got, want) << s << " scale " << int(scale) << " inner " << int(inner);
        }
        accepted += ok;
      }
    }
  EXPECT_GT(accepted, 10000u);
  EXPECT_GT(inner_found, 5000u);
}

// Decode's binary32 runs print with the scale fixed at compile time, and
// first through the split path alone: both must give print()'s bytes (the
// split path 0 where it cannot take the value).
template <int kScale>
void expect_binary32_at_scale(const std::vector<int64_t>& mantissas, size_t* split) {
  for (uint8_t inner = 0; inner < kScale && inner <= kMaxInner; ++inner) {
    const NumberSpec spec{kScale, kFracFixed, 1, inner};
    const Binary32Printer printer(spec);
    for (int64_t m : mantissas) {
      char want[kNumberTextMax], got[kNumberTextMax], slot[kNumberTextMax];
      const size_t n = printer.print(m, want);
      ASSERT_EQ(printer.print_at_scale<kScale>(m, got), n) << m << " scale " << kScale;
      ASSERT_EQ(std::string(got, n), std::string(want, n)) << m << " scale " << kScale;
      const size_t s = printer.print_split_at<kScale>(m, slot);
      if (s == 0) continue;
      ++*split;
      ASSERT_LE(s, Binary32Printer::kSplitSlot);
      ASSERT_EQ(std::string(slot, s), std::string(want, n)) << m << " scale " << kScale;
    }
  }
}

TEST(ColumnarNumber, Binary32ScalePathsMatchPrint) {
  const std::vector<int64_t> mantissas = binary32_test_mantissas();
  size_t split = 0;
  expect_binary32_at_scale<1>(mantissas, &split);
  expect_binary32_at_scale<2>(mantissas, &split);
  expect_binary32_at_scale<3>(mantissas, &split);
  expect_binary32_at_scale<4>(mantissas, &split);
  expect_binary32_at_scale<5>(mantissas, &split);
  expect_binary32_at_scale<6>(mantissas, &split);
  expect_binary32_at_scale<7>(mantissas, &split);
  expect_binary32_at_scale<8>(mantissas, &split);
  EXPECT_GT(split, 10000u);  // the split path took a good share
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
    ColumnSpec a = read_spec(m, 0), b = read_spec(m, 1);
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
