// The decompress pipeline, mirror of compress: the calling thread reads
// frames, workers decode them in parallel, the calling thread writes them in
// order and hashes what it writes; the SHA-256 must match the trailer.
#include <chrono>
#include <deque>
#include <memory>

#include "at1/archive.h"
#include "container/reader.h"
#include "crypto/checksums.h"
#include "stream/frame_codec.h"
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

struct Decoded {
  Status status;
  ByteBuffer bytes;
  std::string payload;  // handed back so the next frame reads into mapped memory
};

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

  const unsigned threads = options.threads ? options.threads : stream::WorkerPool::DefaultThreads();
  std::unique_ptr<stream::WorkerPool> pool = stream::MakePool(threads);
  std::deque<std::pair<uint64_t, std::future<Decoded>>> in_flight;  // (sequence, result)
  DecompressSummary sum;
  sum.codec = header.codec_name;
  crypto::Sha256 sha;
  Progress progress;
  progress.total_in = in.size();

  // Output buffers go back here once written, so each frame decodes into
  // memory that is already mapped.
  std::vector<ByteBuffer> spare;
  std::string spare_payload;
  // The SHA-256 runs on its own thread, a frame behind the writes: hashing is
  // the one step that must see every byte in order, so it is kept off the
  // path that reads, dispatches and writes frames. A buffer is recycled only
  // once it is both written and hashed.
  std::unique_ptr<stream::WorkerPool> hasher = threads > 1 ? std::make_unique<stream::WorkerPool>(1) : nullptr;
  struct Hashing {
    std::future<void> done;
    std::shared_ptr<ByteBuffer> bytes;
  };
  std::deque<Hashing> hashing;
  auto retire_hashed = [&](size_t keep) {
    while (hashing.size() > keep) {
      hashing.front().done.wait();
      spare.push_back(std::move(*hashing.front().bytes));
      hashing.pop_front();
    }
  };
  auto finish_oldest = [&]() -> Status {
    auto [seq, fut] = std::move(in_flight.front());
    in_flight.pop_front();
    Decoded d = fut.get();
    if (!d.status.ok()) return d.status.With("frame " + std::to_string(seq));
    spare_payload = std::move(d.payload);
    auto bytes = std::make_shared<ByteBuffer>(std::move(d.bytes));
    hashing.push_back({stream::RunOn(hasher.get(), [&sha, bytes] { sha.Update(bytes->data(), bytes->size()); }), bytes});
    if (out_path) AT1_RETURN_IF_ERROR(out.Write(bytes->data(), bytes->size()));
    retire_hashed(1);
    sum.bytes_out += bytes->size();
    progress.bytes_out = sum.bytes_out;
    progress.bytes_in = in.offset();
    if (options.progress) options.progress(progress);
    return Status::OK();
  };

  Status failure;
  for (;;) {
    bool got = false;
    format::FrameHeader fh;
    std::string payload = std::move(spare_payload);
    spare_payload.clear();
    failure = reader.NextFrame(&got, &fh, &payload);
    if (!failure.ok() || !got) break;
    ++sum.frames;
    sum.lines += fh.line_count;
    const at1_codec* c = *codec;
    ByteBuffer buffer;
    if (!spare.empty()) {
      buffer = std::move(spare.back());
      spare.pop_back();
    }
    in_flight.emplace_back(fh.sequence, stream::RunOn(pool.get(), [h = std::move(fh), p = std::move(payload), c,
                                                     b = std::move(buffer)]() mutable {
      Decoded d;
      d.bytes = std::move(b);
      d.status = stream::DecodeFrame(h, reinterpret_cast<const uint8_t*>(p.data()), c, &d.bytes);
      d.payload = std::move(p);
      return d;
    }));
    while (in_flight.size() > threads && failure.ok()) failure = finish_oldest();
    if (!failure.ok()) break;
  }
  while (!in_flight.empty()) {
    if (failure.ok()) failure = finish_oldest();
    else in_flight.front().second.wait(), in_flight.pop_front();
  }
  retire_hashed(0);  // also on failure: the hasher must not outlive what it reads
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
