// Shared helpers of the `ssh` codec tests.
#ifndef AT1_SSH_TEST_UTIL_HPP
#define AT1_SSH_TEST_UTIL_HPP

#include <string>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace ssh_test {

inline const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

// Encode (must be OK, not declined) and decode back; "" on success.
inline std::string round_trip(std::string_view text, uint64_t frame_index = 0) {
  auto e = at1::sdk::testing::encode(codec(), text, frame_index);
  if (e.status != AT1_OK) return "encode status " + std::to_string(e.status) + ": " + e.error;
  auto d = at1::sdk::testing::decode(codec(), e.streams, text.size(),
                                     at1::sdk::testing::count_lines(text), frame_index);
  if (d.status != AT1_OK) return "decode status " + std::to_string(d.status) + ": " + d.error;
  if (d.output != text) {
    size_t i = 0;
    while (i < text.size() && i < d.output.size() && text[i] == d.output[i]) ++i;
    return "output differs at byte " + std::to_string(i) + ": [" +
           std::string(d.output.substr(i > 40 ? i - 40 : 0, 120)) + "] vs [" +
           std::string(text.substr(i > 40 ? i - 40 : 0, 120)) + "]";
  }
  return "";
}

}  // namespace ssh_test

#endif  // AT1_SSH_TEST_UTIL_HPP
