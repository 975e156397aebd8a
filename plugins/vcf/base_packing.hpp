// REF alleles made only of A, C, G, T (nearly all of them; reference-call
// blocks can be long) are packed 2 bits per base, continuously across rows,
// least significant bits first: A=0 C=1 G=2 T=3. Anything else (N, lower
// case, symbolic, empty) stays text. Columns:
//   ref.l  per row: varint base count, 0 = the REF is text
//   ref.b  the packed bases
//   ref    text REFs, '\n'-terminated
#ifndef AT1_VCF_BASE_PACKING_HPP
#define AT1_VCF_BASE_PACKING_HPP

#include <string>
#include <string_view>

#include "column_store.hpp"
#include "value_column.hpp"

namespace at1::vcf {

class BaseEncoder {
 public:
  explicit BaseEncoder(ColumnSink& sink)
      : lengths_(&sink.column("ref.l")), bits_(&sink.column("ref.b")), text_(&sink.column("ref")) {}

  void add(std::string_view ref) {
    bool packable = !ref.empty();
    for (char c : ref) packable &= code(c) >= 0;
    if (!packable) {
      lengths_->varint(0);
      text_->bytes(ref);
      text_->u8('\n');
      return;
    }
    lengths_->varint(ref.size());
    for (char c : ref) {
      acc_ |= static_cast<uint8_t>(code(c) << used_);
      used_ += 2;
      if (used_ == 8) flush();
    }
  }
  // Writes the last partial byte.
  void finish() {
    if (used_) flush();
  }

 private:
  static int code(char c) {
    switch (c) {
      case 'A': return 0;
      case 'C': return 1;
      case 'G': return 2;
      case 'T': return 3;
      default: return -1;
    }
  }
  void flush() {
    bits_->u8(acc_);
    acc_ = 0;
    used_ = 0;
  }
  sdk::ByteWriter *lengths_, *bits_, *text_;
  uint8_t acc_ = 0;
  int used_ = 0;
};

class BaseDecoder {
 public:
  explicit BaseDecoder(const ColumnSource& source)
      : lengths_(source.column("ref.l")), bits_(source.column("ref.b")), text_(source.column("ref")) {}

  // Appends the next REF to out and returns its length.
  size_t read(std::string& out) {
    static const char kBase[4] = {'A', 'C', 'G', 'T'};
    uint64_t n = lengths_.varint_max(bits_.remaining() * 4 + 4, "vcf: REF longer than its bases");
    if (n == 0) {
      std::string_view t = read_text(text_);
      out.append(t);
      return t.size();
    }
    for (uint64_t i = 0; i < n; ++i) {
      if (left_ == 0) {
        acc_ = bits_.u8();
        left_ = 4;
      }
      out.push_back(kBase[acc_ & 3]);
      acc_ >>= 2;
      --left_;
    }
    return static_cast<size_t>(n);
  }

 private:
  sdk::ByteReader lengths_, bits_, text_;
  uint8_t acc_ = 0;
  int left_ = 0;
};

}  // namespace at1::vcf

#endif  // AT1_VCF_BASE_PACKING_HPP
