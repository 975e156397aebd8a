#include "stream/frame_output.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "stream/block_writer.h"
#include "util/count_byte.h"

namespace at1::stream {

Block BlockPool::Take() {
  std::lock_guard<std::mutex> lock(mu_);
  if (free_.empty()) {
    constexpr size_t kSlab = size_t(2) << 20;  // a huge page
    static_assert(kSlab % kBlockSize == 0 && kBlockSize % io::kDirectAlign == 0);
    void* p = std::aligned_alloc(kSlab, kSlab);
    if (!p) throw std::bad_alloc();
    ::madvise(p, kSlab, MADV_HUGEPAGE);  // a hint; ignored where THP is off
    slabs_.emplace_back(static_cast<uint8_t*>(p));
    for (size_t at = 0; at < kSlab; at += kBlockSize) free_.emplace_back(slabs_.back().get() + at);
  }
  Block b = std::move(free_.back());
  free_.pop_back();
  b.begin = 0;
  b.size = 0;
  return b;
}

void BlockPool::Give(Block block) {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(std::move(block));
}

uint8_t* FrameOutput::Space(size_t* room) {
  uint8_t* at = Reserve(1, room);
  // At most one byte past the frame's size: enough for a backend to show
  // that a stream runs long, which it then reports.
  *room = std::min<uint64_t>(*room, limit_ - std::min(produced_, limit_) + 1);
  return at;
}

uint8_t* FrameOutput::Reserve(size_t min_room, size_t* room) {
  if (min_room > kBlockSize) return nullptr;
  if (!current_.bytes) TakeBlock(min_room);
  if (kBlockSize - current_.begin - current_.size < min_room) {
    Block full = std::move(current_);
    TakeBlock(min_room);
    if (page_align_) CarryPartialPage(&full);
    Publish(std::move(full));
  }
  *room = kBlockSize - current_.begin - current_.size;
  return current_.data() + current_.size;
}

void FrameOutput::TakeBlock(size_t min_room) {
  current_ = pool_->Take();
  // Laid out for direct I/O: the block's bytes sit at the same place within
  // a page of memory as within a page of the file. (Where that leaves too
  // little room, at most a page less than a block, the block is simply
  // written through the page cache.)
  if (page_align_) {
    const size_t begin = static_cast<size_t>((file_offset_ + produced_) % io::kDirectAlign);
    if (kBlockSize - begin >= min_room) current_.begin = begin;
  }
}

// A block ended before it was full (a codec's reservation did not fit in
// what was left) ends inside a page: the bytes past its last page boundary
// move to the start of the next block, so that both end and start on page
// boundaries and only the pages where one frame meets the next go through
// the page cache. (Each of those costs a small buffered write, ~0.1 ms on
// ext4 beside direct writes: 400 of them were a fifth of the writer's time
// in a 200 MB decompress.)
void FrameOutput::CarryPartialPage(Block* full) {
  const size_t end = full->begin + full->size;
  const size_t cut = end / io::kDirectAlign * io::kDirectAlign;
  const uint64_t full_offset = file_offset_ + produced_ - full->size;
  if (cut <= full->begin || full->begin != full_offset % io::kDirectAlign) return;  // not laid out for it
  std::memcpy(current_.bytes, full->bytes + cut, end - cut);
  current_.begin = 0;
  current_.size = end - cut;
  full->size -= end - cut;
}

bool FrameOutput::Commit(size_t size) {
  if (!write_error_.ok() || produced_ > limit_ || size > limit_ - produced_ ||
      size > kBlockSize - current_.begin - current_.size)
    return false;
  Filled(size);
  return true;
}

void FrameOutput::Filled(size_t n) {
  current_.size += n;
  produced_ += n;
}

bool FrameOutput::Write(const uint8_t* data, size_t size) {
  if (!write_error_.ok() || produced_ > limit_ || size > limit_ - produced_) return false;
  while (size > 0) {
    size_t room = 0;
    uint8_t* at = Space(&room);
    size_t k = std::min(room, size);
    std::memcpy(at, data, k);
    Filled(k);
    data += k;
    size -= k;
  }
  return true;
}

void FrameOutput::Publish(Block block) {
  const uint64_t at = handed_;  // the block's place in the frame
  handed_ += block.size;
  if (block.size) {
    newlines_ += CountByte(block.data(), block.size, '\n');
    ends_in_newline_ = block.data()[block.size - 1] == '\n';
    if (hash_) {
      const size_t skip = at < hash_skip_ ? std::min(static_cast<size_t>(hash_skip_ - at), block.size) : 0;
      std::memcpy(head_ + head_size_, block.data(), skip);
      head_size_ += skip;
      hash_->Update(block.data() + skip, block.size - skip);
    }
  }
  if (consume_) {
    consume_(std::move(block));
    return;
  }
  // Never past the frame (a backend may run one byte long, which the
  // consumer reports): the next frame's bytes are there.
  if (file_ && write_error_.ok() && handed_ <= limit_)
    write_error_ = file_->WriteAt(block.data(), block.size, file_offset_ + at);
  if (detached_) {
    if (writer_ && handed_ <= limit_) writer_->Submit(std::move(block), writer_offset_ + at);
    else pool_->Give(std::move(block));
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  taken_cv_.wait(lock, [this] { return ready_.size() < max_ready_ || abandoned_ || !write_error_.ok(); });
  if (abandoned_ || !write_error_.ok()) pool_->Give(std::move(block));
  else ready_.push_back(std::move(block));
  ready_cv_.notify_one();
}

void FrameOutput::Finish(Status status) {
  if (current_.bytes && current_.size) Publish(std::move(current_));
  else if (current_.bytes) pool_->Give(std::move(current_));
  current_ = Block();
  std::lock_guard<std::mutex> lock(mu_);  // (also orders status_ before Next sees finished_)
  status_ = write_error_.ok() ? std::move(status) : std::move(write_error_);
  finished_ = true;
  ready_cv_.notify_one();
}

void FrameOutput::Abandon() {
  std::lock_guard<std::mutex> lock(mu_);
  abandoned_ = true;
  taken_cv_.notify_one();
}

bool FrameOutput::Next(Block* block) {
  std::unique_lock<std::mutex> lock(mu_);
  ready_cv_.wait(lock, [this] { return finished_ || !ready_.empty(); });
  if (ready_.empty()) return false;
  *block = std::move(ready_.front());
  ready_.pop_front();
  taken_cv_.notify_one();
  return true;
}

}  // namespace at1::stream
