// The columnar codec's number spellings: format_number and its fast
// printers (plain, split, binary32) give the same bytes, binary32 values
// print as std::to_chars does, and the binary32 parse answers as from_chars.
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "column_spec.h"
#include "number_format.h"
#include "number_print.h"

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
            // The split path (or the zeros path), for layouts and values it takes.
            const int split = printer.split_scale();
            if (split == NumberPrinter::kZerosSplit) {
              if (NumberPrinter::plain_magnitude(v) < NumberPrinter::kZerosLimit) {
                ++checked_split;
                const size_t nz = printer.print_zeros(v, got);
                ASSERT_EQ(std::string(got, nz), std::string(want, want_n))
                    << "zeros path, value " << v << " width " << width << " zeros " << zeros;
              }
            } else if (split != NumberPrinter::kNoSplit &&
                       NumberPrinter::plain_magnitude(v) < NumberPrinter::split_limit(split)) {
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

// The zeros path (integers kept without their trailing zeros): every layout
// it takes (zeros 1..8, widths 0..8), zero (printed at its width, no zeros
// appended), widths wider than the number, every digit count up to its
// limit, signs, against format_number; and it writes no byte past its
// slot. Layouts it does not take say so.
TEST(ColumnarNumber, ZerosPathMatchesFormatNumber) {
  std::mt19937_64 rng(21);
  std::vector<uint64_t> magnitudes = {0, 1, 9, 10, 11, 100, NumberPrinter::kZerosLimit - 1};
  for (int d = 1; d < 8; ++d) magnitudes.insert(magnitudes.end(), {kNumberPow10[d] - 1, kNumberPow10[d], kNumberPow10[d] + 1});
  for (int i = 0; i < 3000; ++i) magnitudes.push_back(rng() % kNumberPow10[1 + rng() % 8]);
  size_t checked = 0;
  for (int zeros = 1; zeros <= 8; ++zeros) {
    for (int width = 0; width <= 8; ++width) {
      const NumberSpec spec{0, kFracFixed, static_cast<uint8_t>(width), kNoBinary32, static_cast<uint8_t>(zeros)};
      const NumberPrinter printer(spec);
      ASSERT_EQ(printer.split_scale(), NumberPrinter::kZerosSplit);
      for (const uint64_t m : magnitudes) {
        for (const int64_t v : {static_cast<int64_t>(m), -static_cast<int64_t>(m)}) {
          char want[kNumberTextMax];
          const std::string expected(want, format_number(v, spec, want));
          char got[NumberPrinter::kZerosSlot + 8];
          std::memset(got, '#', sizeof got);
          const size_t n = printer.print_zeros(v, got);
          ASSERT_EQ(std::string(got, n), expected) << "value " << v << " width " << width << " zeros " << zeros;
          for (size_t i = NumberPrinter::kZerosSlot; i < sizeof got; ++i) ASSERT_EQ(got[i], '#') << "wrote past the slot";
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 300000u);
  for (const auto& [width, zeros] : {std::pair{9, 3}, std::pair{1, 9}, std::pair{0, 18}}) {
    const NumberSpec spec{0, kFracFixed, static_cast<uint8_t>(width), kNoBinary32, static_cast<uint8_t>(zeros)};
    EXPECT_EQ(NumberPrinter(spec).split_scale(), NumberPrinter::kNoSplit) << "width " << width << " zeros " << zeros;
  }
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

// Binary32Printer scales floats with doubles: the same magnitudes as
// binary32_scaled below the split limit and below 10^16 (ties to even
// included), and no magnitude at or past the limit, nor for NaN and
// infinities.
template <int kScale, uint64_t kLimit>
void expect_scaled_below(const std::vector<float>& floats) {
  for (float f : floats) {
    uint64_t want = 0, got = 0;
    const bool takes = binary32_scaled(f, kScale, &want) && want < kLimit;
    ASSERT_EQ((Binary32Printer::scaled_below<kScale, kLimit>(f, &got)), takes)
        << std::bit_cast<uint32_t>(f) << " scale " << kScale << " limit " << kLimit;
    if (takes) {
      ASSERT_EQ(got, want) << std::bit_cast<uint32_t>(f) << " scale " << kScale << " limit " << kLimit;
    }
  }
}
template <int kScale>
void expect_scaled_below_limits(const std::vector<float>& floats) {
  expect_scaled_below<kScale, NumberPrinter::split_limit(kScale)>(floats);
  expect_scaled_below<kScale, kNumberPow10[16]>(floats);
}

template <int kScale>
std::vector<float> scaling_test_floats(std::mt19937_64& rng) {
  std::vector<float> floats = {0.0f, -0.0f, std::numeric_limits<float>::infinity(),
                               -std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN(),
                               std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::max()};
  // Ties: m * 2^(-1 - kScale) times 10^kScale is m * 5^kScale / 2, odd m.
  for (int i = 0; i < 20000; ++i) {
    const uint32_t m = static_cast<uint32_t>(rng() % (1u << 24)) | 1;
    floats.push_back(std::ldexp(static_cast<float>(m), -1 - kScale));
    floats.push_back(-std::ldexp(static_cast<float>(m), -1 - kScale));
  }
  // Around both limits, and any bit pattern.
  for (const uint64_t at : {NumberPrinter::split_limit(kScale), kNumberPow10[16]}) {
    const float limit = static_cast<float>(static_cast<double>(at) / static_cast<double>(kNumberPow10[kScale]));
    for (int i = 0; i < 2000; ++i)
      floats.push_back(std::bit_cast<float>(std::bit_cast<uint32_t>(limit) - 1000 + static_cast<uint32_t>(i)));
  }
  for (int i = 0; i < 200000; ++i) floats.push_back(std::bit_cast<float>(static_cast<uint32_t>(rng())));
  return floats;
}

TEST(ColumnarNumber, Binary32DoubleScalingMatchesBinary32Scaled) {
  std::mt19937_64 rng(71);
  expect_scaled_below_limits<0>(scaling_test_floats<0>(rng));
  expect_scaled_below_limits<1>(scaling_test_floats<1>(rng));
  expect_scaled_below_limits<2>(scaling_test_floats<2>(rng));
  expect_scaled_below_limits<3>(scaling_test_floats<3>(rng));
  expect_scaled_below_limits<4>(scaling_test_floats<4>(rng));
  expect_scaled_below_limits<5>(scaling_test_floats<5>(rng));
  expect_scaled_below_limits<6>(scaling_test_floats<6>(rng));
  expect_scaled_below_limits<7>(scaling_test_floats<7>(rng));
  expect_scaled_below_limits<8>(scaling_test_floats<8>(rng));
}

}  // namespace
