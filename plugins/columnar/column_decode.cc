#include "column_decode.h"

#include <cstring>

#include "csv_parse.h"

namespace at1::columnar {

using sdk::fail_corrupt;

std::vector<uint32_t> ColumnDecoder::read_index_list(ByteReader& r, uint64_t cells) {
  std::vector<uint32_t> idx;
  if (r.at_end()) return idx;
  uint64_t n = r.varint_max(cells, "columnar: index list longer than column");
  idx.reserve(static_cast<size_t>(n));
  uint64_t at = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t gap = r.varint_max(cells, "columnar: index gap too large");
    if (i > 0 && gap == 0) fail_corrupt("columnar: index list out of order");
    at += gap;
    if (at >= cells) fail_corrupt("columnar: index past column end");
    idx.push_back(static_cast<uint32_t>(at));
  }
  return idx;
}

void ColumnDecoder::init(size_t index, const ColumnSpec& spec, PartReader& parts, uint64_t cells,
                         char delim, const ColumnDecoder* ref) {
  spec_ = spec;
  ref_ = ref;
  if (spec.coding == kIntRef && !ref) fail_corrupt("columnar: missing reference column");
  delim_ = delim;
  cells_ = cells;
  if ((spec.type == kNumber || spec.type == kDate) && !delimiter_allows_types(delim))
    fail_corrupt("columnar: typed column with a delimiter numbers may print");
  Bytes values = parts.get(column_part(index, ""));
  values_ = VarintReader(values);
  text_ = reinterpret_cast<const char*>(values.data);
  text_end_ = text_ + values.size;
  if (spec.type == kDict) {
    Bytes d = parts.get(column_part(index, ".d"));
    const char* p = reinterpret_cast<const char*>(d.data);
    const char* end = p + d.size;
    while (p < end) {
      const char* z = static_cast<const char*>(std::memchr(p, 0, static_cast<size_t>(end - p)));
      if (!z) fail_corrupt("columnar: unterminated dictionary entry");
      std::string_view v(p, static_cast<size_t>(z - p));
      dict_.push_back(v);
      dict_quote_.push_back(predict_quoted(v));
      if (dict_.size() > kMaxDict) fail_corrupt("columnar: dictionary too large");
      p = z + 1;
    }
  }
  ByteReader x(parts.get(column_part(index, ".x")));
  exc_ = read_index_list(x, cells);
  exc_text_ = x;
  ByteReader q(parts.get(column_part(index, ".q")));
  flips_ = read_index_list(q, cells);
  if (!q.at_end()) fail_corrupt("columnar: trailing bytes in quote list");
}

void ColumnDecoder::write_value(OutBuffer& out, std::string_view v, bool quoted) {
  if (!quoted) {
    out.append(v.data(), v.size());
    return;
  }
  out.put('"');
  const char* p = v.data();
  const char* end = p + v.size();
  while (p < end) {
    const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
    if (!q) {
      out.append(p, static_cast<size_t>(end - p));
      break;
    }
    out.append(p, static_cast<size_t>(q + 1 - p));
    out.put('"');
    p = q + 1;
  }
  out.put('"');
}

void ColumnDecoder::emit(OutBuffer& out) {
  if (index_ >= cells_) fail_corrupt("columnar: more cells than the column holds");
  const uint64_t i = index_++;
  bool flip = false;
  if (flip_next_ < flips_.size() && flips_[flip_next_] == i) {
    flip = true;
    ++flip_next_;
  }
  if (exc_next_ < exc_.size() && exc_[exc_next_] == i) {
    ++exc_next_;
    std::string_view v = exc_text_.str();
    bool predicted = predict_quoted(v);
    write_value(out, v, predicted != flip);
    return;
  }
  switch (spec_.type) {
    case kNumber:
    case kDate: {
      int64_t v = sdk::zigzag_decode(values_.next());
      if (spec_.coding == kIntDelta) {
        v = static_cast<int64_t>(static_cast<uint64_t>(last_) + static_cast<uint64_t>(v));
      } else if (spec_.coding == kIntRef) {
        v = static_cast<int64_t>(static_cast<uint64_t>(ref_->last_) + static_cast<uint64_t>(v));
      }
      last_ = v;
      bool quoted = (spec_.quote == kQuoteAlways) != flip;
      char* dst = out.reserve(kNumberTextMax + kDateTextMax + 2);
      size_t n0 = 0;
      if (quoted) dst[n0++] = '"';
      size_t n;
      if (spec_.type == kNumber) {
        n = format_number(v, spec_.number, dst + n0);
        if (n == 0 && spec_.number.inner != kNoBinary32) fail_corrupt("columnar: number too long");
      } else {
        n = format_date(v, spec_.date, dst + n0);
        if (n == 0) fail_corrupt("columnar: date out of range");
      }
      n += n0;
      if (quoted) dst[n++] = '"';
      out.commit(n);
      return;
    }
    case kDict: {
      uint64_t id = values_.next();
      if (id >= dict_.size()) fail_corrupt("columnar: dictionary id out of range");
      write_value(out, dict_[id], (dict_quote_[id] != 0) != flip);
      return;
    }
    default: {
      if (text_ == text_end_) fail_corrupt("columnar: text column ends early");
      const char* z =
          static_cast<const char*>(std::memchr(text_, 0, static_cast<size_t>(text_end_ - text_)));
      if (!z) fail_corrupt("columnar: text column ends early");
      std::string_view v(text_, static_cast<size_t>(z - text_));
      text_ = z + 1;
      bool predicted = predict_quoted(v);
      write_value(out, v, predicted != flip);
      return;
    }
  }
}

void ColumnDecoder::finish() const {
  if (index_ != cells_ || exc_next_ != exc_.size() || flip_next_ != flips_.size())
    fail_corrupt("columnar: column holds fewer cells than its rows");
  if (!exc_text_.at_end()) fail_corrupt("columnar: trailing exception bytes");
  bool rest = spec_.type == kText ? text_ != text_end_ : !values_.at_end();
  if (rest) fail_corrupt("columnar: trailing column values");
}

}  // namespace at1::columnar
