// at1/cpp/string_index.hpp — ids for distinct strings in first-seen order,
// for codecs that build dictionaries on hot paths.
//
// Header-only C++17 helpers of the at1 plugin SDK. An open-addressing table
// of (hash, id) slots over views that the caller keeps alive. Replaces
// std::unordered_map<std::string_view, ...> on dictionary hot paths (one
// probe, no node allocation, a cheap word-at-a-time hash).
#ifndef AT1_CPP_STRING_INDEX_HPP
#define AT1_CPP_STRING_INDEX_HPP

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace at1::sdk {

// A fast non-cryptographic hash of short strings (table cells are usually a
// few bytes): 8-byte words folded by multiply-xorshift.
inline uint64_t hash_bytes(const char* p, size_t n) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  auto mix = [](uint64_t x) {
    x *= 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 31);
  };
  uint64_t h = n * kMul;
  if (n >= 8) {
    const char* end = p + n;
    while (end - p > 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ mix(w)) * kMul;
      p += 8;
    }
    uint64_t w;  // the last 8 bytes, overlapping the previous word
    std::memcpy(&w, end - 8, 8);
    h = (h ^ mix(w)) * kMul;
  } else if (n >= 4) {  // two overlapping 4-byte loads cover every byte
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    h = (h ^ mix(static_cast<uint64_t>(a) << 32 | b)) * kMul;
  } else if (n > 0) {  // 1..3 bytes: first, middle, last cover every byte
    const uint64_t w = static_cast<uint64_t>(static_cast<uint8_t>(p[0])) << 16 |
                       static_cast<uint64_t>(static_cast<uint8_t>(p[n >> 1])) << 8 |
                       static_cast<uint8_t>(p[n - 1]);
    h = (h ^ mix(w + 1)) * kMul;
  }
  return h ^ (h >> 29);
}

// a == b without a memcmp call for the usual short values.
inline bool same_text(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  if (n >= 8) {
    if (n > 16) return std::memcmp(x, y, n) == 0;
    uint64_t x0, y0, x1, y1;
    std::memcpy(&x0, x, 8);
    std::memcpy(&y0, y, 8);
    std::memcpy(&x1, x + n - 8, 8);
    std::memcpy(&y1, y + n - 8, 8);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    std::memcpy(&x0, x, 4);
    std::memcpy(&y0, y, 4);
    std::memcpy(&x1, x + n - 4, 4);
    std::memcpy(&y1, y + n - 4, 4);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return false;
  return true;
}

class StringIndex {
 public:
  StringIndex() { rehash(1024); }
  size_t size() const { return keys_.size(); }
  // The id of v, adding it (id = size() before the call) when new.
  // *fresh tells which.
  uint32_t intern(std::string_view v, bool* fresh) {
    const uint64_t h = hash_bytes(v.data(), v.size());
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    size_t i = static_cast<size_t>(h) & mask_;
    for (;;) {
      Slot& s = slots_[i];
      if (s.id == kEmpty) break;
      if (s.tag == tag && same_text(keys_[s.id], v)) {
        *fresh = false;
        return s.id;
      }
      i = (i + 1) & mask_;
    }
    const uint32_t id = static_cast<uint32_t>(keys_.size());
    slots_[i] = {tag, id};
    keys_.push_back(v);
    hashes_.push_back(h);
    *fresh = true;
    if (keys_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
    return id;
  }

 private:
  static constexpr uint32_t kEmpty = 0xffffffffu;
  struct Slot {
    uint32_t tag;
    uint32_t id;
  };
  void rehash(size_t capacity) {
    slots_.assign(capacity, Slot{0, kEmpty});
    mask_ = capacity - 1;
    for (uint32_t id = 0; id < keys_.size(); ++id) {
      size_t i = static_cast<size_t>(hashes_[id]) & mask_;
      while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
      slots_[i] = {static_cast<uint32_t>(hashes_[id] >> 32), id};
    }
  }
  std::vector<Slot> slots_;
  std::vector<std::string_view> keys_;
  std::vector<uint64_t> hashes_;
  size_t mask_ = 0;
};

}  // namespace at1::sdk

#endif  // AT1_CPP_STRING_INDEX_HPP
