// Fuzz target: the `vcf` codec's decode on hostile streams. Seeds are real
// encodings of small VCF texts and of corpus excerpts.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace {
const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

std::vector<std::string> stream_names() {
  std::vector<std::string> names = {"eol", "dir", "pack"};
  for (int i = 0; i < 12; ++i) names.push_back("s" + std::to_string(i));
  return names;
}
const std::vector<std::string> kNames = stream_names();

void add_seed(std::vector<std::string>& seeds, const std::string& text) {
  auto e = at1::sdk::testing::encode(codec(), text);
  if (e.status != AT1_OK) return;
  seeds.push_back(at1::sdk::testing::fuzz_seed(e.streams, kNames, text.size(),
                                               at1::sdk::testing::count_lines(text)));
}
}  // namespace

std::vector<std::string> at1_fuzz_seeds() {
  std::vector<std::string> seeds;
  add_seed(seeds,
           "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n"
           "1\t5\trs7\tA\tG\t1.5\tPASS\tDP=1;AF=0.5,0.25;DB\tGT:DS:GL\t0|1:1.000:-0.1,-0.00,-2\t.\n"
           "1\t3\t.\tA\t<DEL>\t.\tq10\tAF=0.5;DP=1\tGT:DS\t0/0:0\t1/1\r\n"
           "2\t7\tbnd_1\tG\tG]17:198982]\t6\tPASS\tSVTYPE=BND\tGT\t0\t1");
  add_seed(seeds, "1\t2\t.\tA\tC\t.\t.\t.\nnot a vcf line\n");
  // Format 3 parts: breakend mate pairs, INFO sums of the samples, MATEID
  // and EVENT named after the ID.
  std::string sv = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tN\tT\n";
  for (int i = 0; i < 24; ++i) {
    std::string a = std::to_string(100 + 13 * i), b = std::to_string(900 + 7 * i), ev = "gridss" + std::to_string(i);
    std::string n = std::to_string(i % 5), t = std::to_string(30 + i), sum = std::to_string(30 + i + i % 5);
    sv += "1\t" + a + "\t" + ev + "o\tA\tA[1:" + b + "[\t.\tPASS\tEVENT=" + ev + ";MATEID=" + ev + "h;SR=" + sum +
          ";BQ=" + sum + ".5\tGT:SR:BQ\t.:" + n + ":" + n + "\t.:" + t + ":" + t + ".5\n";
    sv += "1\t" + b + "\t" + ev + "h\tC\t]1:" + a + "]C\t.\tPASS\tEVENT=" + ev + ";MATEID=" + ev + "o;SR=" + sum +
          ";BQ=" + sum + "\tGT:SR:BQ\t.:" + n + ":0\t.:" + t + ":" + sum + "\n";
  }
  add_seed(seeds, sv);
  add_seed(seeds, "");
  // Excerpts of the corpus (first 60 lines of each data section).
  std::filesystem::path dir = std::filesystem::path(AT1_CORPUS_DIR) / "vcf";
  if (std::filesystem::is_directory(dir)) {
    for (auto& f : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(f.path(), std::ios::binary);
      std::string line, text;
      int data = 0;
      while (std::getline(in, line) && data < 60) {
        if (line.empty() || line[0] != '#') ++data;
        if (line.rfind("##", 0) != 0) text += line + "\n";
      }
      add_seed(seeds, text);
    }
  }
  return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  at1::sdk::testing::fuzz_decode(codec(), kNames, data, size);
  return 0;
}
