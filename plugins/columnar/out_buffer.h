// A large local output buffer in front of DecodeContext::write, so decode
// emits field by field with a pointer bump and hands the host big pieces.
#ifndef AT1_COLUMNAR_OUT_BUFFER_H
#define AT1_COLUMNAR_OUT_BUFFER_H

#include <cstring>
#include <vector>

#include "at1/cpp/codec.hpp"

namespace at1::columnar {

class OutBuffer {
 public:
  explicit OutBuffer(sdk::DecodeContext& ctx, size_t capacity = 1 << 20)
      : ctx_(ctx), buf_(capacity) {}
  // Room for n bytes at the returned pointer; commit() what was written.
  char* reserve(size_t n) {
    if (n > buf_.size() - used_) {
      flush();
      if (n > buf_.size()) buf_.resize(n);
    }
    return buf_.data() + used_;
  }
  void commit(size_t n) { used_ += n; }
  void append(const char* p, size_t n) {
    if (n == 0) return;  // p may be null then (an empty string_view)
    char* d = reserve(n);
    if (n <= 16) {
      at1::sdk::copy_short(d, p, n);
    } else {
      std::memcpy(d, p, n);
    }
    used_ += n;
  }
  void put(char c) {
    if (used_ == buf_.size()) flush();
    buf_[used_++] = c;
  }
  void flush() {
    if (used_) ctx_.write(buf_.data(), used_);
    used_ = 0;
  }

 private:

  sdk::DecodeContext& ctx_;
  std::vector<char> buf_;
  size_t used_ = 0;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_OUT_BUFFER_H
