// Backends: the general-purpose compressors each stream goes through.
// Ids are written into files (docs/format.md, "Backends") and never change.
#ifndef AT1_BACKENDS_BACKEND_H
#define AT1_BACKENDS_BACKEND_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include "at1/options.h"
#include "at1/result.h"

namespace at1::backends {

// Lets a compression stop early. The verify gate keeps the smaller of the
// codec's frame and the raw-compressed chunk; once the raw output reaches the
// codec's size it can no longer win (compressed output only grows), so
// finishing it would be wasted work. `limit` may be lowered by another
// thread while the compression runs.
struct GiveUp {
  std::atomic<uint64_t> limit{UINT64_MAX};
  bool gave_up = false;  // set by the compression; its output is then unusable
  bool Reached(uint64_t produced) const { return produced >= limit.load(std::memory_order_relaxed); }
};

// Input piece between two GiveUp checks.
inline constexpr size_t kGiveUpPiece = size_t(4) << 20;

// Appends the compressed form of in[0..n) to *out and sets *param (the
// stream entry's backend_param). With `give_up`, may instead stop early and
// set give_up->gave_up, leaving *out as it was. [thread-safe]
Status Compress(const BackendSettings& settings, const uint8_t* in, size_t n, std::string* out,
                uint8_t* param, GiveUp* give_up = nullptr);

// Decompresses exactly raw_size bytes into out. Anything else — malformed
// input, fewer or more bytes — is Corruption. [thread-safe]
Status Decompress(BackendId id, uint8_t param, const uint8_t* in, size_t n, uint8_t* out,
                  size_t raw_size);

// Compresses with `settings`, or stores when that is not smaller. Sets *used
// to the backend actually used. `give_up` as for Compress. [thread-safe]
Status CompressBest(const BackendSettings& settings, const uint8_t* in, size_t n, std::string* out,
                    BackendId* used, uint8_t* param, GiveUp* give_up = nullptr);

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

Status XzCompress(int level, bool extreme, const uint8_t* in, size_t n, std::string* out, uint8_t* param,
                  GiveUp* give_up);
Status XzDecompress(uint8_t param, const uint8_t* in, size_t n, uint8_t* out, size_t raw_size);
Status XzDecompressPieces(uint8_t param, const uint8_t* in, size_t n, size_t raw_size, PieceSink* out);
Status ZstdCompress(int level, const uint8_t* in, size_t n, std::string* out, GiveUp* give_up);
Status ZstdDecompress(const uint8_t* in, size_t n, uint8_t* out, size_t raw_size);
Status ZstdDecompressPieces(const uint8_t* in, size_t n, size_t raw_size, PieceSink* out);

}  // namespace at1::backends

#endif  // AT1_BACKENDS_BACKEND_H
