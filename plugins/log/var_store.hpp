// The variables of a whole frame, kept by the encoder until it writes the
// columns. A 500,000-line frame holds millions of them, so each line's
// variables are one packed record of varints (~2.6 bytes a variable instead
// of a 24-byte struct): numbers and timestamps as their value, texts (hex,
// float, string) as offset and length in the line, addresses as 4 bytes.
// String and address variables carry a rank byte the encoder fills in later.
// Records are read back in order with a VarCursor that knows the kinds from
// the template. Blocks of fixed size: the store never regrows by copying.
#ifndef AT1_LOG_VAR_STORE_HPP
#define AT1_LOG_VAR_STORE_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "at1/cpp/bytes.hpp"
#include "format.hpp"

namespace at1::log {

// Kinds kept as text (read back as a reference into the frame).
inline bool kind_is_text(uint8_t k) { return kind_is_hex(k) || k == kVarFloat || k == kVarStr; }
// Kinds whose record entry starts with a rank byte.
inline bool kind_has_rank(uint8_t k) { return k == kVarStr || k == kVarIp; }

// A text reference as VarCursor returns it: offset in the frame (frames are
// < 4 GiB) and length.
inline uint64_t text_ref(size_t offset, size_t len) { return static_cast<uint64_t>(offset) << 32 | len; }
inline std::string_view ref_text(const char* frame, uint64_t ref) {
  return std::string_view(frame + (ref >> 32), static_cast<size_t>(ref & 0xFFFFFFFFu));
}

// Writes one record in place (VarStore::begin gives the room).
class VarRecord {
 public:
  // The most bytes a record of a line of `len` bytes takes: a line holds at
  // most len + 1 variables (segments may be empty), each entry <= 10 bytes.
  static constexpr size_t max_bytes(size_t len) { return 10 * (len + 1); }

  explicit VarRecord(uint8_t* p) : p_(p) {}
  // A numeric, timestamp or address variable.
  void value(uint8_t kind, uint64_t v) {
    if (kind == kVarIp) {
      *p_++ = 0;  // rank
      for (int i = 0; i < 4; ++i) *p_++ = static_cast<uint8_t>(v >> (8 * i));
      return;
    }
    varint(kind == kVarInt || kind == kVarTs ? at1::sdk::zigzag_encode(static_cast<int64_t>(v)) : v);
  }
  // A text variable at `offset` in its line (both < 64 KiB: 3 bytes each at most).
  void text(uint8_t kind, size_t offset, size_t len) {
    if (kind == kVarStr) *p_++ = 0;  // rank
    varint(offset);
    varint(len);
  }
  uint8_t* end() const { return p_; }

 private:
  void varint(uint64_t v) {
    while (v >= 0x80) *p_++ = static_cast<uint8_t>(v | 0x80), v >>= 7;
    *p_++ = static_cast<uint8_t>(v);
  }
  uint8_t* p_;
};

class VarStore {
 public:
  // Room for a record of at most `max` bytes (records never straddle blocks).
  uint8_t* begin(size_t max) {
    if (max > kBlock) at1::sdk::fail_unsupported("log: line record too large");
    if (blocks_.empty() || used_ + max > kBlock) {
      if (blocks_.size() >= (size_t(1) << (32 - kBits))) at1::sdk::fail_unsupported("log: too many variables");
      blocks_.emplace_back(new uint8_t[kBlock]);  // uninitialised: pages fault in as written
      used_ = 0;
    }
    return blocks_.back().get() + used_;
  }
  // Ends the record begun last at `end`; returns its position.
  uint32_t commit(const uint8_t* end) {
    const auto pos = static_cast<uint32_t>((blocks_.size() - 1) << kBits | used_);
    used_ = static_cast<size_t>(end - blocks_.back().get());
    return pos;
  }
  uint8_t* at(uint32_t pos) const { return blocks_[pos >> kBits].get() + (pos & (kBlock - 1)); }
  // Pointer `p` into the record at `pos`, as a position.
  uint32_t position(uint32_t pos, const uint8_t* p) const { return pos + static_cast<uint32_t>(p - at(pos)); }

 private:
  // 1 MiB: room for the largest record (a 64 KiB line of one-byte variables).
  static constexpr size_t kBits = 20, kBlock = size_t(1) << kBits;
  static_assert(VarRecord::max_bytes(kMaxModelledLine) <= kBlock);
  std::vector<std::unique_ptr<uint8_t[]>> blocks_;
  size_t used_ = 0;
};

// Reads a record variable by variable; the caller supplies each one's kind.
class VarCursor {
 public:
  VarCursor(uint8_t* p, size_t line_start) : p_(p), line_start_(line_start) {}
  // The next variable: its value, or a text reference into the frame. For
  // strings and addresses *rank points at the rank byte.
  uint64_t next(uint8_t kind, uint8_t** rank) {
    if (kind_has_rank(kind)) *rank = p_++;
    return next_value(kind);
  }
  uint64_t next(uint8_t kind) {
    p_ += kind_has_rank(kind);
    return next_value(kind);
  }
  const uint8_t* position() const { return p_; }

 private:
  uint64_t next_value(uint8_t kind) {
    if (kind == kVarIp) {
      const uint32_t v = uint32_t(p_[0]) | uint32_t(p_[1]) << 8 | uint32_t(p_[2]) << 16 | uint32_t(p_[3]) << 24;
      p_ += 4;
      return v;
    }
    if (kind_is_text(kind)) {
      const uint64_t offset = varint();
      return text_ref(line_start_ + offset, varint());
    }
    const uint64_t v = varint();
    return kind == kVarInt || kind == kVarTs ? static_cast<uint64_t>(at1::sdk::zigzag_decode(v)) : v;
  }
  uint64_t varint() {
    uint64_t v = *p_++;
    if (v < 0x80) return v;  // most values: one byte
    v &= 0x7F;
    for (int shift = 7;; shift += 7) {
      const uint8_t b = *p_++;
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) return v;
    }
  }
  uint8_t* p_;
  size_t line_start_;
};

}  // namespace at1::log

#endif  // AT1_LOG_VAR_STORE_HPP
