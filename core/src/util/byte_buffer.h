// A growable byte buffer that does not zero what it allocates. Frame
// buffers are tens of MB and are reused across frames: zero-filling them, or
// giving them back to the OS after each frame, costs more than decoding.
// Big buffers ask for transparent huge pages: a 64 MiB frame then costs 32
// page faults instead of 16,384.
#ifndef AT1_UTIL_BYTE_BUFFER_H
#define AT1_UTIL_BYTE_BUFFER_H

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>

namespace at1 {

class ByteBuffer {
 public:
  uint8_t* data() { return p_.get(); }
  const uint8_t* data() const { return p_.get(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {reinterpret_cast<const char*>(p_.get()), size_}; }
  void clear() { size_ = 0; }
  // Keeps the first n bytes (n <= size()).
  void truncate(size_t n) { size_ = std::min(n, size_); }
  void reserve(size_t n) {
    if (n <= cap_) return;
    Storage q = Allocate(&n);  // uninitialised on purpose
    if (size_) std::memcpy(q.get(), p_.get(), size_);
    p_ = std::move(q);
    cap_ = n;
  }
  // Appends n uninitialised bytes and returns where they start.
  uint8_t* extend(size_t n) {
    if (size_ + n > cap_) reserve(std::max(size_ + n, cap_ + cap_ / 2));
    uint8_t* at = p_.get() + size_;
    size_ += n;
    return at;
  }
  void append(const void* src, size_t n) {
    if (n) std::memcpy(extend(n), src, n);
  }

 private:
  struct Free {
    void operator()(uint8_t* p) const { std::free(p); }
  };
  using Storage = std::unique_ptr<uint8_t[], Free>;

  static Storage Allocate(size_t* n) {
    constexpr size_t kHuge = size_t(2) << 20;
    void* p = nullptr;
    if (*n >= 4 * kHuge) {
      *n = (*n + kHuge - 1) / kHuge * kHuge;
      p = std::aligned_alloc(kHuge, *n);
      if (p) ::madvise(p, *n, MADV_HUGEPAGE);  // a hint; ignored where THP is off
    } else {
      p = std::malloc(*n);
    }
    if (!p) throw std::bad_alloc();
    return Storage(static_cast<uint8_t*>(p));
  }

  Storage p_;
  size_t size_ = 0, cap_ = 0;
};

}  // namespace at1

#endif  // AT1_UTIL_BYTE_BUFFER_H
