#include "stream/frame_output.h"

#include <algorithm>
#include <cstring>

#include "util/count_byte.h"

namespace at1::stream {

Block BlockPool::Take() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      Block b = std::move(free_.back());
      free_.pop_back();
      b.size = 0;
      return b;
    }
  }
  return Block{std::unique_ptr<uint8_t[]>(new uint8_t[kBlockSize]), 0};
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
  if (!current_.bytes) current_ = pool_->Take();
  if (kBlockSize - current_.size < min_room) {
    Publish();
    current_ = pool_->Take();
  }
  *room = kBlockSize - current_.size;
  return current_.bytes.get() + current_.size;
}

bool FrameOutput::Commit(size_t size) {
  if (!write_error_.ok() || produced_ > limit_ || size > limit_ - produced_ || size > kBlockSize - current_.size)
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

void FrameOutput::Publish() {
  if (current_.size) {
    newlines_ += CountByte(current_.bytes.get(), current_.size, '\n');
    ends_in_newline_ = current_.bytes[current_.size - 1] == '\n';
  }
  if (consume_) {
    consume_(std::move(current_));
    current_ = Block();
    return;
  }
  if (file_) {
    // Never past the frame (a backend may run one byte long, which the
    // consumer reports): the next frame's bytes are there.
    const uint64_t at = produced_ - current_.size;
    const size_t n = static_cast<size_t>(std::min<uint64_t>(current_.size, limit_ - std::min(at, limit_)));
    if (n && write_error_.ok()) write_error_ = file_->WriteAt(current_.bytes.get(), n, file_offset_ + at);
    pool_->Give(std::move(current_));
    current_ = Block();
    std::lock_guard<std::mutex> lock(mu_);
    if (write_error_.ok()) written_ = at + n;
    ready_cv_.notify_one();
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  taken_cv_.wait(lock, [this] { return ready_.size() < max_ready_ || abandoned_; });
  if (abandoned_) pool_->Give(std::move(current_));
  else ready_.push_back(std::move(current_));
  current_ = Block();
  ready_cv_.notify_one();
}

void FrameOutput::Finish(Status status) {
  if (current_.bytes && current_.size) Publish();
  else if (current_.bytes) pool_->Give(std::move(current_));
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

bool FrameOutput::WaitWritten(uint64_t* written) {
  std::unique_lock<std::mutex> lock(mu_);
  ready_cv_.wait(lock, [&] { return finished_ || written_ > *written; });
  if (written_ == *written) return false;
  *written = written_;
  return true;
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
