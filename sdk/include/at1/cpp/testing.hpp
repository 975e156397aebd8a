// at1/cpp/testing.hpp — an in-memory host for unit-testing a codec without
// the at1 core: encode a buffer to streams, decode the streams back.
//
// Header-only C++17 helpers of the at1 plugin SDK. For tests only: the real
// host (libat1) also compresses the streams, verifies frames and falls back
// to raw storage; this one just keeps the streams in memory.
//
//   const at1_codec* c = ...;
//   auto enc = at1::sdk::testing::encode(c, text);      // enc.status, enc.streams
//   auto dec = at1::sdk::testing::decode(c, enc.streams, text.size(), lines);
//   EXPECT_EQ(dec.output, text);
#ifndef AT1_CPP_TESTING_HPP
#define AT1_CPP_TESTING_HPP

#include <time.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "at1/codec.h"

namespace at1::sdk::testing {

using StreamMap = std::map<std::string, std::string>;

struct EncodeResult {
  at1_status status = AT1_OK;
  std::string error;
  StreamMap streams;
  std::map<std::string, std::pair<std::string, std::string>> stats;  // name -> (min, max) bytes
  size_t total_stream_bytes() const {
    size_t n = 0;
    for (auto& kv : streams) n += kv.second.size();
    return n;
  }
};

struct DecodeResult {
  at1_status status = AT1_OK;
  std::string error;
  std::string output;
};

inline size_t count_lines(std::string_view text) {
  size_t n = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  if (!text.empty() && text.back() != '\n') ++n;
  return n;
}

inline at1_frame_info frame_info(std::string_view text, uint64_t frame_index = 0) {
  at1_frame_info info{};
  info.struct_size = sizeof info;
  info.frame_index = frame_index;
  info.line_count = count_lines(text);
  info.raw_size = text.size();
  return info;
}

namespace detail {
struct EncodeState {
  EncodeResult* result;
  const std::map<std::string, std::string>* options;
};
inline at1_status put_stream(void* ctx, const char* name, const uint8_t* data, size_t size) {
  auto* s = static_cast<EncodeState*>(ctx);
  if (!name || !*name || std::string_view(name).size() > AT1_MAX_NAME) return AT1_E_INVALID;
  auto [it, fresh] = s->result->streams.emplace(name, std::string(reinterpret_cast<const char*>(data), size));
  (void)it;
  return fresh ? AT1_OK : AT1_E_INVALID;  // duplicate stream names are a codec bug
}
inline at1_status put_stat(void* ctx, const char* name, uint32_t, const void* min, size_t min_size,
                           const void* max, size_t max_size) {
  auto* s = static_cast<EncodeState*>(ctx);
  s->result->stats[name] = {std::string(static_cast<const char*>(min), min_size),
                            std::string(static_cast<const char*>(max), max_size)};
  return AT1_OK;
}
inline const char* get_option(void* ctx, const char* key) {
  auto* s = static_cast<EncodeState*>(ctx);
  if (!s->options) return nullptr;
  auto it = s->options->find(key);
  return it == s->options->end() ? nullptr : it->second.c_str();
}
inline void set_error_enc(void* ctx, const char* msg) {
  static_cast<EncodeState*>(ctx)->result->error = msg ? msg : "";
}

struct DecodeState {
  DecodeResult* result;
  const StreamMap* streams;
  uint64_t limit;
  std::vector<uint8_t> lent;  // what reserve() lends
  size_t lends = 0;
};
// A host's get_stream over a StreamMap (both test hosts use it).
inline at1_status find_stream(const StreamMap& streams, const char* name, const uint8_t** data, size_t* size) {
  auto it = streams.find(name);
  if (it == streams.end()) return AT1_E_NOT_FOUND;
  *data = reinterpret_cast<const uint8_t*>(it->second.data());
  *size = it->second.size();
  return AT1_OK;
}
inline at1_status get_stream(void* ctx, const char* name, const uint8_t** data, size_t* size) {
  return find_stream(*static_cast<DecodeState*>(ctx)->streams, name, data, size);
}
inline at1_status write(void* ctx, const uint8_t* data, size_t size) {
  auto* s = static_cast<DecodeState*>(ctx);
  if (s->result->output.size() + size > s->limit) return AT1_E_HOST;
  s->result->output.append(reinterpret_cast<const char*>(data), size);
  return AT1_OK;
}
// Lends rooms of uneven sizes, so codecs meet reservation boundaries
// everywhere a real host might put them.
inline uint8_t* reserve(void* ctx, size_t min_room, size_t* room) {
  auto* s = static_cast<DecodeState*>(ctx);
  if (min_room > AT1_RESERVE_MAX) return nullptr;
  *room = min_room + (s->lends++ * 7919) % 3001;
  s->lent.resize(*room);
  return s->lent.data();
}
inline at1_status commit(void* ctx, size_t size) {
  auto* s = static_cast<DecodeState*>(ctx);
  if (size > s->lent.size()) return AT1_E_INVALID;
  at1_status st = write(ctx, s->lent.data(), size);
  s->lent.clear();
  return st;
}
inline void set_error_dec(void* ctx, const char* msg) {
  static_cast<DecodeState*>(ctx)->result->error = msg ? msg : "";
}
}  // namespace detail

// Encodes `text` as one frame.
inline EncodeResult encode(const at1_codec* codec, std::string_view text, uint64_t frame_index = 0,
                           const std::map<std::string, std::string>* options = nullptr) {
  EncodeResult r;
  detail::EncodeState st{&r, options};
  at1_encode_host host{};
  host.struct_size = sizeof host;
  host.ctx = &st;
  host.put_stream = &detail::put_stream;
  host.put_stat = &detail::put_stat;
  host.get_option = &detail::get_option;
  host.set_error = &detail::set_error_enc;
  at1_frame_info info = frame_info(text, frame_index);
  r.status = codec->encode(&host, &info, reinterpret_cast<const uint8_t*>(text.data()), text.size());
  return r;
}

// Which decode host to act as: one that lends output memory (ABI 1.1, the
// default) or a 1.0 host that only has write().
enum class HostAbi { k1_1, k1_0 };

// Decodes streams into a frame that should be raw_size bytes / line_count lines.
inline DecodeResult decode(const at1_codec* codec, const StreamMap& streams, uint64_t raw_size,
                           uint64_t line_count, uint64_t frame_index = 0, HostAbi abi = HostAbi::k1_1) {
  DecodeResult r;
  detail::DecodeState st{&r, &streams, raw_size, {}, 0};
  at1_decode_host host{};
  host.struct_size = sizeof host;
  host.ctx = &st;
  host.get_stream = &detail::get_stream;
  host.write = &detail::write;
  host.set_error = &detail::set_error_dec;
  if (abi == HostAbi::k1_1) {
    host.reserve = &detail::reserve;
    host.commit = &detail::commit;
  } else {
    host.struct_size = offsetof(at1_decode_host, reserve);  // as a 1.0 host built it
  }
  at1_frame_info info{};
  info.struct_size = sizeof info;
  info.frame_index = frame_index;
  info.line_count = line_count;
  info.raw_size = raw_size;
  r.status = codec->decode(&host, &info);
  return r;
}

// Cuts text into frames of `lines` lines at '\n', as the host does (the last
// frame may be shorter and may lack a final newline). The views point into
// `text`.
inline std::vector<std::string_view> split_frames(std::string_view text, size_t lines) {
  std::vector<std::string_view> frames;
  size_t start = 0, count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && ++count == lines) {
      frames.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
      count = 0;
    }
  }
  if (start < text.size()) frames.push_back(text.substr(start));
  return frames;
}

