// Unit tests of the `text` codec through the SDK's in-memory host.
#include <gtest/gtest.h>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace {

const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

TEST(TextCodec, DescriptorIsSane) {
  const at1_plugin* p = at1_plugin_entry();
  EXPECT_EQ(p->abi_major, AT1_ABI_MAJOR);
  ASSERT_EQ(p->codec_count, 1u);
  EXPECT_STREQ(codec()->name, "text");
  EXPECT_EQ(p->get_codec(1), nullptr);
}

TEST(TextCodec, RoundTripsLineEndingEdgeCases) {
  const char* cases[] = {"",           "\n",          "a",          "a\n",       "a\r\n",
                         "a\r\nb\n",   "a\nb",        "\r",         "\r\r\n",    "x\r\ny\r\nz",
                         "\n\n\n",     "tab\there \n", "\xff\xfe\n", "trailing  \r\n"};
  for (const char* c : cases) {
    std::string why;
    EXPECT_TRUE(at1::sdk::testing::round_trips(codec(), c, &why)) << "case [" << c << "]: " << why;
  }
}

TEST(TextCodec, SplitsBodiesFromLengths) {
  auto e = at1::sdk::testing::encode(codec(), "ab\r\ncde\r\n");
  ASSERT_EQ(e.status, AT1_OK);
  EXPECT_EQ(e.streams["body"], "abcde");
  EXPECT_EQ(e.streams["len"], std::string("\x02\x03", 2));
}

TEST(TextCodec, RejectsTruncatedStreams) {
  std::string text = "hello\nworld\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  auto streams = e.streams;
  streams["body"].pop_back();
  auto d = at1::sdk::testing::decode(codec(), streams, text.size(), 2);
  EXPECT_EQ(d.status, AT1_E_CORRUPT);
  EXPECT_FALSE(d.error.empty());
}

TEST(TextCodec, MissingStreamIsCorrupt) {
  auto d = at1::sdk::testing::decode(codec(), {}, 5, 1);
  EXPECT_EQ(d.status, AT1_E_CORRUPT);
}

}  // namespace
