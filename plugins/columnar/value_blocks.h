// A typed column's values (zigzag integers) as blocks of byte planes
// (format version 2): per block of up to kValueBlock values, a width W in
// bytes, then W planes (byte b of every value, the values in order), then
// "patches" for the few values wider than W (their bytes above W). Every
// value's bytes sit at a place known before decoding, so a block unpacks
// in a loop without a branch per value, where LEB128 varints branch on each
// value's length; and the planes of similar values compress as well or
// better (the high planes are runs of zeros).
//
// Block: u8 W (0..8), varint patch count P (0 when W is 8), W planes of n
// bytes (n = kValueBlock, or the values left for the last block), then P
// patches of (varint index gap, varint value >> 8W), gaps from the previous
// patch's index (the first from 0), indexes ascending and below n.
#ifndef AT1_COLUMNAR_VALUE_BLOCKS_H
#define AT1_COLUMNAR_VALUE_BLOCKS_H

#include <cstddef>
#include <cstdint>

#include "at1/cpp/bytes.hpp"

namespace at1::columnar {

inline constexpr size_t kValueBlock = 1024;

// Writes n zigzag values as blocks.
void write_value_blocks(sdk::ByteWriter& out, const uint64_t* values, size_t n);

// The same bytes as write_value_blocks, from values handed over one at a
// time: a block is written as soon as it fills, so an encoder needs no
// column-sized array (and no pass over one that has left the cache).
class ValueBlockWriter {
 public:
  // `expected`: about how many values will come (sizes `out` once).
  ValueBlockWriter(sdk::ByteWriter& out, size_t expected);
  void add(uint64_t v) {
    buf_[count_++] = v;
    if (count_ == kValueBlock) flush();
  }
  // Writes the last, partial block. Call once, after the last add.
  void finish() {
    if (count_) flush();
  }

 private:
  void flush();

  sdk::ByteWriter& out_;
  size_t count_ = 0;
  uint64_t buf_[kValueBlock];
};

// Hands out a part's values a block at a time into a caller-owned buffer
// of kValueBlock values. Copied into locals by hot loops: the copy shares
// the buffer, so only one copy may be in use.
class ValueBlockReader {
 public:
  ValueBlockReader() = default;
  // `values`: how many values the part holds. `zigzag`: hand them out
  // zigzag-decoded (signed values; as uint64_t, cast them back).
  // `planes` false: format version 1, LEB128 varints.
  ValueBlockReader(sdk::Bytes part, uint64_t values, bool zigzag, bool planes, uint64_t* buffer)
      : in_(part), left_(values), zigzag_(zigzag), planes_(planes), buf_(buffer) {}

  // Up to `want` (> 0) next values, at least one: *got says how many.
  const uint64_t* take(size_t want, size_t* got) {
    if (at_ == count_) refill();
    const size_t have = count_ - at_;
    *got = want < have ? want : have;
    const uint64_t* p = block_ + at_;
    at_ += static_cast<uint32_t>(*got);
    return p;
  }
  uint64_t next() {
    size_t got;
    return *take(1, &got);
  }
  // Every value handed out and every byte read.
  bool at_end() const { return at_ == count_ && left_ == 0 && in_.at_end(); }

 private:
  // Unpacks the next block; throws CORRUPT when the part has no more values.
  void refill();

  sdk::ByteReader in_;
  uint64_t left_ = 0;  // values not yet unpacked
  bool zigzag_ = false;
  bool planes_ = true;
  uint64_t* buf_ = nullptr;
  // The current block's values: buf_, or kZeroBlock for a block of zeros.
  const uint64_t* block_ = nullptr;
  uint32_t at_ = 0;
  uint32_t count_ = 0;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_VALUE_BLOCKS_H
