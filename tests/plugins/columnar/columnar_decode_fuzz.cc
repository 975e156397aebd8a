// Fuzz target: the `columnar` codec's decode on hostile streams. Seeds are
// real encodings of small tables covering every column type.
#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace {
const std::vector<std::string> kNames = {"small", "meta", "vb", "c0", "c0.d", "c0.x", "c0.q",
                                         "c1",    "c1.d", "c1.x", "c2", "c2.x", "c3", "c3.d",
                                         "c1.l",  "c2.d"};
const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }
}  // namespace

std::vector<std::string> at1_fuzz_seeds() {
  std::vector<std::string> seeds;
  const char* texts[] = {
      "id,price,day,kind\r\n1,2.50,2020-01-01,a\r\n2,3.75,2020-01-02,b\r\n3,,2020-01-03,a\r\n",
      "a,b\n\"x\ny\",\"q\"\"\"\n7,\n\"open\n",
      "t\tn\n00:00:01.5\t007\n00:00:02.5\t008\nfoo\t-0\n",
      "",
      "x,y,z\n1,2\n3,4,5,6\n\n"};
  // Row references (c1 copies c2) and a keyed dictionary (c2 follows c3):
  // format 3's ops, literals, listed cells and entries.
  std::string models = "id,message,template,event\n";
  const char* templates[] = {"open <*> for <*>", "sent <*> bytes", "\"GET <*>\" took <*>"};
  for (int i = 0; i < 120; ++i) {
    const int t = (i * 7 + i / 3) % 3;
    std::string m = templates[t];
    for (size_t at; (at = m.find("<*>")) != std::string::npos;) m.replace(at, 3, std::to_string(i * 37 % 101));
    auto quote = [](const std::string& v) {
      std::string q = "\"";
      for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      return v.find('"') == std::string::npos ? v : q + "\"";
    };
    models += std::to_string(i) + "," + quote(m) + "," + quote(templates[t]) + ",E" + std::to_string(t) + "\n";
  }
  // A value table (c0: few wide values in no order; its table is c0.d) and
  // grouped thousands (c1, quoted for the ',' delimiter).
  std::string numbers = "code,amount\n";
  for (int i = 0; i < 300; ++i) {
    numbers += std::to_string(1000000007LL * ((i * 7919) % 20)) + ",";
    const int amount = (i * 104729) % 5000000 - 1000000;
    std::string digits = std::to_string(amount < 0 ? -amount : amount);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<size_t>(at), ",");
    const std::string text = std::string(amount < 0 ? "-" : "") + digits;
    numbers += (digits.find(',') != std::string::npos ? "\"" + text + "\"" : text) + "\n";
  }
  std::vector<std::string> all(std::begin(texts), std::end(texts));
  all.push_back(models);
  all.push_back(numbers);
  for (const std::string& text : all) {
    auto e = at1::sdk::testing::encode(codec(), text);
    // Small parts are packed into "small"; unpack nothing, the fuzzer mutates it.
    seeds.push_back(at1::sdk::testing::fuzz_seed(e.streams, kNames, text.size(),
                                                 at1::sdk::testing::count_lines(text)));
  }
  return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  at1::sdk::testing::fuzz_decode(codec(), kNames, data, size);
  return 0;
}
