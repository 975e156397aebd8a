// The thread that writes decompress's output blocks (stream/frame_output.h)
// when no worker writes its own: direct I/O, where writes wait for the device
// and workers writing in parallel waited on each other (ext4 takes the
// file's lock exclusively for writes into unwritten extents), and streams
// (pipes, devices), which take bytes only in order.
//
// Blocks are written in the order they are submitted, each at its offset in
// a positioned output, then given back to their pool. The queue is bounded:
// a producer ahead of the device waits, so the blocks in use stay a few MB.
// Frames hashed by their own workers submit their blocks as they fill, in
// any order between frames (frame_output.h, Detach); the calling thread
// submits the others in order. [thread-safe]
#ifndef AT1_STREAM_BLOCK_WRITER_H
#define AT1_STREAM_BLOCK_WRITER_H

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

#include "at1/result.h"
#include "io/file.h"
#include "stream/frame_output.h"

namespace at1::stream {

class BlockWriter {
 public:
  // Up to `backlog` blocks wait to be written.
  BlockWriter(io::OutputFile* out, BlockPool* pool, size_t backlog);
  ~BlockWriter();  // writes what was submitted, then stops
  BlockWriter(const BlockWriter&) = delete;
  BlockWriter& operator=(const BlockWriter&) = delete;

  // Queues `block` for `offset` (ignored by an output that is not
  // positioned); waits while the backlog is full. After a write error
  // blocks are given back unwritten.
  void Submit(Block block, uint64_t offset);
  // Waits until everything submitted is written; the first write error.
  Status Drain();
  // The first write error so far.
  Status status();

 private:
  void Run();

  io::OutputFile* out_;
  BlockPool* pool_;
  const size_t backlog_;
  std::mutex mu_;
  std::condition_variable queued_cv_;   // a block or the stop is there
  std::condition_variable written_cv_;  // a block was written
  std::deque<std::pair<Block, uint64_t>> queue_;
  size_t writing_ = 0;  // blocks taken off the queue, not yet written
  bool stop_ = false;
  Status error_;
  std::thread thread_;  // last: starts once the rest is set up
};

}  // namespace at1::stream

#endif  // AT1_STREAM_BLOCK_WRITER_H
