// The frame-level part of the format: the `meta` part's header (dialect,
// row count, head bytes, line endings, row shapes) and the verbatim lines.
#ifndef AT1_COLUMNAR_FRAME_LAYOUT_H
#define AT1_COLUMNAR_FRAME_LAYOUT_H

#include <cstdint>

namespace at1::columnar {

// 3: row-reference columns (row_ref_encode.h); 2: typed values as
// byte-plane blocks (value_blocks.h); 1: as varints. All still decoded.
inline constexpr uint8_t kFormatVersion = 3;
inline constexpr uint8_t kRowRefFormatVersion = 3;
inline constexpr uint8_t kMinFormatVersion = 1;
// Shape codes: a row is a verbatim line, or a record of code-1 fields.
inline constexpr uint64_t kShapeVerbatim = 0;

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_FRAME_LAYOUT_H
