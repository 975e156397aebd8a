// at1/cpp/codec.hpp — write an at1 codec as a C++ class; this glue turns it
// into the C ABI of at1/plugin.h, catching every exception at the boundary.
//
// Header-only C++17 helpers of the at1 plugin SDK.
//
// A codec class provides:
//
//   struct MyCodec {
//     static constexpr const char* kName = "mydomain";        // permanent
//     static constexpr const char* kDescription = "one line";
//     static constexpr uint32_t kFormatVersion = 1;           // stream layout
//     static constexpr uint32_t kMinFormatVersion = 1;        // oldest decodable
//     static constexpr uint64_t kCapabilities = AT1_CAP_PROBE;
//     static int32_t probe(at1::sdk::Bytes sample);           // 0..100
//     static void encode(at1::sdk::EncodeContext& ctx, at1::sdk::Bytes input);
//     static void decode(at1::sdk::DecodeContext& ctx);
//   };
//   AT1_PLUGIN("at1-mydomain", "1.0.0", MyCodec)
//
// encode/decode report failure by throwing at1::sdk::CodecError (see
// fail_corrupt / fail_unsupported in bytes.hpp); any other exception becomes
// AT1_E_INTERNAL and std::bad_alloc becomes AT1_E_NOMEM.
#ifndef AT1_CPP_CODEC_HPP
#define AT1_CPP_CODEC_HPP

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "at1/cpp/bytes.hpp"
#include "at1/plugin.h"

namespace at1::sdk {

// What encode() may do with the host: add streams, statistics, read options.
class EncodeContext {
 public:
  EncodeContext(const at1_encode_host* host, const at1_frame_info* info)
      : host_(host), info_(info) {}

  const at1_frame_info& info() const { return *info_; }

  void put(const char* name, const uint8_t* data, size_t size) {
    check(host_->put_stream(host_->ctx, name, data, size));
  }
  void put(const char* name, const ByteWriter& w) { put(name, w.data(), w.size()); }
  void put(const char* name, std::string_view s) {
    put(name, reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }

  void stat_i64(const char* name, int64_t min, int64_t max) {
    check(host_->put_stat(host_->ctx, name, AT1_STAT_INT64, &min, sizeof min, &max, sizeof max));
  }
  void stat_f64(const char* name, double min, double max) {
    check(host_->put_stat(host_->ctx, name, AT1_STAT_FLOAT64, &min, sizeof min, &max, sizeof max));
  }
  void stat_bytes(const char* name, std::string_view min, std::string_view max) {
    check(host_->put_stat(host_->ctx, name, AT1_STAT_BYTES, min.data(), min.size(), max.data(),
                          max.size()));
  }
  // The user's value for a codec option, or nullptr.
  const char* option(const char* key) const { return host_->get_option(host_->ctx, key); }

 private:
  static void check(at1_status s) {
    if (s != AT1_OK) throw CodecError(AT1_E_HOST, "host callback failed");
  }
  const at1_encode_host* host_;
  const at1_frame_info* info_;
};

// What decode() may do with the host: fetch streams, write the frame's text.
// Output goes into memory the host lends (ABI 1.1 reserve/commit), so each
// byte is copied once; with a 1.0 host, into a local buffer passed to write().
class DecodeContext {
 public:
  DecodeContext(const at1_decode_host* host, const at1_frame_info* info)
      : host_(host), info_(info), lends_(host_lends(host)) {}
  DecodeContext(const DecodeContext&) = delete;
  DecodeContext& operator=(const DecodeContext&) = delete;

  const at1_frame_info& info() const { return *info_; }

  // The named stream; throws CodecError(CORRUPT) when the frame lacks it.
  Bytes get(const char* name) {
    Bytes b;
    if (!find(name, &b)) throw CodecError(AT1_E_CORRUPT, std::string("missing stream ") + name);
    return b;
  }
  // The named stream if present.
  bool find(const char* name, Bytes* out) {
    const uint8_t* d = nullptr;
    size_t n = 0;
    at1_status s = host_->get_stream(host_->ctx, name, &d, &n);
    if (s == AT1_E_NOT_FOUND) return false;
    if (s != AT1_OK) throw CodecError(AT1_E_HOST, "host get_stream failed");
    *out = Bytes(d, n);
    return true;
  }

  // Room for at least n <= kMaxReserve bytes at the result: write there, then
  // commit() how many were written. The cheapest way to emit text that is
  // formatted in place (numbers, dates).
  static constexpr size_t kMaxReserve = AT1_RESERVE_MAX;
  uint8_t* reserve(size_t n) {
    if (static_cast<size_t>(end_ - cur_) < n) refill(n);
    return cur_;
  }
  // Appends n bytes written at reserve(); throws CORRUPT past the frame's
  // raw_size, which bounds what a hostile stream can make the decoder produce.
  void commit(size_t n) {
    written_ += n;
    if (written_ > info_->raw_size) fail_corrupt("decoded frame longer than its raw size");
    cur_ += n;
  }

  // Appends to the frame's output (copied).
  void write(const void* data, size_t size) {
    const auto* p = static_cast<const uint8_t*>(data);
    if (size == 0) return;  // p may be null then (an empty string_view)
    if (size <= static_cast<size_t>(end_ - cur_)) {
      std::memcpy(cur_, p, size);
      commit(size);
      return;
    }
    if (!lends_ && size >= sizeof(buf_)) {  // big pieces go straight to a 1.0 host
      if (written_ + size > info_->raw_size) fail_corrupt("decoded frame longer than its raw size");
      flush();
      emit(p, size);
      written_ += size;
      return;
    }
    while (size > 0) {
      size_t k = size < kMaxReserve ? size : kMaxReserve;
      std::memcpy(reserve(k), p, k);
      commit(k);
      p += k;
      size -= k;
    }
  }
  void write(std::string_view s) { write(s.data(), s.size()); }
  void put(char c) {
    *reserve(1) = static_cast<uint8_t>(c);
    commit(1);
  }
  uint64_t written() const { return written_; }

