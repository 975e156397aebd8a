// Splits one log line into a template (static text + placeholder bytes) and
// its typed variables. No per-system rules: a variable is any word holding a
// digit (integers, fixed-width digit runs, hex, floats), and timestamps are
// recognised at word starts in any layout timestamp.hpp knows.
#ifndef AT1_LOG_TOKENIZER_HPP
#define AT1_LOG_TOKENIZER_HPP

#include <cstdint>
#include <cstring>
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

// The template being built, written through a pointer into a std::string
// sized for the whole line (a template is never longer than its line; grown
// if it were): push_back's bookkeeping per byte cost ~9% of encoding.
class TplWriter {
 public:
  TplWriter(std::string* s, size_t room) : s_(s), start_(s->size()) {
    s_->resize(start_ + room);
    o_ = s_->data() + start_;
    end_ = s_->data() + s_->size();
  }
  void text(const char* p, size_t n) {
    need(n);
    std::memcpy(o_, p, n);
    o_ += n;
  }
  void text(char c) {
    need(1);
    *o_++ = c;
  }
  void var(uint8_t kind) { text(static_cast<char>(kind)); }
  void var(uint8_t kind, size_t param) {
    need(2);
    o_[0] = static_cast<char>(kind), o_[1] = static_cast<char>(kParamBias + param);
    o_ += 2;
  }
  // The template is what was written / the string is as it was.
  void finish() { s_->resize(static_cast<size_t>(o_ - s_->data())); }
  void drop() { s_->resize(start_); }

 private:
  void need(size_t n) {
    if (static_cast<size_t>(end_ - o_) < n) grow(n);
  }
  void grow(size_t n) {
    const auto used = static_cast<size_t>(o_ - s_->data());
    s_->resize(s_->size() + n + 64);
    o_ = s_->data() + used;
    end_ = s_->data() + s_->size();
  }
  std::string* s_;
  size_t start_;
  char* o_;
  char* end_;
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
  size_t try_timestamp(const char* s, size_t n, TplWriter& tpl, std::vector<Var>* vars);
  int layout_index(const TsLayout& l);

  std::vector<TsLayout> layouts_;
  size_t last_layout_ = 0;  // consecutive stamps mostly share a layout
  TsTextCache ts_cache_;  // speeds up parse_ts's print-back check
  // Once a line needed unpadded time fields, padded ones that also print
  // unpadded join that layout, so one message keeps one template.
  bool prefer_minimal_ = false;
};

// A digit run (after its '-' when negative) -> template + vars.
void emit_number(const char* s, size_t len, bool negative, TplWriter& tpl, std::vector<Var>* vars);

}  // namespace at1::log

#endif  // AT1_LOG_TOKENIZER_HPP
