#include "int_part_text.h"

#include <memory>

namespace at1::columnar {

namespace {

template <int kWidth>
struct IntPartTexts {
  std::unique_ptr<uint64_t[]> words{new uint64_t[kIntPartTextCount]};
  IntPartTexts() {
    for (uint32_t v = 0; v < kIntPartTextCount; ++v) {
      int len = v >= 1000 ? 4 : v >= 100 ? 3 : v >= 10 ? 2 : v >= 1 ? 1 : 0;
      if (len < kWidth) len = kWidth;
      uint64_t w = static_cast<uint64_t>('.') << (8 * len);
      uint32_t rest = v;
      for (int i = len - 1; i >= 0; --i, rest /= 10) w |= static_cast<uint64_t>('0' + rest % 10) << (8 * i);
      words[v] = w | static_cast<uint64_t>(len) << 56;
    }
  }
};

template <int kWidth>
const uint64_t* table() {
  static const IntPartTexts<kWidth> texts;  // built on first use, thread-safe
  return texts.words.get();
}

}  // namespace

const uint64_t* int_part_texts(int width) {
  switch (width) {
    case 0: return table<0>();
    case 1: return table<1>();
    case 2: return table<2>();
    case 3: return table<3>();
    default: return table<4>();
  }
}

}  // namespace at1::columnar
