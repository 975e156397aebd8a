// Numeric slot columns of the `log` codec (streams "num", "mode", "wide").
// Each column picks the cheapest of three codings:
//   raw   - varints (zigzag for signed integers)
//   delta - zigzag varint of the difference to the previous value
//   wide  - for big values (ids, random 64-bit numbers): per value a varint
//           in "num", 0 = a new value, k = the k-th most recent new value of
//           any wide column of the frame (ids recur across messages); new
//           values go to "wide" as fixed-width bytes in byte planes (most
//           significant plane first), which LZMA models better than varints.
#ifndef AT1_LOG_NUMCOL_HPP
#define AT1_LOG_NUMCOL_HPP

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "at1/cpp/bytes.hpp"
#include "format.hpp"

namespace at1::log {

class NumColumnEncoder {
 public:
  // Appends one column of `kind` values (as the tokenizer produced them).
  void write(uint8_t kind, const std::vector<uint64_t>& col);

  at1::sdk::ByteWriter num, mode, wide;

 private:
  void write_wide(const std::vector<uint64_t>& col, bool is_signed);

  std::unordered_map<uint64_t, uint32_t> seen_;  // wide value -> its index among new values
  uint32_t new_count_ = 0;
  std::vector<uint64_t> literals_;
};

// Where one column's values are. Raw and delta columns stay in the "num"
// stream and are decoded as the lines are printed (next_value): no array of
// values to write and read back, and a line reads ~2 bytes a value instead of
// 8. Wide columns refer to a table built in column order, so they are
// resolved up front into an array.
struct NumColumn {
  uint8_t mode = kModeRaw;
  const uint8_t* at = nullptr;  // raw / delta: the first varint
  uint64_t base = 0;            // wide: index of the first value in the array
};

class NumColumnDecoder {
 public:
  NumColumnDecoder(at1::sdk::Bytes num, at1::sdk::Bytes mode, at1::sdk::Bytes wide)
      : num_(num), mode_(mode), wide_(wide) {}
  // Opens the next column, of `count` values of `kind`: checks that its
  // varints are all there (next_value reads them unchecked); wide values are
  // appended to *wide_values.
  NumColumn open(uint8_t kind, uint64_t count, std::vector<uint64_t>* wide_values);
  bool at_end() const { return num_.at_end() && mode_.at_end() && wide_.at_end(); }

 private:
  at1::sdk::ByteReader num_, mode_, wide_;
  std::vector<uint64_t> table_;  // new wide values in order of appearance
  std::vector<uint64_t> codes_;
};

// The next value of a raw (is_signed: zigzag) or delta column whose varints
// open() checked; *prev is the column's previous value (0 at its start).
inline uint64_t next_value(uint8_t mode, bool is_signed, const uint8_t** at, uint64_t* prev) {
  const uint8_t* p = *at;
  uint64_t v = 0;
  uint8_t b;
  int shift = 0;
  do {
    b = *p++;
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  *at = p;
  if (mode == kModeDelta) return *prev += static_cast<uint64_t>(at1::sdk::zigzag_decode(v));
  return is_signed ? static_cast<uint64_t>(at1::sdk::zigzag_decode(v)) : v;
}

}  // namespace at1::log

#endif  // AT1_LOG_NUMCOL_HPP
