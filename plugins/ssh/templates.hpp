// Message templates: static text with typed slots (ssh_format.hpp kSlot*).
// Builtin templates are the sshd messages we know; any other message is cut
// by a generic tokeniser (numbers and addresses become slots, the rest is the
// template) and its template goes into the frame's dictionary.
#ifndef AT1_SSH_TEMPLATES_HPP
#define AT1_SSH_TEMPLATES_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace at1::ssh {

// One literal followed by one slot (slot 0 = none: the template's last piece).
struct Piece {
  uint32_t lit_off = 0;
  uint32_t lit_len = 0;
  char slot = 0;
  uint8_t width = 0;  // for kSlotZero
};

struct Template {
  std::string literals;  // all literal text, unescaped, back to back
  std::vector<Piece> pieces;
  std::string_view lit(const Piece& p) const { return {literals.data() + p.lit_off, p.lit_len}; }
};

// Parses the escaped form (kSlotMark syntax). False when malformed.
bool compile_template(std::string_view escaped, Template* out);

// A slot value found in a message.
struct SlotValue {
  char type;
  uint8_t width;
  std::string_view text;
  uint64_t num;  // for kSlotNum / kSlotZero / kSlotPort
};

// The builtin sshd templates; ids 0..size-1 in every frame.
const std::vector<Template>& builtin_templates();

// Id of the first builtin template matching body exactly, or -1. Fills slots.
int match_builtin(std::string_view body, std::vector<SlotValue>* slots);

// Generic tokeniser: the escaped template of body and its slot values.
void tokenize_generic(std::string_view body, std::string* escaped, std::vector<SlotValue>* slots);

}  // namespace at1::ssh

#endif  // AT1_SSH_TEMPLATES_HPP
