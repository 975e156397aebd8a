// Every way decompress can write a file gives the same bytes: through the
// page cache (workers writing their own frames) or with direct I/O (a
// writer thread sending whole pages to the device), with one thread or
// several, for frames whose sizes fall anywhere within a page; and `auto`
// picks direct I/O only for large outputs.
#include <gtest/gtest.h>

#include <string>

#include "at1/archive.h"
#include "io/file.h"
#include "support/test_util.h"

namespace at1 {
namespace {

// Lines of uneven lengths, so frames end at odd offsets.
std::string Text(size_t bytes) {
  std::string s;
  s.reserve(bytes + 200);
  for (uint64_t i = 0; s.size() < bytes; ++i)
    s += "line " + std::to_string(i * 7919 % 100003) + std::string(i % 83, 'x') + (i % 5 ? "\n" : "\r\n");
  return s;
}

void CompressStreamed(const std::string& in, const std::string& out, uint64_t chunk_lines) {
  CompressOptions o;
  o.backend = DefaultBackendSettings(BackendId::kZstd);
  o.backend.level = 1;
  o.stream = true;
  o.chunk_lines = chunk_lines;
  Result<CompressSummary> c = Compress(in, out, o, PluginHost::LoadFrom({}));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
}

bool DirectIoWorksIn(const testing::TempDir& dir) {
  io::OutputFile probe;
  return probe.Open(dir.file("probe")).ok() && probe.UseDirectIo(0);
}

TEST(OutputIo, EveryWayOfWritingGivesTheSameBytes) {
  testing::TempDir dir;
  const std::string text = Text(6 << 20);
  testing::WriteFile(dir.file("in"), text);
  CompressStreamed(dir.file("in"), dir.file("a.at1"), 1001);
  const bool direct_works = DirectIoWorksIn(dir);
  for (OutputIo io : {OutputIo::kBuffered, OutputIo::kDirect, OutputIo::kAuto}) {
    for (unsigned threads : {1u, 2u, 3u}) {
      DecompressOptions o;
      o.io = io;
      o.threads = threads;
      Result<DecompressSummary> d = Decompress(dir.file("a.at1"), dir.file("out"), o, PluginHost::LoadFrom({}));
      ASSERT_TRUE(d.ok()) << OutputIoName(io) << " threads " << threads << ": " << d.status().ToString();
      EXPECT_GT(d->frames, 100u);
      // (a == b, not EXPECT_EQ: a diff of 6 MB strings helps nobody)
      EXPECT_TRUE(testing::ReadFile(dir.file("out")) == text) << OutputIoName(io) << " threads " << threads;
      // Auto leaves an output this small to the page cache.
      EXPECT_EQ(d->direct_io, io == OutputIo::kDirect && direct_works) << OutputIoName(io) << " threads " << threads;
    }
  }
}

TEST(OutputIo, AutoWritesLargeOutputsDirect) {
  testing::TempDir dir;
  if (!DirectIoWorksIn(dir)) GTEST_SKIP() << "no direct I/O on the file system of " << dir.path();
  const std::string text = Text(kDirectIoMinBytes + 12345);
  testing::WriteFile(dir.file("in"), text);
  CompressStreamed(dir.file("in"), dir.file("a.at1"), 200000);
  Result<DecompressSummary> d = Decompress(dir.file("a.at1"), dir.file("out"), DecompressOptions{}, PluginHost::LoadFrom({}));
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(d->direct_io);
  EXPECT_TRUE(testing::ReadFile(dir.file("out")) == text);
}

TEST(OutputIo, NamesParseBothWays) {
  for (OutputIo io : {OutputIo::kAuto, OutputIo::kBuffered, OutputIo::kDirect}) {
    Result<OutputIo> back = ParseOutputIo(OutputIoName(io));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, io);
  }
  Result<OutputIo> bad = ParseOutputIo("mmap");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("auto, buffered or direct"), std::string::npos);
}

}  // namespace
}  // namespace at1
