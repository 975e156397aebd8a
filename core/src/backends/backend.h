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

// Where a piecewise decompression puts its bytes: Space() offers room for at
// least one byte (nullptr stops the decompression), Filled(n) says n bytes
// were written there.
class PieceSink {
 public:
  virtual ~PieceSink() = default;
  virtual uint8_t* Space(size_t* room) = 0;
  virtual void Filled(size_t n) = 0;
};

// Decompresses in[0..n), which must yield exactly raw_size bytes, piece by
// piece into *out, so no output buffer of the whole stream is needed.
// [thread-safe]
Status DecompressPieces(BackendId id, uint8_t param, const uint8_t* in, size_t n, size_t raw_size,
                        PieceSink* out);

// Decompresses in[0..n) piecewise and checks that it yields exactly
// expected[0..expected_size), without holding the whole output: the verify
// gate uses it so checking a frame costs no extra frame-sized buffer.
Status VerifyDecompress(BackendId id, uint8_t param, const uint8_t* in, size_t n, const uint8_t* expected,
                        size_t expected_size);

Status XzCompress(int level, bool extreme, const uint8_t* in, size_t n, std::string* out, uint8_t* param);
Status XzDecompress(uint8_t param, const uint8_t* in, size_t n, uint8_t* out, size_t raw_size);
Status XzDecompressPieces(uint8_t param, const uint8_t* in, size_t n, size_t raw_size, PieceSink* out);
Status ZstdCompress(int level, const uint8_t* in, size_t n, std::string* out);
Status ZstdDecompress(const uint8_t* in, size_t n, uint8_t* out, size_t raw_size);
Status ZstdDecompressPieces(const uint8_t* in, size_t n, size_t raw_size, PieceSink* out);

}  // namespace at1::backends

#endif  // AT1_BACKENDS_BACKEND_H
