// zstd backend: one zstd frame per stream, with per-thread contexts so the
// hot path does not allocate.
#include <zstd.h>
#include <zstd_errors.h>

#include <cstring>
#include <memory>

#include "backends/backend.h"
#include "util/byte_buffer.h"

namespace at1::backends {
namespace {

struct CCtxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

ZSTD_CCtx* ThreadCCtx() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> ctx(ZSTD_createCCtx());
  return ctx.get();
}
ZSTD_DCtx* ThreadDCtx() {
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
  return ctx.get();
}

}  // namespace

Status ZstdCompress(int level, const uint8_t* in, size_t n, std::string* out) {
  size_t bound = ZSTD_compressBound(n);
  // Uninitialised, per-thread and reused: a zero-filled worst-case buffer
  // would put a whole chunk's worth of pages into RSS for every frame in
  // flight, and a fresh one per frame would page-fault in anew each time.
  thread_local ByteBuffer scratch;
  scratch.clear();
  scratch.reserve(bound);
  ZSTD_CCtx* cctx = ThreadCCtx();
  ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 0);
  size_t r = ZSTD_compress2(cctx, scratch.data(), bound, in, n);
  if (ZSTD_isError(r)) return Status::IOError(std::string("zstd compress: ") + ZSTD_getErrorName(r));
  out->append(reinterpret_cast<const char*>(scratch.data()), r);
  return Status::OK();
}

Status ZstdDecompress(const uint8_t* in, size_t n, uint8_t* out, size_t raw_size) {
  unsigned long long declared = ZSTD_getFrameContentSize(in, n);
  if (declared == ZSTD_CONTENTSIZE_ERROR) return Status::Corruption("zstd: not a zstd frame");
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != raw_size)
    return Status::Corruption("zstd: frame size differs from the recorded stream size");
  size_t r = ZSTD_decompressDCtx(ThreadDCtx(), out, raw_size, in, n);
  if (ZSTD_isError(r)) {
    switch (ZSTD_getErrorCode(r)) {
      case ZSTD_error_dstSize_tooSmall:
        return Status::Corruption("zstd: stream decodes to more than its recorded size");
      default:
        return Status::Corruption(std::string("zstd: ") + ZSTD_getErrorName(r));
    }
  }
  if (r != raw_size) return Status::Corruption("zstd: stream decodes to fewer bytes than recorded");
  return Status::OK();
}

}  // namespace at1::backends

namespace at1::backends {

Status ZstdVerify(const uint8_t* in, size_t n, const uint8_t* expected, size_t expected_size) {
  ZSTD_DCtx* d = ThreadDCtx();
  ZSTD_DCtx_reset(d, ZSTD_reset_session_only);
  uint8_t buf[1 << 16];
  ZSTD_inBuffer input = {in, n, 0};
  size_t seen = 0;
  for (;;) {
    ZSTD_outBuffer out = {buf, sizeof buf, 0};
    size_t r = ZSTD_decompressStream(d, &out, &input);
    if (ZSTD_isError(r)) return Status::Corruption(std::string("zstd: ") + ZSTD_getErrorName(r));
    if (out.pos > expected_size - seen || std::memcmp(buf, expected + seen, out.pos) != 0)
      return Status::Corruption("zstd: decompressed bytes differ");
    seen += out.pos;
    if (r == 0 && input.pos == input.size) break;
    if (out.pos == 0 && input.pos == input.size) return Status::Corruption("zstd: stream truncated");
  }
  if (seen != expected_size) return Status::Corruption("zstd: decompressed size differs");
  return Status::OK();
}

}  // namespace at1::backends
