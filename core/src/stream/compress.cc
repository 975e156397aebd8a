// The compress pipeline: the calling thread reads chunks, hands each to a
// worker and then hashes it, noting the SHA-256 chain value its frame will
// carry (decompress hashes frames in parallel from those); workers
// encode+verify frames in parallel, and
// the calling thread writes finished frames in order. At most `threads`
// frames are in flight besides the one being read, which bounds memory to
// O(threads x chunk).
#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>

#include "at1/archive.h"
#include "at1/codec.h"
#include "container/writer.h"
#include "crypto/sha256.h"
#include "format/frame.h"
#include "stream/frame_codec.h"
#include "stream/line_chunker.h"
#include "stream/worker_pool.h"

namespace at1 {
namespace {

constexpr uint64_t kWholeFrameBytes = uint64_t(1) << 30;  // without --stream: frames of up to 1 GiB
constexpr size_t kProbeBytes = 64 << 10;

// Picks the codec for `compress auto`: every codec's probe scores the start
// of the input; the best few (score above 10) then really encode that sample
// and the smallest result wins. Probes only shortlist: a log whose timestamp
// holds a comma can look like a CSV to a probe, never to the trial.
const CodecInfo* AutoSelect(const PluginHost& plugins, std::string_view first_chunk,
                            const BackendSettings& backend) {
  size_t n = std::min(first_chunk.size(), kProbeBytes);
  if (n < first_chunk.size()) {
    size_t last_nl = first_chunk.rfind('\n', n - 1);
    if (last_nl != std::string::npos) n = last_nl + 1;
  }
  stream::Chunk sample;
  sample.bytes.append(first_chunk.data(), n);
  sample.lines = static_cast<uint64_t>(std::count(first_chunk.begin(), first_chunk.begin() + n, '\n')) +
                 (n > 0 && first_chunk[n - 1] != '\n');

  std::vector<std::pair<int32_t, const CodecInfo*>> shortlist;
  for (const CodecInfo& c : plugins.codecs()) {
    if (!(c.codec->capabilities & AT1_CAP_PROBE) || !c.codec->probe) continue;
    int32_t score = c.codec->probe(reinterpret_cast<const uint8_t*>(sample.bytes.data()), sample.bytes.size());
    if (score > 10) shortlist.emplace_back(score, &c);
  }
  std::stable_sort(shortlist.begin(), shortlist.end(), [](auto& a, auto& b) { return a.first > b.first; });
  if (shortlist.size() > 3) shortlist.resize(3);
  if (shortlist.size() == 1) return shortlist[0].second;

  const CodecInfo* best = nullptr;
  uint64_t best_size = UINT64_MAX;
  for (const auto& [score, c] : shortlist) {
    stream::EncodeSettings settings;
    settings.codec = c->codec;
    settings.backend = backend;
    Result<stream::EncodedFrame> f = stream::EncodeFrame(sample, settings);
    if (!f.ok() || !f->structured) continue;  // the codec does not model this input
    if (f->structured_size < best_size) {
      best_size = f->structured_size;
      best = c;
    }
  }
  return best;
}

// Hashes a chunk into the running SHA-256 and returns the chain value its
// frame carries, taken on the way (docs/format.md, "SHA-256 chain value").
std::optional<crypto::Sha256Chain> HashChunk(crypto::Sha256* sha, const uint8_t* data, size_t size) {
  const uint64_t start = sha->bytes();
  if (start == 0 || !format::HoldsWholeShaBlock(start, size)) {
    sha->Update(data, size);
    return std::nullopt;
  }
  const size_t head = static_cast<size_t>(format::ShaChainOffset(start) - start);
  sha->Update(data, head);
  crypto::Sha256Chain chain = sha->Chain();
  sha->Update(data + head, size - head);
  return chain;
}

}  // namespace

Result<CompressSummary> Compress(const std::string& in_path, const std::string& out_path,
                                 const CompressOptions& options, const PluginHost& plugins) {
  auto t0 = std::chrono::steady_clock::now();
  const CodecInfo* codec = nullptr;
  if (options.codec != "raw" && options.codec != "auto") {
    codec = plugins.Find(options.codec);
    if (!codec) return plugins.CodecNotFound(options.codec);
  }
  if (options.chunk_lines == 0 && options.stream) return Status::InvalidArgument("--chunk-lines must be at least 1");

  io::InputFile in;
  AT1_RETURN_IF_ERROR(in.Open(in_path));
  stream::LineChunker chunker(&in, options.stream ? options.chunk_lines : 0,
                              options.stream ? options.chunk_bytes : kWholeFrameBytes);
  stream::Chunk first;
  AT1_RETURN_IF_ERROR(chunker.Next(&first.bytes, &first.lines));
  if (options.codec == "auto") codec = AutoSelect(plugins, first.bytes.view(), options.backend);

  io::OutputFile out;
  AT1_RETURN_IF_ERROR(out.Open(out_path));
  container::ContainerWriter writer(&out);
  format::FileHeader header;
  header.streamed = options.stream;
  header.backend = options.backend.id;
  header.level = static_cast<uint8_t>(options.backend.level);
  header.codec_name = codec ? codec->name : "raw";
  header.codec_format_version = codec ? codec->format_version : 0;
  header.chunk_lines = options.stream ? static_cast<uint32_t>(std::min<uint64_t>(options.chunk_lines, UINT32_MAX)) : 0;
  // The header is written with the first frame: a one-frame file whose frame
  // fell back to raw is labelled `raw`, so it needs no plugin to read and is
  // exactly as large as `compress raw` would make it.
  bool header_written = false;
  bool single_frame = false;

  const unsigned threads = options.threads ? options.threads : stream::WorkerPool::DefaultThreads();
  stream::EncodeSettings settings;
  settings.codec = codec ? codec->codec : nullptr;
  settings.backend = options.backend;
  settings.codec_options = &options.codec_options;
  settings.parallel_raw = threads > 1 && !options.stream;

  CompressSummary sum;
  sum.codec = header.codec_name;
  crypto::Sha256 sha;
  std::unique_ptr<stream::WorkerPool> pool = stream::MakePool(threads);
  struct Done {
    Result<stream::EncodedFrame> frame;
    ByteBuffer chunk;  // handed back for reuse: its pages are already mapped
  };
  struct Pending {
    std::future<Done> done;
    std::optional<crypto::Sha256Chain> sha_chain;  // known once the reader has hashed the chunk
  };
  std::deque<Pending> in_flight;
  std::vector<ByteBuffer> spare;
  Progress progress;
  progress.total_in = in.size();

  auto write_oldest = [&]() -> Status {
    Done done = in_flight.front().done.get();
    const std::optional<crypto::Sha256Chain> sha_chain = in_flight.front().sha_chain;
    in_flight.pop_front();
    spare.push_back(std::move(done.chunk));
    Result<stream::EncodedFrame>& f = done.frame;
    if (!f.ok()) return f.status();
    if (!header_written) {
      if (single_frame && !f->structured) {
        header.codec_name = "raw";
        header.codec_format_version = 0;
        sum.codec = "raw";
      }
      AT1_RETURN_IF_ERROR(writer.WriteHeader(header));
      header_written = true;
    }
    f->header.sha_chain = sha_chain;
    AT1_RETURN_IF_ERROR(writer.WriteFrame(*f));
    ++sum.frames;
    if (f->structured) ++sum.frames_structured; else ++sum.frames_raw;
    if (f->codec_failed) {
      ++sum.fallbacks;
      ++sum.fallback_reasons[f->fallback_reason];
    }
    progress.bytes_out = out.offset();
    if (options.progress) options.progress(progress);
    return Status::OK();
  };

  stream::Chunk chunk = std::move(first);
  uint64_t sequence = 0;
  Status failure;
  while (!chunk.bytes.empty()) {
    // Hashed after it is handed to a worker: the worker starts at once, and
    // the buffer stays put until its frame is written (the future holds it).
    const uint8_t* const data = chunk.bytes.data();
    const size_t size = chunk.bytes.size();
    chunk.sequence = sequence++;
    chunk.first_line = sum.lines;
    sum.lines += chunk.lines;
    sum.bytes_in += chunk.bytes.size();
    progress.bytes_in = sum.bytes_in;
    in_flight.push_back({stream::RunOn(pool.get(),
                                       [c = std::move(chunk), &settings]() mutable {
                                         Result<stream::EncodedFrame> f = stream::EncodeFrame(c, settings);
                                         return Done{std::move(f), std::move(c.bytes)};
                                       }),
                         std::nullopt});
    in_flight.back().sha_chain = HashChunk(&sha, data, size);
    chunk = stream::Chunk();
    while (in_flight.size() > threads && failure.ok()) failure = write_oldest();
    if (!failure.ok()) break;
    // Reuse a written frame's chunk buffer; drop any other spare so at most
    // threads + 1 chunk buffers are ever resident.
    if (!spare.empty()) chunk.bytes = std::move(spare.back());
    spare.clear();
    failure = chunker.Next(&chunk.bytes, &chunk.lines);
    if (!failure.ok()) break;
    if (sequence == 1 && chunk.bytes.empty()) single_frame = true;
  }
  while (!in_flight.empty()) {
    if (failure.ok()) failure = write_oldest();
    else in_flight.front().done.wait(), in_flight.pop_front();
  }
  AT1_RETURN_IF_ERROR(failure);
  if (!header_written) AT1_RETURN_IF_ERROR(writer.WriteHeader(header));  // empty input: no frames
  AT1_RETURN_IF_ERROR(writer.Finish(sha.Finish(), sum.bytes_in, sum.lines));
  AT1_RETURN_IF_ERROR(out.Commit());
  sum.bytes_out = out.offset();
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return sum;
}

}  // namespace at1
