// Round trip of every corpus ssh file through the `ssh` codec: whole, and cut
// into frames of 1000 / 200 / 50 lines, each encoded and decoded on its own
// with its real frame_index.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ssh_test_util.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> out;
  fs::path dir = fs::path(AT1_CORPUS_DIR) / "ssh";
  if (!fs::is_directory(dir)) return out;
  for (auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(SshCorpus, EveryFileRoundTripsWholeAndInFrames) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << AT1_CORPUS_DIR << "/ssh";
  EXPECT_EQ(files.size(), 3u);
  for (const auto& f : files) {
    std::string text = slurp(f);
    ASSERT_FALSE(text.empty()) << f;
    EXPECT_EQ(ssh_test::round_trip(text), "") << f;
    for (size_t lines : {1000, 200, 50}) {
      auto parts = at1::sdk::testing::split_frames(text, lines);
      std::string joined;
      for (size_t i = 0; i < parts.size(); ++i) {
        EXPECT_EQ(ssh_test::round_trip(parts[i], i), "") << f << " frame " << i << " of " << lines;
        joined += parts[i];
      }
      EXPECT_EQ(joined, text);
    }
  }
}

TEST(SshCorpus, KnownMessagesUseBuiltinTemplates) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << AT1_CORPUS_DIR << "/ssh";
  for (const auto& f : files) {
    if (f.filename() != "OpenSSH_2k.log") continue;
    std::string text = slurp(f);
    auto e = at1::sdk::testing::encode(ssh_test::codec(), text);
    ASSERT_EQ(e.status, AT1_OK);
    // The encoding must be far smaller than the text (the ratio work is
    // measured with stream_report; this only catches a collapse of the model).
    EXPECT_LT(e.total_stream_bytes(), text.size() / 4);
  }
}

}  // namespace
