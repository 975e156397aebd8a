// Predictions of FORMAT subfields from other subfields of the same sample
// (and the row's INFO). A predicted column stores one flag per value: the
// value equals the predicted spelling (most values), or it is stored in the
// value column with its numbers as residuals against the predicted numbers.
// Both sides compute predictions from the same already-decoded text, so the
// rules may be arbitrary as long as they are deterministic.
//   DP <- sum(AD)                          (read depth = allele depths)
//   GQ <- min(99, second smallest of PP, or of PL when there is no PP)
//   PP <- PL + INFO PG, shifted so the smallest is 0   (GATK genotype priors)
//   DS <- number of non-reference alleles in GT, at the column's last scale
// and LEARNED ones the encoder chooses per FORMAT key (column fmt.p,
// format version 3; see format_learner.hpp):
//   INFO-SUM, last sample only <- INFO value of the same-named key minus the
//              other samples' values, element by element (GRIDSS: INFO REF,
//              BQ, ASQ... are the sums over the samples)
//   MIN j   <- the smallest element of key j of the same sample, spelled as
//              there (Complete Genomics GQ = min(HQ))
// and one INFO value from earlier keys of the same row:
//   AF <- AC / AN per allele, spelled "0", "%.2f" from 0.005 up, else "%.4f"
//         (1000 Genomes style; integer arithmetic, ties round up)
#ifndef AT1_VCF_PREDICTORS_HPP
#define AT1_VCF_PREDICTORS_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace at1::vcf {

enum class Predictor : uint8_t {
  kNone, kDpFromAd, kGqFromPp, kGqFromPl, kPpFromPlPg, kDsFromGt,
  kInfoSumLast,  // learned: no source key; see predict_info_sum
  kMinOf         // learned: source = the key whose smallest element it is
};

struct Prediction {
  std::string text;             // the predicted spelling
  std::vector<int64_t> numbers;  // predicted mantissas, by element position
};

// What predictions may read from the row besides the sample: its INFO text,
// with the PG prior parsed once per row (not once per sample).
class RowContext {
 public:
  void reset(std::string_view info) {
    info_ = info;
    pg_state_ = 0;
    items_.clear();
    split_ = false;
    cursor_ = 0;
  }
  // The INFO PG integers, or nullptr.
  const std::vector<int64_t>* prior();
  // The value of INFO key `key`, or false. Splits the INFO once per row: a
  // row may ask for dozens of keys (INFO-SUM).
  bool value(std::string_view key, std::string_view* out);

 private:
  std::string_view info_;
  bool split_ = false;
  size_t cursor_ = 0;  // where the next search starts
  std::vector<std::pair<std::string_view, std::string_view>> items_;  // key, value
  int pg_state_ = 0;  // 0 unparsed, 1 parsed, 2 absent
  std::vector<int64_t> pg_;
};

// Chooses the predictor for FORMAT key `key` given all keys of the FORMAT;
// *source receives the index of the key it reads (-1 for none).
Predictor choose_predictor(std::string_view key, const std::vector<std::string_view>& keys,
                           int* source);

// Position in which predicted keys are decoded: 0 = not predicted, then
// increasing so that every source is decoded before what it predicts.
int decode_rank(Predictor p);

// Computes a prediction; false when the source does not allow one.
// `row` gives the row's INFO (for PP), `scale` the column's last scale (DS).
bool predict(Predictor p, std::string_view source, RowContext& row, int scale, Prediction* out);

// INFO-SUM: `total` (the row's INFO value of the key) minus the numbers of
// `others` (the other samples' values), element by element at the finest
// scale, spelled without trailing fraction zeros. False unless all are
// numbers with the same element count and the result stays in range.
bool predict_info_sum(std::string_view total, const std::string_view* others, size_t count,
                      Prediction* out);

// Learned predictor codes of one FORMAT key (column fmt.p): 0 = the
// name-based default above, 1 = INFO-SUM, 2 + j = MIN of key j.
constexpr uint64_t kLearnedDefault = 0, kLearnedInfoSum = 1, kLearnedMinBase = 2;

// The spelling of the smallest element of a list of numbers of one scale.
// False for anything else ('.', text, mixed scales, more than 64).
bool smallest_element(std::string_view list, std::string* text);

// AF from the row's AC and AN values; false when they do not parse.
bool predict_af(std::string_view ac, std::string_view an, Prediction* out);

}  // namespace at1::vcf

#endif  // AT1_VCF_PREDICTORS_HPP
