// A fixed pool of threads running submitted jobs; each Submit returns a
// future. The pipelines bound the number of jobs in flight themselves, so
// the queue stays short and memory stays O(threads x chunk).
#ifndef AT1_STREAM_WORKER_POOL_H
#define AT1_STREAM_WORKER_POOL_H

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace at1::stream {

class WorkerPool {
 public:
  explicit WorkerPool(unsigned threads) {
    if (threads == 0) threads = 1;
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { Run(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : workers_) t.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  template <class Fn>
  auto Submit(Fn fn) -> std::future<decltype(fn())> {
    auto task = std::make_shared<std::packaged_task<decltype(fn())()>>(std::move(fn));
    auto future = task->get_future();
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.emplace_back([task] { (*task)(); });
    }
    cv_.notify_one();
    return future;
  }

  static unsigned DefaultThreads() {
    unsigned n = std::thread::hardware_concurrency();
    return n ? n : 1;
  }

 private:
  void Run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
  bool stop_ = false;
};

// Runs fn on the pool, or right here when there is no pool (--threads 1
// means one thread in all, not one worker beside the reading thread).
template <class Fn>
auto RunOn(WorkerPool* pool, Fn fn) -> std::future<decltype(fn())> {
  if (pool) return pool->Submit(std::move(fn));
  std::packaged_task<decltype(fn())()> task(std::move(fn));
  auto future = task.get_future();
  task();
  return future;
}

// A pool of `threads` workers, or none when one thread is all there is.
inline std::unique_ptr<WorkerPool> MakePool(unsigned threads) {
  return threads > 1 ? std::make_unique<WorkerPool>(threads) : nullptr;
}

}  // namespace at1::stream

#endif  // AT1_STREAM_WORKER_POOL_H
