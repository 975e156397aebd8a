#include "stream/block_writer.h"

namespace at1::stream {

BlockWriter::BlockWriter(io::OutputFile* out, BlockPool* pool, size_t backlog)
    : out_(out), pool_(pool), backlog_(backlog ? backlog : 1), thread_([this] { Run(); }) {}

BlockWriter::~BlockWriter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  queued_cv_.notify_one();
  thread_.join();
}

void BlockWriter::Submit(Block block, uint64_t offset) {
  std::unique_lock<std::mutex> lock(mu_);
  written_cv_.wait(lock, [this] { return queue_.size() < backlog_; });
  queue_.emplace_back(std::move(block), offset);
  queued_cv_.notify_one();
}

Status BlockWriter::Drain() {
  std::unique_lock<std::mutex> lock(mu_);
  written_cv_.wait(lock, [this] { return queue_.empty() && writing_ == 0; });
  return error_;
}

Status BlockWriter::status() {
  std::lock_guard<std::mutex> lock(mu_);
  return error_;
}

void BlockWriter::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    queued_cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopped, and everything written
    auto [block, offset] = std::move(queue_.front());
    queue_.pop_front();
    ++writing_;
    const bool failed = !error_.ok();
    lock.unlock();
    Status s;
    if (!failed) s = out_->Positioned() ? out_->WriteAt(block.data(), block.size, offset) : out_->Write(block.data(), block.size);
    pool_->Give(std::move(block));
    lock.lock();
    if (error_.ok() && !s.ok()) error_ = std::move(s);
    --writing_;
    written_cv_.notify_all();
  }
}

}  // namespace at1::stream
