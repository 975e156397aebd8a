// Frame encoder and decoder of the `log` codec.
#ifndef AT1_LOG_ENCODER_HPP
#define AT1_LOG_ENCODER_HPP

#include "at1/cpp/codec.hpp"

namespace at1::log {

void encode_frame(at1::sdk::EncodeContext& ctx, at1::sdk::Bytes input);
void decode_frame(at1::sdk::DecodeContext& ctx);

}  // namespace at1::log

#endif  // AT1_LOG_ENCODER_HPP
