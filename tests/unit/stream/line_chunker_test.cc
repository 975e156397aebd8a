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

}  // namespace
}  // namespace at1::stream
