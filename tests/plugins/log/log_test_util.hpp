// Shared helpers of the `log` codec tests.
#ifndef AT1_LOG_TEST_UTIL_HPP
#define AT1_LOG_TEST_UTIL_HPP

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"
#include "stream_pack.hpp"

extern "C" const at1_plugin* at1_plugin_entry(void);

namespace at1::log::test {

inline const at1_codec* codec() { return at1_plugin_entry()->get_codec(0); }

// The frame's streams with the pack ("pk", see stream_pack.hpp) opened up:
// every stream under its own name, wherever the encoder put it.
inline std::map<std::string, std::string> unpacked(const std::map<std::string, std::string>& streams) {
  std::map<std::string, std::string> out;
  for (const auto& [name, bytes] : streams) {
    if (name != at1::log::kStreamPack) {
      out[name] = bytes;
      continue;
    }
    at1::sdk::ByteReader r(at1::sdk::Bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    while (!r.at_end()) {
      const uint8_t id = r.u8();
      const auto len = static_cast<size_t>(r.varint());
      const at1::sdk::Bytes b = r.bytes(len);
      out[at1::log::kPackNames[id]] = std::string(reinterpret_cast<const char*>(b.data), b.size);
    }
  }
  return out;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline std::filesystem::path corpus_dir() { return std::filesystem::path(AT1_CORPUS_DIR) / "log"; }

inline std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(corpus_dir(), ec))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Splits text into frames of `lines` whole lines each.
inline std::vector<std::string> frames_of(const std::string& text, size_t lines) {
  auto frames = at1::sdk::testing::split_frames(text, lines);  // owned copies: callers pass temporaries
  return {frames.begin(), frames.end()};
}

// Round trip that insists the codec modelled the input (no UNSUPPORTED).
inline ::testing::AssertionResult exact(const std::string& text, uint64_t frame_index = 0) {
  auto e = at1::sdk::testing::encode(codec(), text, frame_index);
  if (e.status != AT1_OK) return ::testing::AssertionFailure() << "encode status " << e.status << ": " << e.error;
  auto d = at1::sdk::testing::decode(codec(), e.streams, text.size(), at1::sdk::testing::count_lines(text),
                                     frame_index);
  if (d.status != AT1_OK) return ::testing::AssertionFailure() << "decode status " << d.status << ": " << d.error;
  if (d.output != text) {
    size_t i = 0;
    while (i < text.size() && i < d.output.size() && text[i] == d.output[i]) ++i;
    return ::testing::AssertionFailure() << "output differs at byte " << i << " of " << text.size() << ": got ["
                                         << d.output.substr(i > 40 ? i - 40 : 0, 80) << "] want ["
                                         << text.substr(i > 40 ? i - 40 : 0, 80) << "]";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace at1::log::test

#endif  // AT1_LOG_TEST_UTIL_HPP
