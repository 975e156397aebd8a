// ALT alleles. Most are short text and go to `alt` ('\n'-terminated) as in
// format 2. Format 3 adds a per-row kind in `alt.k` that splits single
// BREAKEND alleles (VCF 4.x: t[p[  t]p]  ]p]t  [p[t, p = chrom:pos) into
// parts, since their text repeats the row's REF, CHROM and, for the two
// rows of a mate pair, each other's POS:
//   alt.k  u8 per row: 0 = text in `alt`; else 1 + (form | flags):
//            bits 0-1 form (0 t[p[, 1 t]p], 2 ]p]t, 3 [p[t)
//            bit 2    t is not the REF: t follows in `alt`
//            bit 3    the mate chrom is not the row's CHROM: it follows in `alt`
//                     (after t)
//            bit 4    mate of the previous row: the previous row was a
//                     breakend on this row's CHROM and POS, and p is its
//                     CHROM:POS (then bit 3 is 0 and no position is stored)
//   alt.p  (split varint, alt.p+) zigzag p - POS when bit 4 is 0
// A breakend becomes parts only if its text is rebuilt from them exactly.
// `alt` holds every ALT as text when the frame has few breakends.
// Without `alt.k` (format 2, or a frame without breakends) every ALT is text.
#ifndef AT1_VCF_ALT_COLUMN_HPP
#define AT1_VCF_ALT_COLUMN_HPP

#include <string>
#include <string_view>

#include "column_store.hpp"
#include "split_varint.hpp"

namespace at1::vcf {

// What a row's ALT is compared with.
struct AltRow {
  std::string_view chrom, ref;
  uint64_t pos;
};

class AltEncoder {
 public:
  explicit AltEncoder(ColumnSink& sink);
  void add(std::string_view alt, const AltRow& row);
  // Stores the parts (alt.k, alt.p after the other columns: mid-pack their
  // bytes would shift the LZMA position contexts of all that follows) when
  // breakends are at least 1/64 of the rows; else every ALT as text.
  void finish(ColumnSink& sink);

 private:
  sdk::ByteWriter* text_;
  sdk::ByteWriter split_text_, kinds_, positions_;  // plain varints
  uint64_t rows_ = 0, breakends_ = 0;
  // The previous row, when it was a breakend: its CHROM, POS and mate.
  std::string prev_chrom_, prev_mate_chrom_;
  uint64_t prev_pos_ = 0, prev_mate_pos_ = 0;
  bool prev_breakend_ = false;
};

class AltDecoder {
 public:
  explicit AltDecoder(const ColumnSource& source);
  // Appends the row's ALT.
  void read(std::string& out, const AltRow& row);

 private:
  sdk::ByteReader text_, kinds_;
  bool has_kinds_;  // format 3
  SplitVarintReader positions_;
  std::string prev_chrom_, prev_mate_chrom_;
  uint64_t prev_pos_ = 0, prev_mate_pos_ = 0;
  bool prev_breakend_ = false;
  std::string row_chrom_, row_ref_;  // copies: the row's own text moves
};

}  // namespace at1::vcf

#endif  // AT1_VCF_ALT_COLUMN_HPP
