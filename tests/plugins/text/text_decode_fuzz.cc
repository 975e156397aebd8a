// Fuzz target: the `text` codec's decode on hostile streams.
#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace {
const std::vector<std::string> kNames = {"eol", "len", "body"};
const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }
}  // namespace

std::vector<std::string> at1_fuzz_seeds() {
  std::vector<std::string> seeds;
  for (const char* text : {"a\nbb\r\nccc", "", "x\n\n\ny\r\n"}) {
    auto e = at1::sdk::testing::encode(codec(), text);
    seeds.push_back(at1::sdk::testing::fuzz_seed(e.streams, kNames, std::string(text).size(),
                                                 at1::sdk::testing::count_lines(text)));
  }
  return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  at1::sdk::testing::fuzz_decode(codec(), kNames, data, size);
  return 0;
}
