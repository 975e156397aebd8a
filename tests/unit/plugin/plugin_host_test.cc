// The plugin host loads good plugins and refuses bad ones with a reason that
// names the file, without letting one bad file stop the others.
#include <gtest/gtest.h>

#include <filesystem>

#include "at1/plugin_host.h"
#include "support/test_util.h"

namespace at1 {
namespace {

namespace fs = std::filesystem;

std::string TestPlugin(const std::string& name) { return std::string(AT1_TEST_PLUGIN_DIR) + "/" + name; }

TEST(PluginHost, LoadsTheTextPlugin) {
  PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  const CodecInfo* text = host.Find("text");
  ASSERT_NE(text, nullptr) << "build/plugins/libat1-text.so should load";
  EXPECT_EQ(text->abi_major, 1u);
  EXPECT_EQ(text->format_version, 1u);
  EXPECT_NE(text->plugin_path.find("libat1-text.so"), std::string::npos);
  EXPECT_EQ(host.Find("nosuch"), nullptr);
}

TEST(PluginHost, RefusesAbiMismatchNamingVersions) {
  PluginHost host = PluginHost::LoadFrom({TestPlugin("abi_mismatch")});
  EXPECT_TRUE(host.codecs().empty());
  ASSERT_EQ(host.problems().size(), 1u);
  EXPECT_NE(host.problems()[0].reason.find("ABI 99"), std::string::npos) << host.problems()[0].reason;
  EXPECT_NE(host.problems()[0].path.find("libabi_mismatch.so"), std::string::npos);
}

TEST(PluginHost, RefusesSharedObjectWithoutEntry) {
  PluginHost host = PluginHost::LoadFrom({TestPlugin("no_entry")});
  ASSERT_EQ(host.problems().size(), 1u);
  EXPECT_NE(host.problems()[0].reason.find("not an at1 plugin"), std::string::npos);
}

TEST(PluginHost, RefusesMalformedDescriptor) {
  PluginHost host = PluginHost::LoadFrom({TestPlugin("bad_descriptor")});
  ASSERT_EQ(host.problems().size(), 1u);
  EXPECT_NE(host.problems()[0].reason.find("reserved"), std::string::npos) << host.problems()[0].reason;
}

TEST(PluginHost, RefusesFilesThatAreNotSharedObjects) {
  testing::TempDir dir;
  testing::WriteFile(dir.file("libgarbage.so"), "this is not an ELF file");
  PluginHost host = PluginHost::LoadFrom({dir.path().string()});
  ASSERT_EQ(host.problems().size(), 1u);
  EXPECT_NE(host.problems()[0].reason.find("cannot load"), std::string::npos);
}

TEST(PluginHost, DuplicateCodecNamesKeepTheFirst) {
  testing::TempDir dir;
  fs::copy_file(std::string(AT1_PLUGIN_DIR) + "/libat1-text.so", dir.file("libcopy.so"));
  PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR, dir.path().string()});
  ASSERT_NE(host.Find("text"), nullptr);
  EXPECT_NE(host.Find("text")->plugin_path.find(AT1_PLUGIN_DIR), std::string::npos);
  bool reported = false;
  for (const auto& p : host.problems()) reported |= p.reason.find("already provided") != std::string::npos;
  EXPECT_TRUE(reported);
}

TEST(PluginHost, CodecNotFoundNamesCodecAndDirectories) {
  PluginHost host = PluginHost::LoadFrom({"/nonexistent/dir", TestPlugin("abi_mismatch")});
  Status s = host.CodecNotFound("nosuchcodec");
  EXPECT_EQ(s.code(), Status::Code::kNotSupported);
  EXPECT_NE(s.message().find("nosuchcodec"), std::string::npos);
  EXPECT_NE(s.message().find("/nonexistent/dir"), std::string::npos);
  EXPECT_NE(s.message().find("libabi_mismatch.so"), std::string::npos);
}

TEST(PluginSearchPath, OrderIsFlagsEnvConfigDefaults) {
  ::setenv("AT1_PLUGIN_PATH", "/env/a:/env/b", 1);
  auto dirs = PluginSearchPath({"/cli/x"}, {"/cfg/y"});
  ::unsetenv("AT1_PLUGIN_PATH");
  ASSERT_GE(dirs.size(), 4u);
  EXPECT_EQ(dirs[0], "/cli/x");
  EXPECT_EQ(dirs[1], "/env/a");
  EXPECT_EQ(dirs[2], "/env/b");
  EXPECT_EQ(dirs[3], "/cfg/y");
}

}  // namespace
}  // namespace at1
