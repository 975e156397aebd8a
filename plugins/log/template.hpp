// A template parsed into ops: runs of static text and typed variable slots.
// Shared by encode (to walk a template's slots) and decode (to rebuild lines).
#ifndef AT1_LOG_TEMPLATE_HPP
#define AT1_LOG_TEMPLATE_HPP

#include <cstdint>
#include <string_view>
#include <vector>

#include "format.hpp"

namespace at1::log {

struct Op {
  uint8_t kind = 0;    // 0 = static text, else a VarKind
  uint8_t param = 0;   // width / length / layout index
  uint8_t mode = 0;    // decode, numeric slots: the column's NumMode
  uint32_t len = 0;    // static: text length; hex: packed bytes per value
  const char* text = nullptr;  // static text (points into the template)
  uint64_t base = 0;   // decode: where this slot's column starts (string slots: its ranks)
  uint64_t next = 0;   // decode, delta numeric slots: the previous value
  const uint8_t* at = nullptr;  // decode: the next varint (raw and delta numeric slots),
                                // the next text (float slots, new texts of string slots)
};

// Appends the ops of template `t` to *ops. False when `t` is malformed (a
// stray placeholder byte, a missing or out-of-range parameter).
bool parse_template(std::string_view t, size_t layout_count, std::vector<Op>* ops);

// Bytes one packed hex value of `digits` hex digits takes.
inline uint32_t hex_packed_size(uint32_t digits) { return (digits + 1) / 2; }

}  // namespace at1::log

#endif  // AT1_LOG_TEMPLATE_HPP
