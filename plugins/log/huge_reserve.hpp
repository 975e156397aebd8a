// Reserves a frame-sized array and asks the kernel to back it with huge
// pages: the encoder's per-frame arrays are hundreds of MB on 500,000-line
// frames, and faulting them in 4 KiB at a time cost ~15% of encode time.
#ifndef AT1_LOG_HUGE_RESERVE_HPP
#define AT1_LOG_HUGE_RESERVE_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace at1::log {

template <typename T>
void reserve_huge(std::vector<T>& v, size_t n) {
  v.reserve(n);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = uintptr_t(1) << 21;
  const auto begin = reinterpret_cast<uintptr_t>(v.data());
  const uintptr_t end = begin + v.capacity() * sizeof(T);
  const uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1), last = end & ~(kHuge - 1);
  // Only a hint: failure (no THP, not page-aligned memory) changes nothing.
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
}

}  // namespace at1::log

#endif  // AT1_LOG_HUGE_RESERVE_HPP
