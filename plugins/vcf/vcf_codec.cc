// The `vcf` codec: VCF 4.x text split into typed columns (see README.md).
// This file is the plugin glue: descriptor, probe, and the entry point.
#include <cstring>

#include "at1/cpp/codec.hpp"
#include "vcf_frame.hpp"

namespace {

using at1::sdk::Bytes;

// Counts data-looking lines: >= 8 tab-separated fields and a numeric POS.
int32_t score_sample(Bytes sample) {
  std::string_view s = sample.view();
  if (s.rfind("##fileformat=VCF", 0) == 0) return 100;
  size_t lines = 0, data = 0, header = 0;
  size_t start = 0;
  while (start < s.size() && lines < 200) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) break;  // ignore a cut-off last line
    std::string_view line = s.substr(start, nl - start);
    start = nl + 1;
    ++lines;
    if (line.rfind("#CHROM\tPOS\tID\tREF\tALT", 0) == 0) header += 10;
    if (line.rfind("##", 0) == 0) continue;
    size_t tabs = 0, second = std::string_view::npos, third = 0;
    for (size_t i = 0; i < line.size(); ++i)
      if (line[i] == '\t') {
        ++tabs;
        if (tabs == 1) second = i + 1;
        if (tabs == 2) third = i;
      }
    if (tabs < 7 || second == std::string_view::npos) continue;
    bool numeric = third > second;
    for (size_t i = second; i < third; ++i) numeric &= line[i] >= '0' && line[i] <= '9';
    data += numeric;
  }
  if (lines == 0) return 0;
  if (header) return 95;
  return static_cast<int32_t>(80 * data / lines);
}

struct VcfCodec {
  static constexpr const char* kName = "vcf";
  static constexpr const char* kDescription =
      "VCF 4.x: typed INFO/FORMAT columns, sparse genotypes, verbatim headers";
  static constexpr uint32_t kFormatVersion = 3;
  static constexpr uint32_t kMinFormatVersion = 2;
  static constexpr uint64_t kCapabilities = AT1_CAP_PROBE | AT1_CAP_STATS;

  static int32_t probe(Bytes sample) { return score_sample(sample); }
  static void encode(at1::sdk::EncodeContext& ctx, Bytes input) {
    at1::vcf::encode_frame(ctx, input);
  }
  static void decode(at1::sdk::DecodeContext& ctx) { at1::vcf::decode_frame(ctx); }
};

}  // namespace

AT1_PLUGIN("at1-vcf", "1.0.0", VcfCodec)
