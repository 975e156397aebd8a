// A large output buffer in front of the host's write(): the decoder emits
// many tiny pieces (punctuation, short values); batching them in 1 MiB
// blocks keeps the per-piece cost at a bounds check and a memcpy.
#ifndef AT1_JSON_OUTPUT_H
#define AT1_JSON_OUTPUT_H

#include <cstring>
#include <memory>

#include "at1/cpp/codec.hpp"

namespace at1json {

class OutBuf {
 public:
  static constexpr size_t kCapacity = size_t(1) << 20;
  explicit OutBuf(at1::sdk::DecodeContext& ctx) : ctx_(ctx), buf_(new char[kCapacity]) {}
  OutBuf(const OutBuf&) = delete;
  OutBuf& operator=(const OutBuf&) = delete;
  ~OutBuf() = default;  // the owner calls flush(); a failed decode drops the tail

  void write(const char* p, size_t n) {
    if (n == 0) return;  // p may be null then (empty string_view)
    if (n <= kCapacity - used_) {
      char* d = buf_.get() + used_;
      if (n <= 16) {
        at1::sdk::copy_short(d, p, n);
      } else {
        std::memcpy(d, p, n);
      }
      used_ += n;
      return;
    }
    flush();
    if (n >= kCapacity) {
      ctx_.write(p, n);
      return;
    }
    std::memcpy(buf_.get(), p, n);
    used_ = n;
  }
  void put(char c) {
    if (used_ == kCapacity) flush();
    buf_[used_++] = c;
  }
  // Room for n (small) bytes at the end; commit() what was used.
  char* room(size_t n) {
    if (n > kCapacity - used_) flush();
    return buf_.get() + used_;
  }
  void commit(size_t n) { used_ += n; }
  void flush() {
    if (used_) ctx_.write(buf_.get(), used_);
    used_ = 0;
  }

 private:

  at1::sdk::DecodeContext& ctx_;
  std::unique_ptr<char[]> buf_;
  size_t used_ = 0;
};

}  // namespace at1json

#endif  // AT1_JSON_OUTPUT_H
