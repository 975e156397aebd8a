// Decode side: the integer part of a split-path number (number_print.h) as
// ready text, looked up instead of made. For every integer part below 10^4
// and every integer-part width (0..4): its digits (at least `width`, zero
// padded; none for 0 at width 0) then '.', in the low bytes of a word, and
// its digit count in the top byte. Making that text (digit table, leading
// zero count, width, shift) cost ~19 instructions per number; the lookup
// costs three. A table (80 KB) is built the first time its width is used.
#ifndef AT1_COLUMNAR_INT_PART_TEXT_H
#define AT1_COLUMNAR_INT_PART_TEXT_H

#include <cstdint>

namespace at1::columnar {

inline constexpr int kIntPartTextWidths = 5;  // widths 0..4
inline constexpr uint32_t kIntPartTextCount = 10000;

// The table for `width` (< kIntPartTextWidths).
const uint64_t* int_part_texts(int width);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_INT_PART_TEXT_H
