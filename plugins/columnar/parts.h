// Named byte parts of one frame. Every piece of a columnar frame is a part;
// the backend compresses each stream on its own (~10 bytes of container
// overhead plus a cold model each), so parts below a size limit travel
// together in one stream `small` and only the big ones get a stream each.
#ifndef AT1_COLUMNAR_PARTS_H
#define AT1_COLUMNAR_PARTS_H

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "at1/cpp/codec.hpp"

namespace at1::columnar {

using sdk::ByteReader;
using sdk::ByteWriter;
using sdk::Bytes;

inline constexpr size_t kSmallPartLimit = 600;
inline constexpr size_t kMaxSeparateStreams = 2000;

class PartWriter {
 public:
  // A fresh part; the reference stays valid (deque) until finish().
  ByteWriter& add(std::string name);
  // Emits the parts as streams, packing small ones into `small`.
  void finish(sdk::EncodeContext& ctx, size_t small_limit = kSmallPartLimit);

 private:
  std::deque<std::pair<std::string, ByteWriter>> parts_;
};

class PartReader {
 public:
  explicit PartReader(sdk::DecodeContext& ctx);
  // The part's bytes; empty when the frame does not have it.
  Bytes get(std::string_view name);

 private:
  sdk::DecodeContext& ctx_;
  std::unordered_map<std::string_view, Bytes> small_;
};

// "c<j>" + suffix, the part names of column j.
std::string column_part(size_t column, const char* suffix);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_PARTS_H
