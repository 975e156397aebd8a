// The at1 binary as a user runs it: exit codes, messages, and that nothing is
// lost or left half-written when things go wrong.
#include <gtest/gtest.h>

#include <filesystem>

#include "crypto/checksums.h"
#include "support/test_util.h"

namespace at1 {
namespace {

using testing::CommandResult;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;
namespace fs = std::filesystem;

CommandResult At1(std::vector<std::string> args, const std::string& stdin_path = "/dev/null",
                  const std::string& plugin_dir = AT1_PLUGIN_DIR) {
  std::vector<std::string> argv = {"/usr/bin/timeout", "60", AT1_BINARY, "--plugin-dir", plugin_dir};
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::Run(argv, stdin_path);
}

std::string SampleLog() {
  std::string s;
  for (int i = 0; i < 3000; ++i)
    s += "2026-11-21 10:" + std::to_string(10 + i % 50) + ":00,123 INFO [worker-" + std::to_string(i % 7) +
         "] request " + std::to_string(100000 + i * 13) + " served in " + std::to_string(i % 97) + " ms\r\n";
  return s + "last line without newline";
}

TEST(Cli, HelpDocumentsExitCodes) {
  CommandResult r = At1({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
  EXPECT_NE(r.out.find("compress"), std::string::npos);
}

TEST(Cli, NoCommandIsUsageError) {
  EXPECT_EQ(At1({}).exit_code, 2);
  EXPECT_EQ(At1({"compress", "raw"}).exit_code, 2);
  EXPECT_EQ(At1({"compress", "raw", "a", "b", "--backend", "gzip"}).exit_code, 2);
}

TEST(Cli, RoundTripThroughFiles) {
  TempDir d;
  WriteFile(d.file("in.log"), SampleLog());
  for (const char* backend : {"xz", "zstd"}) {
    CommandResult c = At1({"compress", "text", d.file("in.log"), d.file("a.at1"), "--backend", backend});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    EXPECT_NE(c.err.find("ratio"), std::string::npos) << "summary line expected: " << c.err;
    EXPECT_NE(c.err.find("frames"), std::string::npos);
    CommandResult x = At1({"decompress", d.file("a.at1"), d.file("out.log")});
    ASSERT_EQ(x.exit_code, 0) << x.err;
    EXPECT_EQ(ReadFile(d.file("out.log")), SampleLog());
    EXPECT_EQ(At1({"integrity", d.file("a.at1")}).exit_code, 0);
  }
}

TEST(Cli, OneThreadAndTwoThreadsAgree) {
  TempDir d;
  WriteFile(d.file("in.log"), SampleLog());
  for (const char* threads : {"1", "2"}) {
    std::string a = d.file(std::string("t") + threads + ".at1");
    ASSERT_EQ(At1({"compress", "raw", d.file("in.log"), a, "--stream", "--chunk-lines", "300", "--threads", threads})
                  .exit_code, 0);
    ASSERT_EQ(At1({"decompress", a, d.file("out"), "--threads", threads}).exit_code, 0);
    EXPECT_EQ(ReadFile(d.file("out")), SampleLog());
  }
  // Frames are independent of the thread count: the archives are identical.
  EXPECT_EQ(ReadFile(d.file("t1.at1")), ReadFile(d.file("t2.at1")));
}

TEST(Cli, OutputIoIsChosenAndReported) {
  TempDir d;
  WriteFile(d.file("in.log"), SampleLog());
  ASSERT_EQ(At1({"compress", "raw", d.file("in.log"), d.file("a.at1"), "--stream", "--chunk-lines", "300"}).exit_code, 0);
  CommandResult bad = At1({"decompress", d.file("a.at1"), d.file("out"), "--io", "mmap"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--io"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(d.file("out")));
  for (const char* io : {"buffered", "direct", "auto"}) {
    CommandResult x = At1({"decompress", d.file("a.at1"), d.file("out"), "--io", io});
    ASSERT_EQ(x.exit_code, 0) << io << ": " << x.err;
    EXPECT_EQ(ReadFile(d.file("out")), SampleLog()) << io;
    // Only an explicit request makes an output this small go direct.
    if (std::string(io) != "direct") {
      EXPECT_EQ(x.err.find("direct I/O"), std::string::npos) << io << ": " << x.err;
    }
  }
  EXPECT_NE(At1({"decompress", "--help"}).out.find("--io"), std::string::npos);
}

TEST(Cli, StdinAndStdout) {
  TempDir d;
  WriteFile(d.file("in.log"), SampleLog());
  CommandResult c = At1({"compress", "raw", "-", d.file("a.at1"), "--stream", "--chunk-lines", "100"}, d.file("in.log"));
  ASSERT_EQ(c.exit_code, 0) << c.err;
  CommandResult x = At1({"-q", "decompress", "-", "-"}, d.file("a.at1"));
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_EQ(x.out, SampleLog());
  EXPECT_TRUE(x.err.empty()) << "--quiet prints nothing: " << x.err;
}

// Stdout redirected to a regular file is written in place like a named
// output, starting where the redirect's offset was and leaving it after
// the bytes (so a command group goes on after them); with `>>` it is
// appended to in order; a failed run leaves none of its bytes there.
TEST(Cli, StdoutRedirectedToAFile) {
  TempDir d;
  WriteFile(d.file("in.log"), SampleLog());
  ASSERT_EQ(At1({"compress", "raw", d.file("in.log"), d.file("a.at1"), "--stream", "--chunk-lines", "300"}).exit_code, 0);
  const std::string at1 = std::string(AT1_BINARY) + " -q --plugin-dir " + AT1_PLUGIN_DIR;
  auto sh = [&](const std::string& script) {
    return testing::Run({"/usr/bin/timeout", "60", "/bin/sh", "-c", script}, "/dev/null");
  };
  for (const char* io : {"buffered", "direct"}) {
    CommandResult r = sh("{ printf 'head\\n'; " + at1 + " decompress " + d.file("a.at1") + " - --io " + io +
                         "; printf 'tail\\n'; } > " + d.file("grouped"));
    ASSERT_EQ(r.exit_code, 0) << io << ": " << r.err;
    EXPECT_TRUE(ReadFile(d.file("grouped")) == "head\n" + SampleLog() + "tail\n") << io;
  }
  WriteFile(d.file("appended"), "before\n");
  ASSERT_EQ(sh(at1 + " decompress " + d.file("a.at1") + " - >> " + d.file("appended")).exit_code, 0);
  EXPECT_TRUE(ReadFile(d.file("appended")) == "before\n" + SampleLog());
  std::string bad = ReadFile(d.file("a.at1"));
  bad[bad.size() / 2] ^= 0x5a;  // inside a frame: its checksum fails
  WriteFile(d.file("bad.at1"), bad);
  CommandResult r = sh("{ printf 'head\\n'; " + at1 + " decompress " + d.file("bad.at1") + " -; echo $? > " +
                       d.file("rc") + "; printf 'tail\\n'; } > " + d.file("failed"));
  EXPECT_EQ(ReadFile(d.file("rc")), "3\n");
  EXPECT_EQ(ReadFile(d.file("failed")), "head\ntail\n");
}

TEST(Cli, MissingInputNamesItAndLeavesNoOutput) {
  TempDir d;
  CommandResult r = At1({"compress", "raw", d.file("nope.log"), d.file("a.at1")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope.log"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(d.file("a.at1")));
}

TEST(Cli, UnwritableOutput) {
  TempDir d;
  WriteFile(d.file("in"), "x\n");
  CommandResult r = At1({"compress", "raw", d.file("in"), "/nonexistent-dir/a.at1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nonexistent-dir"), std::string::npos) << r.err;
}

TEST(Cli, UnknownCodecNamesCodecAndDirectories) {
  TempDir d;
  WriteFile(d.file("in"), "x\n");
  CommandResult r = At1({"compress", "nosuchcodec", d.file("in"), d.file("a.at1")});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("nosuchcodec"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(AT1_PLUGIN_DIR), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(d.file("a.at1")));
}

TEST(Cli, DecompressWithoutThePluginNamesIt) {
  TempDir d;
  WriteFile(d.file("in"), SampleLog());
  // Several frames: the header names the codec whatever each frame chose.
  ASSERT_EQ(At1({"compress", "text", d.file("in"), d.file("a.at1"), "--stream", "--chunk-lines", "1000"}).exit_code, 0);
  // A copy of the binary away from the build tree, so it does not find the
  // build's plugins beside itself either.
  fs::create_directories(d.file("bin"));
  fs::create_directory(d.file("empty"));
  fs::copy_file(AT1_BINARY, d.file("bin/at1"));
  CommandResult r = testing::Run({d.file("bin/at1"), "--plugin-dir", d.file("empty"), "decompress", d.file("a.at1"),
                                  d.file("out")});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("'text'"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(d.file("out")));
}

TEST(Cli, PluginsListsLoadedAndRefused) {
  TempDir d;
  fs::copy_file(std::string(AT1_TEST_PLUGIN_DIR) + "/abi_mismatch/libabi_mismatch.so", d.file("libabi_mismatch.so"));
  WriteFile(d.file("libnotelf.so"), "garbage");
  CommandResult r = At1({"--plugin-dir", d.path().string(), "plugins"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("text"), std::string::npos);
  EXPECT_NE(r.out.find("ABI 99"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("libnotelf.so"), std::string::npos) << r.out;
}

TEST(Cli, BrokenPluginFallsBackAndReportsIt) {
  TempDir d;
  WriteFile(d.file("in"), SampleLog());
  std::string dir = std::string(AT1_TEST_PLUGIN_DIR) + "/broken_decode";
  CommandResult c = At1({"compress", "broken", d.file("in"), d.file("a.at1"), "--stream", "--chunk-lines", "1000"},
                        "/dev/null", dir);
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.err.find("fallbacks 4"), std::string::npos) << c.err;
  EXPECT_NE(c.err.find("verify"), std::string::npos) << c.err;
  CommandResult x = At1({"decompress", d.file("a.at1"), d.file("out")}, "/dev/null", dir);
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_EQ(ReadFile(d.file("out")), SampleLog());
}

TEST(Cli, FramesLargerThanAnOutputBlockAndOptionsAfterTheCommand) {
  // Decompress hands output over in 1 MiB blocks; frames of several blocks,
  // decoded ahead and behind, must come out whole and in order.
  TempDir d;
  std::string big;
  for (int i = 0; big.size() < (3u << 20); ++i) big += SampleLog() + "\n" + std::to_string(i) + "\n";
  WriteFile(d.file("in"), big);
  for (const char* codec : {"raw", "text"}) {
    ASSERT_EQ(At1({"compress", codec, d.file("in"), d.file("a.at1"), "--stream", "--chunk-lines", "20000"}).exit_code,
              0);
    for (const char* threads : {"1", "3"}) {
      std::vector<std::string> argv = {AT1_BINARY, "decompress", d.file("a.at1"), d.file("out"), "--threads",
                                       threads, "-q", "--plugin-dir", AT1_PLUGIN_DIR};
      CommandResult x = testing::Run(argv, "/dev/null");
      ASSERT_EQ(x.exit_code, 0) << x.err;
      EXPECT_EQ(x.err, "") << "-q after the command silences the summary";
      EXPECT_TRUE(ReadFile(d.file("out")) == big) << codec << " threads " << threads;
    }
  }
}

TEST(Cli, InfoDescribesTheArchive) {
  TempDir d;
  WriteFile(d.file("in"), SampleLog());
  ASSERT_EQ(At1({"compress", "raw", d.file("in"), d.file("a.at1"), "--stream", "--chunk-lines", "1000",
                 "--backend", "zstd"}).exit_code, 0);
  CommandResult r = At1({"info", d.file("a.at1"), "--frames"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("codec:       raw"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("frames:      4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3001 lines"), std::string::npos) << r.out;
}

TEST(Cli, WrongMagicAndTruncation) {
  TempDir d;
  WriteFile(d.file("plain.txt"), "just some text\n");
  CommandResult r = At1({"decompress", d.file("plain.txt"), d.file("out")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("magic"), std::string::npos) << r.err;
  WriteFile(d.file("in"), SampleLog());
  ASSERT_EQ(At1({"compress", "raw", d.file("in"), d.file("a.at1"), "--backend", "zstd"}).exit_code, 0);
  std::string a = ReadFile(d.file("a.at1"));
  WriteFile(d.file("t.at1"), a.substr(0, a.size() - 30));
  r = At1({"decompress", d.file("t.at1"), d.file("out")});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_FALSE(fs::exists(d.file("out")));
}

TEST(Cli, Sha256MismatchIsRefused) {
  TempDir d;
  WriteFile(d.file("in"), SampleLog());
  ASSERT_EQ(At1({"compress", "raw", d.file("in"), d.file("a.at1"), "--backend", "zstd"}).exit_code, 0);
  std::string a = ReadFile(d.file("a.at1"));
  // Change the recorded SHA-256 and re-seal the trailer CRC: every frame is
  // fine, only the whole-file hash disagrees.
  size_t t = a.size() - 80;
  a[t] ^= 1;
  uint32_t crc = crypto::Crc32c(a.data() + t, 68);
  for (int i = 0; i < 4; ++i) a[t + 68 + i] = static_cast<char>(crc >> (8 * i));
  WriteFile(d.file("bad.at1"), a);
  CommandResult r = At1({"decompress", d.file("bad.at1"), d.file("out")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("SHA-256"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(d.file("out")));
  EXPECT_EQ(At1({"integrity", d.file("bad.at1")}).exit_code, 3);
}

// Flip every byte of a small archive in turn: each case must end with a
// clean error (exit 1..4 and a message) or the exact original; never a crash,
// a hang, or silently wrong output.
TEST(Cli, FlipEveryByteOfASmallArchive) {
  TempDir d;
  std::string text;
  for (int i = 0; i < 300; ++i) text += "line " + std::to_string(i) + " value=" + std::to_string(i * i) + "\n";
  WriteFile(d.file("in"), text);
  ASSERT_EQ(At1({"compress", "text", d.file("in"), d.file("a.at1"), "--stream", "--chunk-lines", "100",
                 "--backend", "zstd"}).exit_code, 0);
  const std::string a = ReadFile(d.file("a.at1"));
  int clean_errors = 0, exact = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    std::string b = a;
    b[i] = static_cast<char>(b[i] ^ 0x5a);
    WriteFile(d.file("c.at1"), b);
    fs::remove(d.file("out"));
    CommandResult r = At1({"decompress", d.file("c.at1"), d.file("out")});
    ASSERT_LT(r.exit_code, 124) << "byte " << i << ": crash or hang (exit " << r.exit_code << ")";
    if (r.exit_code == 0) {
      ASSERT_EQ(ReadFile(d.file("out")), text) << "byte " << i << ": silent corruption";
      ++exact;
    } else {
      ASSERT_FALSE(r.err.empty()) << "byte " << i << ": failed without a message";
      ASSERT_FALSE(fs::exists(d.file("out"))) << "byte " << i << ": output left behind";
      ++clean_errors;
    }
  }
  EXPECT_GT(clean_errors, static_cast<int>(a.size()) * 9 / 10);
}

}  // namespace
}  // namespace at1
