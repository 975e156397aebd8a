// Move-to-front list of the frame's most recent string-slot values, in line
// order. A string slot value that was seen lately (the same package, host or
// process name a few lines up, in any template) is coded as its rank here
// instead of its text; encoder and decoder update the list identically.
#ifndef AT1_LOG_RECENT_HPP
#define AT1_LOG_RECENT_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace at1::log {

class RecentStrings {
 public:
  static constexpr size_t kSize = 255;  // ranks 1..kSize; 0 = a new text

  // Rank (1-based) of s, or 0 when absent. Does not update.
  uint8_t find(std::string_view s) const {
    for (size_t i = 0; i < count_; ++i)
      if (items_[i].size() == s.size() && items_[i] == s) return static_cast<uint8_t>(i + 1);
    return 0;
  }
  // The text of rank r (1..count()), moved to the front.
  std::string_view use(uint8_t r) {
    const std::string_view s = items_[r - 1];
    for (size_t i = r - 1; i > 0; --i) items_[i] = items_[i - 1];
    items_[0] = s;
    return s;
  }
  // A new text goes to the front; the oldest falls off when full.
  void add(std::string_view s) {
    if (count_ < kSize) ++count_;
    for (size_t i = count_ - 1; i > 0; --i) items_[i] = items_[i - 1];
    items_[0] = s;
  }
  size_t count() const { return count_; }

 private:
  std::string_view items_[kSize];
  size_t count_ = 0;
};

}  // namespace at1::log

#endif  // AT1_LOG_RECENT_HPP
