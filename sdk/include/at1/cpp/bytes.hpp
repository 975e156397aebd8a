// at1/cpp/bytes.hpp — byte-stream building blocks for codec authors.
//
// Header-only C++17 helpers of the at1 plugin SDK. They never cross the ABI:
// a plugin uses them inside encode/decode and hands plain bytes to the host.
//
//   ByteWriter   growable buffer: raw bytes, LEB128 varints, zigzag varints
//   ByteReader   bounds-checked cursor over host-owned bytes; every read of a
//                hostile stream that would overrun throws CodecError(CORRUPT)
//
// Errors: ByteReader throws at1::sdk::CodecError; the glue in codec.hpp turns
// it into an at1_status at the boundary, so no exception leaves the plugin.
#ifndef AT1_CPP_BYTES_HPP
#define AT1_CPP_BYTES_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "at1/status.h"

namespace at1::sdk {

// An error inside a codec, carrying the status to report to the host.
class CodecError : public std::runtime_error {
 public:
  CodecError(at1_status code, const std::string& what) : std::runtime_error(what), code_(code) {}
  at1_status code() const noexcept { return code_; }

 private:
  at1_status code_;
};

[[noreturn]] inline void fail_corrupt(const char* why) { throw CodecError(AT1_E_CORRUPT, why); }
[[noreturn]] inline void fail_unsupported(const char* why) {
  throw CodecError(AT1_E_UNSUPPORTED, why);
}

// A read-only view of bytes (C++17 stand-in for std::span<const uint8_t>).
struct Bytes {
  const uint8_t* data = nullptr;
  size_t size = 0;
  Bytes() = default;
  Bytes(const uint8_t* d, size_t n) : data(d), size(n) {}
  explicit Bytes(std::string_view s)
      : data(reinterpret_cast<const uint8_t*>(s.data())), size(s.size()) {}
  std::string_view view() const { return {reinterpret_cast<const char*>(data), size}; }
};

// Copies n bytes for output paths where most pieces are a few bytes long:
// overlapping fixed-size copies instead of a memcpy call. Never reads
// outside [src, src + n); n may be 0.
inline void copy_short(char* dst, const char* src, size_t n) {
  if (n >= 8) {
    std::memcpy(dst, src, 8);
    std::memcpy(dst + n - 8, src + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(dst, src, 4);
    std::memcpy(dst + n - 4, src + n - 4, 4);
  } else if (n > 0) {
    dst[0] = src[0];
    dst[n >> 1] = src[n >> 1];
    dst[n - 1] = src[n - 1];
  }
}

inline uint64_t zigzag_encode(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t zigzag_decode(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

class ByteWriter {
 public:
  void u8(uint8_t v) { buf_.push_back(v); }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      buf_.push_back(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    buf_.push_back(static_cast<uint8_t>(v));
  }
  void svarint(int64_t v) { varint(zigzag_encode(v)); }
  void bytes(const void* p, size_t n) {
    const auto* b = static_cast<const uint8_t*>(p);
    buf_.insert(buf_.end(), b, b + n);
  }
  void bytes(std::string_view s) { bytes(s.data(), s.size()); }
  // Length-prefixed string: varint length, then the bytes.
  void str(std::string_view s) {
    varint(s.size());
    bytes(s);
  }
  void u32le(uint32_t v) {
    for (int i = 0; i < 4; ++i) buf_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void u64le(uint64_t v) {
    for (int i = 0; i < 8; ++i) buf_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }

  size_t size() const { return buf_.size(); }
  bool empty() const { return buf_.empty(); }
  const uint8_t* data() const { return buf_.data(); }
  std::vector<uint8_t>& buffer() { return buf_; }
  const std::vector<uint8_t>& buffer() const { return buf_; }
  void clear() { buf_.clear(); }
  void reserve(size_t n) { buf_.reserve(n); }

 private:
  std::vector<uint8_t> buf_;
};

class ByteReader {
 public:
  ByteReader() = default;
  explicit ByteReader(Bytes b) : p_(b.data), end_(b.data + b.size) {}
  ByteReader(const uint8_t* p, size_t n) : p_(p), end_(p + n) {}

  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  bool at_end() const { return p_ == end_; }
  const uint8_t* position() const { return p_; }

  uint8_t u8() {
    need(1);
    return *p_++;
  }
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1);
      uint8_t b = *p_++;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    fail_corrupt("varint longer than 10 bytes");
  }
  int64_t svarint() { return zigzag_decode(varint()); }
  // A varint that must not exceed `limit` (use for counts and lengths, so a
  // hostile stream cannot make the decoder allocate or loop without bound).
  uint64_t varint_max(uint64_t limit, const char* what) {
    uint64_t v = varint();
    if (v > limit) fail_corrupt(what);
    return v;
  }
  Bytes bytes(size_t n) {
    need(n);
    Bytes b(p_, n);
    p_ += n;
    return b;
  }
  std::string_view str() {
    uint64_t n = varint_max(remaining(), "string length past end of stream");
    return bytes(static_cast<size_t>(n)).view();
  }
  uint32_t u32le() {
    need(4);
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(p_[i]) << (8 * i);
    p_ += 4;
    return v;
  }
  uint64_t u64le() {
    need(8);
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(p_[i]) << (8 * i);
    p_ += 8;
    return v;
  }

 private:
  void need(size_t n) const {
    if (static_cast<size_t>(end_ - p_) < n) fail_corrupt("stream ends early");
  }
  const uint8_t* p_ = nullptr;
  const uint8_t* end_ = nullptr;
};

}  // namespace at1::sdk

#endif  // AT1_CPP_BYTES_HPP
