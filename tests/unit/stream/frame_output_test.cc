// FrameOutput carries a frame's bytes from one decoding thread to the writer
// in blocks: every byte arrives once and in order, the frame's size is a hard
// limit, and a bounded queue makes the producer wait instead of deadlocking.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <thread>

#include "stream/frame_output.h"
#include "support/test_util.h"

namespace at1::stream {
namespace {

std::string Pattern(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 13) % 26);
  return s;
}

const uint8_t* U(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

// Drains `out` on this thread while `produce` runs on another.
std::string Drain(BlockPool* pool, FrameOutput* out, const std::function<void()>& produce) {
  std::thread producer(produce);
  std::string got;
  Block b;
  while (out->Next(&b)) {
    EXPECT_GT(b.size, 0u);
    EXPECT_LE(b.size, kBlockSize);
    got.append(reinterpret_cast<const char*>(b.bytes.get()), b.size);
    pool->Give(std::move(b));
  }
  producer.join();
  return got;
}

TEST(FrameOutput, CarriesEveryByteInOrderThroughABoundedQueue) {
  const std::string data = Pattern(5 * kBlockSize + 12345);
  BlockPool pool;
  FrameOutput out(&pool, data.size(), /*max_ready=*/1);
  std::string got = Drain(&pool, &out, [&] {
    // Pieces of awkward sizes, some through Write, some through Space/Filled.
    size_t at = 0, piece = 1;
    while (at < data.size()) {
      size_t k = std::min(piece, data.size() - at);
      if (piece % 2) {
        EXPECT_TRUE(out.Write(U(data) + at, k));
      } else {
        size_t room = 0;
        uint8_t* p = out.Space(&room);
        k = std::min(k, room);
        std::memcpy(p, data.data() + at, k);
        out.Filled(k);
      }
      at += k;
      piece = piece * 3 + 1;
      if (piece > 3 * kBlockSize) piece = 1;
    }
    out.Finish(Status::OK());
  });
  EXPECT_EQ(got, data);
  EXPECT_TRUE(out.status().ok());
  EXPECT_EQ(out.lines(), static_cast<uint64_t>(std::count(data.begin(), data.end(), '\n')) + (data.back() != '\n'));
}

TEST(FrameOutput, CountsLinesWithAndWithoutAFinalNewline) {
  for (const std::string& text : {std::string("a\nb\n"), std::string("a\nb"), std::string("\n"), std::string("x")}) {
    BlockPool pool;
    FrameOutput out(&pool, text.size(), [&](Block b) { pool.Give(std::move(b)); });
    EXPECT_TRUE(out.Write(U(text), text.size()));
    out.Finish(Status::OK());
    EXPECT_EQ(out.lines(), text == "a\nb\n" || text == "a\nb" ? 2u : 1u) << text;
  }
}

TEST(FrameOutput, RefusesBytesPastTheFrameSize) {
  BlockPool pool;
  const std::string data = Pattern(1000);
  FrameOutput out(&pool, 999, /*max_ready=*/4);
  std::string got = Drain(&pool, &out, [&] {
    EXPECT_TRUE(out.Write(U(data), 500));
    EXPECT_FALSE(out.Write(U(data) + 500, 500));  // would end at 1000 > 999
    size_t room = 0;
    out.Space(&room);
    EXPECT_EQ(room, 500u);  // 499 left, plus one to show a backend running long
    out.Finish(Status::Corruption("test"));
  });
  EXPECT_EQ(got, data.substr(0, 500));
  EXPECT_EQ(out.status().code(), Status::Code::kCorruption);
}

TEST(FrameOutput, EmptyFrameEndsAtOnce) {
  BlockPool pool;
  FrameOutput out(&pool, 0, /*max_ready=*/1);
  EXPECT_EQ(Drain(&pool, &out, [&] { out.Finish(Status::OK()); }), "");
  EXPECT_TRUE(out.status().ok());
  EXPECT_EQ(out.lines(), 0u);
}

TEST(FrameOutput, DirectConsumerSeesBlocksOnTheProducersThread) {
  BlockPool pool;
  const std::string data = Pattern(2 * kBlockSize + 10);
  std::string got;
  size_t blocks = 0;
  FrameOutput out(&pool, data.size(), [&](Block b) {
    got.append(reinterpret_cast<const char*>(b.bytes.get()), b.size);
    ++blocks;
    pool.Give(std::move(b));
  });
  EXPECT_TRUE(out.Write(U(data), data.size()));
  out.Finish(Status::OK());
  EXPECT_EQ(got, data);
  EXPECT_EQ(blocks, 3u);
}

TEST(FrameOutput, AnAbandonedOutputLetsItsBlockedProducerRunToTheEnd) {
  BlockPool pool;
  const std::string data = Pattern(6 * kBlockSize);
  FrameOutput out(&pool, data.size(), /*max_ready=*/1);
  std::thread producer([&] {
    EXPECT_TRUE(out.Write(U(data), data.size()));  // waits for room after the first block
    out.Finish(Status::OK());
  });
  Block first;
  ASSERT_TRUE(out.Next(&first));  // the consumer takes one block, then goes away
  out.Abandon();
  producer.join();  // would hang if the producer still waited for room
  EXPECT_EQ(first.size, kBlockSize);
}

// Drains a write-through output as decompress does: how far the frame is
// written, until it ends; returns the last figure.
uint64_t WaitUntilWritten(FrameOutput* out) {
  uint64_t written = 0, seen = 0;
  while (out->WaitWritten(&written)) {
    EXPECT_GT(written, seen);
    seen = written;
  }
  return written;
}

TEST(FrameOutput, WritesThroughToItsPlaceAndSaysHowFarItIs) {
  at1::testing::TempDir dir;
  const std::string target = dir.file("out");
  io::OutputFile file;
  ASSERT_TRUE(file.Open(target).ok());
  const std::string first = Pattern(kBlockSize + 77), second = Pattern(2 * kBlockSize + 5);
  // Two frames written by two producers, the second one first; neither
  // waits for its consumer.
  BlockPool pool;
  FrameOutput a(&pool, first.size(), /*max_ready=*/0), b(&pool, second.size(), /*max_ready=*/0);
  a.WriteThrough(&file, 0);
  b.WriteThrough(&file, first.size());
  std::thread pb([&] {
    EXPECT_TRUE(b.Write(U(second), second.size()));
    b.Finish(Status::OK());
  });
  pb.join();
  std::thread pa([&] {
    EXPECT_TRUE(a.Write(U(first), first.size()));
    a.Finish(Status::OK());
  });
  EXPECT_EQ(WaitUntilWritten(&a), first.size());
  pa.join();
  EXPECT_EQ(WaitUntilWritten(&b), second.size());
  for (FrameOutput* out : {&a, &b}) {
    EXPECT_TRUE(out->status().ok());
    Block none;
    EXPECT_FALSE(out->Next(&none));  // blocks went back to the pool, not to the consumer
  }
  EXPECT_EQ(a.produced(), first.size());
  std::string back(first.size() + second.size(), '\0');
  ASSERT_TRUE(file.ReadAt(back.data(), back.size(), 0).ok());
  EXPECT_EQ(back, first + second);
  ASSERT_TRUE(file.Commit(false).ok());
  EXPECT_EQ(at1::testing::ReadFile(target), first + second);
}

TEST(FrameOutput, WritesNothingPastItsFrameIntoTheNext) {
  at1::testing::TempDir dir;
  const std::string target = dir.file("out");
  io::OutputFile file;
  ASSERT_TRUE(file.Open(target).ok());
  ASSERT_TRUE(file.WriteAt("NEXT", 4, 10).ok());  // the next frame's bytes
  BlockPool pool;
  FrameOutput out(&pool, 10, /*max_ready=*/0);
  out.WriteThrough(&file, 0);
  // A backend running one byte long: Space lends room past the frame.
  size_t room = 0;
  uint8_t* p = out.Space(&room);
  ASSERT_EQ(room, 11u);
  std::memset(p, 'x', 11);
  out.Filled(11);
  out.Finish(Status::OK());
  EXPECT_EQ(WaitUntilWritten(&out), 10u);
  EXPECT_EQ(out.produced(), 11u);  // which the consumer reports as corrupt
  ASSERT_TRUE(file.Commit(false).ok());
  EXPECT_EQ(at1::testing::ReadFile(target), "xxxxxxxxxxNEXT");
}

}  // namespace
}  // namespace at1::stream
