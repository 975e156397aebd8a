// Round trip of every corpus VCF through the codec: whole file as one frame
// and cut into frames of 1000 and 200 lines (each frame encoded on its own,
// frame_index counting up, so most frames have no '##' header).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "vcf_test_util.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  fs::path dir = fs::path(AT1_CORPUS_DIR) / "vcf";
  if (!fs::is_directory(dir)) return files;
  for (auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class VcfCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    files_ = corpus_files();
    if (files_.empty()) GTEST_SKIP() << "corpus directory " << AT1_CORPUS_DIR << "/vcf not found";
  }
  std::vector<fs::path> files_;
};

TEST_F(VcfCorpus, WholeFilesRoundTrip) {
  EXPECT_GE(files_.size(), 5u);
  for (const auto& f : files_) {
    std::string text = slurp(f), why;
    EXPECT_TRUE(vcf_test::exact(text, &why)) << f << ": " << why;
    auto e = at1::sdk::testing::encode(vcf_test::codec(), text);
    EXPECT_LT(e.total_stream_bytes(), text.size()) << f;
    EXPECT_EQ(e.stats.count("pos"), 1u) << f;
    EXPECT_EQ(e.stats.count("chrom"), 1u) << f;
  }
}

void check_frames(const std::vector<fs::path>& files, size_t lines_per_frame) {
  for (const auto& f : files) {
    std::string text = slurp(f);
    auto frames = at1::sdk::testing::split_frames(text, lines_per_frame);
    if (text.size() > 300000) {
      EXPECT_GT(frames.size(), 1u) << f;
    }
    for (size_t i = 0; i < frames.size(); ++i) {
      std::string why;
      ASSERT_TRUE(vcf_test::exact(std::string(frames[i]), &why, i)) << f << " frame " << i << ": " << why;
    }
  }
}

TEST_F(VcfCorpus, FramesOf1000LinesRoundTrip) { check_frames(files_, 1000); }
TEST_F(VcfCorpus, FramesOf200LinesRoundTrip) { check_frames(files_, 200); }

// Whole-file CRLF variants: line endings are independent of the columns.
TEST_F(VcfCorpus, CrlfVariantsRoundTrip) {
  for (const auto& f : files_) {
    std::string text = slurp(f), crlf, why;
    crlf.reserve(text.size() + text.size() / 50);
    for (char c : text) {
      if (c == '\n') crlf.push_back('\r');
      crlf.push_back(c);
    }
    EXPECT_TRUE(vcf_test::exact(crlf, &why)) << f << ": " << why;
  }
}

}  // namespace
