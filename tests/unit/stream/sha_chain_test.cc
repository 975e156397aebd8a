// SHA-256 chain values (docs/format.md, "SHA-256 chain value"): compress
// puts each frame's where the format says, with the true chaining value;
// decompress hashes frames on their workers from them and still refuses
// any archive whose output's SHA-256 is not the trailer's, and any chain
// value that is not the output's, whatever the number of threads.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "at1/archive.h"
#include "container/reader.h"
#include "container/writer.h"
#include "crypto/sha256.h"
#include "io/file.h"
#include "stream/frame_codec.h"
#include "support/test_util.h"

namespace at1 {
namespace {

// Lines of varied lengths, so that frames start at every offset mod 64.
std::string Text(size_t lines) {
  std::string t;
  for (size_t i = 0; i < lines; ++i) t += "line " + std::to_string(i * 7919) + std::string(i % 53, 'x') + "\n";
  return t;
}

void CompressStreamed(const std::string& in, const std::string& out, uint64_t chunk_lines) {
  CompressOptions o;
  o.backend = DefaultBackendSettings(BackendId::kZstd);
  o.stream = true;
  o.chunk_lines = chunk_lines;
  o.threads = 2;
  Result<CompressSummary> r = Compress(in, out, o, PluginHost::LoadFrom({}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

struct Frames {
  format::FileHeader header;
  std::vector<stream::EncodedFrame> frames;
  format::Trailer trailer;
};

Frames ReadFrames(const std::string& path) {
  Frames all;
  io::InputFile in;
  EXPECT_TRUE(in.Open(path).ok());
  container::ContainerReader r(&in, Limits{});
  EXPECT_TRUE(r.ReadHeader(&all.header).ok());
  for (;;) {
    stream::EncodedFrame f;
    bool got = false;
    EXPECT_TRUE(r.NextFrame(&got, &f.header, &f.payload).ok());
    if (!got) break;
    all.frames.push_back(std::move(f));
  }
  EXPECT_TRUE(r.ReadFooter(&all.trailer).ok());
  return all;
}

// Writes the frames back as an archive, after `edit` (checksums follow).
void Rewrite(Frames all, const std::string& path, const std::function<void(std::vector<stream::EncodedFrame>*)>& edit) {
  edit(&all.frames);
  io::OutputFile out;
  ASSERT_TRUE(out.Open(path).ok());
  container::ContainerWriter w(&out);
  ASSERT_TRUE(w.WriteHeader(all.header).ok());
  for (const auto& f : all.frames) ASSERT_TRUE(w.WriteFrame(f).ok());
  ASSERT_TRUE(w.Finish(all.trailer.sha256, all.trailer.total_raw_bytes, all.trailer.total_lines).ok());
  ASSERT_TRUE(out.Commit().ok());
}

Result<DecompressSummary> DecompressTo(const std::string& archive, const std::string& out, unsigned threads,
                                       OutputIo io = OutputIo::kAuto) {
  DecompressOptions o;
  o.threads = threads;
  o.io = io;
  return Decompress(archive, out, o, PluginHost::LoadFrom({}));
}

TEST(ShaChain, EachFrameAfterTheFirstCarriesTheChainValueAtItsFirstBlock) {
  testing::TempDir d;
  const std::string text = Text(3000);
  testing::WriteFile(d.file("in"), text);
  CompressStreamed(d.file("in"), d.file("a.at1"), 7);  // frames of ~200-500 bytes
  Frames all = ReadFrames(d.file("a.at1"));
  ASSERT_GT(all.frames.size(), 400u);
  EXPECT_EQ(all.header.format_minor, 1);
  uint64_t start = 0;
  size_t carried = 0;
  for (const auto& f : all.frames) {
    const format::FrameHeader& h = f.header;
    const bool expected = h.sequence > 0 && format::HoldsWholeShaBlock(start, h.raw_size);
    ASSERT_EQ(h.sha_chain.has_value(), expected) << "frame " << h.sequence;
    EXPECT_TRUE(h.stats.empty()) << "the chain value is not among the codec's statistics";
    if (expected) {
      ++carried;
      EXPECT_EQ(h.sha_chain->bytes, format::ShaChainOffset(start));
      EXPECT_EQ(h.sha_chain->bytes % 64, 0u);
      crypto::Sha256 prefix;
      prefix.Update(text.data(), h.sha_chain->bytes);
      EXPECT_EQ(*h.sha_chain, prefix.Chain()) << "frame " << h.sequence;
    }
    start += h.raw_size;
  }
  EXPECT_EQ(start, text.size());
  EXPECT_GE(carried, all.frames.size() - 2);  // all but the first and maybe a short last one
}

TEST(ShaChain, FramesTooSmallForAWholeBlockCarryNoneAndStillDecode) {
  testing::TempDir d;
  std::string text;
  for (int i = 0; i < 500; ++i) text += std::string(i % 90, 'a' + i % 26) + "\n";
  testing::WriteFile(d.file("in"), text);
  CompressStreamed(d.file("in"), d.file("a.at1"), 1);  // one line a frame: 1..90 bytes
  Frames all = ReadFrames(d.file("a.at1"));
  size_t without = 0;
  for (const auto& f : all.frames) without += !f.header.sha_chain;
  EXPECT_GT(without, all.frames.size() / 2);
  for (unsigned threads : {1u, 2u, 3u}) {
    Result<DecompressSummary> r = DecompressTo(d.file("a.at1"), d.file("out"), threads);
    ASSERT_TRUE(r.ok()) << threads << ": " << r.status().ToString();
    EXPECT_EQ(testing::ReadFile(d.file("out")), text) << threads;
  }
}

TEST(ShaChain, DecodesTheSameWithAndWithoutChainValues) {
  testing::TempDir d;
  const std::string text = Text(20000);
  testing::WriteFile(d.file("in"), text);
  CompressStreamed(d.file("in"), d.file("a.at1"), 1000);
  // As a 1.0 writer would have written it: no chain values.
  Rewrite(ReadFrames(d.file("a.at1")), d.file("old.at1"), [](std::vector<stream::EncodedFrame>* frames) {
    for (auto& f : *frames) f.header.sha_chain.reset();
  });
  // Through the page cache (workers write), direct (a writer thread), and
  // with no output (integrity).
  for (const char* name : {"a.at1", "old.at1"})
    for (unsigned threads : {1u, 2u, 4u})
      for (OutputIo io : {OutputIo::kBuffered, OutputIo::kDirect}) {
        Result<DecompressSummary> r = DecompressTo(d.file(name), d.file("out"), threads, io);
        ASSERT_TRUE(r.ok()) << name << " " << threads << ": " << r.status().ToString();
        EXPECT_EQ(testing::ReadFile(d.file("out")), text) << name << " " << threads << " " << OutputIoName(io);
        DecompressOptions o;
        o.threads = threads;
        r = Integrity(d.file(name), o, PluginHost::LoadFrom({}));
        EXPECT_TRUE(r.ok()) << name << " " << threads << ": " << r.status().ToString();
      }
}

// A chain value that is not the output's (a writer's bug, or tampering that
// kept the checksums right) is refused in every mode, naming the frame, and
// leaves no output behind.
TEST(ShaChain, WrongChainValueIsRefused) {
  testing::TempDir d;
  const std::string text = Text(20000);
  testing::WriteFile(d.file("in"), text);
  CompressStreamed(d.file("in"), d.file("a.at1"), 1000);
  Rewrite(ReadFrames(d.file("a.at1")), d.file("bad.at1"), [](std::vector<stream::EncodedFrame>* frames) {
    ASSERT_TRUE((*frames)[3].header.sha_chain);
    (*frames)[3].header.sha_chain->value[5] ^= 0x10;
  });
  for (unsigned threads : {1u, 2u, 4u}) {
    Result<DecompressSummary> r = DecompressTo(d.file("bad.at1"), d.file("out"), threads);
    ASSERT_FALSE(r.ok()) << threads;
    EXPECT_EQ(r.status().code(), Status::Code::kChecksumMismatch) << r.status().ToString();
    EXPECT_NE(r.status().message().find("frame 3"), std::string::npos) << r.status().ToString();
    EXPECT_FALSE(std::filesystem::exists(d.file("out")));
  }
}

TEST(ShaChain, ChainValueAtTheWrongOffsetIsRefused) {
  testing::TempDir d;
  const std::string text = Text(20000);
  testing::WriteFile(d.file("in"), text);
  CompressStreamed(d.file("in"), d.file("a.at1"), 1000);
  Rewrite(ReadFrames(d.file("a.at1")), d.file("bad.at1"), [&](std::vector<stream::EncodedFrame>* frames) {
    // The true chain value 64 bytes further on: right for that offset, but
    // the frame's worker would start hashing past bytes nobody hashed.
    crypto::Sha256Chain& c = *(*frames)[2].header.sha_chain;
    crypto::Sha256 later;
    later.Update(text.data(), c.bytes + 64);
    c = later.Chain();
  });
  for (unsigned threads : {1u, 2u}) {
    Result<DecompressSummary> r = DecompressTo(d.file("bad.at1"), d.file("out"), threads);
    ASSERT_FALSE(r.ok()) << threads;
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << r.status().ToString();
    EXPECT_NE(r.status().message().find("frame 2"), std::string::npos) << r.status().ToString();
  }
}

// One byte of output changed where only a worker hashes it (past its
// frame's chain value): the next frame's chain value catches it, or for
// the last frame the trailer's SHA-256. The changed frame comes from an
// archive of the changed text, so every checksum but the SHA-256 holds.
TEST(ShaChain, ChangedOutputPastAChainValueIsCaught) {
  testing::TempDir d;
  const std::string text = Text(20000);
  testing::WriteFile(d.file("in"), text);
  CompressStreamed(d.file("in"), d.file("a.at1"), 1000);
  const Frames all = ReadFrames(d.file("a.at1"));
  const size_t last = all.frames.size() - 1;
  ASSERT_GE(last, 3u);
  for (size_t frame : {size_t(2), last}) {
    uint64_t start = 0;
    for (size_t i = 0; i < frame; ++i) start += all.frames[i].header.raw_size;
    std::string changed = text;
    changed[start + 300] ^= 0x01;
    testing::WriteFile(d.file("in2"), changed);
    CompressStreamed(d.file("in2"), d.file("b.at1"), 1000);
    const Frames other = ReadFrames(d.file("b.at1"));
    Rewrite(all, d.file("bad.at1"),
            [&](std::vector<stream::EncodedFrame>* frames) { (*frames)[frame] = other.frames[frame]; });
    const std::string expected = frame == last ? "SHA-256 of the decoded data" : "frame 3: the SHA-256";
    for (unsigned threads : {1u, 2u}) {
      Result<DecompressSummary> r = DecompressTo(d.file("bad.at1"), d.file("out"), threads);
      ASSERT_FALSE(r.ok()) << frame << " " << threads;
      EXPECT_EQ(r.status().code(), Status::Code::kChecksumMismatch) << r.status().ToString();
      EXPECT_NE(r.status().message().find(expected), std::string::npos) << r.status().ToString();
    }
  }
}

}  // namespace
}  // namespace at1
