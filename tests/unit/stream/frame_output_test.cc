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
    EXPECT_LE(b.begin + b.size, kBlockSize);
    got.append(reinterpret_cast<const char*>(b.data()), b.size);
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

// The producer's hash (decompress's workers hash their own frames): the
// frame's bytes from `skip` on, across blocks of any size, from the chain
// value it was given, whatever the skip (under a block: where a frame's
// chain value is); the bytes before `skip` are kept for the consumer.
TEST(FrameOutput, HashesItsBytesPastTheSkipFromTheChainValue) {
  const std::string data = Pattern(3 * kBlockSize + 777);
  crypto::Sha256 before;
  before.Update("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 64);
  const crypto::Sha256Chain chain = before.Chain();
  for (uint64_t skip : {0, 1, 17, 63}) {
    BlockPool pool;
    FrameOutput out(&pool, data.size(), /*max_ready=*/2);
    out.HashFrom(skip, chain);
    std::string got = Drain(&pool, &out, [&] {
      for (size_t at = 0; at < data.size(); at += 99991)
        EXPECT_TRUE(out.Write(U(data) + at, std::min<size_t>(99991, data.size() - at)));
      out.Finish(Status::OK());
    });
    ASSERT_EQ(got, data);
    crypto::Sha256 expected(chain);
    expected.Update(data.data() + skip, data.size() - skip);
    ASSERT_NE(out.hash(), nullptr);
    EXPECT_EQ(out.hash()->bytes(), 64 + data.size() - skip);
    EXPECT_EQ(out.hash()->Finish(), expected.Finish()) << skip;
    ASSERT_EQ(out.head_size(), skip);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(out.head()), skip), data.substr(0, skip));
  }
  BlockPool pool;
  FrameOutput plain(&pool, 1, /*max_ready=*/1);
  EXPECT_EQ(plain.hash(), nullptr);
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
    got.append(reinterpret_cast<const char*>(b.data()), b.size);
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

TEST(FrameOutput, WritesThroughToItsPlaceAndHandsTheBlocksOn) {
  at1::testing::TempDir dir;
  const std::string target = dir.file("out");
  io::OutputFile file;
  ASSERT_TRUE(file.Open(target).ok());
  const std::string first = Pattern(kBlockSize + 77), second = Pattern(2 * kBlockSize + 5);
  // Two frames written by two producers, the second one first, and drained
  // in order as decompress does.
  BlockPool pool;
  FrameOutput a(&pool, first.size(), /*max_ready=*/4), b(&pool, second.size(), /*max_ready=*/4);
  a.WriteThrough(&file, 0);
  b.WriteThrough(&file, first.size());
  std::thread pb([&] {  // all its blocks fit the queue: it needs no consumer to finish
    EXPECT_TRUE(b.Write(U(second), second.size()));
    b.Finish(Status::OK());
  });
  pb.join();
  EXPECT_EQ(Drain(&pool, &a, [&] {
              EXPECT_TRUE(a.Write(U(first), first.size()));
              a.Finish(Status::OK());
            }),
            first);  // the consumer still sees every byte, to hash it
  EXPECT_EQ(Drain(&pool, &b, [] {}), second);
  for (FrameOutput* out : {&a, &b}) EXPECT_TRUE(out->status().ok());
  EXPECT_EQ(a.produced(), first.size());
  ASSERT_TRUE(file.Commit(false).ok());
  EXPECT_EQ(at1::testing::ReadFile(target), first + second);
}

TEST(FrameOutput, PageAlignedBlocksGoToTheDeviceAsTheyAre) {
  at1::testing::TempDir dir;
  const std::string target = dir.file("out");
  io::OutputFile file;
  ASSERT_TRUE(file.Open(target).ok());
  if (!file.UseDirectIo(0)) GTEST_SKIP() << "no direct I/O on the file system of " << target;
  const std::string before = Pattern(5000), data = Pattern(3 * kBlockSize + 999);
  ASSERT_TRUE(file.WriteAt(before.data(), before.size(), 0).ok());
  BlockPool pool;
  FrameOutput out(&pool, data.size(), /*max_ready=*/2);
  out.PageAlign(before.size());
  std::thread producer([&] {
    // Reservations that do not fit a block's rest end it early, inside a
    // page: the bytes past its last page boundary must move to the next.
    for (size_t at = 0; at < data.size();) {
      const size_t k = std::min<size_t>(data.size() - at, 40000);
      size_t room = 0;
      uint8_t* p = out.Reserve(k, &room);
      if (!p || room < k) {
        ADD_FAILURE() << "reserve lent " << room << " bytes, asked for " << k;
        break;
      }
      std::memcpy(p, data.data() + at, k);
      EXPECT_TRUE(out.Commit(k));
      at += k;
    }
    out.Finish(Status::OK());
  });
  Block block;
  uint64_t at = before.size();
  size_t unaligned_ends = 0;  // blocks ending inside a page: only the frame's last may
  while (out.Next(&block)) {
    EXPECT_EQ(unaligned_ends, 0u) << "a block before this one ended inside a page";
    EXPECT_EQ(block.begin, at % io::kDirectAlign);
    EXPECT_EQ((reinterpret_cast<uintptr_t>(block.data()) - at) % io::kDirectAlign, 0u);
    EXPECT_TRUE(file.WriteAt(block.data(), block.size, at).ok());
    at += block.size;
    if (at % io::kDirectAlign) ++unaligned_ends;
    pool.Give(std::move(block));
  }
  producer.join();
  EXPECT_TRUE(out.status().ok());
  EXPECT_EQ(at, before.size() + data.size());
  EXPECT_TRUE(file.direct());  // no write fell back to the page cache
  ASSERT_TRUE(file.Commit(false).ok());
  EXPECT_TRUE(at1::testing::ReadFile(target) == before + data);
}

TEST(FrameOutput, WritesNothingPastItsFrameIntoTheNext) {
  at1::testing::TempDir dir;
  const std::string target = dir.file("out");
  io::OutputFile file;
  ASSERT_TRUE(file.Open(target).ok());
  ASSERT_TRUE(file.WriteAt("NEXT", 4, 10).ok());  // the next frame's bytes
  BlockPool pool;
  FrameOutput out(&pool, 10, /*max_ready=*/1);
  out.WriteThrough(&file, 0);
  std::string got = Drain(&pool, &out, [&] {
    // A backend running one byte long: Space lends room past the frame.
    size_t room = 0;
    uint8_t* p = out.Space(&room);
    EXPECT_EQ(room, 11u);
    std::memset(p, 'x', 11);
    out.Filled(11);
    out.Finish(Status::OK());
  });
  EXPECT_EQ(got, std::string(11, 'x'));
  EXPECT_EQ(out.produced(), 11u);  // which the consumer reports as corrupt
  ASSERT_TRUE(file.Commit(false).ok());
  EXPECT_EQ(at1::testing::ReadFile(target).substr(10), "NEXT");
}

}  // namespace
}  // namespace at1::stream
