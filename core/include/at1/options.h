// at1/options.h — what a caller can ask of libat1: backends, levels,
// chunking, threads, limits. Defaults here are the documented defaults.
#ifndef AT1_OPTIONS_HPP
#define AT1_OPTIONS_HPP

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "at1/result.h"

namespace at1 {

// Backend ids are written into files and never change (docs/format.md).
enum class BackendId : uint8_t { kStored = 0, kXz = 1, kZstd = 2 };

struct BackendSettings {
  BackendId id = BackendId::kXz;
  int level = 9;         // xz: 0..9; zstd: 1..19 (and up to 22)
  bool extreme = true;   // xz only: the "e" in "9e"
};

const char* BackendName(BackendId id);
Result<BackendId> ParseBackend(const std::string& name);
// Default settings of a backend: xz 9e (max ratio), zstd 3 (fast).
BackendSettings DefaultBackendSettings(BackendId id);
// Parses "6", "9e" (xz extreme) into settings for `id`.
Status ParseLevel(const std::string& text, BackendSettings* settings);

// Caps a reader applies before allocating (decompression bomb guard).
struct Limits {
  uint64_t max_frame_bytes = uint64_t(4) << 30;  // raw size of one frame
};

// Progress of a long operation, reported from the calling thread.
struct Progress {
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
  uint64_t total_in = 0;  // 0 when unknown (a pipe)
};
using ProgressFn = std::function<void(const Progress&)>;

struct CompressOptions {
  std::string codec = "raw";  // a plugin codec name, "raw", or "auto"
  BackendSettings backend;
  bool stream = false;              // frames of chunk_lines; else one frame for the input
  uint64_t chunk_lines = 500000;
  uint64_t chunk_bytes = uint64_t(64) << 20;  // a frame also ends before this many bytes
  unsigned threads = 0;             // 0 = all cores
  std::map<std::string, std::string> codec_options;  // passed to the codec's get_option
  ProgressFn progress;
};

// How decompress writes an output file. Direct I/O sends whole pages from
// the decoding threads to the device, bypassing the page cache: no fresh
// page-cache memory to fill (costly on VMs that hand free memory back to
// the host), and a big output does not push the machine's working set out
// of the cache, but the output is not left in the cache either. `kAuto`
// uses it for outputs of at least kDirectIoMinBytes, when the file system
// supports it; stdout, devices and FIFOs are always written as a stream.
enum class OutputIo : uint8_t { kAuto, kBuffered, kDirect };
inline constexpr uint64_t kDirectIoMinBytes = uint64_t(64) << 20;
// Direct writes wait for the device: one slower than this (bytes a second,
// measured over the first 32 MiB) gets the rest through the page cache.
inline constexpr double kDirectIoMinRate = 300e6;
const char* OutputIoName(OutputIo io);
Result<OutputIo> ParseOutputIo(const std::string& name);

struct DecompressOptions {
  unsigned threads = 0;  // 0 = all cores
  Limits limits;
  OutputIo io = OutputIo::kAuto;
  ProgressFn progress;
};

}  // namespace at1

#endif  // AT1_OPTIONS_HPP
