// Archives made by earlier columnar format versions (data/README.md): this
// and every later build must decode them byte-exact.
#include <gtest/gtest.h>

#include "at1/archive.h"
#include "support/test_util.h"

namespace at1 {
namespace {

const std::string kDir = std::string(AT1_SOURCE_DIR) + "/tests/plugins/columnar/data/";

const PluginHost& Host() {
  static PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  return host;
}

TEST(ColumnarArchive, Version2ArchivesDecodeToTheOriginal) {
  const std::string original = testing::ReadFile(kDir + "log-table.csv");
  ASSERT_EQ(original.size(), 32266u);
  for (const char* name : {"log-table-v2-xz.at1", "log-table-v2-zstd-stream.at1"}) {
    testing::TempDir d;
    Result<DecompressSummary> r = Decompress(kDir + name, d.file("out"), DecompressOptions{}, Host());
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().ToString();
    EXPECT_EQ(testing::ReadFile(d.file("out")), original) << name;
  }
}

}  // namespace
}  // namespace at1
