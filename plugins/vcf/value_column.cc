#include "value_column.hpp"

#include <cstring>

#include "vcf_number.hpp"

namespace at1::vcf {

namespace {
constexpr uint64_t kMaxShapeElements = 1u << 20;
}

std::string_view read_text(sdk::ByteReader& r) {
  const uint8_t* p = r.position();
  const void* nl = std::memchr(p, '\n', r.remaining());
  if (!nl) sdk::fail_corrupt("vcf: unterminated text");
  size_t n = static_cast<size_t>(static_cast<const uint8_t*>(nl) - p);
  std::string_view s = r.bytes(n).view();
  r.u8();
  return s;
}

ValueEncoder::ValueEncoder(ColumnSink& sink, const std::string& base)
    : flags_(&sink.column(base + ".h")),
      shapes_(&sink.column(base + ".s")),
      numbers_(&sink.column(base + ".n")),
      texts_(&sink.column(base + ".t")) {}

namespace {
int64_t minus(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
int64_t plus(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
}  // namespace

void ValueEncoder::add(std::string_view value, const Prediction* prediction) {
  if (prediction) {
    bool hit = value == prediction->text;
    flags_->u8(hit ? 0 : 1);
    if (hit) return;
  }
  shape_.clear();
  size_t index = 0;
  size_t start = 0;
  for (;;) {
    size_t comma = value.find(',', start);
    std::string_view e = value.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                             : comma - start);
    int64_t m = 0;
    uint8_t fmt = classify_element(e, &m);
    shape_.push_back(static_cast<char>(fmt));
    if (fmt == kFmtText) {
      texts_->bytes(e);
      texts_->u8('\n');
    } else if (fmt >= kFmtNumber && fmt < kFmtNegZero) {
      if (prediction && index < prediction->numbers.size()) m = minus(m, prediction->numbers[index]);
      numbers_->svarint(m);
    }
    if (index == 0 && fmt >= kFmtNumber) last_scale_ = (fmt - kFmtNumber) % (kMaxScale + 1);
    ++index;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  auto [it, fresh] = shape_ids_.emplace(shape_, static_cast<uint32_t>(shape_ids_.size()));
  shapes_->varint(it->second);
  if (fresh) {
    shapes_->varint(shape_.size());
    shapes_->bytes(shape_);
  }
}

ValueDecoder::ValueDecoder(const ColumnSource& source, const std::string& base)
    : flags_(source.column(base + ".h")),
      shapes_(source.column(base + ".s")),
      numbers_(source.column(base + ".n")),
      texts_(source.column(base + ".t")) {
  shape_start_.push_back(0);
}

void ValueDecoder::read(std::string& out, const Prediction* prediction) {
  if (prediction) {
    uint8_t flag = flags_.u8();
    if (flag > 1) sdk::fail_corrupt("vcf: bad prediction flag");
    if (flag == 0) {
      out.append(prediction->text);
      return;
    }
  }
  uint64_t id = shapes_.varint_max(shape_start_.size() - 1, "vcf: bad shape id");
  if (id == shape_start_.size() - 1) {
    uint64_t n = shapes_.varint_max(kMaxShapeElements, "vcf: shape too long");
    if (n == 0) sdk::fail_corrupt("vcf: empty shape");
    sdk::Bytes codes = shapes_.bytes(static_cast<size_t>(n));
    for (size_t i = 0; i < codes.size; ++i)
      if (codes.data[i] >= kFmtCount) sdk::fail_corrupt("vcf: bad element format");
    shape_codes_.insert(shape_codes_.end(), codes.data, codes.data + codes.size);
    shape_start_.push_back(static_cast<uint32_t>(shape_codes_.size()));
  }
  const uint8_t* code = shape_codes_.data() + shape_start_[id];
  const uint8_t* end = shape_codes_.data() + shape_start_[id + 1];
  if (*code >= kFmtNumber) last_scale_ = (*code - kFmtNumber) % (kMaxScale + 1);
  for (const uint8_t* c = code; c != end; ++c) {
    if (c != code) out.push_back(',');
    uint8_t fmt = *c;
    if (fmt == kFmtMissing) {
      out.push_back('.');
    } else if (fmt == kFmtText) {
      out.append(read_text(texts_));
    } else if (fmt < kFmtNegZero) {
      int64_t m = numbers_.svarint();
      size_t index = static_cast<size_t>(c - code);
      if (prediction && index < prediction->numbers.size()) m = plus(m, prediction->numbers[index]);
      append_number(out, fmt, m);
    } else {
      append_number(out, fmt, 0);
    }
  }
}

}  // namespace at1::vcf
