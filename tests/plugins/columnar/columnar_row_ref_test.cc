// Row-reference columns (format 3): text cells coded as copies from the same
// row's other cells. Round trips through the in-memory host, the choice of
// the model, and hostile ops that must be refused, never read out of bounds.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "at1/cpp/bytes.hpp"
#include "columnar_test_util.h"

namespace {

using columnar_test::codec;
using columnar_test::round_trip;

// A log-like table: a message that fills its event template (same row), and
// cells that need quotes ("" inside, delimiters).
std::string log_table(size_t rows, bool ragged = false) {
  std::mt19937 rng(11);
  const char* templates[] = {"Opened session <*> for user <*>", "Sent <*> bytes to /<*>",
                             "Request \"GET /api/<*>\" took <*> ms, ok"};
  std::string s = "id,message,template,event\n";
  for (size_t i = 0; i < rows; ++i) {
    const size_t t = rng() % 3;
    std::string m = templates[t];
    for (size_t at; (at = m.find("<*>")) != std::string::npos;) m.replace(at, 3, std::to_string(rng() % 100000));
    auto quote = [](const std::string& v) {
      if (v.find_first_of("\",") == std::string::npos) return v;
      std::string q = "\"";
      for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      return q + "\"";
    };
    s += std::to_string(i) + "," + quote(m) + "," + quote(templates[t]);
    if (!(ragged && i % 97 == 5)) s += ",E" + std::to_string(t);
    s += "\n";
  }
  return s;
}

bool has_part(const at1::sdk::testing::EncodeResult& e, const std::string& name) {
  if (e.streams.count(name)) return true;
  auto it = e.streams.find("small");
  if (it == e.streams.end()) return false;
  at1::sdk::ByteReader r{at1::sdk::Bytes(std::string_view(it->second))};
  while (!r.at_end()) {
    const std::string_view n = r.str();
    r.str();
    if (n == name) return true;
  }
  return false;
}

TEST(ColumnarRowRef, MessagesFillingTheirTemplateRoundTripAsRowReferences) {
  const std::string text = log_table(3000);
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK) << e.error;
  EXPECT_TRUE(has_part(e, "c1.l")) << "the message column is no longer a row reference";
  EXPECT_EQ(round_trip(text), "");
}

TEST(ColumnarRowRef, RaggedRowsQuotesEmptyCellsAndNulRoundTrip) {
  EXPECT_EQ(round_trip(log_table(3000, true)), "");
  std::string text = log_table(2000);
  // An empty message, a NUL inside one, a CRLF ending, a message longer than
  // the copy cursor's sources.
  text += "9001,,Sent <*> bytes to /<*>,E1\n";
  const char with_nul[] = "9002,Sent 1\0 bytes to /2,Sent <*> bytes to /<*>,E1\r\n";
  text += std::string(with_nul, sizeof with_nul - 1);
  text += "9003," + std::string(5000, 'S') + "ent 3 bytes to /4,Sent <*> bytes to /<*>,E1\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK) << e.error;
  EXPECT_TRUE(has_part(e, "c1.l"));
  EXPECT_EQ(round_trip(text), "");
}

TEST(ColumnarRowRef, UnrelatedTextIsNotARowReference) {
  std::mt19937 rng(3);
  std::string text = "a,b\n";
  for (int i = 0; i < 2000; ++i) {
    std::string a, b;
    for (int k = 0; k < 12; ++k) a += static_cast<char>('a' + rng() % 26), b += static_cast<char>('a' + rng() % 26);
    text += a + "," + b + "\n";
  }
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK) << e.error;
  EXPECT_FALSE(has_part(e, "c0.l"));
  EXPECT_FALSE(has_part(e, "c1.l"));
  EXPECT_EQ(round_trip(text), "");
}

// Every byte of the ops and literal parts changed in turn: the decoder
// refuses or gives some output, never reads past a source or a part.
TEST(ColumnarRowRef, DamagedOpsAreRefusedOrDecodeWithinBounds) {
  const std::string text = log_table(300);
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK) << e.error;
  ASSERT_TRUE(e.streams.count("c1") && e.streams.count("c1.l"));
  size_t refused = 0;
  for (const char* part : {"c1", "c1.l"}) {
    for (size_t i = 0; i < e.streams.at(part).size(); i += 3) {
      auto streams = e.streams;
      streams[part][i] = static_cast<char>(streams[part][i] ^ 0x5a);
      auto d = at1::sdk::testing::decode(codec(), streams, text.size(), at1::sdk::testing::count_lines(text));
      refused += d.status != AT1_OK;
    }
    auto streams = e.streams;
    streams[part].pop_back();
    auto d = at1::sdk::testing::decode(codec(), streams, text.size(), at1::sdk::testing::count_lines(text));
    EXPECT_NE(d.status, AT1_OK) << part << " cut short";
  }
  EXPECT_GT(refused, 0u);
}

// A table whose `name` follows from `code` (code -> name), a few rows
// breaking the mapping, and a quoted key.
std::string keyed_table(size_t rows) {
  std::mt19937 rng(5);
  const char* names[] = {"Alpha Field", "Bravo, Inc", "Charlie \"C\" Port", "Delta", "Echo Station"};
  std::string s = "code,n,name\n";
  for (size_t i = 0; i < rows; ++i) {
    const size_t c = rng() % 5;
    std::string name = (i % 211 == 7) ? "Other" : names[c];
    if (name.find_first_of("\",") != std::string::npos) {
      std::string q = "\"";
      for (char ch : name) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      name = q + "\"";
    }
    const std::string code = c == 4 ? "\"K,4\"" : "K" + std::to_string(c);
    s += code + "," + std::to_string(rng() % 1000) + "," + name + "\n";
  }
  return s;
}

TEST(ColumnarKeyedDict, ValuesThatFollowAKeyColumnRoundTripAsKeyedDictionaries) {
  const std::string text = keyed_table(5000);
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK) << e.error;
  // code and name determine each other: one of them is keyed on the other
  // and lists far fewer than its 5000 cells (ids of a plain dictionary are
  // a byte each; parts under 600 bytes travel in `small`).
  auto part_size = [&](const char* name) { return e.streams.count(name) ? e.streams.at(name).size() : 0; };
  EXPECT_LT(std::min(part_size("c0"), part_size("c2")), 600u) << "neither column is keyed on the other";
  EXPECT_EQ(round_trip(text), "");
  EXPECT_EQ(round_trip(keyed_table(5000) + "K9,1\n\"ragged\"\n"), "");
}

TEST(ColumnarKeyedDict, DamagedListsAndEntriesAreRefusedOrDecodeWithinBounds) {
  std::string text = keyed_table(3000);
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK) << e.error;
  size_t refused = 0, tried = 0;
  for (auto& [name, bytes] : e.streams) {
    for (size_t i = 0; i < bytes.size(); i += 1 + bytes.size() / 64) {
      auto streams = e.streams;
      streams[name][i] = static_cast<char>(streams[name][i] ^ 0x21);
      auto d = at1::sdk::testing::decode(codec(), streams, text.size(), at1::sdk::testing::count_lines(text));
      refused += d.status != AT1_OK;
      ++tried;
    }
  }
  EXPECT_GT(refused, tried / 4);
}

}  // namespace
