// Decompress checks each frame against its header as it writes it: a frame
// whose decoded bytes or lines differ from what the header records is
// refused with a message naming the frame, even when every checksum of the
// archive is intact (a bug in a codec or in a writer, not a flipped bit).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>

#include "at1/archive.h"
#include "container/writer.h"
#include "crypto/sha256.h"
#include "io/file.h"
#include "stream/frame_codec.h"
#include "support/test_util.h"

namespace at1 {
namespace {

// Writes `text` as a one-frame raw archive whose frame header is edited by
// `tamper` after encoding (the payload and all checksums stay consistent).
void WriteArchive(const std::string& path, const std::string& text,
                  const std::function<void(format::FrameHeader*)>& tamper) {
  stream::Chunk chunk;
  chunk.bytes.append(text.data(), text.size());
  chunk.lines = static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n')) + (text.back() != '\n');
  stream::EncodeSettings s;
  s.backend = DefaultBackendSettings(BackendId::kZstd);
  Result<stream::EncodedFrame> f = stream::EncodeFrame(chunk, s);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  tamper(&f->header);
  io::OutputFile out;
  ASSERT_TRUE(out.Open(path).ok());
  container::ContainerWriter w(&out);
  format::FileHeader h;
  h.backend = BackendId::kZstd;
  h.level = 3;
  h.codec_name = "raw";
  ASSERT_TRUE(w.WriteHeader(h).ok());
  ASSERT_TRUE(w.WriteFrame(*f).ok());
  crypto::Sha256 sha;
  sha.Update(text.data(), text.size());
  ASSERT_TRUE(w.Finish(sha.Finish(), text.size(), f->header.line_count).ok());
  ASSERT_TRUE(out.Commit().ok());
}

Status DecompressTo(const std::string& archive, const std::string& out, unsigned threads) {
  DecompressOptions o;
  o.threads = threads;
  Result<DecompressSummary> r = Decompress(archive, out, o, PluginHost::LoadFrom({}));
  return r.ok() ? Status::OK() : r.status();
}

TEST(FrameChecks, UntamperedArchiveDecompresses) {
  testing::TempDir d;
  WriteArchive(d.file("a.at1"), "one\ntwo\nthree\n", [](format::FrameHeader*) {});
  ASSERT_TRUE(DecompressTo(d.file("a.at1"), d.file("out"), 1).ok());
  EXPECT_EQ(testing::ReadFile(d.file("out")), "one\ntwo\nthree\n");
}

TEST(FrameChecks, WrongLineCountIsRefused) {
  testing::TempDir d;
  WriteArchive(d.file("a.at1"), "one\ntwo\nthree\n", [](format::FrameHeader* h) { h->line_count = 4; });
  for (unsigned threads : {1u, 2u}) {
    Status s = DecompressTo(d.file("a.at1"), d.file("out"), threads);
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
    EXPECT_NE(s.message().find("frame 0"), std::string::npos) << s.ToString();
    EXPECT_NE(s.message().find("lines"), std::string::npos) << s.ToString();
    EXPECT_FALSE(std::filesystem::exists(d.file("out"))) << "no output left behind";
  }
}

TEST(FrameChecks, FrameThatDecodesShorterThanItsHeaderIsRefused) {
  testing::TempDir d;
  // The raw stream says 14 bytes; the frame header claims one more.
  WriteArchive(d.file("a.at1"), "one\ntwo\nthree\n", [](format::FrameHeader* h) { ++h->raw_size; });
  Status s = DecompressTo(d.file("a.at1"), d.file("out"), 2);
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
  EXPECT_FALSE(std::filesystem::exists(d.file("out")));
}

}  // namespace
}  // namespace at1
