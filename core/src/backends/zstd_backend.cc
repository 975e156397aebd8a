// zstd backend: one zstd frame per stream, with per-thread contexts so the
// hot path does not allocate.
#include <zstd.h>
#include <zstd_errors.h>

#include <algorithm>
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

Status ZstdCompress(int level, const uint8_t* in, size_t n, std::string* out, GiveUp* give_up) {
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
  size_t produced = 0;
  if (!give_up) {
    produced = ZSTD_compress2(cctx, scratch.data(), bound, in, n);
    if (ZSTD_isError(produced)) return Status::IOError(std::string("zstd compress: ") + ZSTD_getErrorName(produced));
  } else {
    // The same frame, fed in pieces so the output can be checked as it grows.
    ZSTD_CCtx_setPledgedSrcSize(cctx, n);
    ZSTD_outBuffer o = {scratch.data(), bound, 0};
    for (size_t done = 0;;) {
      const size_t piece = std::min(kGiveUpPiece, n - done);
      const bool last = done + piece == n;
      ZSTD_inBuffer i = {in + done, piece, 0};
      size_t left;
      do {
        left = ZSTD_compressStream2(cctx, &o, &i, last ? ZSTD_e_end : ZSTD_e_continue);
        if (ZSTD_isError(left)) return Status::IOError(std::string("zstd compress: ") + ZSTD_getErrorName(left));
      } while (last ? left != 0 : i.pos < i.size);
      done += piece;
      if (last) break;
      if (give_up->Reached(o.pos)) {
        give_up->gave_up = true;
        return Status::OK();
      }
    }
    produced = o.pos;
  }
  out->append(reinterpret_cast<const char*>(scratch.data()), produced);
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

Status ZstdDecompressPieces(const uint8_t* in, size_t n, size_t raw_size, PieceSink* out) {
  unsigned long long declared = ZSTD_getFrameContentSize(in, n);
  if (declared == ZSTD_CONTENTSIZE_ERROR) return Status::Corruption("zstd: not a zstd frame");
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != raw_size)
    return Status::Corruption("zstd: frame size differs from the recorded stream size");
  ZSTD_DCtx* d = ThreadDCtx();
  ZSTD_DCtx_reset(d, ZSTD_reset_session_only);
  ZSTD_inBuffer input = {in, n, 0};
  size_t seen = 0;
  for (;;) {
    size_t room = 0;
    uint8_t* at = out->Space(&room);
    if (!at) return Status::Corruption("zstd: output refused by its reader");
    room = std::min(room, raw_size - seen + 1);  // one byte more shows a stream that runs long
    ZSTD_outBuffer output = {at, room, 0};
    size_t r = ZSTD_decompressStream(d, &output, &input);
    if (ZSTD_isError(r)) return Status::Corruption(std::string("zstd: ") + ZSTD_getErrorName(r));
    if (output.pos > raw_size - seen) return Status::Corruption("zstd: stream decodes to more than its recorded size");
    if (output.pos) out->Filled(output.pos);
    seen += output.pos;
    if (r == 0) break;  // frame complete
    if (output.pos == 0 && input.pos == input.size) return Status::Corruption("zstd: stream truncated");
  }
  if (input.pos != input.size) return Status::Corruption("zstd: bytes after the end of the stream");
  if (seen != raw_size) return Status::Corruption("zstd: stream decodes to fewer bytes than recorded");
  return Status::OK();
}

}  // namespace at1::backends
