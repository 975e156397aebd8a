// at1/config.h — the YAML configuration file: plugin directories and
// defaults per command and per codec. Command-line flags override it.
//
//   plugin_dirs: [/opt/at1/plugins]
//   compress:   {backend: xz, level: 9e, threads: 2, stream: false, chunk_lines: 500000}
//   decompress: {threads: 2, max_frame_bytes: 4294967296, io: auto}
//   codecs:
//     columnar: {backend: zstd, level: 19, options: {delimiter: ";"}}
//
// Found at --config FILE, else $AT1_CONFIG, else ~/.config/at1/config.yaml
// when that exists. Unknown keys are errors, so typos do not pass silently.
#ifndef AT1_CONFIG_HPP
#define AT1_CONFIG_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "at1/result.h"

namespace at1 {

struct CodecConfig {
  std::optional<std::string> backend, level;
  std::map<std::string, std::string> options;
};

struct Config {
  std::string source;  // the file it came from, empty for built-in defaults
  std::vector<std::string> plugin_dirs;
  struct {
    std::optional<std::string> backend, level;
    std::optional<unsigned> threads;
    std::optional<bool> stream;
    std::optional<uint64_t> chunk_lines;
  } compress;
  struct {
    std::optional<unsigned> threads;
    std::optional<uint64_t> max_frame_bytes;
    std::optional<std::string> io;  // auto, buffered or direct (at1/options.h OutputIo)
  } decompress;
  std::map<std::string, CodecConfig> codecs;
};

Result<Config> LoadConfigFile(const std::string& path);
// --config if given, else $AT1_CONFIG, else the per-user file if present.
Result<Config> LoadConfig(const std::string& explicit_path);

}  // namespace at1

#endif  // AT1_CONFIG_HPP
