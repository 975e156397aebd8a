// The decompress pipeline, mirror of compress: the calling thread reads
// frames, workers decode them in parallel into blocks (stream/frame_output.h)
// and the calling thread takes the blocks in order. The SHA-256 must match
// the trailer. Each worker hashes its own frame from the frame's chain value
// (docs/format.md, "SHA-256 chain value"), and the calling thread hashes
// only the bytes before that value and checks the value there, so the hash
// runs on every core instead of one; frames without one (older archives,
// tiny frames, one thread) it hashes itself. Into a file through the page
// cache, each worker writes its frame's blocks in place as they fill.
// Otherwise (a pipe, a device, or a large file written with direct I/O) a
// writer thread writes them (block_writer.h). Blocks of a frame its worker
// hashes never pass through the calling thread unless the output is a
// stream: they go from the worker to the writer, or back to the pool, so
// a frame decoding ahead never waits for the ones before it. Stdout
// redirected to a regular file counts as a file.
#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <new>
#include <optional>

#include "at1/archive.h"
#include "container/reader.h"
#include "format/footer.h"
#include "format/frame.h"
#include "format/format_constants.h"
#include "crypto/checksums.h"
#include "crypto/sha256.h"
#include "stream/block_writer.h"
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

// The size the archive's trailer gives for the output, or 0 when the input
// is not a file (a pipe's trailer is not there to read before its end) or
// the trailer does not parse (then reading front to back reports why).
uint64_t DeclaredOutputSize(const io::InputFile& in) {
  uint8_t tail[format::kTrailerSize];
  format::Trailer trailer;
  if (in.size() < sizeof tail || !in.ReadAt(tail, sizeof tail, in.size() - sizeof tail).ok() ||
      !format::DecodeTrailer(tail, sizeof tail, &trailer).ok())
    return 0;
  return trailer.total_raw_bytes;
}

bool WantDirectIo(OutputIo io, const io::InputFile& in) {
  if (io == OutputIo::kAuto) return DeclaredOutputSize(in) >= kDirectIoMinBytes;
  return io == OutputIo::kDirect;
}

// A frame between being read and being written: the worker decoding it
// fills `output` (and counts its lines), the calling thread drains it.
struct InFlight {
  format::FrameHeader header;
  std::string payload;
  std::unique_ptr<stream::FrameOutput> output;
  std::future<void> decoded;
  uint64_t offset = 0;  // where the frame goes in the output
  uint64_t bytes = 0;   // bytes taken (and written, or handed to the writer)
  // The frame's SHA-256 chain value (docs/format.md), `head` bytes into it:
  // the calling thread checks it there whoever hashes the rest. Hashed by
  // its worker from there when `worker_hashes`.
  std::optional<crypto::Sha256Chain> chain;
  uint64_t head = 0;
  bool worker_hashes = false;
  bool chain_checked = false, chain_matches = false;
};

// Plans who hashes a frame: with workers, the frame's worker from its chain
// value (for the first frame, SHA-256's initial value) when it has one,
// else the calling thread. A chain value anywhere but where the format puts
// it is damage.
Status PlanHash(InFlight* f, bool workers) {
  const format::FrameHeader& h = f->header;
  if (h.sha_chain) {
    if (h.sha_chain->bytes != format::ShaChainOffset(f->offset) || !format::HoldsWholeShaBlock(f->offset, h.raw_size))
      return Status::Corruption("frame " + std::to_string(h.sequence) + ": SHA-256 chain value at byte " +
                                std::to_string(h.sha_chain->bytes) + " of the output, not at the frame's first block");
    f->chain = h.sha_chain;
  } else if (workers && f->offset == 0 && format::HoldsWholeShaBlock(0, h.raw_size)) {
    f->chain = crypto::Sha256().Chain();
  }
  if (!f->chain) return Status::OK();
  f->head = f->chain->bytes - f->offset;
  f->worker_hashes = workers;
  if (workers) f->output->HashFrom(f->head, *f->chain);
  return Status::OK();
}

