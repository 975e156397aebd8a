// at1/cpp/lines.hpp — splitting a frame into lines and recording their line
// endings exactly, so every codec gets CRLF, mixed endings and a missing
// final newline right the same way.
//
// Header-only C++17 helpers of the at1 plugin SDK.
//
// A line is split at '\n' only. Its ending is one of:
//   kEolLF   "\n"
//   kEolCRLF "\r\n"
//   kEolNone  nothing (only the last line of a file may end so)
// A lone '\r' elsewhere is ordinary line content.
//
// EolModel serialises the endings of all lines compactly: the common case
// (every line ends the same way, maybe except the last) costs a few bytes.
//   varint line_count, u8 default_kind, varint exception_count,
//   exception_count x (varint gap_from_previous_exception, u8 kind)
#ifndef AT1_CPP_LINES_HPP
#define AT1_CPP_LINES_HPP

#include <cstring>
#include <string_view>
#include <vector>

#include "at1/cpp/bytes.hpp"

namespace at1::sdk {

enum Eol : uint8_t { kEolNone = 0, kEolLF = 1, kEolCRLF = 2 };

inline std::string_view eol_text(uint8_t kind) {
  switch (kind) {
    case kEolLF: return "\n";
    case kEolCRLF: return "\r\n";
    default: return {};
  }
}

// Iterates over the lines of a buffer: text (without ending) and ending.
class LineCursor {
 public:
  explicit LineCursor(Bytes in) : p_(reinterpret_cast<const char*>(in.data)), end_(p_ + in.size) {}
  // Fetches the next line; false at the end of the buffer.
  bool next(std::string_view* text, Eol* eol) {
    if (p_ == end_) return false;
    const char* nl = static_cast<const char*>(std::memchr(p_, '\n', static_cast<size_t>(end_ - p_)));
    if (!nl) {
      *text = std::string_view(p_, static_cast<size_t>(end_ - p_));
      *eol = kEolNone;
      p_ = end_;
      return true;
    }
    const char* stop = nl;
    *eol = kEolLF;
    if (stop > p_ && stop[-1] == '\r') {
      --stop;
      *eol = kEolCRLF;
    }
    *text = std::string_view(p_, static_cast<size_t>(stop - p_));
    p_ = nl + 1;
    return true;
  }

 private:
  const char* p_;
  const char* end_;
};

// Collects line endings during encode and writes them as one stream.
class EolEncoder {
 public:
  void add(Eol kind) { kinds_.push_back(kind); }
  size_t count() const { return kinds_.size(); }

  void finish(ByteWriter& out) const {
    size_t freq[3] = {0, 0, 0};
    for (uint8_t k : kinds_) ++freq[k];
    uint8_t def = freq[kEolCRLF] > freq[kEolLF] ? kEolCRLF : kEolLF;
    out.varint(kinds_.size());
    out.u8(def);
    out.varint(kinds_.size() - freq[def]);
    size_t last = 0;
    for (size_t i = 0; i < kinds_.size(); ++i) {
      if (kinds_[i] == def) continue;
      out.varint(i - last);
      out.u8(kinds_[i]);
      last = i;
    }
  }

 private:
  std::vector<uint8_t> kinds_;
};

// Reads the stream EolEncoder wrote and hands out one ending per line.
class EolDecoder {
 public:
  EolDecoder() = default;
  explicit EolDecoder(Bytes stream) : r_(stream) {
    count_ = r_.varint_max(uint64_t(1) << 40, "eol: line count too large");
    def_ = r_.u8();
    if (def_ != kEolLF && def_ != kEolCRLF) fail_corrupt("eol: bad default kind");
    exceptions_ = r_.varint_max(count_, "eol: more exceptions than lines");
    uniform_ = exceptions_ == 0;
    load_next_exception();
  }
  uint64_t count() const { return count_; }
  // True, with the kind, when every line has the same ending: a decoder
  // may then use it for every line instead of calling next() per line.
  bool uniform(Eol* kind) const {
    if (uniform_) *kind = static_cast<Eol>(def_);
    return uniform_;
  }

  Eol next() {
    if (index_ >= count_) fail_corrupt("eol: more lines than recorded");
    Eol k = static_cast<Eol>(def_);
    if (has_next_ && index_ == next_index_) {
      k = static_cast<Eol>(next_kind_);
      load_next_exception();
    }
    ++index_;
    return k;
  }

 private:
  void load_next_exception() {
    has_next_ = exceptions_ > 0;
    if (!has_next_) return;
    --exceptions_;
    uint64_t gap = r_.varint();
    if (loaded_any_ && gap == 0) fail_corrupt("eol: exceptions out of order");
    next_index_ = loaded_any_ ? next_index_ + gap : gap;
    if (next_index_ >= count_) fail_corrupt("eol: exception past last line");
    next_kind_ = r_.u8();
    if (next_kind_ > kEolCRLF) fail_corrupt("eol: bad kind");
    loaded_any_ = true;
  }

  ByteReader r_;
  uint64_t count_ = 0;
  uint8_t def_ = kEolLF;
  uint64_t exceptions_ = 0;
  bool uniform_ = true;
  uint64_t index_ = 0;
  bool has_next_ = false;
  bool loaded_any_ = false;
  uint64_t next_index_ = 0;
  uint8_t next_kind_ = 0;
};

}  // namespace at1::sdk

#endif  // AT1_CPP_LINES_HPP
