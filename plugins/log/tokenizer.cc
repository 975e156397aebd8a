// Line tokeniser of the `log` codec (see tokenizer.hpp). One pass over the
// line with a hand-written scanner; no allocation besides the caller's
// reusable template buffer and variable vector.
#include "tokenizer.hpp"

#include <cstring>

#include "ipv4.hpp"

namespace at1::log {
namespace {

// Byte classes, one table lookup per byte in the hot loop.
enum : uint8_t { kDigit = 1, kAlpha = 2, kReserved = 4, kLowerHex = 8, kUpperHex = 16 };
struct ByteClasses {
  uint8_t c[256] = {};
  constexpr ByteClasses() {
    for (int b = 0; b < 256; ++b) {
      const bool digit = b >= '0' && b <= '9';
      if (digit) c[b] |= kDigit | kLowerHex | kUpperHex;
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) c[b] |= kAlpha;
      if (b >= 'a' && b <= 'f') c[b] |= kLowerHex;
      if (b >= 'A' && b <= 'F') c[b] |= kUpperHex;
      if (is_reserved_byte(static_cast<uint8_t>(b))) c[b] |= kReserved;
    }
  }
};
constexpr ByteClasses kClasses;
inline uint8_t cls(char c) { return kClasses.c[static_cast<uint8_t>(c)]; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_lower_hex(char c) { return cls(c) & kLowerHex; }
inline bool is_upper_hex(char c) { return cls(c) & kUpperHex; }
inline bool is_alnum(char c) { return cls(c) & (kDigit | kAlpha); }


// All of s[0..n) is hex of one case (digits count as either); 1 = lower, 2 = upper.
int hex_case(const char* s, size_t n) {
  bool lo = true, up = true;
  for (size_t i = 0; i < n; ++i) {
    lo = lo && is_lower_hex(s[i]);
    up = up && is_upper_hex(s[i]);
  }
  return lo ? 1 : (up ? 2 : 0);
}

void emit_hex(const char* s, size_t n, int hcase, TplWriter& tpl, std::vector<Var>* vars) {
  tpl.var(hcase == 2 ? kVarHexUp : kVarHexLo, n);
  vars->push_back(Var{0, std::string_view(s, n), hcase == 2 ? kVarHexUp : kVarHexLo});
}

// 8-4-4-4-12 hex groups of one case at s (a word start); returns the length.
size_t match_uuid(const char* s, size_t n, int* hcase) {
  if (n < 36 || (n > 36 && is_alnum(s[36]))) return 0;
  bool lo = true, up = true;
  for (size_t i = 0; i < 36; ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (s[i] != '-') return 0;
      continue;
    }
    lo = lo && is_lower_hex(s[i]);
    up = up && is_upper_hex(s[i]);
  }
  if (!lo && !up) return 0;
  *hcase = lo ? 1 : 2;
  return 36;
}

uint64_t parse_u64(const char* s, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v = v * 10 + static_cast<uint64_t>(s[i] - '0');
  return v;
}

}  // namespace

void emit_number(const char* s, size_t len, bool negative, TplWriter& tpl, std::vector<Var>* vars) {
  while (len > kMaxZintWidth) {  // longer runs: fixed-width pieces
    tpl.var(kVarZint, kMaxZintWidth);
    vars->push_back(Var{parse_u64(s, kMaxZintWidth), std::string_view(s, kMaxZintWidth), kVarZint});
    s += kMaxZintWidth, len -= kMaxZintWidth;
  }
  uint64_t v = parse_u64(s, len);
  const std::string_view text(negative ? s - 1 : s, negative ? len + 1 : len);
  bool plain = (len == 1 || s[0] != '0') && v <= static_cast<uint64_t>(INT64_MAX);
  if (plain) {
    tpl.var(kVarInt);
    vars->push_back(Var{negative ? static_cast<uint64_t>(-static_cast<int64_t>(v)) : v, text, kVarInt});
  } else {
    tpl.var(kVarZint, len);
    vars->push_back(Var{v, text, kVarZint});
  }
}

