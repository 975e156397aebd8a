// Helpers shared by the json codec tests.
#ifndef AT1_JSON_TEST_UTIL_H
#define AT1_JSON_TEST_UTIL_H

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace json_test {

inline const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

// Encodes `text` as frame `frame_index`, decodes it back and checks the bytes.
// Returns the streams so a test can also check HOW the text was modelled.
inline at1::sdk::testing::StreamMap expect_round_trip(std::string_view text,
                                                      uint64_t frame_index = 0) {
  auto e = at1::sdk::testing::encode(codec(), text, frame_index);
  EXPECT_EQ(e.status, AT1_OK) << e.error;
  if (e.status != AT1_OK) return {};
  auto d = at1::sdk::testing::decode(codec(), e.streams, text.size(),
                                     at1::sdk::testing::count_lines(text), frame_index);
  EXPECT_EQ(d.status, AT1_OK) << d.error;
  EXPECT_TRUE(d.output == text) << "decoded text differs for input of " << text.size() << " bytes";
  return e.streams;
}

// Bytes of the verbatim stream (lines the scanner did not model).
inline size_t verbatim_bytes(const at1::sdk::testing::StreamMap& s) {
  auto it = s.find("verb");
  return it == s.end() ? 0 : it->second.size();
}

}  // namespace json_test

#endif  // AT1_JSON_TEST_UTIL_H
