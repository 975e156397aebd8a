// The ABI 1.x layout is a contract: these offsets and sizes may never change
// (structs only grow at the end, and a grown struct changes only sizeof).
// If one of these fails, you broke every plugin built so far.
#include <gtest/gtest.h>

#include <cstddef>

#include "at1/plugin.h"

static_assert(offsetof(at1_plugin, abi_major) == 0, "frozen");
static_assert(offsetof(at1_plugin, abi_minor) == 4, "frozen");
static_assert(offsetof(at1_plugin, struct_size) == 8, "frozen");
static_assert(offsetof(at1_plugin, plugin_name) == 16, "ABI 1.0");
static_assert(offsetof(at1_plugin, codec_count) == 32, "ABI 1.0");
static_assert(offsetof(at1_plugin, get_codec) == 40, "ABI 1.0");
static_assert(offsetof(at1_codec, name) == 16, "ABI 1.0");
static_assert(offsetof(at1_codec, capabilities) == 32, "ABI 1.0");
static_assert(offsetof(at1_codec, probe) == 40, "ABI 1.0");
static_assert(offsetof(at1_codec, encode) == 48, "ABI 1.0");
static_assert(offsetof(at1_codec, decode) == 56, "ABI 1.0");
static_assert(offsetof(at1_encode_host, put_stream) == 16, "ABI 1.0");
static_assert(offsetof(at1_encode_host, set_error) == 40, "ABI 1.0");
static_assert(offsetof(at1_decode_host, get_stream) == 16, "ABI 1.0");
static_assert(offsetof(at1_decode_host, set_error) == 32, "ABI 1.0");
static_assert(offsetof(at1_decode_host, reserve) == 40, "ABI 1.1");
static_assert(offsetof(at1_decode_host, commit) == 48, "ABI 1.1");
static_assert(offsetof(at1_frame_info, raw_size) == 32, "ABI 1.0");

TEST(SdkAbi, SizesOfVersion1_1) {
  EXPECT_EQ(sizeof(at1_plugin), 48u);
  EXPECT_EQ(sizeof(at1_codec), 64u);
  EXPECT_EQ(sizeof(at1_encode_host), 48u);
  EXPECT_EQ(sizeof(at1_decode_host), 56u);  // 40 in 1.0; reserve and commit since 1.1
  EXPECT_EQ(sizeof(at1_frame_info), 40u);
  EXPECT_EQ(AT1_ABI_MAJOR, 1);
  EXPECT_EQ(AT1_ABI_MINOR, 1);
}

TEST(SdkAbi, StatusValuesArePinned) {
  EXPECT_EQ(AT1_OK, 0);
  EXPECT_EQ(AT1_E_INVALID, 1);
  EXPECT_EQ(AT1_E_CORRUPT, 2);
  EXPECT_EQ(AT1_E_UNSUPPORTED, 3);
  EXPECT_EQ(AT1_E_NOMEM, 4);
  EXPECT_EQ(AT1_E_LIMIT, 5);
  EXPECT_EQ(AT1_E_HOST, 6);
  EXPECT_EQ(AT1_E_NOT_FOUND, 7);
  EXPECT_EQ(AT1_E_INTERNAL, 8);
}
