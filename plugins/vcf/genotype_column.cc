#include "genotype_column.hpp"

namespace at1::vcf {

GenotypeEncoder::GenotypeEncoder(ColumnSink& sink)
    : ref_(&sink.column("gt.r")), exc_(&sink.column("gt.x")), strings_(&sink.column("gt.s")) {}

void GenotypeEncoder::add_row(const std::string_view* gts, size_t n) {
  // Most rows hold a handful of distinct genotypes: a linear scan beats hashing.
  counts_.clear();
  for (size_t i = 0; i < n; ++i) {
    bool found = false;
    for (auto& c : counts_)
      if (c.first == gts[i]) {
        ++c.second;
        found = true;
        break;
      }
    if (!found) counts_.emplace_back(gts[i], 1);
  }
  size_t best = 0;
  for (size_t k = 1; k < counts_.size(); ++k)
    if (counts_[k].second > counts_[best].second) best = k;
  std::string_view reference = counts_[best].first;
  dict_.put(reference, *ref_, *strings_);
  exc_->varint(n - counts_[best].second);
  size_t next = 0;
  for (size_t i = 0; i < n; ++i) {
    if (gts[i] == reference) continue;
    exc_->varint(i - next);
    dict_.put(gts[i], *exc_, *strings_);
    next = i + 1;
  }
}

GenotypeDecoder::GenotypeDecoder(const ColumnSource& source)
    : ref_(source.column("gt.r")), exc_(source.column("gt.x")), strings_(source.column("gt.s")) {}

void GenotypeDecoder::read_row(std::string_view* out, size_t n) {
  std::string_view reference = dict_.get(ref_, strings_);
  uint64_t exceptions = exc_.varint_max(n, "vcf: too many genotype exceptions");
  size_t next = 0;
  for (uint64_t e = 0; e < exceptions; ++e) {
    uint64_t gap = exc_.varint_max(n - next, "vcf: genotype exception past row");
    size_t at = next + static_cast<size_t>(gap);
    if (at >= n) sdk::fail_corrupt("vcf: genotype exception past row");
    for (size_t i = next; i < at; ++i) out[i] = reference;
    out[at] = dict_.get(exc_, strings_);
    next = at + 1;
  }
  for (size_t i = next; i < n; ++i) out[i] = reference;
}

}  // namespace at1::vcf
