// Fuzz target: the `json` codec's decode on hostile streams. Seeds are real
// encodings of small NDJSON samples and of the first lines of corpus files.
#include <fstream>
#include <sstream>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace {

std::vector<std::string> stream_names() {
  std::vector<std::string> names = {"eol", "tpl", "line", "verb", "cols", "tag",
                                    "num", "scale", "str", "dict", "id"};
  for (int c = 0; c < 4; ++c)
    for (const char* p : {"tag", "num", "scale", "str", "dict", "id"})
      names.push_back("c" + std::to_string(c) + "." + p);
  return names;
}
const std::vector<std::string> kNames = stream_names();
const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

std::string head_lines(const std::string& path, int lines) {
  std::ifstream f(path, std::ios::binary);
  std::string out, line;
  while (lines-- > 0 && std::getline(f, line)) out += line + "\n";
  return out;
}

}  // namespace

std::vector<std::string> at1_fuzz_seeds() {
  std::vector<std::string> texts = {
      "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\r\n{\"a\":1.50,\"b\":null}",
      "",
      "not json\n\n[1,[2,{\"k\":true}]]\n{\"a\": 1e3 , \"a\":\"\\u00e9\"}\n",
  };
  std::string many;
  for (int i = 0; i < 3000; ++i)
    many += "{\"t\":" + std::to_string(1517966773840 + i * 37) + ",\"v\":" + std::to_string(i % 7) +
            ",\"s\":\"id" + std::to_string(i) + "\"}\n";
  texts.push_back(many);
  // A column big enough for its own stream (parts >= 64 KiB).
  std::string big;
  for (int i = 0; i < 9000; ++i) big += "{\"s\":\"v" + std::to_string(i * 7919 % 100003) + "x\"}\n";
  texts.push_back(big);
  for (const char* f : {"vega-earthquakes.ndjson", "vega-movies.ndjson", "vega-flights-20k.ndjson"})
    texts.push_back(head_lines(std::string(AT1_CORPUS_DIR) + "/json/" + f, 40));
  std::vector<std::string> seeds;
  for (const auto& text : texts) {
    auto e = at1::sdk::testing::encode(codec(), text);
    seeds.push_back(at1::sdk::testing::fuzz_seed(e.streams, kNames, text.size(),
                                                 at1::sdk::testing::count_lines(text)));
  }
  return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  at1::sdk::testing::fuzz_decode(codec(), kNames, data, size);
  return 0;
}
