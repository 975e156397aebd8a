// Shared helpers of the vcf codec tests.
#ifndef AT1_TESTS_VCF_TEST_UTIL_HPP
#define AT1_TESTS_VCF_TEST_UTIL_HPP

#include <string>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace vcf_test {

inline const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

// Encodes and decodes `text` as one frame; the failure reason in *why. Unlike
// testing::round_trips, an AT1_E_UNSUPPORTED encode counts as a failure: the
// vcf codec must model every input itself.
inline bool exact(const std::string& text, std::string* why, uint64_t frame_index = 0) {
  auto e = at1::sdk::testing::encode(codec(), text, frame_index);
  if (e.status != AT1_OK) {
    *why = "encode status " + std::to_string(e.status) + ": " + e.error;
    return false;
  }
  auto d = at1::sdk::testing::decode(codec(), e.streams, text.size(),
                                     at1::sdk::testing::count_lines(text), frame_index);
  if (d.status != AT1_OK) {
    *why = "decode status " + std::to_string(d.status) + ": " + d.error;
    return false;
  }
  if (d.output != text) {
    size_t i = 0;
    while (i < text.size() && i < d.output.size() && text[i] == d.output[i]) ++i;
    *why = "output differs at byte " + std::to_string(i);
    return false;
  }
  return true;
}

}  // namespace vcf_test

#endif  // AT1_TESTS_VCF_TEST_UTIL_HPP
