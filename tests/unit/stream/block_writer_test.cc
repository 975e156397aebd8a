// BlockWriter writes decompress's blocks on a thread of its own: each at its
// offset, in whatever order producers hand them over, with a bounded
// backlog; and a detached FrameOutput hands its blocks straight to it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <thread>

#include "io/file.h"
#include "stream/block_writer.h"
#include "stream/frame_output.h"
#include "support/test_util.h"

namespace at1::stream {
namespace {

std::string Pattern(size_t n, int seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 13 + seed) % 26);
  return s;
}

Block Filled(BlockPool* pool, const std::string& bytes) {
  Block b = pool->Take();
  std::memcpy(b.data(), bytes.data(), bytes.size());
  b.size = bytes.size();
  return b;
}

// Two producers, each writing its half of the file back to front, through
// a backlog of one: every byte lands at its place.
TEST(BlockWriter, WritesEachBlockAtItsOffsetInAnyOrder) {
  testing::TempDir d;
  const size_t piece = 100000, pieces = 12;
  const std::string data = Pattern(piece * pieces, 1);
  io::OutputFile out;
  ASSERT_TRUE(out.Open(d.file("out")).ok());
  ASSERT_TRUE(out.Positioned());
  BlockPool pool;
  {
    BlockWriter writer(&out, &pool, /*backlog=*/1);
    auto produce = [&](size_t first) {
      for (size_t k = first + pieces / 2; k-- > first;)
        writer.Submit(Filled(&pool, data.substr(k * piece, piece)), k * piece);
    };
    std::thread a(produce, 0), b(produce, pieces / 2);
    a.join();
    b.join();
    EXPECT_TRUE(writer.Drain().ok());
  }
  ASSERT_TRUE(out.Commit(/*durable=*/false).ok());
  EXPECT_EQ(testing::ReadFile(d.file("out")), data);
}

// A detached frame's blocks go from its producer to the writer at the
// frame's offset; the consumer sees only the end and the head it keeps.
TEST(BlockWriter, TakesADetachedFramesBlocksFromItsProducer) {
  testing::TempDir d;
  const std::string before = Pattern(1000, 2), frame = Pattern(3 * kBlockSize + 4321, 3);
  io::OutputFile out;
  ASSERT_TRUE(out.Open(d.file("out")).ok());
  BlockPool pool;
  {
    BlockWriter writer(&out, &pool, /*backlog=*/2);
    writer.Submit(Filled(&pool, before), 0);
    FrameOutput fo(&pool, frame.size(), /*max_ready=*/1);
    crypto::Sha256 start;
    fo.HashFrom(24, start.Chain());
    fo.Detach(&writer, before.size());
    std::thread producer([&] {
      for (size_t at = 0; at < frame.size(); at += 77777)
        EXPECT_TRUE(fo.Write(reinterpret_cast<const uint8_t*>(frame.data()) + at, std::min<size_t>(77777, frame.size() - at)));
      fo.Finish(Status::OK());
    });
    Block b;
    EXPECT_FALSE(fo.Next(&b)) << "no block reaches the consumer";
    producer.join();
    EXPECT_TRUE(fo.status().ok());
    EXPECT_EQ(fo.produced(), frame.size());
    ASSERT_EQ(fo.head_size(), 24u);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(fo.head()), 24), frame.substr(0, 24));
    crypto::Sha256 rest(start.Chain());
    rest.Update(frame.data() + 24, frame.size() - 24);
    EXPECT_EQ(fo.hash()->Finish(), rest.Finish());
    EXPECT_TRUE(writer.Drain().ok());
  }
  ASSERT_TRUE(out.Commit(/*durable=*/false).ok());
  EXPECT_EQ(testing::ReadFile(d.file("out")), before + frame);
}

}  // namespace
}  // namespace at1::stream
