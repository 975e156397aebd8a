// One VCF frame <-> logical columns (see README.md for the full layout).
//
// Every line is either a DATA row (>= 8 tab-separated fields, canonical
// integer POS, no more sample subfields than FORMAT keys, not starting with
// '#') or VERBATIM (headers, the #CHROM line, anything that does not parse).
// Line endings go to the "eol" stream; everything else to the column store.
#ifndef AT1_VCF_FRAME_HPP
#define AT1_VCF_FRAME_HPP

#include "at1/cpp/codec.hpp"

namespace at1::vcf {

// Own-stream threshold of the column store (bytes of a logical column).
constexpr size_t kOwnStreamBytes = 16384;

void encode_frame(sdk::EncodeContext& ctx, sdk::Bytes input);
void decode_frame(sdk::DecodeContext& ctx);

}  // namespace at1::vcf

#endif  // AT1_VCF_FRAME_HPP
