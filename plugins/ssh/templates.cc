#include "templates.hpp"

#include <array>

#include "builtin_patterns.hpp"
#include "number_text.hpp"
#include "ssh_format.hpp"

namespace at1::ssh {

bool compile_template(std::string_view escaped, Template* out) {
  out->literals.clear();
  out->pieces.clear();
  Piece cur;
  for (size_t i = 0; i < escaped.size(); ++i) {
    char c = escaped[i];
    if (c != kSlotMark) {
      out->literals.push_back(c);
      continue;
    }
    if (++i >= escaped.size()) return false;
    char type = escaped[i];
    if (type == kSlotMark) {
      out->literals.push_back(c);
      continue;
    }
    uint8_t width = 0;
    switch (type) {
      case kSlotUser:
      case kSlotAddr:
      case kSlotPort:
      case kSlotNum:
      case kSlotText:
        break;
      case kSlotZero:
        if (++i >= escaped.size()) return false;
        width = static_cast<uint8_t>(escaped[i]);
        if (width < 2 || width > kMaxDigits) return false;
        break;
      default:
        return false;
    }
    cur.lit_len = static_cast<uint32_t>(out->literals.size()) - cur.lit_off;
    cur.slot = type;
    cur.width = width;
    out->pieces.push_back(cur);
    cur = Piece{};
    cur.lit_off = static_cast<uint32_t>(out->literals.size());
  }
  cur.lit_len = static_cast<uint32_t>(out->literals.size()) - cur.lit_off;
  out->pieces.push_back(cur);
  return true;
}

namespace {

struct BuiltinTable {
  std::vector<Template> templates;
  // Candidate ids by the first byte of the message (every builtin starts
  // with a literal), in table order.
  std::array<std::vector<uint16_t>, 256> by_first;
  BuiltinTable() {
    templates.resize(kBuiltinCount);
    for (size_t i = 0; i < kBuiltinCount; ++i) {
      compile_template(kBuiltinPatterns[i], &templates[i]);
      by_first[static_cast<uint8_t>(kBuiltinPatterns[i][0])].push_back(static_cast<uint16_t>(i));
    }
  }
};

const BuiltinTable& table() {
  static const BuiltinTable t;
  return t;
}

bool slot_value_ok(char type, std::string_view v, SlotValue* out) {
  out->type = type;
  out->width = 0;
  out->text = v;
  out->num = 0;
  switch (type) {
    case kSlotUser:
      return v.find(' ') == std::string_view::npos;
    case kSlotAddr:
      return !v.empty() && v.find(' ') == std::string_view::npos;
    case kSlotText:
      return true;
    case kSlotNum:
      return parse_canonical(v, &out->num);
    case kSlotPort:
      return v.size() <= 5 && parse_canonical(v, &out->num) && out->num <= 65535;
    default:
      return false;
  }
}

bool match_one(const Template& t, std::string_view body, std::vector<SlotValue>* slots) {
  slots->clear();
  size_t pos = 0;
  const size_t n = t.pieces.size();
  for (size_t i = 0; i < n; ++i) {
    const Piece& p = t.pieces[i];
    std::string_view lit = t.lit(p);
    if (body.size() - pos < lit.size() || body.compare(pos, lit.size(), lit) != 0) return false;
    pos += lit.size();
    if (!p.slot) return pos == body.size();
    std::string_view next = t.lit(t.pieces[i + 1]);
    size_t end;
    if (p.slot == kSlotNum || p.slot == kSlotPort) {
      end = pos;
      while (end < body.size() && is_digit(body[end])) ++end;
    } else if (i + 2 == n) {
      // Last slot: the final literal must end the message.
      if (body.size() - pos < next.size()) return false;
      end = body.size() - next.size();
      if (body.compare(end, next.size(), next) != 0) return false;
    } else {
      end = body.find(next, pos);
      if (end == std::string_view::npos) return false;
    }
    SlotValue v;
    if (!slot_value_ok(p.slot, body.substr(pos, end - pos), &v)) return false;
    slots->push_back(v);
    pos = end;
  }
  return false;
}

void append_literal(std::string* out, char c) {
  if (c == kSlotMark) out->push_back(kSlotMark);
  out->push_back(c);
}

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// An IPv6-looking run at s[i..): hex digits, ':' and '.', with "::" or at
// least seven ':'. Returns its length or 0.
size_t ipv6_run(std::string_view s, size_t i) {
  size_t j = i, colons = 0;
  bool double_colon = false;
  while (j < s.size() && (is_hex(s[j]) || s[j] == ':' || s[j] == '.')) {
    if (s[j] == ':') {
      ++colons;
      if (j > i && s[j - 1] == ':') double_colon = true;
    }
    ++j;
  }
  if (j < s.size() && is_word(s[j])) return 0;
  // A single trailing ':' is punctuation ("from ::1: 11: Bye").
  if (j - i > 2 && s[j - 1] == ':' && s[j - 2] != ':') {
    --j;
    --colons;
  }
  if (!double_colon && colons < 7) return 0;
  return j - i;
}

// A canonical IPv4 at s[i..) not followed by a word char or ".digit".
size_t ipv4_run(std::string_view s, size_t i, uint32_t* ip) {
  size_t j = i;
  while (j < s.size() && j - i < 15 && (is_digit(s[j]) || s[j] == '.')) ++j;
  while (j > i && s[j - 1] == '.') --j;
  if (j < s.size() && (is_word(s[j]) || (s[j] == '.' && j + 1 < s.size() && is_digit(s[j + 1]))))
    return 0;
  return parse_ipv4(s.substr(i, j - i), ip) ? j - i : 0;
}

}  // namespace

const std::vector<Template>& builtin_templates() { return table().templates; }

int match_builtin(std::string_view body, std::vector<SlotValue>* slots) {
  if (body.empty() || body.size() > kMaxBuiltinBody) return -1;
  const BuiltinTable& t = table();
  for (uint16_t id : t.by_first[static_cast<uint8_t>(body[0])])
    if (match_one(t.templates[id], body, slots)) return id;
  return -1;
}

void tokenize_generic(std::string_view body, std::string* escaped, std::vector<SlotValue>* slots) {
  escaped->clear();
  slots->clear();
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    char prev = i ? body[i - 1] : ' ';
    if (!is_word(prev) && prev != ':' && prev != '.' && (is_hex(c) || c == ':')) {
      if (size_t n = ipv6_run(body, i)) {
        slots->push_back({kSlotAddr, 0, body.substr(i, n), 0});
        escaped->push_back(kSlotMark);
        escaped->push_back(kSlotAddr);
        i += n;
        continue;
      }
    }
    if (!is_word(prev) && is_digit(c)) {
      uint32_t ip;
      if (size_t n = ipv4_run(body, i, &ip)) {
        slots->push_back({kSlotAddr, 0, body.substr(i, n), ip});
        escaped->push_back(kSlotMark);
        escaped->push_back(kSlotAddr);
        i += n;
        continue;
      }
      size_t j = i;
      while (j < body.size() && is_digit(body[j])) ++j;
      size_t len = j - i;
      bool glued = j < body.size() && (is_alpha(body[j]) || body[j] == '_');
      if (!glued && len <= kMaxDigits) {
        uint64_t v = 0;
        for (size_t k = i; k < j; ++k) v = v * 10 + static_cast<uint64_t>(body[k] - '0');
        bool padded = len > 1 && c == '0';
        slots->push_back({padded ? kSlotZero : kSlotNum, static_cast<uint8_t>(padded ? len : 0),
                          body.substr(i, len), v});
        escaped->push_back(kSlotMark);
        escaped->push_back(padded ? kSlotZero : kSlotNum);
        if (padded) escaped->push_back(static_cast<char>(len));
        i = j;
        continue;
      }
      for (size_t k = i; k < j; ++k) escaped->push_back(body[k]);
      i = j;
      continue;
    }
    append_literal(escaped, c);
    ++i;
  }
}

}  // namespace at1::ssh
