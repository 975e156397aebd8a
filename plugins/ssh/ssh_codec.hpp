// Entry points of the `ssh` codec, called by the plugin glue (ssh_codec.cc).
#ifndef AT1_SSH_CODEC_HPP
#define AT1_SSH_CODEC_HPP

#include "at1/cpp/codec.hpp"

namespace at1::ssh {

int32_t probe_sample(sdk::Bytes sample);
void encode_frame(sdk::EncodeContext& ctx, sdk::Bytes input);
void decode_frame(sdk::DecodeContext& ctx);

// Message affixes stripped before template matching (index = kPrefix*).
inline constexpr std::string_view kPrefixes[3] = {"", "error: ", "fatal: "};
inline constexpr std::string_view kPreauth = " [preauth]";

}  // namespace at1::ssh

#endif  // AT1_SSH_CODEC_HPP
