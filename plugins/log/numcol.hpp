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

class NumColumnDecoder {
 public:
  NumColumnDecoder(at1::sdk::Bytes num, at1::sdk::Bytes mode, at1::sdk::Bytes wide)
      : num_(num), mode_(mode), wide_(wide) {}
  // Appends `count` values of one column to *out.
  void read(uint8_t kind, uint64_t count, std::vector<uint64_t>* out);
  bool at_end() const { return num_.at_end() && mode_.at_end() && wide_.at_end(); }

 private:
  at1::sdk::ByteReader num_, mode_, wide_;
  std::vector<uint64_t> table_;  // new wide values in order of appearance
  std::vector<uint64_t> codes_;
};

}  // namespace at1::log

#endif  // AT1_LOG_NUMCOL_HPP
