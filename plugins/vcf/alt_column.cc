#include "alt_column.hpp"

#include "value_column.hpp"
#include "vcf_number.hpp"

namespace at1::vcf {

namespace {

constexpr uint64_t kMaxPos = uint64_t(1) << 62;
// alt.k holds 0 (text) or 1 + (form | flags).
constexpr uint8_t kTextAlt = 0, kSeqNotRef = 4, kOtherChrom = 8, kMateOfPrevious = 16;

struct Breakend {
  int form = 0;  // 0 t[p[  1 t]p]  2 ]p]t  3 [p[t
  std::string_view seq, chrom;
  uint64_t pos = 0;
};

void append_breakend(std::string& out, const Breakend& b) {
  char bracket = b.form == 0 || b.form == 3 ? '[' : ']';
  if (b.form < 2) out.append(b.seq);
  out.push_back(bracket);
  out.append(b.chrom);
  out.push_back(':');
  append_uint(out, b.pos);
  out.push_back(bracket);
  if (b.form >= 2) out.append(b.seq);
}

// Splits a single breakend allele; false for anything else.
bool parse_breakend(std::string_view alt, Breakend* b) {
  if (alt.size() < 5) return false;
  char first = alt.front(), last = alt.back();
  std::string_view mate;
  if (last == '[' || last == ']') {
    size_t open = alt.find(last);
    if (open == 0 || open == alt.size() - 1) return false;
    b->form = last == '[' ? 0 : 1;
    b->seq = alt.substr(0, open);
    mate = alt.substr(open + 1, alt.size() - open - 2);
  } else if (first == '[' || first == ']') {
    size_t close = alt.find(first, 1);
    if (close == std::string_view::npos || close + 1 >= alt.size()) return false;
    b->form = first == ']' ? 2 : 3;
    b->seq = alt.substr(close + 1);
    mate = alt.substr(1, close - 1);
  } else {
    return false;
  }
  size_t colon = mate.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  b->chrom = mate.substr(0, colon);
  if (!parse_canonical_uint(mate.substr(colon + 1), &b->pos) || b->pos > kMaxPos) return false;
  // Exact rebuild only: a second allele, stray brackets or '\n' stay text.
  for (char c : b->seq)
    if (c == '[' || c == ']' || c == ',' || c == '\n') return false;
  for (char c : b->chrom)
    if (c == '[' || c == ']' || c == '\n') return false;
  thread_local std::string rebuilt;
  rebuilt.clear();
  append_breakend(rebuilt, *b);
  return rebuilt == alt;
}

}  // namespace

AltEncoder::AltEncoder(ColumnSink& sink)
    : text_(&sink.column("alt")) {}

void AltEncoder::finish(ColumnSink& sink) {
  if (breakends_ == 0 || breakends_ * 64 < rows_) return;
  text_->clear();
  text_->bytes(split_text_.data(), split_text_.size());
  sink.column("alt.k").bytes(kinds_.data(), kinds_.size());
  SplitVarintWriter(sink, "alt.p").append_plain(positions_);
}

void AltEncoder::add(std::string_view alt, const AltRow& row) {
  ++rows_;
  text_->bytes(alt);
  text_->u8('\n');
  Breakend b;
  if (!parse_breakend(alt, &b)) {
    kinds_.u8(kTextAlt);
    split_text_.bytes(alt);
    split_text_.u8('\n');
    prev_breakend_ = false;
    return;
  }
  ++breakends_;
  uint8_t kind = static_cast<uint8_t>(b.form);
  bool mate_of_previous = prev_breakend_ && prev_mate_chrom_ == row.chrom && prev_mate_pos_ == row.pos &&
                          b.chrom == prev_chrom_ && b.pos == prev_pos_;
  if (b.seq != row.ref) kind |= kSeqNotRef;
  if (mate_of_previous) kind |= kMateOfPrevious;
  else if (b.chrom != row.chrom) kind |= kOtherChrom;
  kinds_.u8(static_cast<uint8_t>(kind + 1));
  if (kind & kSeqNotRef) {
    split_text_.bytes(b.seq);
    split_text_.u8('\n');
  }
  if (kind & kOtherChrom) {
    split_text_.bytes(b.chrom);
    split_text_.u8('\n');
  }
  if (!mate_of_previous) positions_.svarint(static_cast<int64_t>(b.pos) - static_cast<int64_t>(row.pos));
  prev_breakend_ = true;
  prev_chrom_.assign(row.chrom);
  prev_pos_ = row.pos;
  prev_mate_chrom_.assign(b.chrom);
  prev_mate_pos_ = b.pos;
}

AltDecoder::AltDecoder(const ColumnSource& source)
    : text_(source.column("alt")),
      kinds_(source.column("alt.k")),
      has_kinds_(!kinds_.at_end()),
      positions_(source, "alt.p") {}

void AltDecoder::read(std::string& out, const AltRow& row) {
  uint8_t code = has_kinds_ ? kinds_.u8() : kTextAlt;
  if (code == kTextAlt) {
    out.append(read_text(text_));
    prev_breakend_ = false;
    return;
  }
  unsigned kind = code - 1u;
  if (kind > (3u | kSeqNotRef | kOtherChrom | kMateOfPrevious) ||
      ((kind & kMateOfPrevious) && ((kind & kOtherChrom) || !prev_breakend_)))
    sdk::fail_corrupt("vcf: bad ALT kind");
  // The row's CHROM and REF lie in `out`, which grows below.
  row_chrom_.assign(row.chrom);
  Breakend b;
  b.form = static_cast<int>(kind & 3);
  if (kind & kSeqNotRef) {
    b.seq = read_text(text_);
  } else {
    row_ref_.assign(row.ref);
    b.seq = row_ref_;
  }
  if (kind & kMateOfPrevious) {
    b.chrom = prev_chrom_;
    b.pos = prev_pos_;
  } else {
    b.chrom = kind & kOtherChrom ? read_text(text_) : std::string_view(row_chrom_);
    int64_t pos = static_cast<int64_t>(row.pos) + positions_.svarint();
    if (pos < 0 || static_cast<uint64_t>(pos) > kMaxPos) sdk::fail_corrupt("vcf: bad breakend position");
    b.pos = static_cast<uint64_t>(pos);
  }
  append_breakend(out, b);
  // b.chrom may view prev_chrom_: copy it before overwriting.
  prev_mate_chrom_.assign(b.chrom);
  prev_mate_pos_ = b.pos;
  prev_chrom_.assign(row_chrom_);
  prev_pos_ = row.pos;
  prev_breakend_ = true;
}

}  // namespace at1::vcf