// CPU seconds this thread has used: what benchmarks on a shared machine
// should time (wall clock includes everyone else's work).
inline double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A decode host like at1's own, for benchmarks: it lends room in one reused
// 1 MiB block (ABI 1.1 reserve/commit), so timing a decoder measures the
// codec and not a growing output string. With `check`, every byte is also
// compared with `expected` (use it on an untimed pass).
class LendingHost {
 public:
  // Decodes one frame; true when the codec succeeded, produced exactly
  // expected.size() bytes and (with check) the same bytes.
  bool decode(const at1_codec* codec, const StreamMap& streams, const at1_frame_info& info,
              std::string_view expected, bool check) {
    streams_ = &streams;
    expected_ = expected;
    check_ = check;
    done_ = used_ = 0;
    same_ = true;
    at1_decode_host host{};
    host.struct_size = sizeof host;
    host.ctx = this;
    host.get_stream = &get_stream;
    host.write = &write;
    host.set_error = &set_error;
    host.reserve = &reserve;
    host.commit = &commit;
    return codec->decode(&host, &info) == AT1_OK && same_ && done_ == expected.size();
  }

 private:
  void append(const uint8_t* p, size_t n) {
    if (check_) same_ = same_ && done_ + n <= expected_.size() && std::memcmp(expected_.data() + done_, p, n) == 0;
    done_ += n;
  }
  static at1_status get_stream(void* ctx, const char* name, const uint8_t** data, size_t* size) {
    return detail::find_stream(*static_cast<LendingHost*>(ctx)->streams_, name, data, size);
  }
  static at1_status write(void* ctx, const uint8_t* data, size_t size) {
    static_cast<LendingHost*>(ctx)->append(data, size);
    return AT1_OK;
  }
  static uint8_t* reserve(void* ctx, size_t min_room, size_t* room) {
    auto* h = static_cast<LendingHost*>(ctx);
    if (min_room > AT1_RESERVE_MAX) return nullptr;
    if (h->block_.size() - h->used_ < min_room) h->used_ = 0;  // the next block (the same memory)
    *room = h->block_.size() - h->used_;
    return h->block_.data() + h->used_;
  }
  static at1_status commit(void* ctx, size_t size) {
    auto* h = static_cast<LendingHost*>(ctx);
    if (size > h->block_.size() - h->used_) return AT1_E_INVALID;
    h->append(h->block_.data() + h->used_, size);
    h->used_ += size;
    return AT1_OK;
  }
  static void set_error(void*, const char*) {}