  // Hands everything written so far to the host.
  void flush() {
    if (cur_ == base_) return;
    size_t n = static_cast<size_t>(cur_ - base_);
    if (lends_) {
      if (host_->commit(host_->ctx, n) != AT1_OK) throw CodecError(AT1_E_HOST, "host commit failed");
      base_ = cur_ = end_ = nullptr;  // the reservation ended
    } else {
      emit(base_, n);
      cur_ = base_;
    }
  }

 private:
  static bool host_lends(const at1_decode_host* h) {
    return h->struct_size >= offsetof(at1_decode_host, commit) + sizeof(h->commit) && h->reserve && h->commit;
  }
  void refill(size_t n) {
    flush();
    if (n > kMaxReserve) throw CodecError(AT1_E_INTERNAL, "reserve larger than kMaxReserve");
    if (lends_) {
      size_t room = 0;
      base_ = cur_ = host_->reserve(host_->ctx, n, &room);
      if (!base_ || room < n) throw CodecError(AT1_E_HOST, "host reserve failed");
      end_ = base_ + room;
    } else {
      base_ = cur_ = buf_;
      end_ = buf_ + sizeof(buf_);
    }
  }
  void emit(const uint8_t* p, size_t n) {
    if (host_->write(host_->ctx, p, n) != AT1_OK) throw CodecError(AT1_E_HOST, "host write failed");
  }
  const at1_decode_host* host_;
  const at1_frame_info* info_;
  const bool lends_;
  uint64_t written_ = 0;
  uint8_t* base_ = nullptr;  // start of the uncommitted output (host memory or buf_)
  uint8_t* cur_ = nullptr;   // where the next byte goes
  uint8_t* end_ = nullptr;
  uint8_t buf_[kMaxReserve];  // only with a 1.0 host
};

namespace detail {

// Runs fn, converting any exception into a status and a reason for the host.
template <class SetError, class Fn>
at1_status guard(SetError set_error, void* ctx, Fn&& fn) noexcept {
  try {
    fn();
    return AT1_OK;
  } catch (const CodecError& e) {
    if (set_error) set_error(ctx, e.what());
    return e.code();
  } catch (const std::bad_alloc&) {
    if (set_error) set_error(ctx, "out of memory");
    return AT1_E_NOMEM;
  } catch (const std::exception& e) {
    if (set_error) set_error(ctx, e.what());
    return AT1_E_INTERNAL;
  } catch (...) {
    if (set_error) set_error(ctx, "unknown exception in codec");
    return AT1_E_INTERNAL;
  }
}

template <class C>
struct CodecAdapter {
  static int32_t probe(const uint8_t* sample, size_t size) noexcept {
    try {
      int32_t s = C::probe(Bytes(sample, size));
      return s < 0 ? 0 : (s > 100 ? 100 : s);
    } catch (...) {
      return 0;
    }
  }
  static at1_status encode(const at1_encode_host* host, const at1_frame_info* info,
                           const uint8_t* input, size_t size) noexcept {
    return guard(host->set_error, host->ctx, [&] {
      EncodeContext ctx(host, info);
      C::encode(ctx, Bytes(input, size));
    });
  }
  static at1_status decode(const at1_decode_host* host, const at1_frame_info* info) noexcept {
    return guard(host->set_error, host->ctx, [&] {
      // Heap, not stack: the output buffer is 64 KiB and decode may run on
      // worker threads with small stacks.
      auto ctx = std::make_unique<DecodeContext>(host, info);
      C::decode(*ctx);
      ctx->flush();
      if (ctx->written() != info->raw_size) fail_corrupt("decoded frame shorter than its raw size");
    });
  }
  static const at1_codec* descriptor() noexcept {
    static const at1_codec d = {
        sizeof(at1_codec),
        C::kFormatVersion,
        C::kMinFormatVersion,
        0,
        C::kName,
        C::kDescription,
        C::kCapabilities,
        (C::kCapabilities & AT1_CAP_PROBE) ? &CodecAdapter::probe : nullptr,
        &CodecAdapter::encode,
        &CodecAdapter::decode,
    };
    return &d;
  }
};

template <class... Codecs>
const at1_codec* get_codec(uint32_t index) noexcept {
  static const at1_codec* const table[] = {CodecAdapter<Codecs>::descriptor()...};
  return index < sizeof...(Codecs) ? table[index] : nullptr;
}

template <class... Codecs>
constexpr uint32_t codec_count() noexcept {
  return static_cast<uint32_t>(sizeof...(Codecs));
}

}  // namespace detail
}  // namespace at1::sdk

// Defines the plugin's exported entry for one or more codec classes.
#define AT1_PLUGIN(plugin_name, plugin_version, ...)                                    \
  extern "C" AT1_EXPORT const at1_plugin* at1_plugin_entry(void) {                      \
    static const at1_plugin plugin = {                                                  \
        AT1_ABI_MAJOR,                                                                  \
        AT1_ABI_MINOR,                                                                  \
        sizeof(at1_plugin),                                                             \
        0,                                                                              \
        plugin_name,                                                                    \
        plugin_version,                                                                 \
        ::at1::sdk::detail::codec_count<__VA_ARGS__>(),                                 \
        0,                                                                              \
        &::at1::sdk::detail::get_codec<__VA_ARGS__>,                                    \
    };                                                                                  \
    return &plugin;                                                                     \
  }

#endif  // AT1_CPP_CODEC_HPP
