// The YAML configuration: values are read, and typos are errors.
#include <gtest/gtest.h>

#include "at1/config.h"
#include "support/test_util.h"

namespace at1 {
namespace {

TEST(Config, ReadsAllSections) {
  testing::TempDir dir;
  testing::WriteFile(dir.file("c.yaml"),
                     "plugin_dirs: [/opt/p1, /opt/p2]\n"
                     "compress: {backend: zstd, level: '19', threads: 2, stream: true, chunk_lines: 1000}\n"
                     "decompress: {threads: 1, max_frame_bytes: 1048576}\n"
                     "codecs:\n  columnar: {backend: xz, level: 6, options: {delimiter: ';'}}\n");
  Result<Config> c = LoadConfigFile(dir.file("c.yaml"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->plugin_dirs.size(), 2u);
  EXPECT_EQ(*c->compress.backend, "zstd");
  EXPECT_EQ(*c->compress.level, "19");
  EXPECT_TRUE(*c->compress.stream);
  EXPECT_EQ(*c->compress.chunk_lines, 1000u);
  EXPECT_EQ(*c->decompress.max_frame_bytes, 1048576u);
  EXPECT_EQ(c->codecs.at("columnar").options.at("delimiter"), ";");
}

TEST(Config, UnknownKeyIsAnError) {
  testing::TempDir dir;
  testing::WriteFile(dir.file("c.yaml"), "compress: {backnd: zstd}\n");
  Result<Config> c = LoadConfigFile(dir.file("c.yaml"));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("backnd"), std::string::npos);
}

TEST(Config, MissingAndMalformedFiles) {
  EXPECT_EQ(LoadConfigFile("/nonexistent/at1.yaml").status().code(), Status::Code::kNotFound);
  testing::TempDir dir;
  testing::WriteFile(dir.file("c.yaml"), "compress: [unclosed\n");
  EXPECT_EQ(LoadConfigFile(dir.file("c.yaml")).status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace at1
