// Decoding a whole frame (decode side).
#ifndef AT1_COLUMNAR_FRAME_DECODE_H
#define AT1_COLUMNAR_FRAME_DECODE_H

#include "at1/cpp/codec.hpp"

namespace at1::columnar {

void decode_frame(sdk::DecodeContext& ctx);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_FRAME_DECODE_H
