// The decompress pipeline, mirror of compress: the calling thread reads
// frames, workers decode them in parallel into blocks (stream/frame_output.h).
// Into a file, each worker writes its frame's blocks in place as they fill
// and the calling thread reads them back in order and hashes them. To
// stdout, which takes bytes only in order, the calling thread writes the
// blocks as they come and a hasher thread hashes them. The SHA-256 must
// match the trailer.
#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <new>

#include "at1/archive.h"
#include "container/reader.h"
#include "crypto/checksums.h"
#include "stream/frame_codec.h"
#include "stream/frame_output.h"
#include "stream/worker_pool.h"

namespace at1 {
namespace {

// Finds the codec a file needs, checking its format version.
Result<const at1_codec*> CodecFor(const format::FileHeader& h, const PluginHost& plugins) {
  if (h.codec_name == "raw") return static_cast<const at1_codec*>(nullptr);
  const CodecInfo* c = plugins.Find(h.codec_name);
  if (!c) return plugins.CodecNotFound(h.codec_name);
  if (h.codec_format_version > c->format_version || h.codec_format_version < c->min_format_version)
    return Status::NotSupported("archive needs codec '" + h.codec_name + "' format " +
                                std::to_string(h.codec_format_version) + "; plugin " + c->plugin_path + " reads " +
                                std::to_string(c->min_format_version) + ".." + std::to_string(c->format_version));
  return c->codec;
}

// A frame between being read and being written: the worker decoding it
// fills `output` (and counts its lines), the calling thread drains it.
struct InFlight {
  format::FrameHeader header;
  std::string payload;
  std::unique_ptr<stream::FrameOutput> output;
  std::future<void> decoded;
  uint64_t offset = 0;  // where the frame goes in the output
  uint64_t bytes = 0;   // bytes drained: written (or read back) and hashed
};

// Blocks a frame decoding ahead of the one being written may hold before
// its worker waits: half the frame (at least 16 MiB). Workers settle half a
// frame apart, so in steady state none waits; the cap keeps decompress from
// touching whole frames' worth of fresh memory.
size_t AheadBlocks(uint64_t frame_bytes) {
  return std::max<size_t>(16, static_cast<size_t>(frame_bytes / 2 / stream::kBlockSize));
}

Result<DecompressSummary> Run(const std::string& in_path, const std::string* out_path,
                              const DecompressOptions& options, const PluginHost& plugins) {
  auto t0 = std::chrono::steady_clock::now();
  io::InputFile in;
  AT1_RETURN_IF_ERROR(in.Open(in_path));
  container::ContainerReader reader(&in, options.limits);
  format::FileHeader header;
  AT1_RETURN_IF_ERROR(reader.ReadHeader(&header));
  Result<const at1_codec*> codec = CodecFor(header, plugins);
  if (!codec.ok()) return codec.status();

  io::OutputFile out;
  if (out_path) AT1_RETURN_IF_ERROR(out.Open(*out_path));

  DecompressSummary sum;
  sum.codec = header.codec_name;
  Progress progress;
  progress.total_in = in.size();
  crypto::Sha256 sha;
  stream::BlockPool blocks;
  std::deque<std::unique_ptr<InFlight>> in_flight;
  std::string spare_payload;  // the last payload's memory, reused for the next read
  const unsigned threads = options.threads ? options.threads : stream::WorkerPool::DefaultThreads();
  // Declared after what their jobs touch, so they are joined first.
  std::unique_ptr<stream::WorkerPool> pool = stream::MakePool(threads);
  // Should this thread unwind an exception (out of memory reading a frame,
  // a throwing progress callback) with frames in flight, their workers
  // must not wait for room that nobody will make, or the pool's destructor
  // would wait for them forever. Declared after the pool: runs first.
  struct AbandonOnUnwind {
    std::deque<std::unique_ptr<InFlight>>& frames;
    ~AbandonOnUnwind() {
      for (auto& f : frames) f->output->Abandon();
    }
  } abandon_on_unwind{in_flight};
  // Workers write their own frames (write-through, frame_output.h): one
  // thread writing every byte in order was the bottleneck (each write(2)
  // copies into the page cache, on first touch of its pages). The calling
  // thread reads the frames back as they are written and hashes them.
  const bool workers_write = out_path && pool && out.Positioned();
  // Otherwise the SHA-256 runs on its own thread, a block behind the
  // writes: it is the one step that must see every byte in order, so it is
  // kept off the thread that reads, dispatches and writes.
  std::unique_ptr<stream::WorkerPool> hasher =
      threads > 1 && !workers_write ? std::make_unique<stream::WorkerPool>(1) : nullptr;
  // Blocks written but not yet hashed, oldest first. Bounded, so a hasher
  // slower than the writes holds the writer back instead of growing the
  // set of blocks in use (fresh memory is what costs here).
  std::deque<std::future<void>> hashing;
  constexpr size_t kHashBacklog = 8;

  Status write_status;  // the first write error; writing stops there
  auto consume = [&](InFlight& f, stream::Block block) {
    f.bytes += block.size;
    if (out_path && write_status.ok()) write_status = out.Write(block.bytes.get(), block.size);
    while (hashing.size() >= kHashBacklog) hashing.front().wait(), hashing.pop_front();
    hashing.push_back(stream::RunOn(hasher.get(), [&sha, &blocks, b = std::move(block)]() mutable {
      sha.Update(b.bytes.get(), b.size);
      blocks.Give(std::move(b));
    }));
  };
  // Write-through frames: hashes what the worker has written so far, read
  // back from the file a block at a time as the worker goes on.
  stream::Block readback;
  auto hash_written = [&](InFlight& f) -> Status {
    if (!readback.bytes) readback = blocks.Take();
    uint64_t written = 0;
    while (f.output->WaitWritten(&written)) {
      while (f.bytes < written) {
        const size_t n = static_cast<size_t>(std::min<uint64_t>(stream::kBlockSize, written - f.bytes));
        AT1_RETURN_IF_ERROR(out.ReadAt(readback.bytes.get(), n, f.offset + f.bytes));
        sha.Update(readback.bytes.get(), n);
        f.bytes += n;
      }
    }
    return Status::OK();
  };
  // Drains the oldest frame as its bytes arrive and checks it has the size
  // and line count its header says.
  auto write_oldest = [&]() -> Status {
    std::unique_ptr<InFlight> f = std::move(in_flight.front());
    in_flight.pop_front();
    Status drained;
    if (workers_write) {
      drained = hash_written(*f);
    } else {
      stream::Block block;
      while (f->output->Next(&block)) consume(*f, std::move(block));
    }
    f->decoded.wait();
    spare_payload = std::move(f->payload);
    const std::string where = "frame " + std::to_string(f->header.sequence);
    AT1_RETURN_IF_ERROR(f->output->status().With(where));
    AT1_RETURN_IF_ERROR(drained);
    AT1_RETURN_IF_ERROR(write_status);
    if (f->output->produced() != f->header.raw_size || f->bytes != f->header.raw_size)
      return Status::Corruption(where + " decodes to " + std::to_string(f->output->produced()) +
                                " bytes, header says " + std::to_string(f->header.raw_size));
    if (f->output->lines() != f->header.line_count)
      return Status::Corruption(where + " decodes to a different number of lines than its header says");
    sum.bytes_out += f->bytes;
    progress.bytes_out = sum.bytes_out;
    progress.bytes_in = in.offset();
    if (options.progress) options.progress(progress);
    return Status::OK();
  };
  // After a failure: lets the oldest frame's decoder run to its end.
  auto discard_oldest = [&] {
    stream::Block block;
    // (A write-through producer never waits for its consumer.)
    while (!workers_write && in_flight.front()->output->Next(&block)) blocks.Give(std::move(block));
    in_flight.front()->decoded.wait();
    in_flight.pop_front();
  };

  Status failure;
  uint64_t dispatched_bytes = 0;  // where the next frame goes in the output
  for (;;) {
    auto f = std::make_unique<InFlight>();
    f->payload = std::move(spare_payload);
    spare_payload.clear();
    bool got = false;
    failure = reader.NextFrame(&got, &f->header, &f->payload);
    if (!failure.ok() || !got) break;
    ++sum.frames;
    sum.lines += f->header.line_count;
    InFlight* job = f.get();
    f->offset = dispatched_bytes;
    dispatched_bytes += f->header.raw_size;
    if (workers_write) {
      f->output = std::make_unique<stream::FrameOutput>(&blocks, f->header.raw_size, /*max_ready=*/0);
      failure = out.Preallocate(f->offset, f->header.raw_size);
      if (!failure.ok()) break;
      f->output->WriteThrough(&out, f->offset);
    } else if (pool) {
      f->output = std::make_unique<stream::FrameOutput>(&blocks, f->header.raw_size,
                                                         AheadBlocks(f->header.raw_size));
    } else {  // one thread: the decoder writes each block as it fills
      f->output = std::make_unique<stream::FrameOutput>(
          &blocks, f->header.raw_size, [&consume, job](stream::Block b) { consume(*job, std::move(b)); });
    }
    const at1_codec* c = *codec;
    f->decoded = stream::RunOn(pool.get(), [job, c] {
      Status s;
      try {
        s = stream::DecodeFrame(job->header, reinterpret_cast<const uint8_t*>(job->payload.data()), c,
                                job->output.get());
      } catch (const std::bad_alloc&) {  // the writer waits for Finish: it must come
        s = Status::LimitExceeded("out of memory while decoding");
      }
      job->output->Finish(std::move(s));
    });
    in_flight.push_back(std::move(f));
    // One frame more than there are workers: the oldest is written while
    // it decodes, the next ones decode ahead.
    while (in_flight.size() > threads && failure.ok()) failure = write_oldest();
    if (!failure.ok()) break;
  }
  while (!in_flight.empty()) {
    if (failure.ok()) failure = write_oldest();
    else discard_oldest();
  }
  for (auto& h : hashing) h.wait();  // also on failure: the hasher must not outlive what it reads
  AT1_RETURN_IF_ERROR(failure);
  format::Trailer trailer;
  AT1_RETURN_IF_ERROR(reader.ReadFooter(&trailer));
  auto digest = sha.Finish();
  if (digest != trailer.sha256)
    return Status::ChecksumMismatch("SHA-256 of the decoded data (" + crypto::ToHex(digest.data(), 32) +
                                    ") differs from the archive's (" + crypto::ToHex(trailer.sha256.data(), 32) + ")");
  if (out_path) AT1_RETURN_IF_ERROR(out.Commit(/*durable=*/false));
  sum.bytes_in = in.offset();
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return sum;
}

}  // namespace

Result<DecompressSummary> Decompress(const std::string& in, const std::string& out, const DecompressOptions& options,
                                     const PluginHost& plugins) {
  return Run(in, &out, options, plugins);
}

Result<DecompressSummary> Integrity(const std::string& in, const DecompressOptions& options,
                                    const PluginHost& plugins) {
  return Run(in, nullptr, options, plugins);
}

}  // namespace at1
