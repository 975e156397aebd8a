// Move-to-front list of recently seen values (addresses, users, pids, ...).
// sshd logs repeat the same few values within a session and across nearby
// sessions, so "k-th most recent" is a tiny, very compressible code. Encoder
// and decoder run the very same list, so they stay in step by construction.
#ifndef AT1_SSH_RECENCY_HPP
#define AT1_SSH_RECENCY_HPP

#include <cstdint>
#include <cstring>
#include <string_view>

namespace at1::ssh {

// An address and the last port seen with it: ports of one client grow in
// small steps, so a port is coded against its address's previous one.
struct AddrEntry {
  std::string_view text;
  uint32_t last_port;  // kNoPort when none yet
  static constexpr uint32_t kNoPort = 0x10000;
};

template <class T>
class RecencyList {
 public:
  explicit RecencyList(uint32_t window) : window_(window > kMax ? kMax : window) {}

  uint32_t size() const { return n_; }

  // Rank of v (0 = most recent), or -1 when not in the list.
  int find(const T& v) const {
    for (uint32_t i = 0; i < n_; ++i)
      if (equal(items_[i], v)) return static_cast<int>(i);
    return -1;
  }
  // The value at `rank` (caller checks rank < size()); moves it to the front.
  T take(uint32_t rank) {
    T v = items_[rank];
    std::memmove(&items_[1], &items_[0], rank * sizeof(T));
    items_[0] = v;
    return v;
  }
  // The most recent value (caller checks size() > 0).
  T& front() { return items_[0]; }
  // Adds a new value at the front; the oldest falls off when full.
  void push(const T& v) {
    uint32_t keep = n_ < window_ ? n_ : window_ - 1;
    std::memmove(&items_[1], &items_[0], keep * sizeof(T));
    items_[0] = v;
    n_ = keep + 1;
  }

 private:
  static constexpr uint32_t kMax = 255;
  static bool equal(const std::string_view& a, const std::string_view& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
  }
  static bool equal(uint32_t a, uint32_t b) { return a == b; }
  static bool equal(const AddrEntry& a, const AddrEntry& b) { return equal(a.text, b.text); }

  uint32_t window_;
  uint32_t n_ = 0;
  T items_[kMax];
};

}  // namespace at1::ssh

#endif  // AT1_SSH_RECENCY_HPP