int Tokenizer::layout_index(const TsLayout& l) {
  if (last_layout_ < layouts_.size() && layouts_[last_layout_] == l) return static_cast<int>(last_layout_);
  for (size_t i = layouts_.size(); i-- > 0;)
    if (layouts_[i] == l) return static_cast<int>(last_layout_ = i);
  if (layouts_.size() >= kMaxLayouts) return -1;
  layouts_.push_back(l);
  return static_cast<int>(last_layout_ = layouts_.size() - 1);
}

// Whether a timestamp can start at word start s (n bytes left): conditions
// parse_ts needs, checked inline because most word starts are not timestamps.
// Letters: a weekday or month name (a capital, two small letters) and a space.
// Digits: an even run of 2..10 (year, day, yymmdd, yyyymmdd, epoch seconds).
inline bool may_start_timestamp(const char* s, size_t n) {
  if (s[0] >= 'A' && s[0] <= 'Z') return n > 3 && s[3] == ' ' && is_lower(s[1]) && is_lower(s[2]);
  if (!is_digit(s[0]) || n < 8) return false;
  size_t run = 1;
  while (run < 11 && run < n && is_digit(s[run])) ++run;
  return run % 2 == 0 && run <= 10;
}

size_t Tokenizer::try_timestamp(const char* s, size_t n, TplWriter& tpl, std::vector<Var>* vars) {
  TsLayout lay;
  int64_t value = 0;
  size_t len = parse_ts(s, n, &lay, &value, &ts_cache_);
  if (!len) return 0;
  if (lay.kind == kTsNumeric) {
    if (lay.minimal) {
      prefer_minimal_ = true;
    } else if (prefer_minimal_ && lay.dt_sep && (!lay.frac_sep || lay.frac_digits == 3)) {
      TsLayout alt = lay;
      alt.minimal = 1;
      char buf[kTsMaxText];
      if (ts_cache_.format(alt, value, buf) == len && std::memcmp(buf, s, len) == 0) lay = alt;
    }
  }
  int idx = layout_index(lay);
  if (idx < 0) return 0;
  tpl.var(kVarTs, static_cast<size_t>(idx));
  vars->push_back(Var{static_cast<uint64_t>(value), std::string_view(s, len), kVarTs});
  return len;
}

