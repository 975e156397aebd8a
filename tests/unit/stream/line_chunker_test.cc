// LineChunker cuts at line ends only, honours both caps, and loses nothing.
#include <gtest/gtest.h>

#include "stream/line_chunker.h"
#include "support/test_util.h"

namespace at1::stream {
namespace {

std::vector<std::pair<std::string, uint64_t>> Chunks(const std::string& text, uint64_t lines, uint64_t bytes) {
  testing::TempDir dir;
  testing::WriteFile(dir.file("in"), text);
  io::InputFile in;
  EXPECT_TRUE(in.Open(dir.file("in")).ok());
  LineChunker c(&in, lines, bytes);
  std::vector<std::pair<std::string, uint64_t>> out;
  for (;;) {
    ByteBuffer chunk;
    uint64_t n = 0;
    EXPECT_TRUE(c.Next(&chunk, &n).ok());
    if (chunk.empty()) break;
    out.emplace_back(std::string(chunk.view()), n);
  }
  return out;
}

TEST(LineChunker, CutsByLineCount) {
  auto c = Chunks("a\nb\r\nc\nd\ne", 2, 0);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].first, "a\nb\r\n");
  EXPECT_EQ(c[1].first, "c\nd\n");
  EXPECT_EQ(c[2].first, "e");
  EXPECT_EQ(c[2].second, 1u);  // a last line without newline still counts
}

TEST(LineChunker, CutsByBytesAfterWholeLines) {
  auto c = Chunks("aaaa\nbbbb\ncccc\n", 0, 6);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].first, "aaaa\nbbbb\n");  // the line crossing the cap stays whole
  EXPECT_EQ(c[0].second, 2u);
}

TEST(LineChunker, OneLineLongerThanTheCap) {
  std::string longline(300000, 'x');
  auto c = Chunks(longline + "\nshort\n", 0, 1000);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].first, longline + "\n");
  EXPECT_EQ(c[1].first, "short\n");
}

TEST(LineChunker, EmptyInputAndConcatenationIsExact) {
  EXPECT_TRUE(Chunks("", 10, 0).empty());
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::string(i % 50, 'q') + (i % 3 ? "\n" : "\r\n");
  text += "tail";
  std::string joined;
  uint64_t lines = 0;
  for (auto& [chunk, n] : Chunks(text, 777, 5000)) {
    joined += chunk;
    lines += n;
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(lines, 20001u);
}

// The rule, one line at a time: a chunk ends after max_lines lines, or at
// the first line end at or past max_bytes.
std::vector<std::pair<std::string, uint64_t>> ReferenceChunks(const std::string& text, uint64_t max_lines,
                                                              uint64_t max_bytes) {
  std::vector<std::pair<std::string, uint64_t>> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start;
    uint64_t n = 0;
    while (end < text.size() && n < max_lines && end - start < max_bytes) {
      size_t nl = text.find('\n', end);
      end = nl == std::string::npos ? text.size() : nl + 1;
      ++n;
    }
    out.emplace_back(text.substr(start, end - start), n);
    start = end;
  }
  return out;
}

// Inputs of many 64 KiB pieces, so lines are counted a piece at a time
// until a cap is near: cuts fall exactly where the line-by-line rule puts them.
TEST(LineChunker, CutsOfBigInputsMatchTheLineByLineRule) {
  std::string text;
  uint64_t x = 0x9E3779B97F4A7C15ull;
  while (text.size() < (3u << 20)) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    size_t len = x % 8 == 0 ? x % 70000 : x % 120;  // now and then a line longer than a piece
    text += std::string(len, static_cast<char>('a' + x % 26)) + (x % 5 ? "\n" : "\r\n");
  }
  text += "no newline at the end";
  std::vector<std::pair<uint64_t, uint64_t>> caps = {
      {1000, 0}, {7, 0}, {0, 65536}, {0, 65537}, {2000, 200000}, {5000, 1 << 20}, {100000, 0}};
  // Byte caps in many places relative to the pieces, and line caps that
  // fall inside a piece rather than at its end.
  for (uint64_t b = 60000; b < 400000; b += 4999) caps.emplace_back(0, b);
  for (uint64_t l = 900; l < 9000; l += 333) caps.emplace_back(l, 0);
  for (auto [lines, bytes] : caps) {
    SCOPED_TRACE(::testing::Message() << "lines " << lines << " bytes " << bytes);
    auto got = Chunks(text, lines, bytes);
    auto want = ReferenceChunks(text, lines ? lines : UINT64_MAX, bytes ? bytes : UINT64_MAX);
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(got[i].second, want[i].second) << "chunk " << i;
      ASSERT_TRUE(got[i].first == want[i].first) << "chunk " << i;
    }
  }
}

}  // namespace
}  // namespace at1::stream
