// Fuzz target: the `ssh` codec's decode on hostile streams. Seeds are real
// encodings (packed and unpacked columns) of sshd lines.
#include <string>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace {
// Every column can be a stream of its own (big frames) or packed.
const std::vector<std::string> kNames = {"pack", "eol",  "hdr",  "tpl",  "kinds", "user",
                                         "addr", "text", "time", "frac", "pidnew", "port", "num",
                                         "ip4",  "tpldef", "tstr", "ustr", "astr", "hstr"};
const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

std::string sample(int repeat) {
  std::string s;
  for (int i = 0; i < repeat; ++i) {
    s += "Dec 10 06:55:46 LabSZ sshd[2420" + std::to_string(i % 7) +
         "]: Failed password for invalid user u" + std::to_string(i % 5) + " from 173.234.31." +
         std::to_string(i % 9) + " port " + std::to_string(30000 + i * 17) + " ssh2\r\n";
    s += "Dec 10 06:55:4" + std::to_string(i % 10) +
         " LabSZ sshd[24200]: error: Received disconnect from ::1: 11: Bye Bye [preauth]\r\n";
    s += "srv CRON[" + std::to_string(i) + "]: odd 0" + std::to_string(i) + " message\n";
    s += "2023-07-10T10:00:0" + std::to_string(i % 10) + ".12345" + std::to_string(i % 10) +
         "+02:00 host sshd[9]: Accepted publickey for bob from 2001:db8::1 port 22 ssh2: RSA x\n";
  }
  return s;
}
}  // namespace

std::vector<std::string> at1_fuzz_seeds() {
  std::vector<std::string> seeds;
  for (std::string text : {sample(1), sample(3), sample(40), std::string(""), std::string("x")}) {
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