bool Tokenizer::tokenize(std::string_view line, std::string* tpl_out, std::vector<Var>* vars) {
  const char* s = line.data();
  const size_t n = line.size();
  if (n > kMaxModelledLine) return false;
  const size_t vars_start = vars->size();
  TplWriter tpl(tpl_out, n + 16);
  size_t i = 0;
  while (i < n) {
    const char c = s[i];
    if (cls(c) & kReserved) {
      tpl.drop();
      vars->resize(vars_start);
      return false;
    }
    const bool boundary = i == 0 || !is_alnum(s[i - 1]);
    if (!is_alnum(c)) {
      // A '-' glued to a plain integer at a word start is its sign.
      if (c == '-' && boundary && i + 1 < n && s[i + 1] >= '1' && s[i + 1] <= '9') {
        size_t j = i + 1;
        while (j < n && is_digit(s[j])) ++j;
        const size_t len = j - i - 1;  // 19 digits only while the value fits int64
        const bool fits = len <= 18 || (len == 19 && parse_u64(s + i + 1, len) <= static_cast<uint64_t>(INT64_MAX));
        if (fits && (j == n || (!is_alnum(s[j]) && s[j] != '.'))) {
          emit_number(s + i + 1, j - i - 1, true, tpl, vars);
          i = j;
          continue;
        }
      }
      // A run of punctuation and spaces goes to the template in one piece.
      size_t j = i + 1;
      while (j < n && !(cls(s[j]) & (kDigit | kAlpha | kReserved)) && s[j] != '-') ++j;
      tpl.text(s + i, j - i);
      i = j;
      continue;
    }
    if (boundary && may_start_timestamp(s + i, n - i)) {
      if (size_t len = try_timestamp(s + i, n - i, tpl, vars)) {
        i += len;
        continue;
      }
    }
    size_t j = i;
    size_t digits = 0;
    for (uint8_t k; j < n && ((k = cls(s[j])) & (kDigit | kAlpha)); ++j) digits += k & kDigit;
    const size_t wlen = j - i;
    if (digits == 0) {  // plain word: static text
      tpl.text(s + i, wlen);
      i = j;
      continue;
    }
    if (boundary) {
      int hcase = 0;
      if (size_t len = match_uuid(s + i, n - i, &hcase)) {
        for (size_t g = 0, pos = 0; g < 5; ++g) {
          static const size_t kGroups[] = {8, 4, 4, 4, 12};
          if (g) tpl.text('-'), ++pos;
          emit_hex(s + i + pos, kGroups[g], hcase, tpl, vars);
          pos += kGroups[g];
        }
        i += len;
        continue;
      }
      // A dotted quad that is not part of a longer dotted chain.
      if (digits == wlen && wlen <= 3 && j < n && s[j] == '.' && (i == 0 || s[i - 1] != '.')) {
        uint32_t ip = 0;
        if (size_t len = match_ipv4(s + i, n - i, &ip)) {
          tpl.var(kVarIp);
          vars->push_back(Var{ip, std::string_view(s + i, len), kVarIp});
          i += len;
          continue;
        }
      }
      // 0x-prefixed hex: a number when it has no leading zeros, else fixed width.
      if (c == '0' && wlen > 2 && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        const char* h = s + i + 2;
        size_t hl = wlen - 2;
        int hc = hex_case(h, hl);
        if (hc && hl <= kMaxHexLen) {
          tpl.text(s + i, 2);
          if (hl <= 16 && (hl == 1 || h[0] != '0')) {
            uint64_t v = 0;
            for (size_t k = 0; k < hl; ++k) v = v * 16 + static_cast<uint64_t>(is_digit(h[k]) ? h[k] - '0' : (h[k] | 0x20) - 'a' + 10);
            tpl.var(hc == 2 ? kVarHexNumUp : kVarHexNumLo);
            vars->push_back(Var{v, std::string_view(h, hl), static_cast<uint8_t>(hc == 2 ? kVarHexNumUp : kVarHexNumLo)});
          } else {
            emit_hex(h, hl, hc, tpl, vars);
          }
          i = j;
          continue;
        }
      }
      // d+.d+ not part of a dotted chain (IPs, versions): a float kept as text.
      if (digits == wlen && j + 1 < n && s[j] == '.' && is_digit(s[j + 1]) && (i == 0 || s[i - 1] != '.')) {
        size_t k = j + 1;
        while (k < n && is_digit(s[k])) ++k;
        if ((k == n || (!is_alnum(s[k]) && !(s[k] == '.' && k + 1 < n && is_digit(s[k + 1])))) && k - i <= 40) {
          tpl.var(kVarFloat);
          vars->push_back(Var{0, std::string_view(s + i, k - i), kVarFloat});
          i = k;
          continue;
        }
      }
    }
    if (digits != wlen && wlen <= kMaxHexLen) {
      if (int hc = hex_case(s + i, wlen)) {
        emit_hex(s + i, wlen, hc, tpl, vars);
        i = j;
        continue;
      }
    }
    // Mixed word: letters stay static, each digit run is a number.
    while (i < j) {
      size_t k = i;
      if (is_digit(s[i])) {
        while (k < j && is_digit(s[k])) ++k;
        emit_number(s + i, k - i, false, tpl, vars);
      } else {
        while (k < j && !is_digit(s[k])) ++k;
        tpl.text(s + i, k - i);
      }
      i = k;
    }
  }
  tpl.finish();
  return true;
}

}  // namespace at1::log
