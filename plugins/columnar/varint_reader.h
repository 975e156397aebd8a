// Decode side: LEB128 varints of a column's value part, read fast.
#ifndef AT1_COLUMNAR_VARINT_READER_H
#define AT1_COLUMNAR_VARINT_READER_H

#include <cstdint>

#include "at1/cpp/bytes.hpp"

namespace at1::columnar {

// LEB128 reader for a column's value part: no bounds check per byte while
// ten or more bytes remain (a varint is at most ten), checked near the end.
// Branches per byte on purpose: predicted, they let the next value's read
// start early, where a branch-free decode makes each wait for the last
// (measured again in round 2: a one-word mask-and-shift decode of up to 8
// bytes cost 10% more decode time on the zipcodes table than this loop).
class VarintReader {
 public:
  VarintReader() = default;
  explicit VarintReader(Bytes b) : p_(b.data), end_(b.data + b.size) {}
  uint64_t next() {
    if (end_ - p_ >= 10) {
      uint8_t b = *p_++;
      if (!(b & 0x80)) return b;  // most ids and small deltas
      uint64_t v = b & 0x7f;
      for (int shift = 7; shift < 70; shift += 7) {
        b = *p_++;
        v |= static_cast<uint64_t>(b & 0x7f) << (shift & 63);
        if (!(b & 0x80)) return v;
      }
      sdk::fail_corrupt("columnar: varint longer than 10 bytes");
    }
    ByteReader r(p_, static_cast<size_t>(end_ - p_));
    uint64_t v = r.varint();
    p_ = r.position();
    return v;
  }
  bool at_end() const { return p_ == end_; }

 private:
  const uint8_t* p_ = nullptr;
  const uint8_t* end_ = nullptr;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_VARINT_READER_H
