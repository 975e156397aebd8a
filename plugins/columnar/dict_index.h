// Ids for a dictionary column's distinct values, in first-seen order
// (encode side). sdk::StringIndex confirms a hit by comparing with the
// stored value's text, which lies anywhere in a frame of up to 64 MiB: a
// cache miss per cell. Here values up to 16 bytes (most dictionary cells)
// live in the table itself as two words, so a lookup touches one slot; only
// longer values compare text.
#ifndef AT1_COLUMNAR_DICT_INDEX_H
#define AT1_COLUMNAR_DICT_INDEX_H

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "at1/cpp/string_index.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace at1::columnar {

// a == b. sdk::same_text calls memcmp past 16 bytes: on columns of longer
// names (species, log components) that call was most of the compare.
// Here 16 bytes per step, the last step overlapping the one before.
inline bool same_value(std::string_view a, std::string_view b) {
#if defined(__SSE2__)
  const size_t n = a.size();
  if (n > 16 && n == b.size()) {
    auto same16 = [&](size_t at) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data() + at));
      const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + at));
      return _mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) == 0xffff;
    };
    for (size_t at = 0; at + 16 < n; at += 16)
      if (!same16(at)) return false;
    return same16(n - 16);
  }
#endif
  return sdk::same_text(a, b);
}

class DictIndex {
 public:
  DictIndex() { rehash(1024); }
  size_t size() const { return size_; }

  // The id of v, adding it (id = size() before the call) when new; *fresh
  // tells which. v's text must outlive the index when longer than 16 bytes.
  uint32_t intern(std::string_view v, bool* fresh) {
    Key k = key_of(v);
    size_t i = static_cast<size_t>(hash(k)) & mask_;
    for (;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.id == kEmpty) break;
      if (s.len == k.len && s.a == k.a &&
          (k.len <= kInline ? s.b == k.b : same_value({text_of(s), k.len}, v))) {
        *fresh = false;
        return s.id;
      }
    }
    const uint32_t id = static_cast<uint32_t>(size_++);
    k.id = id;
    slots_[i] = k;
    *fresh = true;
    if (size_ * 2 > slots_.size()) rehash(slots_.size() * 2);
    return id;
  }

 private:
  static constexpr size_t kInline = 16;
  static constexpr uint32_t kEmpty = 0xffffffffu;

  // Words that, with the length, determine a value of up to kInline bytes
  // (overlapping loads cover every byte once the length is known); for a
  // longer value, its hash and the address of its text.
  // A slot holds the key and its id: 24 bytes.
  struct Key {
    uint64_t a, b;
    uint32_t len;
    uint32_t id;
  };
  using Slot = Key;
  static_assert(sizeof(Slot) == 24);

  static const char* text_of(const Key& k) { return reinterpret_cast<const char*>(k.b); }

  static Key key_of(std::string_view v) {
    const char* p = v.data();
    const size_t n = v.size();
    Key k{0, 0, static_cast<uint32_t>(n), kEmpty};
    if (n > kInline) {
      k.a = sdk::hash_bytes(p, n);
      k.b = reinterpret_cast<uint64_t>(p);
    } else if (n >= 8) {
      std::memcpy(&k.a, p, 8);
      std::memcpy(&k.b, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      k.a = static_cast<uint64_t>(hi) << 32 | lo;
    } else if (n > 0) {
      k.a = static_cast<uint64_t>(static_cast<uint8_t>(p[0])) |
            static_cast<uint64_t>(static_cast<uint8_t>(p[n >> 1])) << 8 |
            static_cast<uint64_t>(static_cast<uint8_t>(p[n - 1])) << 16;
    }
    return k;
  }

  static uint64_t hash(const Key& k) {
    const uint64_t b = k.len <= kInline ? k.b : 0;  // a long value's address is not its content
    uint64_t h = (k.a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ k.len;
    h ^= h >> 32;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 29);
  }

  void rehash(size_t capacity) {
    std::vector<Slot> old(capacity, Slot{0, 0, 0, kEmpty});
    old.swap(slots_);
    mask_ = capacity - 1;
    for (const Slot& s : old) {
      if (s.id == kEmpty) continue;
      size_t i = static_cast<size_t>(hash(s)) & mask_;
      while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_DICT_INDEX_H
