// Every file of the shared columnar corpus round trips byte for byte through
// the codec: whole, and cut into frames of 1000 and 200 lines (frames after
// the first have frame_index > 0 and no header; quoted fields spanning lines
// get cut between frames).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "columnar_test_util.h"

namespace {

namespace fs = std::filesystem;
using columnar_test::codec;
using columnar_test::round_trip;

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  fs::path dir = fs::path(AT1_CORPUS_DIR) / "columnar";
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(ColumnarCorpus, WholeFilesRoundTripAndShrink) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << AT1_CORPUS_DIR << "/columnar";
  EXPECT_EQ(files.size(), 13u);
  for (const auto& f : files) {
    std::string text = slurp(f);
    EXPECT_EQ(round_trip(text), "") << f.filename();
    auto e = at1::sdk::testing::encode(codec(), text);
    ASSERT_EQ(e.status, AT1_OK) << f.filename();
    // The streams are meant for a backend, but even uncompressed they must
    // not blow up: a sign the typed columns took.
    EXPECT_LT(e.total_stream_bytes(), text.size() + text.size() / 4 + 64) << f.filename();
  }
}

void check_frames(size_t lines) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << AT1_CORPUS_DIR << "/columnar";
  for (const auto& f : files) {
    std::string text = slurp(f);
    auto frames = columnar_test::split_frames(text, lines);
    ASSERT_FALSE(frames.empty());
    for (size_t i = 0; i < frames.size(); ++i)
      ASSERT_EQ(round_trip(frames[i], i), "") << f.filename() << " frame " << i;
  }
}

TEST(ColumnarCorpus, FramesOf1000LinesRoundTrip) { check_frames(1000); }
TEST(ColumnarCorpus, FramesOf200LinesRoundTrip) { check_frames(200); }
TEST(ColumnarCorpus, FramesOf7LinesRoundTrip) { check_frames(7); }

TEST(ColumnarCorpus, LaterFramesHaveNoHeaderAndStillType) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "corpus not found";
  std::string text = slurp(fs::path(AT1_CORPUS_DIR) / "columnar" / "vega-sp500-2000.csv");
  auto frames = columnar_test::split_frames(text, 1000);
  ASSERT_GT(frames.size(), 2u);
  auto e = at1::sdk::testing::encode(codec(), frames[2], 2);
  ASSERT_EQ(e.status, AT1_OK);
  // Typed columns report statistics: date (col.0) and the prices.
  EXPECT_TRUE(e.stats.count("col.0"));
  EXPECT_TRUE(e.stats.count("col.1"));
  EXPECT_TRUE(e.stats.count("time"));
}

}  // namespace
