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

enum class Predictor : uint8_t { kNone, kDpFromAd, kGqFromPp, kGqFromPl, kPpFromPlPg, kDsFromGt };

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
  }
  // The INFO PG integers, or nullptr.
  const std::vector<int64_t>* prior();

 private:
  std::string_view info_;
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

// AF from the row's AC and AN values; false when they do not parse.
bool predict_af(std::string_view ac, std::string_view an, Prediction* out);

}  // namespace at1::vcf

#endif  // AT1_VCF_PREDICTORS_HPP
