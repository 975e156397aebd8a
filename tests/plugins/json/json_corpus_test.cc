// Round trip of every file of the shared json corpus through the codec: the
// whole file as one frame, and split into frames of 1000 and 200 lines, each
// encoded and decoded on its own with its real frame_index.
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "json_test_util.h"

namespace {

std::vector<std::string> corpus_files() {
  std::vector<std::string> out;
  std::string dir = std::string(AT1_CORPUS_DIR) + "/json";
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') out.push_back(dir + "/" + e->d_name);
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}


class JsonCorpus : public ::testing::TestWithParam<size_t> {};

TEST_P(JsonCorpus, EveryFileRoundTrips) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "json corpus not found under " << AT1_CORPUS_DIR;
  const size_t frame_lines = GetParam();
  for (const auto& path : files) {
    SCOPED_TRACE(path);
    std::string text = read_file(path);
    ASSERT_FALSE(text.empty());
    if (frame_lines == 0) {
      auto s = json_test::expect_round_trip(text);
      // The corpus is all valid JSON: nothing may fall back to verbatim.
      EXPECT_EQ(json_test::verbatim_bytes(s), 0u);
      continue;
    }
    auto frames = at1::sdk::testing::split_frames(text, frame_lines);
    for (size_t i = 0; i < frames.size(); ++i) {
      auto e = at1::sdk::testing::encode(json_test::codec(), frames[i], i);
      ASSERT_EQ(e.status, AT1_OK) << "frame " << i << ": " << e.error;
      auto d = at1::sdk::testing::decode(json_test::codec(), e.streams, frames[i].size(),
                                         at1::sdk::testing::count_lines(frames[i]), i);
      ASSERT_EQ(d.status, AT1_OK) << "frame " << i << ": " << d.error;
      ASSERT_TRUE(d.output == frames[i]) << "frame " << i << " differs";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Frames, JsonCorpus, ::testing::Values(0, 1000, 200),
                         [](const auto& info) {
                           return info.param == 0 ? std::string("Whole")
                                                  : "Lines" + std::to_string(info.param);
                         });

}  // namespace
