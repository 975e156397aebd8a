// Varints split over two columns: the first byte of every varint (low 7 bits
// and the continuation flag) in `B`, the remaining bytes as one varint
// (value >> 7) in `B+`. zstd codes literals order-0, so one stream mixing
// first and continuation bytes costs it the mixture's entropy (LZMA's literal
// context separates them by itself). On columns of one or two high-entropy
// numbers per value (RSQ, LDAF, HQ, rs numbers, POS deltas, dictionary ids) the
// split saves zstd -19 5-15% and costs xz little or nothing; on tuples whose
// elements repeat together (PL, GL entries) it breaks xz's matches, so value
// columns choose per column (value_column.hpp).
#ifndef AT1_VCF_SPLIT_VARINT_HPP
#define AT1_VCF_SPLIT_VARINT_HPP

#include <cstdint>
#include <string>

#include "column_store.hpp"

namespace at1::vcf {

class SplitVarintWriter {
 public:
  SplitVarintWriter(ColumnSink& sink, const std::string& base)
      : first_(&sink.column(base)), rest_(&sink.column(base + "+")) {}
  void varint(uint64_t v) {
    first_->u8(static_cast<uint8_t>((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
    if (v > 0x7f) rest_->varint(v >> 7);
  }
  void svarint(int64_t v) { varint(sdk::zigzag_encode(v)); }
  // Re-encodes a stream of plain varints.
  void append_plain(const sdk::ByteWriter& plain) {
    sdk::ByteReader r(sdk::Bytes(plain.data(), plain.size()));
    while (!r.at_end()) varint(r.varint());
  }

 private:
  sdk::ByteWriter* first_;
  sdk::ByteWriter* rest_;
};

// Reads `base` split as above, or, when `plain` is given and `base` is
// empty, plain varints from the column `plain`.
class SplitVarintReader {
 public:
  SplitVarintReader() = default;
  SplitVarintReader(const ColumnSource& source, const std::string& base, const std::string& plain = "")
      : first_(source.column(base)), rest_(source.column(base + "+")) {
    if (!plain.empty() && first_.at_end()) {
      first_ = sdk::ByteReader(source.column(plain));
      split_ = false;
    }
  }
  uint64_t varint() {
    if (!split_) return first_.varint();
    uint8_t b = first_.u8();
    if (!(b & 0x80)) return b;
    uint64_t high = rest_.varint();
    if (high > (UINT64_MAX >> 7)) sdk::fail_corrupt("vcf: split varint too large");
    return (high << 7) | (b & 0x7f);
  }
  uint64_t varint_max(uint64_t limit, const char* what) {
    uint64_t v = varint();
    if (v > limit) sdk::fail_corrupt(what);
    return v;
  }
  int64_t svarint() { return sdk::zigzag_decode(varint()); }
  // Bytes of first-byte column left: an upper bound on the varints left.
  size_t remaining() const { return first_.remaining(); }

 private:
  sdk::ByteReader first_;
  sdk::ByteReader rest_;
  bool split_ = true;
};

}  // namespace at1::vcf

#endif  // AT1_VCF_SPLIT_VARINT_HPP
