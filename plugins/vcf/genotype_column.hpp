// The GT subfield, stored sparsely: per row the most common genotype among
// the samples that carry a GT ("reference"), then only the samples that
// differ from it. Genotype strings ("0|1", "./.", "1/2", ...) form an inline
// dictionary, so phasing and missing alleles are kept exactly. Columns:
//   gt.r  per row: varint dictionary id of the row's reference genotype
//   gt.x  per row: varint exception count, then per exception
//         varint (sample ordinal - previous exception ordinal - 1 or the
//         ordinal itself for the first), varint dictionary id
//   gt.s  dictionary strings, '\n'-terminated, in order of first use
// Sample ordinals count only the row's samples that have a GT subfield.
#ifndef AT1_VCF_GENOTYPE_COLUMN_HPP
#define AT1_VCF_GENOTYPE_COLUMN_HPP

#include <string>
#include <string_view>
#include <vector>

#include "string_dict.hpp"

namespace at1::vcf {

class GenotypeEncoder {
 public:
  explicit GenotypeEncoder(ColumnSink& sink);
  void add_row(const std::string_view* gts, size_t n);

 private:
  sdk::ByteWriter* ref_;
  sdk::ByteWriter* exc_;
  sdk::ByteWriter* strings_;
  DictEncoder dict_;
  std::vector<std::pair<std::string_view, uint32_t>> counts_;
};

class GenotypeDecoder {
 public:
  explicit GenotypeDecoder(const ColumnSource& source);
  // Decodes one row of n genotypes into out[0..n).
  void read_row(std::string_view* out, size_t n);

 private:
  sdk::ByteReader ref_;
  sdk::ByteReader exc_;
  sdk::ByteReader strings_;
  DictDecoder dict_;
};

}  // namespace at1::vcf

#endif  // AT1_VCF_GENOTYPE_COLUMN_HPP
