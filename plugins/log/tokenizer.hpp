// Splits one log line into a template (static text + placeholder bytes) and
// its typed variables. No per-system rules: a variable is any word holding a
// digit (integers, fixed-width digit runs, hex, floats), and timestamps are
// recognised at word starts in any layout timestamp.hpp knows.
#ifndef AT1_LOG_TOKENIZER_HPP
#define AT1_LOG_TOKENIZER_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format.hpp"
#include "timestamp.hpp"

namespace at1::log {

// One variable of a line, in template order: `value` is the number (numeric
// kinds and timestamps), `text` is always the variable's bytes in the line.
struct Var {
  uint64_t value = 0;
  std::string_view text;
  uint8_t kind = 0;  // its VarKind
};

class Tokenizer {
 public:
  // Appends the template of `line` to *tpl and its variables to *vars.
  // Returns false (leaving both as they were) when the line must go
  // verbatim: it holds placeholder bytes or is too long.
  bool tokenize(std::string_view line, std::string* tpl, std::vector<Var>* vars);

  // The frame's timestamp layouts, indexed by the template parameter.
  const std::vector<TsLayout>& layouts() const { return layouts_; }

 private:
  size_t try_timestamp(const char* s, size_t n, std::string* tpl, std::vector<Var>* vars);
  int layout_index(const TsLayout& l);

  std::vector<TsLayout> layouts_;
  TsTextCache ts_cache_;  // speeds up parse_ts's print-back check
  // Once a line needed unpadded time fields, padded ones that also print
  // unpadded join that layout, so one message keeps one template.
  bool prefer_minimal_ = false;
};

// A digit run (after its '-' when negative) -> template + vars.
void emit_number(const char* s, size_t len, bool negative, std::string* tpl, std::vector<Var>* vars);

}  // namespace at1::log

#endif  // AT1_LOG_TOKENIZER_HPP
