// Encoder-side choice of the learned FORMAT predictors (predictors.hpp:
// INFO-SUM, MIN j). Fed the first rows of a frame, it estimates per FORMAT
// string and key what the values cost under each prediction against storing
// them plainly (bits of the numbers or residuals, a hit nearly free) and
// enables the best where it saves a quarter. The choice is written to
// fmt.p, so the decoder never repeats this estimate and the rules here may
// change freely without a format change.
#ifndef AT1_VCF_FORMAT_LEARNER_HPP
#define AT1_VCF_FORMAT_LEARNER_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "predictors.hpp"

namespace at1::vcf {

class FormatLearner {
 public:
  // True once enough values are seen (further rows are ignored).
  bool full() const { return values_seen_ >= kMaxValues || rows_seen_ >= kMaxRows; }
  // One data row: its FORMAT text and keys, nsamples x nkeys subfields
  // (sample s has counts[s] of them), and its INFO text.
  void add_row(std::string_view format, const std::vector<std::string_view>& keys,
               const std::vector<std::string_view>& values, const std::vector<size_t>& counts,
               size_t nsamples, std::string_view info);
  // Learned code per key (kLearned*) for a FORMAT whose name-based
  // predictors are `defaults`, reading keys `sources` (-1 none).
  std::vector<uint64_t> choose(std::string_view format, const std::vector<Predictor>& defaults,
                               const std::vector<int>& sources) const;

 private:
  static constexpr uint64_t kMaxValues = 1 << 17, kMaxRows = 4096;
  static constexpr size_t kMaxMinKeys = 64;  // MIN is learned up to this many keys
  struct Stats {
    std::vector<int64_t> plain, info_sum;  // per key: the last sample's costs
    std::vector<int64_t> plain_all;        // per key: all samples stored plainly
    std::vector<int64_t> min_of;           // [k * nkeys + j]: all samples as MIN j
  };
  // Scratch: per key of the current sample, its smallest element.
  struct Smallest {
    bool ok = false;
    std::string text;
    int64_t mantissa = 0;
  };
  std::vector<Smallest> smallest_;
  std::vector<int64_t> plain_;
  void learn_min(Stats& st, const std::vector<std::string_view>& keys, const std::vector<std::string_view>& values,
                 const std::vector<size_t>& counts, size_t nsamples);
  std::unordered_map<std::string, Stats> stats_;
  uint64_t values_seen_ = 0, rows_seen_ = 0;
  std::vector<std::string_view> others_;
  std::vector<int64_t> numbers_;
  Prediction prediction_;
  RowContext row_;
};

}  // namespace at1::vcf

#endif  // AT1_VCF_FORMAT_LEARNER_HPP
