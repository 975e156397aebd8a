// Where the decoder prints a frame's lines: straight into output memory the
// host lends (DecodeContext::reserve/commit), a window of at least kWindow
// bytes at a time, committed when the next piece does not fit. One bounds
// check per window instead of one per token, and no copy through a local
// buffer.
#ifndef AT1_LOG_OUT_WINDOW_HPP
#define AT1_LOG_OUT_WINDOW_HPP

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>

#include "at1/cpp/codec.hpp"

namespace at1::log {

class OutWindow {
 public:
  explicit OutWindow(at1::sdk::DecodeContext& ctx) : ctx_(ctx) {}
  OutWindow(const OutWindow&) = delete;
  OutWindow& operator=(const OutWindow&) = delete;

  // At least n (<= DecodeContext::kMaxReserve) writable bytes at the result;
  // advance() by what was written.
  char* room(size_t n) {
    if (static_cast<size_t>(end_ - cur_) < n) refill(n);
    return cur_;
  }
  void advance(size_t n) { cur_ += n; }
  void put(const char* p, size_t n) {
    if (n > kWindow) return put_long(p, n);
    std::memcpy(room(n), p, n);
    cur_ += n;
  }
  void put(std::string_view s) { put(s.data(), s.size()); }
  // Hands what was printed to the host; call once at the end.
  void finish() {
    if (base_) ctx_.commit(static_cast<size_t>(cur_ - base_));
    base_ = cur_ = end_ = nullptr;
  }

 private:
  // Small enough that a window the host's block cannot hold wastes little of
  // it (the host starts a new block then), big enough that commits are rare.
  static constexpr size_t kWindow = 8 << 10;

  void refill(size_t n) {
    finish();
    const size_t w = std::max(n, kWindow);
    base_ = cur_ = reinterpret_cast<char*>(ctx_.reserve(w));
    end_ = cur_ + w;
  }
  void put_long(const char* p, size_t n) {
    finish();
    ctx_.write(p, n);
  }

  at1::sdk::DecodeContext& ctx_;
  char* base_ = nullptr;  // start of the uncommitted window
  char* cur_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace at1::log

#endif  // AT1_LOG_OUT_WINDOW_HPP
