// at1/archive.h — libat1's operations on whole archives: compress,
// decompress, check integrity, describe. The CLI is a thin layer over these.
//
// Paths may be "-" for stdin/stdout. Outputs are written to a temporary file
// and renamed into place only when everything (including verification and,
// for decompression, the SHA-256 check) succeeded.
#ifndef AT1_ARCHIVE_HPP
#define AT1_ARCHIVE_HPP

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "at1/frame_stats.h"
#include "at1/options.h"
#include "at1/plugin_host.h"
#include "at1/result.h"

namespace at1 {

struct CompressSummary {
  std::string codec;          // the codec used ("raw" or a plugin's name)
  uint64_t bytes_in = 0, bytes_out = 0, lines = 0;
  uint64_t frames = 0, frames_structured = 0, frames_raw = 0;
  uint64_t fallbacks = 0;     // frames where the codec failed or did not verify
  std::map<std::string, uint64_t> fallback_reasons;  // reason -> count
  double seconds = 0;
};

// Compresses `in` to `out`. codec "auto" probes the loaded codecs on the
// first 64 KiB of whole lines and takes the best score (raw if none fits).
Result<CompressSummary> Compress(const std::string& in, const std::string& out, const CompressOptions& options,
                                 const PluginHost& plugins);

struct DecompressSummary {
  std::string codec;
  uint64_t bytes_in = 0, bytes_out = 0, lines = 0, frames = 0;
  double seconds = 0;
  bool direct_io = false;  // some of the output went to the device with direct I/O (see OutputIo)
};

// Decompresses `in` to `out` (out may be empty to only check: see Integrity).
// Verifies every frame's checksums and the SHA-256 of the whole output.
Result<DecompressSummary> Decompress(const std::string& in, const std::string& out,
                                     const DecompressOptions& options, const PluginHost& plugins);

// Full check: every frame decoded, every checksum and the SHA-256 verified,
// nothing written.
Result<DecompressSummary> Integrity(const std::string& in, const DecompressOptions& options,
                                    const PluginHost& plugins);

struct FrameDescription {
  uint64_t sequence = 0, offset = 0, first_line = 0, line_count = 0, raw_size = 0, stored_size = 0;
  bool structured = false;
  std::vector<std::pair<std::string, uint64_t>> streams;  // name, stored size
  std::vector<Stat> stats;
};

struct ArchiveDescription {
  std::string codec;
  uint32_t codec_format_version = 0;
  uint16_t format_major = 0, format_minor = 0;
  std::string backend;
  int level = 0;
  bool streamed = false;
  uint32_t chunk_lines = 0;
  uint64_t file_size = 0;
  std::vector<FrameDescription> frames;
  bool has_trailer = false;
  uint64_t total_raw_bytes = 0, total_lines = 0;
  std::string sha256_hex;
  std::string plugin_status;  // "needs plugin log (format 1): found in /x/libat1-log.so" or "not found"
};

// Describes an archive from its headers, without decoding payloads.
Result<ArchiveDescription> Describe(const std::string& in, const PluginHost& plugins);

}  // namespace at1

#endif  // AT1_ARCHIVE_HPP
