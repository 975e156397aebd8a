// Golden archives (tests/golden/README.md): frozen files this and every
// later version must read, or refuse, the same way.
#include <gtest/gtest.h>

#include "at1/archive.h"
#include "support/test_util.h"

namespace at1 {
namespace {

const std::string kDir = std::string(AT1_SOURCE_DIR) + "/tests/golden/";

const PluginHost& Host() {
  static PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  return host;
}

TEST(Golden, ValidArchivesDecodeToTheOriginal) {
  const std::string sample = testing::ReadFile(kDir + "valid/sample.txt");
  ASSERT_EQ(sample.size(), 64u);
  for (const char* name : {"raw-zstd.at1", "raw-xz-stream.at1", "text-zstd-stream.at1", "empty.at1"}) {
    testing::TempDir d;
    Result<DecompressSummary> r = Decompress(kDir + "valid/" + name, d.file("out"), DecompressOptions{}, Host());
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().ToString();
    EXPECT_EQ(testing::ReadFile(d.file("out")), std::string(name) == "empty.at1" ? "" : sample) << name;
  }
}

TEST(Golden, InvalidArchivesAreRefused) {
  const std::vector<std::pair<const char*, Status::Code>> cases = {
      {"bad-magic.at1", Status::Code::kCorruption},
      {"future-major.at1", Status::Code::kNotSupported},
      {"truncated-trailer.at1", Status::Code::kCorruption},
      {"flipped-payload.at1", Status::Code::kChecksumMismatch},
      {"sha-field-flipped.at1", Status::Code::kChecksumMismatch},
      {"header-only.at1", Status::Code::kCorruption},
  };
  for (const auto& [name, code] : cases) {
    testing::TempDir d;
    Result<DecompressSummary> r = Decompress(kDir + "invalid/" + name, d.file("out"), DecompressOptions{}, Host());
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.status().code(), code) << name << ": " << r.status().ToString();
    EXPECT_FALSE(std::filesystem::exists(d.file("out"))) << name;
  }
}

}  // namespace
}  // namespace at1
