// Logical columns -> physical streams. The codec writes many small logical
// columns (one per INFO key, FORMAT subfield, ...). Each stream costs the
// container ~10 bytes and a cold backend model, so large columns become
// their own stream ("s<N>") while small ones are concatenated into "pack".
// A directory stream "dir" records every column's name, size and placement:
//   varint column_count
//   column_count x (str name, varint size, u8 placement: 0 pack, 1 own stream)
// Own streams are numbered s0, s1, ... in directory order; packed columns lie
// in "pack" back to back in directory order.
#ifndef AT1_VCF_COLUMN_STORE_HPP
#define AT1_VCF_COLUMN_STORE_HPP

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "at1/cpp/codec.hpp"

namespace at1::vcf {

constexpr uint64_t kMaxColumns = 1u << 20;
constexpr int kMaxOwnStreams = 2000;  // well below AT1_MAX_STREAMS

class ColumnSink {
 public:
  explicit ColumnSink(size_t own_stream_threshold) : threshold_(own_stream_threshold) {}
  // The column's writer (created empty on first use). The reference stays
  // valid for the sink's lifetime.
  sdk::ByteWriter& column(std::string_view name);
  // Emits the directory and the streams.
  void finish(sdk::EncodeContext& ctx);

 private:
  size_t threshold_;
  std::deque<std::pair<std::string, sdk::ByteWriter>> columns_;
  std::unordered_map<std::string, size_t> index_;
};

class ColumnSource {
 public:
  explicit ColumnSource(sdk::DecodeContext& ctx);
  // The column's bytes, or an empty view when the frame has no such column.
  sdk::Bytes column(std::string_view name) const;

 private:
  std::unordered_map<std::string_view, sdk::Bytes> columns_;
};

}  // namespace at1::vcf

#endif  // AT1_VCF_COLUMN_STORE_HPP
