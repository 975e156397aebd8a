// Strict line scanner: an explicit-stack state machine (no recursion, so deep
// nesting cannot overflow the stack), byte tables for the string hot loop.
#include "json_scanner.h"

#include <cstring>

#include "json_format.h"

namespace at1json {
namespace {

// 1 for bytes that end the fast path inside a string: '"', '\\', controls.
struct StringStops {
  bool stop[256];
  constexpr StringStops() : stop() {
    for (int c = 0; c < 0x20; ++c) stop[c] = true;
    stop[static_cast<unsigned char>('"')] = true;
    stop[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr StringStops kStops;

inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline bool is_digit(char c) { return static_cast<unsigned>(c - '0') < 10; }
inline bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// a[0..n) == b[0..n), inline for the short pieces between slots.
inline bool same_bytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    uint64_t x0, y0, x1, y1;
    std::memcpy(&x0, a, 8);
    std::memcpy(&y0, b, 8);
    std::memcpy(&x1, a + n - 8, 8);
    std::memcpy(&y1, b + n - 8, 8);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    std::memcpy(&x0, a, 4);
    std::memcpy(&y0, b, 4);
    std::memcpy(&x1, a + n - 4, 4);
    std::memcpy(&y1, b + n - 4, 4);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Length of the scalar at p exactly as scan() reads one (0 = none).
inline size_t scalar_length(const char* p, const char* end) {
  const char c = *p;
  if (c == '"') return scan_string(p, end);
  if (c == '-' || is_digit(c)) return scan_number(p, end);
  if (c == 't') return (end - p >= 4 && std::memcmp(p, "true", 4) == 0) ? 4 : 0;
  if (c == 'f') return (end - p >= 5 && std::memcmp(p, "false", 5) == 0) ? 5 : 0;
  if (c == 'n') return (end - p >= 4 && std::memcmp(p, "null", 4) == 0) ? 4 : 0;
  return 0;
}

}  // namespace

bool LineScanner::match(const char* base, std::string_view line, const std::string_view* pieces,
                        size_t npieces, std::vector<ValRef>* vals) {
  // Why this equals scan(): the template came from scan(), which reads a
  // scalar by its first byte and its strict length alone; the pieces around
  // the slots are the same bytes, so scan() would walk this line through the
  // same states, taking the same scalar lengths found here.
  const char* p = line.data();
  const char* const end = p + line.size();
  for (size_t k = 0;; ++k) {
    const std::string_view piece = pieces[k];
    if (static_cast<size_t>(end - p) < piece.size() || !same_bytes(p, piece.data(), piece.size()))
      return false;
    p += piece.size();
    if (k + 1 == npieces) return p == end;
    if (p == end) return false;
    const size_t len = scalar_length(p, end);
    if (len == 0) return false;
    vals->push_back({static_cast<uint32_t>(p - base), static_cast<uint32_t>(len)});
    p += len;
  }
}

size_t scan_string(const char* p, const char* end) {
  const char* q = p + 1;
  for (;;) {
    while (q < end && !kStops.stop[static_cast<unsigned char>(*q)]) ++q;
    if (q >= end) return 0;
    char c = *q;
    if (c == '"') return static_cast<size_t>(q + 1 - p);
    if (c != '\\') return 0;  // raw control byte
    if (q + 1 >= end) return 0;
    switch (q[1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        q += 2;
        break;
      case 'u':
        if (end - q < 6 || !is_hex(q[2]) || !is_hex(q[3]) || !is_hex(q[4]) || !is_hex(q[5]))
          return 0;
        q += 6;
        break;
      default:
        return 0;
    }
  }
}

size_t scan_number(const char* p, const char* end) {
  const char* q = p;
  if (q < end && *q == '-') ++q;
  if (q >= end) return 0;
  if (*q == '0') {
    ++q;
  } else if (*q >= '1' && *q <= '9') {
    while (q < end && is_digit(*q)) ++q;
  } else {
    return 0;
  }
  if (q < end && *q == '.') {
    ++q;
    if (q >= end || !is_digit(*q)) return 0;
    while (q < end && is_digit(*q)) ++q;
  }
  if (q < end && (*q == 'e' || *q == 'E')) {
    ++q;
    if (q < end && (*q == '+' || *q == '-')) ++q;
    if (q >= end || !is_digit(*q)) return 0;
    while (q < end && is_digit(*q)) ++q;
  }
  return static_cast<size_t>(q - p);
}

bool LineScanner::scan(const char* base, std::string_view line, std::string* tpl,
                       std::vector<ValRef>* vals) {
  const char* p = line.data();
  const char* const end = p + line.size();
  tpl->clear();
  stack_.clear();
  auto skip_ws = [&] {
    const char* s = p;
    while (p < end && is_ws(*p)) ++p;
    if (p != s) tpl->append(s, static_cast<size_t>(p - s));
  };
  auto slot = [&](size_t len) {
    vals->push_back({static_cast<uint32_t>(p - base), static_cast<uint32_t>(len)});
    tpl->push_back(kSlot);
    p += len;
  };

  enum State { kValue, kKey, kAfter } state = kValue;
  for (;;) {
    if (state == kValue) {
      skip_ws();
      if (p >= end) return false;
      char c = *p;
      if (c == '{' || c == '[') {
        if (stack_.size() >= static_cast<size_t>(kMaxDepth)) return false;
        stack_.push_back(static_cast<uint8_t>(c));
        tpl->push_back(c);
        ++p;
        skip_ws();
        if (p < end && *p == (c == '{' ? '}' : ']')) {
          tpl->push_back(*p++);
          stack_.pop_back();
          state = kAfter;
        } else {
          state = c == '{' ? kKey : kValue;
        }
        continue;
      }
      size_t len = 0;
      if (c == '"') {
        len = scan_string(p, end);
      } else if (c == '-' || is_digit(c)) {
        len = scan_number(p, end);
      } else if (c == 't') {
        len = (end - p >= 4 && std::memcmp(p, "true", 4) == 0) ? 4 : 0;
      } else if (c == 'f') {
        len = (end - p >= 5 && std::memcmp(p, "false", 5) == 0) ? 5 : 0;
      } else if (c == 'n') {
        len = (end - p >= 4 && std::memcmp(p, "null", 4) == 0) ? 4 : 0;
      }
      if (len == 0) return false;
      slot(len);
      state = kAfter;
    } else if (state == kKey) {
      if (p >= end || *p != '"') return false;
      size_t len = scan_string(p, end);
      if (len == 0) return false;
      tpl->append(p, len);
      p += len;
      skip_ws();
      if (p >= end || *p != ':') return false;
      tpl->push_back(*p++);
      state = kValue;
    } else {
      skip_ws();
      if (stack_.empty()) return p == end;
      if (p >= end) return false;
      char c = *p;
      char open = static_cast<char>(stack_.back());
      if (c == ',') {
        tpl->push_back(*p++);
        if (open == '{') {
          skip_ws();
          state = kKey;
        } else {
          state = kValue;
        }
      } else if ((c == '}' && open == '{') || (c == ']' && open == '[')) {
        tpl->push_back(*p++);
        stack_.pop_back();
      } else {
        return false;
      }
    }
  }
}

}  // namespace at1json