  const StreamMap* streams_ = nullptr;
  std::string_view expected_;
  bool check_ = false, same_ = true;
  size_t done_ = 0, used_ = 0;
  std::vector<uint8_t> block_ = std::vector<uint8_t>(size_t(1) << 20);
};

// Encode then decode; returns true when the text came back byte for byte (or
// when encode declined with AT1_E_UNSUPPORTED, which the host handles).
inline bool round_trips(const at1_codec* codec, std::string_view text, std::string* why = nullptr,
                        uint64_t frame_index = 0, HostAbi abi = HostAbi::k1_1) {
  EncodeResult e = encode(codec, text, frame_index);
  if (e.status == AT1_E_UNSUPPORTED) return true;
  if (e.status != AT1_OK) {
    if (why) *why = "encode failed: " + e.error;
    return false;
  }
  DecodeResult d = decode(codec, e.streams, text.size(), count_lines(text), frame_index, abi);
  if (d.status != AT1_OK) {
    if (why) *why = "decode failed: " + d.error;
    return false;
  }
  if (d.output != text) {
    if (why) *why = "decoded text differs";
    return false;
  }
  return true;
}

// --- Fuzzing a decoder -------------------------------------------------------
// A fuzz input is a frame in a simple serial form, so libFuzzer's mutations
// reach every stream of the codec:
//   varint raw_size (capped at 1 MiB), varint line_count,
//   then for each name in `names`, in order: varint length, bytes.
// Input that ends early leaves the remaining streams missing.

inline void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Serialises a real encoding (a good fuzz seed) in the form above.
inline std::string fuzz_seed(const StreamMap& streams, const std::vector<std::string>& names,
                             uint64_t raw_size, uint64_t line_count) {
  std::string out;
  put_varint(out, raw_size);
  put_varint(out, line_count);
  for (const auto& n : names) {
    auto it = streams.find(n);
    const std::string empty;
    const std::string& b = it == streams.end() ? empty : it->second;
    put_varint(out, b.size());
    out += b;
  }
  return out;
}

// Decodes a fuzz input. Any status is fine; crashing, hanging or reading out
// of bounds is not (the sanitizers and the fuzzer watch for those). Returns
// the decode status.
inline at1_status fuzz_decode(const at1_codec* codec, const std::vector<std::string>& names,
                              const uint8_t* data, size_t size) {
  size_t pos = 0;
  auto varint = [&](uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64 && pos < size; shift += 7) {
      uint8_t b = data[pos++];
      *v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  };
  uint64_t raw_size = 0, line_count = 0;
  if (!varint(&raw_size) || !varint(&line_count)) return AT1_E_CORRUPT;
  if (raw_size > (1u << 20)) raw_size = 1u << 20;
  StreamMap streams;
  for (const auto& n : names) {
    uint64_t len = 0;
    if (!varint(&len)) break;
    if (len > size - pos) len = size - pos;
    streams[n] = std::string(reinterpret_cast<const char*>(data + pos), static_cast<size_t>(len));
    pos += static_cast<size_t>(len);
  }
  return decode(codec, streams, raw_size, line_count).status;
}

}  // namespace at1::sdk::testing

#endif  // AT1_CPP_TESTING_HPP
