// Numeric slot columns (see numcol.hpp).
#include "numcol.hpp"

#include <algorithm>

#include "format.hpp"

namespace at1::log {
namespace {

using at1::sdk::zigzag_decode;
using at1::sdk::zigzag_encode;

size_t varint_size(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

size_t byte_width(uint64_t v) {
  size_t n = 1;
  while (v >= 0x100) v >>= 8, ++n;
  return n;
}

// Columns whose raw varints average at least this many bytes may go wide.
constexpr size_t kWideMinBytes = 5;

}  // namespace

void NumColumnEncoder::write(uint8_t kind, const std::vector<uint64_t>& col) {
  const bool is_signed = kind == kVarInt;
  // The value as a raw column codes it (computed twice rather than kept:
  // columns run to millions of values).
  auto coded = [is_signed](uint64_t v) { return is_signed ? zigzag_encode(static_cast<int64_t>(v)) : v; };
  size_t raw_cost = 0, delta_cost = 0;
  uint64_t prev = 0;
  for (uint64_t v : col) {
    raw_cost += varint_size(coded(v));
    delta_cost += varint_size(zigzag_encode(static_cast<int64_t>(v - prev)));
    prev = v;
  }
  if (raw_cost >= kWideMinBytes * col.size() && delta_cost >= kWideMinBytes * col.size()) {
    write_wide(col, is_signed);
    return;
  }
  const bool delta = delta_cost < raw_cost;
  mode.u8(delta ? kModeDelta : kModeRaw);
  prev = 0;
  for (uint64_t v : col) {
    num.varint(delta ? zigzag_encode(static_cast<int64_t>(v - prev)) : coded(v));
    prev = v;
  }
}

void NumColumnEncoder::write_wide(const std::vector<uint64_t>& col, bool is_signed) {
  literals_.clear();
  size_t width = 1;
  for (uint64_t c : col) {
    const uint64_t v = is_signed ? zigzag_encode(static_cast<int64_t>(c)) : c;
    auto [it, fresh] = seen_.try_emplace(v, new_count_);
    if (fresh) {
      num.u8(0);
      literals_.push_back(v);
      width = std::max(width, byte_width(v));
      ++new_count_;
    } else {
      num.varint(new_count_ - it->second);
    }
  }
  mode.u8(kModeWide);
  mode.u8(static_cast<uint8_t>(width));
  for (size_t plane = width; plane-- > 0;)
    for (uint64_t v : literals_) wide.u8(static_cast<uint8_t>(v >> (8 * plane)));
}

NumColumn NumColumnDecoder::open(uint8_t kind, uint64_t count, std::vector<uint64_t>* wide_values) {
  if (count > num_.remaining()) at1::sdk::fail_corrupt("log: numeric column past end");
  NumColumn col;
  col.mode = mode_.u8();
  if (col.mode == kModeRaw || col.mode == kModeDelta) {
    col.at = num_.position();
    for (uint64_t k = 0; k < count; ++k) num_.varint();
    return col;
  }
  if (col.mode != kModeWide) at1::sdk::fail_corrupt("log: bad column mode");
  const size_t width = mode_.u8();
  if (width < 1 || width > 8) at1::sdk::fail_corrupt("log: bad wide column width");
  codes_.clear();
  size_t literals = 0;
  for (uint64_t k = 0; k < count; ++k) {
    const uint64_t c = num_.varint();
    codes_.push_back(c);
    literals += c == 0;
  }
  if (literals > wide_.remaining() / width) at1::sdk::fail_corrupt("log: wide column past end");
  const uint8_t* planes = wide_.bytes(literals * width).data;
  const bool is_signed = kind == kVarInt;
  col.base = wide_values->size();
  size_t lit = 0;
  for (uint64_t c : codes_) {
    uint64_t r;
    if (c == 0) {
      r = 0;
      for (size_t plane = 0; plane < width; ++plane) r = r << 8 | planes[plane * literals + lit];
      ++lit;
      table_.push_back(r);
    } else {
      if (c > table_.size()) at1::sdk::fail_corrupt("log: wide reference out of range");
      r = table_[table_.size() - c];
    }
    wide_values->push_back(is_signed ? static_cast<uint64_t>(zigzag_decode(r)) : r);
  }
  return col;
}

}  // namespace at1::log
