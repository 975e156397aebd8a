// Decoding one column cell by cell (decode side). Every read is bounds-
// checked; a column that holds more or fewer values than its cells is corrupt.
#ifndef AT1_COLUMNAR_COLUMN_DECODE_H
#define AT1_COLUMNAR_COLUMN_DECODE_H

#include <cstdint>
#include <string_view>
#include <vector>

#include "column_spec.h"
#include "csv_parse.h"
#include "out_buffer.h"
#include "parts.h"

namespace at1::columnar {

// LEB128 reader for a column's value part: no bounds check per byte while
// ten or more bytes remain (a varint is at most ten), checked near the end.
class VarintReader {
 public:
  VarintReader() = default;
  explicit VarintReader(Bytes b) : p_(b.data), end_(b.data + b.size) {}
  uint64_t next() {
    if (end_ - p_ >= 10) {
      uint64_t v = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        uint8_t b = *p_++;
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

class ColumnDecoder {
 public:
  // Reads column `index`'s parts; it will hand out `cells` values. `ref` is
  // the reference column for kIntRef (decoded earlier in each row).
  void init(size_t index, const ColumnSpec& spec, PartReader& parts, uint64_t cells, char delim,
            const ColumnDecoder* ref);
  // Writes the next cell (quoted as recorded).
  void emit(OutBuffer& out);
  // Throws CORRUPT when parts hold values nobody asked for.
  void finish() const;

 private:
  static std::vector<uint32_t> read_index_list(ByteReader& r, uint64_t cells);
  void write_value(OutBuffer& out, std::string_view v, bool quoted);

  ColumnSpec spec_;
  char delim_ = ',';
  uint64_t cells_ = 0;
  uint64_t index_ = 0;
  bool predict_quoted(std::string_view v) const {
    return spec_.quote == kQuoteAlways || (spec_.quote == kQuoteMinimal && needs_quotes(v, delim_));
  }

  VarintReader values_;
  const char* text_ = nullptr;  // text columns: next value
  const char* text_end_ = nullptr;
  int64_t last_ = 0;  // the last typed value (what later cells and columns refer to)
  const ColumnDecoder* ref_ = nullptr;
  std::vector<std::string_view> dict_;
  std::vector<uint8_t> dict_quote_;
  std::vector<uint32_t> exc_;
  size_t exc_next_ = 0;
  ByteReader exc_text_;
  std::vector<uint32_t> flips_;
  size_t flip_next_ = 0;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_COLUMN_DECODE_H
