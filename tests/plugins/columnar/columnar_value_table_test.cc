// Format 3 number models: grouped thousands (number_grouping.h) and value
// tables (value_table.h). Round trips with edge cases, the encoder's choice,
// and damaged input refused.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>

#include "column_spec.h"
#include "columnar_test_util.h"
#include "number_grouping.h"
#include "value_table.h"

namespace {

using at1::columnar::ColumnSpec;
using at1::columnar::kIntTable;
using at1::columnar::kNumber;
using at1::sdk::ByteReader;
using at1::sdk::ByteWriter;
using at1::sdk::Bytes;

std::string ungroup(std::string_view s) {
  char buf[64];
  size_t n = 0;
  if (!at1::columnar::ungroup_number(s, buf, sizeof buf, &n)) return "refused";
  return std::string(buf, n);
}

std::string group(std::string s) {
  char buf[64] = {};
  std::memcpy(buf, s.data(), s.size());
  return std::string(buf, at1::columnar::group_thousands(buf, s.size()));
}

// The `meta` part of an encoded frame (a stream of its own or packed in
// `small`) and the specs of its `ncols` columns.
std::vector<ColumnSpec> column_specs(const at1::sdk::testing::StreamMap& streams, uint32_t ncols) {
  std::string meta;
  if (streams.count("meta")) {
    meta = streams.at("meta");
  } else {
    ByteReader small{Bytes(std::string_view(streams.at("small")))};
    while (!small.at_end()) {
      const std::string_view name = small.str(), bytes = small.str();
      if (name == "meta") meta = std::string(bytes);
    }
  }
  ByteReader m{Bytes(std::string_view(meta))};
  m.u8(), m.u8(), m.varint(), m.varint(), m.varint(), m.str(), m.str();
  const uint64_t shapes = m.varint();
  for (uint64_t i = 0; i < shapes; ++i) m.varint(), m.varint();
  std::vector<ColumnSpec> specs;
  for (uint32_t j = 0; j < ncols; ++j) specs.push_back(at1::columnar::read_spec(m, j, ncols, true));
  return specs;
}

TEST(ColumnarGrouping, UngroupsOnlyCanonicalSpellings) {
  EXPECT_EQ(ungroup("1,234"), "1234");
  EXPECT_EQ(ungroup("-566,000"), "-566000");
  EXPECT_EQ(ungroup("12,345,678.25"), "12345678.25");
  EXPECT_EQ(ungroup("123"), "123");
  EXPECT_EQ(ungroup("0.5"), "0.5");
  EXPECT_EQ(ungroup("1234"), "refused");      // a separator missing
  EXPECT_EQ(ungroup("1,23"), "refused");      // short last group
  EXPECT_EQ(ungroup("1,2345"), "refused");    // long last group
  EXPECT_EQ(ungroup("1234,567"), "refused");  // long first group
  EXPECT_EQ(ungroup(",123"), "refused");
  EXPECT_EQ(ungroup("1,,234"), "refused");
  EXPECT_EQ(ungroup("1,"), "refused");
  EXPECT_EQ(ungroup("-,123"), "refused");
  EXPECT_EQ(ungroup("1,2a4"), "refused");
}

TEST(ColumnarGrouping, GroupsTheIntegerPartOnly) {
  EXPECT_EQ(group("1234"), "1,234");
  EXPECT_EQ(group("-1234567.5678"), "-1,234,567.5678");
  EXPECT_EQ(group("999"), "999");
  EXPECT_EQ(group("-100"), "-100");
  EXPECT_EQ(group("100000"), "100,000");
  EXPECT_EQ(group(".5"), ".5");
  EXPECT_EQ(group("9223372036854775807"), "9,223,372,036,854,775,807");
}

TEST(ColumnarGrouping, RoundTripsGroupedAmountsAndChoosesTheStyle) {
  for (const char* delim : {",", "\t", ";"}) {
    const bool quote = std::string(delim) == ",";
    std::string t = std::string("id") + delim + "amount\n";
    std::mt19937_64 rng(7);
    for (int r = 0; r < 400; ++r) {
      std::string v;
      switch (r % 9) {
        case 0: v = "0"; break;
        case 1: v = "-566,000"; break;
        case 2: v = "1,234,567.5"; break;
        case 3: v = "999"; break;
        case 4: v = "1234"; break;  // not canonical: an exception
        case 5: v = quote ? "\"12\"" : "12"; break;  // quoted though it needs none: a flip
        case 6: v = ""; break;
        default: v = group(std::to_string(rng() % 100000000)); break;
      }
      // With ',' as the delimiter, values with a separator are quoted.
      if (quote && v.find(',') != std::string::npos) v = "\"" + v + "\"";
      t += std::to_string(r) + delim + v + "\n";
    }
    EXPECT_EQ(columnar_test::round_trip(t), "") << "delimiter " << delim;
    const auto e = at1::sdk::testing::encode(columnar_test::codec(), t);
    ASSERT_EQ(e.status, AT1_OK);
    const auto specs = column_specs(e.streams, 2);
    EXPECT_EQ(specs[1].type, kNumber) << "delimiter " << delim;
    EXPECT_TRUE(specs[1].number.grouped) << "delimiter " << delim;
  }
}

TEST(ColumnarGrouping, PlainColumnsStayPlain) {
  std::string t = "a,b\n";
  for (int r = 0; r < 300; ++r) t += std::to_string(r * 1234) + ",\"x, y\"\n";
  const auto e = at1::sdk::testing::encode(columnar_test::codec(), t);
  ASSERT_EQ(e.status, AT1_OK);
  const auto specs = column_specs(e.streams, 2);
  EXPECT_EQ(specs[0].type, kNumber);
  EXPECT_FALSE(specs[0].number.grouped);
  EXPECT_NE(specs[1].type, kNumber);
}

// Few distinct values in no order (a distance per route): coded as table
// ids, with exceptions, negative and extreme values, in number and date
// columns.
std::string table_text(int rows) {
  const char* extremes[] = {"999999999999999999", "-999999999999999999", "0", "-1", "17", "2500"};
  const char* dates[] = {"2001-01-01", "1999-12-31", "2020-02-29", "1970-01-01"};
  std::mt19937_64 rng(11);
  std::string t = "dist,big,day\n";
  for (int r = 0; r < rows; ++r) {
    const int k = static_cast<int>(rng() % 600);
    t += std::to_string(75 + k * 7) + ",";
    t += (r % 97 == 5 ? std::string("n/a") : std::string(extremes[rng() % 6])) + ",";
    t += std::string(r % 89 == 3 ? "someday" : dates[rng() % 4]) + "\n";
  }
  return t;
}

TEST(ColumnarValueTable, RoundTripsAndIsChosenForUnorderedRepeats) {
  const std::string t = table_text(20000);
  EXPECT_EQ(columnar_test::round_trip(t), "");
  const auto e = at1::sdk::testing::encode(columnar_test::codec(), t);
  ASSERT_EQ(e.status, AT1_OK);
  const auto specs = column_specs(e.streams, 3);
  EXPECT_EQ(specs[0].type, kNumber);
  EXPECT_EQ(specs[0].coding, kIntTable);
  EXPECT_EQ(specs[1].coding, kIntTable);
  // Frames cut anywhere keep round-tripping (one value, a short table).
  for (size_t cut : {1u, 2u, 3u, 50u, 1025u}) {
    const std::string part = t.substr(0, t.find('\n') + 1) + t.substr(t.find('\n') + 1, cut * 20);
    const std::string whole = part.substr(0, part.rfind('\n') + 1);
    EXPECT_EQ(columnar_test::round_trip(whole), "") << cut;
  }
}

TEST(ColumnarValueTable, SortedColumnsKeepDeltas) {
  std::string t = "t,v\n";
  for (int r = 0; r < 20000; ++r) t += std::to_string(1000000 + r * 3) + "," + std::to_string(r / 100) + "\n";
  const auto e = at1::sdk::testing::encode(columnar_test::codec(), t);
  ASSERT_EQ(e.status, AT1_OK);
  const auto specs = column_specs(e.streams, 2);
  EXPECT_NE(specs[0].coding, kIntTable);
  EXPECT_NE(specs[1].coding, kIntTable);
}

TEST(ColumnarValueTable, TablePartReadsBackAndRefusesDamage) {
  ByteWriter w;
  const std::vector<int64_t> values = {5, -3, INT64_MAX, INT64_MIN, 0};
  at1::columnar::write_value_table(w, values);
  const std::string bytes(reinterpret_cast<const char*>(w.data()), w.size());
  EXPECT_EQ(at1::columnar::read_value_table(ByteReader{Bytes(std::string_view(bytes))}), values);
  const std::string trailing = bytes + '\0';
  EXPECT_THROW(at1::columnar::read_value_table(ByteReader{Bytes(std::string_view(trailing))}),
               at1::sdk::CodecError);
  const std::string cut = bytes.substr(0, bytes.size() - 1);
  EXPECT_THROW(at1::columnar::read_value_table(ByteReader{Bytes(std::string_view(cut))}), at1::sdk::CodecError);
  const std::string huge = "\xff\xff\x04";  // 65536 + more values than bytes
  EXPECT_THROW(at1::columnar::read_value_table(ByteReader{Bytes(std::string_view(huge))}), at1::sdk::CodecError);
}

// A table one entry short: the ids that pointed at it are refused.
TEST(ColumnarValueTable, IdsPastTheTableAreRefused) {
  const std::string t = table_text(20000);
  const auto e = at1::sdk::testing::encode(columnar_test::codec(), t);
  ASSERT_EQ(e.status, AT1_OK);
  auto streams = e.streams;
  auto shorten = [](std::string_view part) {
    auto values = at1::columnar::read_value_table(ByteReader{Bytes(part)});
    values.pop_back();
    ByteWriter w;
    at1::columnar::write_value_table(w, values);
    return std::string(reinterpret_cast<const char*>(w.data()), w.size());
  };
  bool damaged = false;
  if (streams.count("c0.d")) {
    streams["c0.d"] = shorten(streams["c0.d"]);
    damaged = true;
  } else {
    ByteReader small{Bytes(std::string_view(streams.at("small")))};
    ByteWriter rebuilt;
    while (!small.at_end()) {
      const std::string_view name = small.str(), bytes = small.str();
      rebuilt.str(name);
      if (name == "c0.d") {
        rebuilt.str(shorten(bytes));
        damaged = true;
      } else {
        rebuilt.str(bytes);
      }
    }
    streams["small"] = std::string(reinterpret_cast<const char*>(rebuilt.data()), rebuilt.size());
  }
  ASSERT_TRUE(damaged) << "column 0 is no longer table-coded";
  const auto d = at1::sdk::testing::decode(columnar_test::codec(), streams, t.size(), 20001);
  EXPECT_EQ(d.status, AT1_E_CORRUPT);
}

// Format 2 frames know neither value tables nor grouped numbers.
TEST(ColumnarValueTable, Format2SpecsRefuseFormat3Codings) {
  auto read = [](std::vector<uint8_t> bytes, bool v3) {
    ByteReader r{Bytes(bytes.data(), bytes.size())};
    return at1::columnar::read_spec(r, 1, 2, v3);
  };
  //                 type    quote coding scale frac   width inner zeros
  const std::vector<uint8_t> table = {kNumber, 0, 3, 0, 0, 1, 255, 0};
  const std::vector<uint8_t> grouped = {kNumber, 0, 0, 0, 0x80, 1, 255, 0};
  const std::vector<uint8_t> grouped_padded = {kNumber, 0, 0, 0, 0x80, 2, 255, 0};
  EXPECT_EQ(read(table, true).coding, kIntTable);
  EXPECT_TRUE(read(grouped, true).number.grouped);
  EXPECT_THROW(read(table, false), at1::sdk::CodecError);
  EXPECT_THROW(read(grouped, false), at1::sdk::CodecError);
  EXPECT_THROW(read(grouped_padded, true), at1::sdk::CodecError);
}

}  // namespace
