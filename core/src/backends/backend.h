// Backends: the general-purpose compressors each stream goes through.
// Ids are written into files (docs/format.md, "Backends") and never change.
#ifndef AT1_BACKENDS_BACKEND_H
#define AT1_BACKENDS_BACKEND_H

#include <cstddef>
#include <cstdint>
#include <string>

#include "at1/options.h"
#include "at1/result.h"

namespace at1::backends {

// Appends the compressed form of in[0..n) to *out and sets *param (the
// stream entry's backend_param). [thread-safe]
Status Compress(const BackendSettings& settings, const uint8_t* in, size_t n, std::string* out,
                uint8_t* param);

// Decompresses exactly raw_size bytes into out. Anything else — malformed
// input, fewer or more bytes — is Corruption. [thread-safe]
Status Decompress(BackendId id, uint8_t param, const uint8_t* in, size_t n, uint8_t* out,
                  size_t raw_size);

// Compresses with `settings`, or stores when that is not smaller. Sets *used
// to the backend actually used. [thread-safe]
Status CompressBest(const BackendSettings& settings, const uint8_t* in, size_t n, std::string* out,
                    BackendId* used, uint8_t* param);

// Decompresses in[0..n) piecewise and checks that it yields exactly
// expected[0..expected_size), without holding the whole output: the verify
// gate uses it so checking a frame costs no extra frame-sized buffer.
Status VerifyDecompress(BackendId id, uint8_t param, const uint8_t* in, size_t n, const uint8_t* expected,
                        size_t expected_size);

Status XzCompress(int level, bool extreme, const uint8_t* in, size_t n, std::string* out, uint8_t* param);
Status XzDecompress(uint8_t param, const uint8_t* in, size_t n, uint8_t* out, size_t raw_size);
Status XzVerify(uint8_t param, const uint8_t* in, size_t n, const uint8_t* expected, size_t expected_size);
Status ZstdCompress(int level, const uint8_t* in, size_t n, std::string* out);
Status ZstdDecompress(const uint8_t* in, size_t n, uint8_t* out, size_t raw_size);
Status ZstdVerify(const uint8_t* in, size_t n, const uint8_t* expected, size_t expected_size);

}  // namespace at1::backends

#endif  // AT1_BACKENDS_BACKEND_H
