// Exact-spelling number and IPv4 helpers. Parsers accept only the canonical
// spelling (no leading zeros, no sign), so value -> text is the identity on
// everything they accept; anything else stays text.
#ifndef AT1_SSH_NUMBER_TEXT_HPP
#define AT1_SSH_NUMBER_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace at1::ssh {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_word(char c) { return is_digit(c) || is_alpha(c) || c == '_'; }

// Longest digit run we turn into a number (fits in uint64 for sure).
inline constexpr size_t kMaxDigits = 18;

// Canonical decimal in s (whole view). False on empty, leading zero, too long.
inline bool parse_canonical(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > kMaxDigits || (s[0] == '0' && s.size() > 1)) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (!is_digit(c)) return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// Writes v in decimal at out (room for 20 bytes); returns the length.
inline size_t format_u64(uint64_t v, char* out) {
  char tmp[20];
  size_t n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  for (size_t i = 0; i < n; ++i) out[i] = tmp[n - 1 - i];
  return n;
}

// Writes v zero-padded to `width` digits (width <= 20, v fits in width).
inline size_t format_padded(uint64_t v, size_t width, char* out) {
  char tmp[20];
  size_t n = format_u64(v, tmp);
  size_t pad = width > n ? width - n : 0;
  for (size_t i = 0; i < pad; ++i) out[i] = '0';
  for (size_t i = 0; i < n; ++i) out[pad + i] = tmp[i];
  return pad + n;
}

// Canonical dotted quad "a.b.c.d" (0..255, no leading zeros) as the whole of s.
inline bool parse_ipv4(std::string_view s, uint32_t* out) {
  if (s.size() < 7 || s.size() > 15) return false;
  uint32_t ip = 0;
  size_t i = 0;
  for (int part = 0; part < 4; ++part) {
    size_t start = i;
    uint32_t v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < 3) v = v * 10 + static_cast<uint32_t>(s[i++] - '0');
    size_t len = i - start;
    if (len == 0 || v > 255 || (len > 1 && s[start] == '0')) return false;
    ip = (ip << 8) | v;
    if (part < 3) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  if (i != s.size()) return false;
  *out = ip;
  return true;
}

// Writes the dotted quad at out (room for 15 bytes); returns the length.
inline size_t format_ipv4(uint32_t ip, char* out) {
  size_t n = 0;
  for (int part = 3; part >= 0; --part) {
    n += format_u64((ip >> (8 * part)) & 0xff, out + n);
    if (part) out[n++] = '.';
  }
  return n;
}

}  // namespace at1::ssh

#endif  // AT1_SSH_NUMBER_TEXT_HPP
