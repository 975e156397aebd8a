// Where a block's rendered cells live (decode side). Cells point into it, so
// memory never moves while a block is built: it grows by chunks, and reset()
// reuses the chunks for the next block. The chunks outlive the arena: the
// next frame's arena on the same thread takes them back, so a frame does not
// fault in fresh pages (nor zero them) for its cells. Every piece is followed by at least
// kCellSlack readable and writable bytes, so cells are copied with
// fixed-size moves and formatters may write a little past their text.
#ifndef AT1_COLUMNAR_CELL_ARENA_H
#define AT1_COLUMNAR_CELL_ARENA_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "at1/cpp/bytes.hpp"

namespace at1::columnar {

inline constexpr size_t kCellSlack = 64;

// Rows are assembled with one fixed-size move per short cell: every cell's
// p must have at least this many readable bytes (its text and what follows).
inline constexpr size_t kCellCopy = 16;
static_assert(kCellCopy <= kCellSlack);

// One cell's text, quotes and escapes included.
struct CellText {
  const char* p;
  size_t n;
};

class CellArena {
 public:
  // `budget`: the frame's raw size. All rendered text is output, so more
  // than that in one frame is corrupt input.
  explicit CellArena(uint64_t budget) : budget_(budget), chunks_(std::move(spare_chunks())) {}
  ~CellArena() {
    // Only chunks of the usual size are kept (at most kSpareChunks): one a
    // hostile frame made huge is freed.
    std::vector<Chunk>& spare = spare_chunks();
    spare.clear();
    for (Chunk& c : chunks_)
      if (c.size == kChunk && spare.size() < kSpareChunks) spare.push_back(std::move(c));
  }
  CellArena(const CellArena&) = delete;
  CellArena& operator=(const CellArena&) = delete;

  // Room for n bytes (plus slack); commit() what was used, before asking again.
  // Room is only bounded by what the caller could write (a part's size at
  // most); the budget is charged by commit().
  char* room(size_t n) {
    const size_t need = n + kCellSlack;
    if (chunk_ == chunks_.size() || chunk_size(chunk_) - used_ < need) next_chunk(need);
    return chunks_[chunk_].data.get() + used_;
  }
  void commit(size_t n) { used_ += n; }
  // Room for n bytes of text taken from the frame's parts, charged to the
  // budget before anything is allocated.
  char* text_room(size_t n) {
    if (n > budget_) sdk::fail_corrupt("columnar: cells longer than the frame");
    budget_ -= n;
    return room(n);
  }
  // Copies a piece in; its copy stays put until reset().
  const char* copy(const char* p, size_t n) {
    char* d = text_room(n);
    if (n) std::memcpy(d, p, n);
    commit(n);
    return d;
  }
  void reset() {
    chunk_ = 0;
    used_ = 0;
  }

 private:
  static constexpr size_t kChunk = 256 * 1024;
  static constexpr size_t kSpareChunks = 4;
  struct Chunk {
    std::unique_ptr<char[]> data;
    size_t size;
  };
  // The chunks the last arena of this thread left (an arena in use holds
  // them: a second one at the same time starts without).
  static std::vector<Chunk>& spare_chunks() {
    thread_local std::vector<Chunk> spare;
    return spare;
  }
  size_t chunk_size(size_t i) const { return chunks_[i].size; }
  void next_chunk(size_t need) {
    if (chunk_ < chunks_.size()) ++chunk_;  // the current one is (nearly) full
    // Reuse the next chunk that is big enough; a too small one is replaced.
    if (chunk_ < chunks_.size() && chunks_[chunk_].size < need) chunks_.erase(chunks_.begin() + chunk_);
    if (chunk_ >= chunks_.size() || chunks_[chunk_].size < need) {
      const size_t size = need > kChunk ? need : kChunk;
      chunks_.insert(chunks_.begin() + static_cast<ptrdiff_t>(chunk_),
                     Chunk{std::make_unique_for_overwrite<char[]>(size), size});
    }
    used_ = 0;
  }

  uint64_t budget_;
  std::vector<Chunk> chunks_;
  size_t chunk_ = 0;
  size_t used_ = 0;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_CELL_ARENA_H
