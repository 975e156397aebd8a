// Decode renders a block of rows column by column, with exceptions and quote
// flips handled between runs of ordinary cells. These tables put every kind
// of special cell (and ragged, verbatim and CRLF rows) at and around the
// block edges, in every column type, and must come back byte for byte.
#include <gtest/gtest.h>

#include <charconv>
#include <cstring>
#include <random>
#include <set>
#include <string>

#include "at1/cpp/bytes.hpp"
#include "columnar_test_util.h"
#include "cell_arena.h"
#include "out_buffer.h"

namespace {

using at1::sdk::testing::encode;
using columnar_test::codec;
using columnar_test::round_trip;
using columnar_test::split_frames;

// The names of the parts of an encoding (packed into `small` or streams).
std::set<std::string> part_names(const at1::sdk::testing::StreamMap& streams) {
  std::set<std::string> names;
  for (const auto& [name, bytes] : streams) {
    if (name != "small") {
      names.insert(name);
      continue;
    }
    at1::sdk::ByteReader r{at1::sdk::Bytes(std::string_view(bytes))};
    while (!r.at_end()) {
      names.insert(std::string(r.str()));
      r.str();
    }
  }
  return names;
}

std::string fixed(int64_t v, int scale) {
  std::string s = std::to_string(v < 0 ? -v : v);
  while (static_cast<int>(s.size()) <= scale) s.insert(0, "0");
  s.insert(s.size() - static_cast<size_t>(scale), ".");
  return (v < 0 ? "-" : "") + s;
}

std::string trimmed(int64_t v, int scale) {
  std::string s = fixed(v, scale);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// The table as one frame, then cut into frames of `lines` lines (frames
// after the first are data only).
void expect_round_trips(const std::string& t, size_t lines) {
  ASSERT_EQ(round_trip(t), "");
  auto frames = split_frames(t, lines);
  for (size_t i = 0; i < frames.size(); ++i) ASSERT_EQ(round_trip(frames[i], i), "") << "frame " << i;
}

// Rows near the edges of decode's blocks (1024 rows) get the odd cells.
bool near_edge(int row) {
  const int m = row % 1024;
  return m <= 1 || m >= 1022 || row == 3333;
}

std::string make_table(int rows, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const char* dict_words[] = {"red", "green", "a,b", "say \"x\"", "blue", "", "line\nbreak"};
  std::string t = "id,price,lat,lat_hi,day,stamp,kind,note,clock\n";
  int64_t id = 1000, lat = 40922326;
  for (int r = 0; r < rows; ++r) {
    const bool odd = near_edge(r) || rng() % 97 == 0;
    const int kind = static_cast<int>(rng() % 9);
    std::string row;
    // id: increasing; exceptions are spellings that do not re-print.
    id += 1 + static_cast<int64_t>(rng() % 3);
    row += odd && kind == 0 ? "+" + std::to_string(id) : odd && kind == 1 ? "0" + std::to_string(id)
                                                                           : std::to_string(id);
    // price: always quoted, fixed scale 2; flips are the unquoted ones.
    const std::string price = fixed(static_cast<int64_t>(rng() % 100000) - 20000, 2);
    row += "," + (odd && kind == 2 ? price : "\"" + price + "\"");
    // lat: trimmed scale 6, crossing 10^8 in magnitude (8 and 16 digit paths).
    lat += static_cast<int64_t>(rng() % 2000001) - 1000000;
    if (r % 1500 == 700) lat = -lat;
    if (r == 2600) lat += lat < 0 ? -120000000 : 120000000;  // past 10^8 mid-block
    row += "," + (odd && kind == 3 ? std::string("") : trimmed(lat, 6));
    // lat_hi: the same row's lat plus a little (a residual column).
    row += "," + trimmed(lat + static_cast<int64_t>(rng() % 1000), 6);
    // day: a date, a 30th of February now and then.
    const std::string month_day = odd && kind == 4 ? "02-30"
                                  : two(1 + static_cast<int>(rng() % 12)) + "-" +
                                        two(1 + static_cast<int>(rng() % 28));
    row += "," + std::to_string(1990 + r % 40) + "-" + month_day;
    // stamp: date, time and millis.
    row += ",2021-03-04 " + two(static_cast<int>(rng() % 24)) + ":" + two(r % 60) + ":" +
           two(static_cast<int>(rng() % 60)) + "." + std::to_string(100 + rng() % 900);
    // kind: a dictionary column, minimal quoting; flips quote a plain word.
    const char* w = dict_words[rng() % 7];
    const bool needs = std::string(w).find_first_of(",\"\n") != std::string::npos;
    std::string quoted = "\"";
    for (const char* c = w; *c; ++c) quoted += *c == '"' ? std::string("\"\"") : std::string(1, *c);
    quoted += "\"";
    row += "," + (needs || (odd && kind == 5) ? quoted : std::string(w));
    // note: free text, some quoted, some long, some with NUL bytes (exceptions).
    std::string note = "n" + std::to_string(rng() % 100000);
    if (rng() % 5 == 0) note += std::string(20 + rng() % 40, 'x');
    if (odd && kind == 6) note = "\"" + note + ",\"\"q\"\"\"";
    if (odd && kind == 7) note = std::string("nul") + '\0' + "byte";
    row += "," + note;
    // clock: a time of day.
    row += "," + two(r % 24) + ":" + two(static_cast<int>(rng() % 60)) + ":00";
    // Row shapes: ragged (short and long), verbatim, CRLF.
    if (odd && kind == 8) {
      const int shape = static_cast<int>(rng() % 4);
      if (shape == 0) row = row.substr(0, row.find(','));        // one field
      if (shape == 1) row += ",extra,fields";                      // wider than usual
      if (shape == 2) row = "x,\"bad\"y,3";                        // does not parse: verbatim
      if (shape == 3) row = "";                                    // empty line
    }
    t += row + (r % 13 == 5 ? "\r\n" : "\n");
  }
  return t;
}

TEST(ColumnarDecode, SpecialCellsAtBlockEdgesRoundTrip) {
  const std::string t = make_table(5000, 1);
  ASSERT_EQ(round_trip(t), "");
  // The encoding really has the cases this test is about.
  auto e = encode(codec(), t);
  ASSERT_EQ(e.status, AT1_OK);
  const auto names = part_names(e.streams);
  for (const char* part : {"c0.x", "c1.q", "c2.x", "c4.x", "c6.q", "c7.x", "c6.d", "vb"})
    EXPECT_TRUE(names.count(part)) << "no part " << part;
}

TEST(ColumnarDecode, LaterFramesAndOddSizesRoundTrip) {
  const std::string t = make_table(4200, 2);
  // Frames that end inside a block, hold exactly one block, or less.
  for (size_t lines : {1024u, 1025u, 1500u, 333u}) {
    auto frames = split_frames(t, lines);
    for (size_t i = 0; i < frames.size(); ++i)
      ASSERT_EQ(round_trip(frames[i], i), "") << lines << "-line frame " << i;
  }
}

// Text values are found 64 bytes at a time: values of every length up to
// past two windows, bytes that force quotes anywhere in them (window edges
// too), and the part's last values (read one at a time) must come back.
TEST(ColumnarDecode, TextValuesOfEveryLengthRoundTrip) {
  std::mt19937_64 rng(5);
  for (const char* delim : {",", "\t"}) {
    std::string t;
    for (int r = 0; r < 3000; ++r) {
      const size_t len = static_cast<size_t>(r % 151);
      const bool plain = rng() % 2 == 0;
      std::string v;
      for (size_t i = 0; i < len; ++i) {
        const uint64_t x = rng() % 100;
        v += plain || x >= 4 ? static_cast<char>('a' + rng() % 26) : ",\"\r\t"[x];
      }
      std::string cell = v;
      if (v.find_first_of(std::string("\"\r") + delim) != std::string::npos) {
        cell = "\"";
        for (char c : v) cell += c == '"' ? std::string("\"\"") : std::string(1, c);
        cell += "\"";
      }
      t += std::to_string(r) + delim + cell + delim + std::to_string(r % 7) + "\n";
    }
    ASSERT_EQ(round_trip(t), "") << "delimiter " << (delim[0] == ',' ? "comma" : "tab");
    auto frames = split_frames(t, 1111);
    for (size_t i = 0; i < frames.size(); ++i) ASSERT_EQ(round_trip(frames[i], i), "") << "frame " << i;
  }
}

// Runs of text values have a loop per quote mode: never quoted (no scan
// for quote-forcing bytes), always quoted, or quoted when needed (the test
// above). Values of every length past two windows, a few cells against the
// column's mode (quote flips) and values that need quotes (exceptions to
// "never") among them.
TEST(ColumnarDecode, TextValuesInEveryQuoteModeRoundTrip) {
  std::mt19937_64 rng(17);
  for (const bool always : {false, true}) {
    std::string t;
    for (int r = 0; r < 3000; ++r) {
      const size_t len = static_cast<size_t>(r % 151);
      std::string v;
      for (size_t i = 0; i < len; ++i) v += static_cast<char>('a' + rng() % 26);
      const uint64_t x = rng() % 100;
      if (x == 0 && len) v[len / 2] = always ? '"' : ',';  // must be quoted
      const bool quoted = always != (x == 1) || x == 0;
      std::string cell = v;
      if (quoted) {
        cell = "\"";
        for (char c : v) cell += c == '"' ? std::string("\"\"") : std::string(1, c);
        cell += "\"";
      }
      t += std::to_string(r) + "," + cell + "," + std::to_string(r % 7) + "\n";
    }
    SCOPED_TRACE(always ? "always" : "never");
    expect_round_trips(t, 1111);
  }
}

// Rows are assembled by a loop per table width up to 16 and a general one
// past that: every width, with empty last fields, and line endings mixed
// (CRLF rows among LF ones), all LF or all CRLF (one ending for the whole
// frame: no per-row decoder), or all LF but the last row's missing.
TEST(ColumnarDecode, EveryWidthRoundTrips) {
  std::mt19937_64 rng(9);
  for (int endings = 0; endings < 4; ++endings) {
    for (int width = 1; width <= 18; ++width) {
      std::string t;
      for (int r = 0; r < 2100; ++r) {
        for (int j = 0; j < width; ++j) {
          if (j) t += ',';
          const uint64_t x = rng();
          if (j % 3 == 0) t += std::to_string(r * 3 + j);
          if (j % 3 == 1) t += fixed(static_cast<int64_t>(x % 2000000) - 1000000, 3);
          if (j % 3 == 2 && x % 5) t += "w" + std::to_string(x % 40);
        }
        const bool crlf = endings == 0 ? r % 17 == 4 : endings == 2;
        if (endings != 3 || r < 2099) t += crlf ? "\r\n" : "\n";
      }
      ASSERT_EQ(round_trip(t), "") << "width " << width << " endings " << endings;
    }
  }
}

TEST(ColumnarDecode, NarrowAndEmptyTablesRoundTrip) {
  std::string one_column = "v\n", empty_fields;
  for (int r = 0; r < 2100; ++r) {
    one_column += (r % 1024 == 1023 ? std::string("x") : std::to_string(r * 7)) + "\n";
    empty_fields += r % 700 == 3 ? "a,b,c\n" : ",,\n";
  }
  EXPECT_EQ(round_trip(one_column), "");
  EXPECT_EQ(round_trip(empty_fields), "");
}

// Float prices printed with 6 fixed digits (binary32 columns): runs take the
// split path in fixed slots while integer parts stay below 10^4, and a value
// past that mid-block (or a long run of them) sends the column to the
// end-to-end printer, which must give the same bytes.
TEST(ColumnarDecode, Binary32PricesPastTheSplitPathRoundTrip) {
  std::mt19937_64 rng(11);
  std::string t = "day,open,close\n";
  int64_t cents = 145522;
  for (int r = 0; r < 4000; ++r) {
    cents += static_cast<int64_t>(rng() % 2001) - 1000;
    if (r == 1500) cents += 1000000;  // past 10^4 mid-block: the split path gives up
    if (r == 3000) cents = -cents;
    char open[64], close[64];
    const float o = static_cast<float>(static_cast<double>(cents) / 100);
    const float c = static_cast<float>(static_cast<double>(cents + static_cast<int64_t>(rng() % 300)) / 100);
    const auto oe = std::to_chars(open, open + sizeof open, static_cast<double>(o), std::chars_format::fixed, 6);
    const auto ce = std::to_chars(close, close + sizeof close, static_cast<double>(c), std::chars_format::fixed, 6);
    t += std::to_string(r) + "," + std::string(open, oe.ptr) + "," + std::string(close, ce.ptr) + "\n";
  }
  ASSERT_EQ(round_trip(t), "");
  auto frames = split_frames(t, 1400);
  for (size_t i = 0; i < frames.size(); ++i) ASSERT_EQ(round_trip(frames[i], i), "") << "frame " << i;
}

// Integers kept without their trailing zeros (volumes: "931800000") take
// the zeros path while their mantissas stay below 10^8; zero (printed
// "0"), negatives, and a mantissa past 10^8 mid-block (the column moves to
// the 16-digit path) must come back.
TEST(ColumnarDecode, IntegersWithTrailingZerosRoundTrip) {
  std::mt19937_64 rng(19);
  std::string t = "day,volume\n";
  for (int r = 0; r < 5000; ++r) {
    const uint64_t x = rng();
    int64_t mantissa = static_cast<int64_t>(x % 100000000);
    if (r % 97 == 5) mantissa = 0;
    if (r % 89 == 3) mantissa = -mantissa;
    if (r == 3500) mantissa = 123456789012;
    t += std::to_string(r) + "," + (mantissa ? std::to_string(mantissa) + "00000" : "0") + "\n";
  }
  expect_round_trips(t, 1800);
}

// Blocks are sized so that their rows fit one output reservation (64 KiB),
// from the last block's width: the row count changes with the rows' width,
// so block edges fall anywhere. Narrow rows, rows of ~600 bytes, a row of
// 200 KB (past any reservation: assembled locally), with special cells
// (exceptions, quote flips, ragged and verbatim rows) on ~1 row in 20 so
// that some sit at every kind of edge.
TEST(ColumnarDecode, RowsOfChangingWidthRoundTrip) {
  std::mt19937_64 rng(13);
  std::string t = "id,price,note,code\n";
  for (int r = 0; r < 9000; ++r) {
    const uint64_t x = rng();
    const int phase = r / 1500 % 3;  // narrow, wide, mixed
    const bool wide = phase == 1 || (phase == 2 && x % 3 == 0);
    const bool odd = x % 20 == 0;
    if (odd && x % 7 == 0) {
      t += "a verbatim \"line\n";
      continue;
    }
    t += odd && x % 7 == 1 ? "+" + std::to_string(r) : std::to_string(r);
    t += "," + fixed(static_cast<int64_t>(x % 100000), 2) + ",";
    std::string note = wide ? std::string(400 + x % 400, static_cast<char>('a' + x % 26)) : "n" + std::to_string(x % 9);
    if (odd && x % 7 == 2) note += ",with comma";
    t += odd && x % 7 == 3 ? "\"" + note + "\"" : note;
    if (!(odd && x % 7 == 4)) t += ",c" + std::to_string(x % 5);
    if (r == 4444) t += std::string(200000, 'z');
    t += "\n";
  }
  expect_round_trips(t, 2500);
}

// The next block's rows from the last block's: a bound within 7/8 of a
// reservation, never more than the cap nor fewer than one row.
TEST(ColumnarDecode, BlockRowsFitAReservation) {
  using at1::columnar::OutBuffer;
  constexpr size_t kReserve = at1::sdk::DecodeContext::kMaxReserve;
  EXPECT_EQ(OutBuffer::rows_that_fit(1024, 40 * 1024, 1024), 1024u);  // narrow rows: the cap
  EXPECT_EQ(OutBuffer::rows_that_fit(1024, 100 * 1024, 1024), 1024u * (kReserve / 8 * 7) / (100 * 1024));
  EXPECT_LE(OutBuffer::rows_that_fit(1024, 100 * 1024, 1024) * 100, kReserve);
  EXPECT_EQ(OutBuffer::rows_that_fit(1, 10 * kReserve, 1024), 1u);  // one huge row
  EXPECT_EQ(OutBuffer::rows_that_fit(1, 40, 1024), 1024u);           // back to full blocks
  EXPECT_EQ(OutBuffer::rows_that_fit(5, 0, 1024), 1024u);
}

// A frame's arena hands its chunks to the next arena of the thread (no fresh
// pages per frame); an arena made while another is in use gets memory of its
// own, and a chunk made for one huge piece is not kept.
TEST(ColumnarCellArena, NextArenaOfTheThreadReusesTheChunks) {
  using at1::columnar::CellArena;
  const char* first;
  {
    CellArena a(1 << 20);
    first = a.room(100);
    std::memset(const_cast<char*>(first), 'a', 100);
    a.commit(100);
  }
  {
    CellArena b(1 << 20);
    char* p = b.room(100);
    EXPECT_EQ(p, first) << "the next frame's arena did not take the chunk back";
    EXPECT_EQ(p[0], 'a') << "the chunk was made again (zeroed), not reused";
    std::memset(p, 'b', 100);
    b.commit(100);
    CellArena c(1 << 20);  // while b holds the chunks
    char* q = c.room(100);
    EXPECT_TRUE(q + 100 + at1::columnar::kCellSlack <= p || q >= p + 100 + at1::columnar::kCellSlack)
        << "two arenas in use share memory";
    std::memset(q, 'c', 100);
    c.commit(100);
    EXPECT_EQ(p[99], 'b');
  }
  {
    CellArena d(1 << 24);
    char* huge = d.room(4 << 20);  // a chunk of its own, past the usual size
    huge[(4 << 20) - 1] = 'd';
    d.commit(4 << 20);
  }
  CellArena e(1 << 20);
  char* p = e.room(16);
  EXPECT_EQ(p, first) << "the usual chunk was not kept past a huge one";
  p[0] = 'e';
  e.commit(16);
  EXPECT_EQ(p[0], 'e');
}

}  // namespace
