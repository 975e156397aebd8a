// Encoding a whole frame (encode side): dialect, parse, rows, columns, stats.
#ifndef AT1_COLUMNAR_FRAME_ENCODE_H
#define AT1_COLUMNAR_FRAME_ENCODE_H

#include "at1/cpp/codec.hpp"

namespace at1::columnar {

void encode_frame(sdk::EncodeContext& ctx, sdk::Bytes input);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_FRAME_ENCODE_H
