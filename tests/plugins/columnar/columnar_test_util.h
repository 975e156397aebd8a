// Shared helpers of the columnar codec tests.
#ifndef AT1_COLUMNAR_TEST_UTIL_H
#define AT1_COLUMNAR_TEST_UTIL_H

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace columnar_test {

inline const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

// Encodes and decodes through the SDK's in-memory host; "" on success, else why.
inline std::string round_trip(std::string_view text, uint64_t frame_index = 0,
                              const std::map<std::string, std::string>* options = nullptr) {
  auto e = at1::sdk::testing::encode(codec(), text, frame_index, options);
  if (e.status != AT1_OK) return "encode status " + std::to_string(e.status) + ": " + e.error;
  auto d = at1::sdk::testing::decode(codec(), e.streams, text.size(),
                                     at1::sdk::testing::count_lines(text), frame_index);
  if (d.status != AT1_OK) return "decode status " + std::to_string(d.status) + ": " + d.error;
  if (d.output != text) {
    size_t i = 0;
    while (i < text.size() && i < d.output.size() && text[i] == d.output[i]) ++i;
    return "output differs at byte " + std::to_string(i) + " of " + std::to_string(text.size());
  }
  return "";
}

using at1::sdk::testing::split_frames;

}  // namespace columnar_test

#endif  // AT1_COLUMNAR_TEST_UTIL_H