// Blocks a frame decoding ahead of the one being hashed may hold before its
// worker waits: half the frame, at least 16 MiB. Holding more keeps that
// worker busy but is fresh memory, and fresh memory costs (page faults,
// and on VMs with free-page reporting ~1-5 ms per MB): a whole frame ahead
// (up to 64 MiB) measured no faster, with 90 MB of RSS instead of 60.
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
  // Writes blocks no worker writes (below); declared before the pool, whose
  // workers may hand it blocks, so it outlives them.
  std::unique_ptr<stream::BlockWriter> writer;
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
  // Into a file, the output's size decides how it is written (OutputIo).
  const bool direct = out.Positioned() && WantDirectIo(options.io, in) && out.UseDirectIo(kDirectIoMinRate);
  // Through the page cache, workers write their own frames (write-through,
  // frame_output.h): one thread writing every byte in order was the
  // bottleneck (each write(2) copies into the page cache, on first touch
  // of its pages).
  const bool workers_write = pool && out.Positioned() && !direct;
  // Otherwise a writer thread writes the blocks (block_writer.h): a stream
  // takes bytes only in order, and direct writes cost little CPU but wait
  // for the device (workers writing direct in parallel mostly waited for
  // each other, on the file's lock). Its backlog is bounded, so a writer
  // slower than the decoding holds the decoders back instead of growing
  // the set of blocks in use (fresh memory is what costs here).
  constexpr size_t kWriteBacklog = 8;
  if (out_path && !workers_write && pool) writer = std::make_unique<stream::BlockWriter>(&out, &blocks, kWriteBacklog);
  // A frame its worker hashes need not pass through this thread, which
  // only hashes the bytes before its chain value: its blocks go from the
  // worker to the writer, or back to the pool (written through, or no
  // output), in any order between frames. Not into a stream: that takes
  // bytes in order, through this thread.
  const bool detach = !out_path || workers_write || (writer && out.Positioned());
  Status write_status;  // with one thread, the first write error
  auto check_chain = [&](InFlight& f) {
    f.chain_checked = true;
    f.chain_matches = sha.Chain() == *f.chain;
  };
  // Hashes the frame's next block (checking the frame's chain value on the
  // way), or only what of it lies before that value when the worker hashes
  // the rest; then writes it unless its worker did.
  auto take = [&](InFlight& f, stream::Block block) {
    const uint64_t at = f.offset + f.bytes;
    size_t hashed = 0;
    if (f.chain && !f.chain_checked) {  // until then f.bytes <= f.head (head 0: checked first thing)
      hashed = static_cast<size_t>(std::min<uint64_t>(block.size, f.head - f.bytes));
      sha.Update(block.data(), hashed);
      if (f.bytes + hashed == f.head) check_chain(f);
    }
    if (!f.worker_hashes) sha.Update(block.data() + hashed, block.size - hashed);
    f.bytes += block.size;
    if (!out_path || workers_write) return blocks.Give(std::move(block));
    if (writer) return writer->Submit(std::move(block), at);
    // One thread: written here.
    Status s = out.Positioned() ? out.WriteAt(block.data(), block.size, at) : out.Write(block.data(), block.size);
    if (write_status.ok()) write_status = std::move(s);
    blocks.Give(std::move(block));
  };
  // Drains the oldest frame as its bytes arrive and checks it has the size
  // and line count its header says.
  auto write_oldest = [&]() -> Status {
    std::unique_ptr<InFlight> f = std::move(in_flight.front());
    in_flight.pop_front();
    stream::Block block;
    while (f->output->Next(&block)) take(*f, std::move(block));
    f->decoded.wait();
    if (f->output->detached()) {  // its blocks went past this thread: hash what it kept of the head
      f->bytes = f->output->produced();
      if (f->output->head_size() == f->head) {
        sha.Update(f->output->head(), f->output->head_size());
        check_chain(*f);
      }
    }
    spare_payload = std::move(f->payload);
    const std::string where = "frame " + std::to_string(f->header.sequence);
    AT1_RETURN_IF_ERROR(f->output->status().With(where));
    AT1_RETURN_IF_ERROR(write_status);
    if (writer) AT1_RETURN_IF_ERROR(writer->status());
    if (f->output->produced() != f->header.raw_size || f->bytes != f->header.raw_size)
      return Status::Corruption(where + " decodes to " + std::to_string(f->output->produced()) +
                                " bytes, header says " + std::to_string(f->header.raw_size));
    if (f->output->lines() != f->header.line_count)
      return Status::Corruption(where + " decodes to a different number of lines than its header says");
    if (f->chain && (!f->chain_checked || !f->chain_matches))
      return Status::ChecksumMismatch(where + ": the SHA-256 of the output up to it differs from its chain value");
    if (f->worker_hashes) sha = std::move(*f->output->hash());  // it went on from the checked chain value
    sum.bytes_out += f->bytes;
    progress.bytes_out = sum.bytes_out;
    progress.bytes_in = in.offset();
    if (options.progress) options.progress(progress);
    return Status::OK();
  };
  // After a failure: lets the oldest frame's decoder run to its end.
  auto discard_oldest = [&] {
    stream::Block block;
    while (in_flight.front()->output->Next(&block)) blocks.Give(std::move(block));
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
    if (pool) {
      f->output = std::make_unique<stream::FrameOutput>(&blocks, f->header.raw_size,
                                                         AheadBlocks(f->header.raw_size));
    } else {  // one thread: each block is taken as it fills
      f->output = std::make_unique<stream::FrameOutput>(&blocks, f->header.raw_size,
                                                         [&take, job](stream::Block b) { take(*job, std::move(b)); });
    }
    if (out.Positioned()) {
      failure = out.Preallocate(f->offset, f->header.raw_size);
      if (!failure.ok()) break;
    }
    failure = PlanHash(f.get(), pool != nullptr);
    if (!failure.ok()) break;
    if (f->worker_hashes && detach) f->output->Detach(workers_write ? nullptr : writer.get(), f->offset);
    if (workers_write) f->output->WriteThrough(&out, f->offset);
    if (direct) f->output->PageAlign(out.base() + f->offset);
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
  if (writer) {  // also on failure: nothing may still be writing when the output is removed
    Status written = writer->Drain();
    if (failure.ok()) failure = std::move(written);
  }
  AT1_RETURN_IF_ERROR(failure);
  AT1_RETURN_IF_ERROR(write_status);
  format::Trailer trailer;
  AT1_RETURN_IF_ERROR(reader.ReadFooter(&trailer));
  auto digest = sha.Finish();
  if (digest != trailer.sha256)
    return Status::ChecksumMismatch("SHA-256 of the decoded data (" + crypto::ToHex(digest.data(), 32) +
                                    ") differs from the archive's (" + crypto::ToHex(trailer.sha256.data(), 32) + ")");
  if (out_path) AT1_RETURN_IF_ERROR(out.Commit(/*durable=*/false));
  sum.bytes_in = in.offset();
  sum.direct_io = out.direct_bytes() > 0;
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return sum;
}

}  // namespace

const char* OutputIoName(OutputIo io) {
  switch (io) {
    case OutputIo::kAuto: return "auto";
    case OutputIo::kBuffered: return "buffered";
    case OutputIo::kDirect: return "direct";
  }
  return "unknown";
}

Result<OutputIo> ParseOutputIo(const std::string& name) {
  for (OutputIo io : {OutputIo::kAuto, OutputIo::kBuffered, OutputIo::kDirect})
    if (name == OutputIoName(io)) return io;
  return Status::InvalidArgument("unknown output I/O '" + name + "' (choose auto, buffered or direct)");
}

Result<DecompressSummary> Decompress(const std::string& in, const std::string& out, const DecompressOptions& options,
                                     const PluginHost& plugins) {
  return Run(in, &out, options, plugins);
}

Result<DecompressSummary> Integrity(const std::string& in, const DecompressOptions& options,
                                    const PluginHost& plugins) {
  return Run(in, nullptr, options, plugins);
}

}  // namespace at1
