// IPv4 addresses as one typed variable: a dotted quad in canonical spelling
// (each part 0..255, no leading zeros) is one 32-bit value. Logs reuse a
// small set of hosts, so values are coded as their rank in a move-to-front
// list of recent addresses (stream "ipr", line order, 0 = new) and new
// addresses as four byte planes (stream "ip") — one byte per repeat instead
// of four separately coded parts whose joint pattern the backend cannot see.
#ifndef AT1_LOG_IPV4_HPP
#define AT1_LOG_IPV4_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace at1::log {

// Length of the canonical dotted quad at s (n bytes available), 0 if none.
// The caller checks what precedes it; here: not followed by an alphanumeric
// byte or by ".<digit>" (longer dotted chains are not addresses).
inline size_t match_ipv4(const char* s, size_t n, uint32_t* value) {
  size_t i = 0;
  uint32_t v = 0;
  for (int part = 0; part < 4; ++part) {
    if (part) {
      if (i >= n || s[i] != '.') return 0;
      ++i;
    }
    const size_t start = i;
    uint32_t p = 0;
    while (i < n && i - start < 4 && s[i] >= '0' && s[i] <= '9') p = p * 10 + static_cast<uint32_t>(s[i++] - '0');
    const size_t len = i - start;
    if (len == 0 || len > 3 || p > 255 || (len > 1 && s[start] == '0')) return 0;
    v = v << 8 | p;
  }
  if (i < n) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 0;
    if (c == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') return 0;
  }
  *value = v;
  return i;
}

// Writes v as a dotted quad into out (>= 15 bytes); returns the length.
inline size_t format_ipv4(uint32_t v, char* out) {
  char* o = out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    const uint32_t p = v >> shift & 255;
    if (p >= 100) *o++ = static_cast<char>('0' + p / 100);
    if (p >= 10) *o++ = static_cast<char>('0' + p / 10 % 10);
    *o++ = static_cast<char>('0' + p % 10);
    if (shift) *o++ = '.';
  }
  return static_cast<size_t>(o - out);
}

// Move-to-front list of recent addresses; encoder and decoder update it alike.
class RecentIps {
 public:
  static constexpr size_t kSize = 255;  // ranks 1..kSize; 0 = new
  uint8_t find(uint32_t v) const {
    for (size_t i = 0; i < count_; ++i)
      if (items_[i] == v) return static_cast<uint8_t>(i + 1);
    return 0;
  }
  uint32_t use(uint8_t r) {
    const uint32_t v = items_[r - 1];
    std::memmove(items_ + 1, items_, (r - 1) * sizeof(uint32_t));
    items_[0] = v;
    return v;
  }
  void add(uint32_t v) {
    if (count_ < kSize) ++count_;
    std::memmove(items_ + 1, items_, (count_ - 1) * sizeof(uint32_t));
    items_[0] = v;
  }
  size_t count() const { return count_; }

 private:
  uint32_t items_[kSize] = {};
  size_t count_ = 0;
};

}  // namespace at1::log

#endif  // AT1_LOG_IPV4_HPP
