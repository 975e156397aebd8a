// A frame's decoded bytes on their way from the worker that decodes it to the
// output, in blocks of kBlockSize bytes: handed to the thread that writes and
// hashes them, or (write-through) written by the worker itself.
//
// Why blocks and not one buffer per frame: output starts on a frame while it
// is still being decoded, and blocks go back to a shared pool once written
// (and hashed), so decompressing touches a few MB of memory instead of several
// frames' worth. Fresh memory is not free (page faults, and on VMs with free
// page reporting ~2 ms per MB), and a cache-sized block is still hot when the
// writer copies and hashes it.
#ifndef AT1_STREAM_FRAME_OUTPUT_H
#define AT1_STREAM_FRAME_OUTPUT_H

#include <condition_variable>
#include <cstdlib>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <utility>
#include <mutex>
#include <optional>
#include <vector>

#include "at1/result.h"
#include "backends/backend.h"
#include "crypto/sha256.h"
#include "io/file.h"
#include "plugin/codec_calls.h"

namespace at1::stream {

class BlockWriter;

inline constexpr size_t kBlockSize = size_t(1) << 20;

// Holds up to kBlockSize bytes at [begin, begin + size) of its memory,
// which is page-aligned so that it can be written with direct I/O. The
// memory belongs to the BlockPool it came from: a block is only a lease.
struct Block {
  uint8_t* bytes = nullptr;  // kBlockSize, uninitialised; null when empty
  size_t begin = 0;          // written direct: its first byte's offset within a page of the file, else 0
  size_t size = 0;           // bytes in use
  uint8_t* data() const { return bytes + begin; }

  Block() = default;
  explicit Block(uint8_t* memory) : bytes(memory) {}
  Block(Block&& o) noexcept : bytes(std::exchange(o.bytes, nullptr)), begin(o.begin), size(o.size) {}
  Block& operator=(Block&& o) noexcept {
    bytes = std::exchange(o.bytes, nullptr);
    begin = o.begin;
    size = o.size;
    return *this;
  }
};

// Blocks to reuse, carved from slabs that live as long as the pool. A slab
// of 2 MiB huge pages costs one page fault where 4 KiB pages cost 512
// (decompress's blocks are fresh memory: 17,000 faults were ~10% of its CPU).
// [thread-safe]
class BlockPool {
 public:
  BlockPool() = default;
  BlockPool(const BlockPool&) = delete;
  BlockPool& operator=(const BlockPool&) = delete;
  Block Take();
  void Give(Block block);

 private:
  struct FreeSlab {
    void operator()(uint8_t* p) const { std::free(p); }
  };
  std::mutex mu_;
  std::vector<Block> free_;
  std::vector<std::unique_ptr<uint8_t[], FreeSlab>> slabs_;
};

// One producer (the decoder) and one consumer (the writer, or in
// write-through mode the hasher). The producer sees both sink interfaces:
// plugins write copies, backends decompress in place.
class FrameOutput final : public plugin::OutputSink, public backends::PieceSink {
 public:
  using Consumer = std::function<void(Block)>;

  // Refuses output past `limit` bytes (the frame's recorded size). The
  // producer waits while `max_ready` full blocks are not yet taken: a frame
  // decoding ahead of the one being written holds at most that much, and
  // the writer's pace limits the frame being written.
  FrameOutput(BlockPool* pool, uint64_t limit, size_t max_ready)
      : pool_(pool), limit_(limit), max_ready_(max_ready) {}
  // Single-threaded use: each block goes straight to `consume` as it fills,
  // on the producer's thread (Next is then not used).
  FrameOutput(BlockPool* pool, uint64_t limit, Consumer consume)
      : pool_(pool), limit_(limit), max_ready_(0), consume_(std::move(consume)) {}

  // Write-through: the producer writes each block into `file`, at
  // `offset` plus the block's place in the frame, as it fills (still in
  // cache), then hands it to the consumer, who hashes it. So the workers
  // decoding several frames write them in parallel, and the one thread
  // that must see every byte in order only hashes. A write error ends the
  // frame with that error. Call before producing.
  void WriteThrough(const io::OutputFile* file, uint64_t offset) {
    file_ = file;
    file_offset_ = offset;
  }
  // For a consumer writing with direct I/O: each block starts at its first
  // byte's place within a page of the output file (the frame starts at
  // `offset`), so its whole pages are aligned in memory as in the file and
  // go to the device as they are. Call before producing.
  void PageAlign(uint64_t offset) {
    page_align_ = true;
    file_offset_ = offset;
  }

