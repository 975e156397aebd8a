// OutputFile: a file appears under its name only once committed, positioned
// writes land where they are aimed in any order, and a target that is not
// a regular file (a FIFO here; /dev/null in real use) is written as it is,
// never replaced by a renamed file. Direct I/O takes writes of any shape.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "io/file.h"
#include "support/test_util.h"

namespace at1::io {
namespace {

using at1::testing::ReadFile;
using at1::testing::TempDir;
namespace fs = std::filesystem;

size_t FilesIn(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(OutputFile, AppearsOnlyWhenCommitted) {
  TempDir dir;
  const std::string target = dir.file("out.txt");
  OutputFile out;
  ASSERT_TRUE(out.Open(target).ok());
  ASSERT_TRUE(out.Write("hello\n", 6).ok());
  EXPECT_FALSE(fs::exists(target));
  ASSERT_TRUE(out.Commit(/*durable=*/false).ok());
  EXPECT_EQ(ReadFile(target), "hello\n");
  EXPECT_EQ(FilesIn(dir.path()), 1u);  // no temporary left beside it
}

TEST(OutputFile, AbortLeavesNothing) {
  TempDir dir;
  {
    OutputFile out;
    ASSERT_TRUE(out.Open(dir.file("out.txt")).ok());
    ASSERT_TRUE(out.Write("partial", 7).ok());
  }  // destroyed without Commit
  EXPECT_EQ(FilesIn(dir.path()), 0u);
}

TEST(OutputFile, PositionedWritesLandWhereAimedInAnyOrder) {
  TempDir dir;
  const std::string target = dir.file("out.txt");
  OutputFile out;
  ASSERT_TRUE(out.Open(target).ok());
  ASSERT_TRUE(out.Positioned());
  ASSERT_TRUE(out.Preallocate(0, 10).ok());
  std::thread later([&] { EXPECT_TRUE(out.WriteAt("world", 5, 5).ok()); });
  EXPECT_TRUE(out.WriteAt("hello", 5, 0).ok());
  later.join();
  ASSERT_TRUE(out.Commit(false).ok());
  EXPECT_EQ(ReadFile(target), "helloworld");
}

// Direct I/O takes only aligned pages; the writes below start and end
// anywhere, come from memory aligned like the file or not, and partly share
// pages with each other: every byte must still land, once.
TEST(OutputFile, DirectWritesOfAnyShapeLandWhereAimed) {
  TempDir dir;
  const std::string target = dir.file("out.bin");
  OutputFile out;
  ASSERT_TRUE(out.Open(target).ok());
  if (!out.UseDirectIo(0)) GTEST_SKIP() << "no direct I/O on the file system of " << target;
  constexpr size_t kSize = 5 * kDirectAlign * 64 + 123;
  std::string want(kSize, '\0');
  for (size_t i = 0; i < kSize; ++i) want[i] = static_cast<char>('a' + (i * 31 + i / 4099) % 26);
  ASSERT_TRUE(out.Preallocate(0, kSize).ok());
  // Cut points off and on page boundaries; odd pieces come from a copy at
  // an address that does not match their offset (written buffered).
  const size_t cuts[] = {0, 1, kDirectAlign, 3 * kDirectAlign + 7, 64 * kDirectAlign, 64 * kDirectAlign + 1,
                         200 * kDirectAlign - 5, kSize};
  std::vector<std::thread> writers;
  for (size_t i = 0; i + 1 < std::size(cuts); ++i) {
    writers.emplace_back([&, i] {
      const size_t at = cuts[i], n = cuts[i + 1] - cuts[i];
      // Memory aligned as the file is: at's place within a page.
      // (aligned_alloc wants a size that is a multiple of the alignment)
      void* raw = std::aligned_alloc(kDirectAlign, (n / kDirectAlign + 3) * kDirectAlign);
      char* p = static_cast<char*>(raw) + at % kDirectAlign + (i % 2 ? 1 : 0);
      std::memcpy(p, want.data() + at, n);
      EXPECT_TRUE(out.WriteAt(p, n, at).ok());
      std::free(raw);
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_TRUE(out.direct());  // nothing the file system refused
  ASSERT_TRUE(out.Commit(false).ok());
  EXPECT_TRUE(ReadFile(target) == want);
}

// Direct writes wait for the device: one slower than the rate asked for
// (here an impossible one) sends the rest through the page cache, and
// nothing written is lost on the way; a device fast enough keeps it.
TEST(OutputFile, DirectIoEndsWhereTheDeviceIsTooSlowForIt) {
  for (const double min_rate : {1e18, 1.0}) {
    TempDir dir;
    const std::string target = dir.file("out.bin");
    OutputFile out;
    ASSERT_TRUE(out.Open(target).ok());
    if (!out.UseDirectIo(min_rate)) GTEST_SKIP() << "no direct I/O on the file system of " << target;
    constexpr size_t kPiece = size_t(1) << 20;
    const size_t pieces = OutputFile::kDirectProbe / kPiece + 8;
    void* raw = std::aligned_alloc(kDirectAlign, kPiece);
    char* piece = static_cast<char*>(raw);
    std::string want;
    for (size_t i = 0; i < pieces; ++i) {
      std::memset(piece, 'a' + static_cast<int>(i % 26), kPiece);
      ASSERT_TRUE(out.WriteAt(piece, kPiece, i * kPiece).ok());
      want.append(piece, kPiece);
    }
    std::free(raw);
    EXPECT_EQ(out.direct(), min_rate < 1e9) << "min_rate " << min_rate;
    ASSERT_TRUE(out.Commit(false).ok());
    EXPECT_TRUE(ReadFile(target) == want) << "min_rate " << min_rate;
  }
}

TEST(OutputFile, AFifoIsWrittenAsItIsNotReplaced) {
  TempDir dir;
  const std::string fifo = dir.file("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = ReadFile(fifo); });  // opening blocks until the writer opens
  {
    OutputFile out;
    ASSERT_TRUE(out.Open(fifo).ok());
    EXPECT_FALSE(out.Positioned());  // bytes go in order only
    ASSERT_TRUE(out.Write("through the pipe\n", 17).ok());
    ASSERT_TRUE(out.Commit(false).ok());
  }
  reader.join();
  EXPECT_EQ(got, "through the pipe\n");
  struct stat st;
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(FilesIn(dir.path()), 1u);
}

TEST(OutputFile, RefusesADirectory) {
  TempDir dir;
  OutputFile out;
  Status s = out.Open(dir.path().string());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("is a directory"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace at1::io
