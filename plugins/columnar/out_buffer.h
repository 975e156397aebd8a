// Where a block of assembled rows goes: straight into output memory the host
// lends (DecodeContext::reserve, no copy) when the block's bound fits a
// reservation, else into a local buffer that is then written (one copy).
#ifndef AT1_COLUMNAR_OUT_BUFFER_H
#define AT1_COLUMNAR_OUT_BUFFER_H

#include <vector>

#include "at1/cpp/codec.hpp"

namespace at1::columnar {

class OutBuffer {
 public:
  explicit OutBuffer(sdk::DecodeContext& ctx) : ctx_(ctx) {}
  // Room for n bytes at the returned pointer; commit() what was written.
  char* reserve(size_t n) {
    local_ = n > sdk::DecodeContext::kMaxReserve;
    if (!local_) return reinterpret_cast<char*>(ctx_.reserve(n));
    if (buf_.size() < n) buf_.resize(n);
    return buf_.data();
  }
  void commit(size_t n) {
    if (local_) {
      ctx_.write(buf_.data(), n);
    } else {
      ctx_.commit(n);
    }
  }
  void append(const char* p, size_t n) { ctx_.write(p, n); }
  // How many rows (at most `cap`) the next block should have so that its
  // bound fits a reservation, from the last block's rows and bound: a block
  // over it is assembled locally and copied (species, OpenStack: rows of
  // 80+ bytes, ~20% of decode instructions). Aims at 7/8 of a reservation
  // because the next rows are seldom exactly as wide.
  static size_t rows_that_fit(size_t rows, size_t bound, size_t cap) {
    const size_t fit = rows * (sdk::DecodeContext::kMaxReserve / 8 * 7) / (bound ? bound : 1);
    return fit < 1 ? 1 : (fit > cap ? cap : fit);
  }
  void flush() { ctx_.flush(); }

 private:
  sdk::DecodeContext& ctx_;
  std::vector<char> buf_;
  bool local_ = false;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_OUT_BUFFER_H
