// Format version 3 must keep decoding version 2: a frozen archive of a
// synthetic VCF (format2_sample.vcf, made by the format-2 build at 892e719
// with `at1 compress vcf ... --backend xz`) decodes byte-exact.
#include <gtest/gtest.h>

#include "at1/archive.h"
#include "support/test_util.h"

namespace at1 {
namespace {

TEST(VcfFormat2, ArchiveOfTheFormat2BuildDecodesExactly) {
  const std::string dir = std::string(AT1_SOURCE_DIR) + "/tests/plugins/vcf/";
  static PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  testing::TempDir d;
  Result<DecompressSummary> r =
      Decompress(dir + "format2_sample.vcf.at1", d.file("out"), DecompressOptions{}, host);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const std::string original = testing::ReadFile(dir + "format2_sample.vcf");
  ASSERT_GT(original.size(), 30000u);
  EXPECT_EQ(testing::ReadFile(d.file("out")), original);
}

}  // namespace
}  // namespace at1
