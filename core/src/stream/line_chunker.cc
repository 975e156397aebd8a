#include "stream/line_chunker.h"

#include <algorithm>
#include <cstring>

#include "util/count_byte.h"

namespace at1::stream {
namespace {
constexpr size_t kReadBlock = 4 << 20;
// Lines are counted this many bytes at a time while the chunk's end is not
// near: a memchr per line costs a call per (often 50-byte) line.
constexpr size_t kCountPiece = 64 << 10;
}

Status LineChunker::Next(ByteBuffer* chunk, uint64_t* lines) {
  // *chunk may be a recycled buffer: its capacity is kept. Reserve the whole
  // chunk up front when it is bounded: growing by doubling would copy it and
  // briefly hold two of them.
  chunk->clear();
  if (max_bytes_ <= (uint64_t(256) << 20)) chunk->reserve(max_bytes_ + kReadBlock);
  chunk->append(carry_.data(), carry_.size());
  carry_.clear();
  *lines = 0;
  size_t scan = 0;  // bytes of *chunk already split into lines
  for (;;) {
    // Count whole lines in what we have: whole pieces that cannot hold the
    // chunk's end at once, then line by line.
    const char* base = reinterpret_cast<const char*>(chunk->data());
    while (chunk->size() - scan >= kCountPiece && scan + kCountPiece < max_bytes_) {
      const char* piece = base + scan;
      const uint64_t n = CountByte(reinterpret_cast<const uint8_t*>(piece), kCountPiece, '\n');
      if (n == 0 || *lines + n >= max_lines_) break;
      // The piece's last line end; what follows it is counted again next time.
      const char* last = static_cast<const char*>(memrchr(piece, '\n', kCountPiece));
      *lines += n;
      scan = static_cast<size_t>(last - base) + 1;
    }
    while (*lines < max_lines_ && scan < max_bytes_ && scan < chunk->size()) {
      const void* nl = std::memchr(base + scan, '\n', chunk->size() - scan);
      if (!nl) break;
      scan = static_cast<size_t>(static_cast<const char*>(nl) - base) + 1;
      ++*lines;
    }
    if (*lines == max_lines_ || (scan >= max_bytes_ && *lines > 0)) {
      carry_.assign(chunk->view().substr(scan));
      chunk->truncate(scan);
      return Status::OK();
    }
    if (eof_) {
      if (chunk->size() > scan) ++*lines;  // a last line without its newline
      return Status::OK();
    }
    size_t old = chunk->size();
    size_t want = kReadBlock;
    if (max_bytes_ != UINT64_MAX) want = std::max<size_t>(std::min<uint64_t>(kReadBlock, max_bytes_ - std::min<uint64_t>(max_bytes_, old)), 1 << 16);
    uint8_t* at = chunk->extend(want);  // uninitialised: read() fills it
    size_t got = 0;
    Status s = in_->Read(at, want, &got);
    chunk->truncate(old + got);
    AT1_RETURN_IF_ERROR(s);
    if (got == 0) eof_ = true;
  }
}

}  // namespace at1::stream