  // Hashing by the producer: the frame's bytes from `skip` (< 64) on go
  // into a SHA-256 resumed from `chain` as each block is handed over, still
  // in cache and in parallel with other frames' producers; the first `skip`
  // bytes are kept (head()). The consumer hashes those, checks its chain
  // value there, and goes on from hash() (decompress.cc). Call before
  // producing.
  void HashFrom(uint64_t skip, const crypto::Sha256Chain& chain) {
    hash_skip_ = skip < sizeof head_ ? static_cast<size_t>(skip) : sizeof head_;
    hash_.emplace(chain);
  }
  // The producer's SHA-256, when HashFrom was called; valid when produced() is.
  crypto::Sha256* hash() { return hash_ ? &*hash_ : nullptr; }
  // The bytes before the producer's hash starts; valid when produced() is,
  // fewer than `skip` only if the frame was shorter.
  const uint8_t* head() const { return head_; }
  size_t head_size() const { return head_size_; }

  // Detached, for a frame its producer hashes (after HashFrom): blocks never
  // reach the consumer, who needs only head(), so a frame decoding ahead
  // never waits for the ones before it. Each goes to `writer` at `offset`
  // plus its place in the frame, or back to the pool when `writer` is null
  // (written through, or not written at all); Next only reports the end.
  // Into a positioned output only. Call before producing.
  void Detach(BlockWriter* writer, uint64_t offset) {
    detached_ = true;
    writer_ = writer;
    writer_offset_ = offset;
  }
  bool detached() const { return detached_; }

  // Producer side.
  bool Write(const uint8_t* data, size_t size) override;
  uint8_t* Reserve(size_t min_room, size_t* room) override;
  bool Commit(size_t size) override;
  uint8_t* Space(size_t* room) override;
  void Filled(size_t n) override;
  // Hands over the last block and the decoder's result; the consumer sees
  // the end only after this.
  void Finish(Status status);

  // Consumer side: waits for the next block; false once the frame is
  // finished and every block was taken (then status() is the result).
  bool Next(Block* block);
  // Bytes the producer made, past the frame's size if it ran long. Valid
  // once Next returned false, or in consumer mode after
  // Finish.
  uint64_t produced() const { return produced_; }
  const Status& status() const { return status_; }
  // The consumer is gone (its thread is unwinding an exception): from now
  // on the producer drops its blocks instead of waiting for room, so it
  // runs to its end and the worker pool can be joined.
  void Abandon();
  // Lines in what was produced (the last may lack its '\n'). Counted by the
  // producer as it hands blocks over, so the work runs on the decoding
  // threads in parallel, not on the one writer. Valid when produced() is.
  uint64_t lines() const { return newlines_ + (ends_in_newline_ ? 0 : 1); }

 private:
  void Publish(Block block);
  void TakeBlock(size_t min_room);
  void CarryPartialPage(Block* full);

  BlockPool* pool_;
  const uint64_t limit_;
  const size_t max_ready_;
  const Consumer consume_;
  const io::OutputFile* file_ = nullptr;
  uint64_t file_offset_ = 0;
  bool page_align_ = false;
  Status write_error_;     // producer only until Finish
  uint64_t produced_ = 0;  // producer only until Finish
  uint64_t handed_ = 0;    // producer only: bytes in blocks published
  uint64_t newlines_ = 0;  // producer only until Finish
  bool ends_in_newline_ = true;
  std::optional<crypto::Sha256> hash_;  // producer only until Finish
  size_t hash_skip_ = 0;
  uint8_t head_[crypto::Sha256::kBlock];  // the bytes before hash_skip_
  size_t head_size_ = 0;                  // producer only until Finish
  bool detached_ = false;
  BlockWriter* writer_ = nullptr;
  uint64_t writer_offset_ = 0;
  Block current_;          // producer only
  std::mutex mu_;
  std::condition_variable ready_cv_;  // a block or the end is there to take
  std::condition_variable taken_cv_;  // the consumer took a block
  std::deque<Block> ready_;
  bool finished_ = false;
  bool abandoned_ = false;
  Status status_;
};

}  // namespace at1::stream

#endif  // AT1_STREAM_FRAME_OUTPUT_H
