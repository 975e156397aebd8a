// Template parsing (see template.hpp).
#include "template.hpp"

namespace at1::log {

bool parse_template(std::string_view t, size_t layout_count, std::vector<Op>* ops) {
  size_t i = 0;
  const size_t n = t.size();
  while (i < n) {
    const uint8_t b = static_cast<uint8_t>(t[i]);
    if (!is_reserved_byte(b)) {
      size_t j = i;
      while (j < n && !is_reserved_byte(static_cast<uint8_t>(t[j]))) ++j;
      Op op;
      op.text = t.data() + i;
      op.len = static_cast<uint32_t>(j - i);
      ops->push_back(op);
      i = j;
      continue;
    }
    if (b == 0) return false;
    Op op;
    op.kind = b;
    ++i;
    if (kind_has_param(b)) {
      if (i >= n) return false;
      const int p = static_cast<uint8_t>(t[i++]) - kParamBias;
      if (p < 0) return false;
      op.param = static_cast<uint8_t>(p);
      if (b == kVarZint && (p < 1 || p > static_cast<int>(kMaxZintWidth))) return false;
      if (kind_is_hex(b)) {
        if (p < 1 || p > static_cast<int>(kMaxHexLen)) return false;
        op.len = hex_packed_size(static_cast<uint32_t>(p));
      }
      if (b == kVarTs && static_cast<size_t>(p) >= layout_count) return false;
    }
    ops->push_back(op);
  }
  return true;
}

}  // namespace at1::log
