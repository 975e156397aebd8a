// Fuzz target: the `log` codec's decode on hostile streams.
#include <cstdlib>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace {
const std::vector<std::string> kNames = {"eol", "tpl", "tsl",  "tid", "raw", "num", "mode", "wide",
                                         "hex", "flt", "str", "sref", "ipr", "ip",  "ts", "tsr", "pk"};
const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

const char* const kSamples[] = {
    "2015-10-18 18:01:47,978 INFO [main] job_1445144423722_0020 0x1f 3.5 deadbeef01\r\n"
    "2015-10-18 18:01:48,001 WARN x -7 007\r\nverbatim\x01\r\n",
    "Jul  1 09:00:55 host kernel[0]: req-38101a0b-2096-447d-96ea-a692162415ae\nJul  1 09:00:56 host x\n",
    "[Sun Dec 04 04:47:44 2005] a 1\n\n- 1117838570 2005.06.03 R02-M1-N0 2005-06-03-15.42.50.675872",
    "x blk_-6952295868487656571 a\nx blk_7128370237687728475 b\ny blk_-6952295868487656571 c\n"
    "status installed libc6:amd64 2.36\nstatus unpacked libc6:amd64 2.36\nconfigure libc6:amd64 2.36\n",
    "",
};
}  // namespace

std::vector<std::string> at1_fuzz_seeds() {
  std::vector<std::string> seeds;
  for (const char* text : kSamples) {
    std::string t(text);
    auto e = at1::sdk::testing::encode(codec(), t);
    seeds.push_back(at1::sdk::testing::fuzz_seed(e.streams, kNames, t.size(), at1::sdk::testing::count_lines(t)));
  }
  // A real corpus file, when present, exercises many templates at once.
  std::string path = std::string(AT1_CORPUS_DIR) + "/log/Apache_2k.log";
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::string t(16384, '\0');
    t.resize(std::fread(t.data(), 1, t.size(), f));
    std::fclose(f);
    t.resize(t.rfind('\n') + 1);
    auto e = at1::sdk::testing::encode(codec(), t);
    seeds.push_back(at1::sdk::testing::fuzz_seed(e.streams, kNames, t.size(), at1::sdk::testing::count_lines(t)));
  }
  return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  at1::sdk::testing::fuzz_decode(codec(), kNames, data, size);
  return 0;
}
