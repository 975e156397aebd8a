#include "plugin/codec_calls.h"

#include <unordered_map>

#include "format/format_constants.h"

namespace at1::plugin {
namespace {

bool ValidStreamName(const char* name) {
  if (!name) return false;
  size_t n = 0;
  for (; name[n]; ++n) {
    char c = name[n];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '/' || c == '-';
    if (!ok || n >= AT1_MAX_NAME) return false;
  }
  return n > 0;
}

struct EncodeState {
  EncodeOutput* out;
  const std::map<std::string, std::string>* options;
  uint64_t total = 0;
  uint64_t cap = 0;
};

at1_status PutStream(void* ctx, const char* name, const uint8_t* data, size_t size) {
  auto* st = static_cast<EncodeState*>(ctx);
  if (!ValidStreamName(name)) {
    st->out->error = "invalid stream name";
    return AT1_E_INVALID;
  }
  if (st->out->streams.size() >= format::kMaxStreams) {
    st->out->error = "more than 4096 streams";
    return AT1_E_LIMIT;
  }
  for (const auto& s : st->out->streams)
    if (s.first == name) {
      st->out->error = std::string("duplicate stream name ") + name;
      return AT1_E_INVALID;
    }
  st->total += size;
  if (st->total > st->cap) {
    st->out->error = "streams larger than 4x the frame";
    return AT1_E_LIMIT;
  }
  if (size && !data) return AT1_E_INVALID;
  st->out->streams.emplace_back(name, std::string(reinterpret_cast<const char*>(data), size));
  return AT1_OK;
}

at1_status PutStat(void* ctx, const char* name, uint32_t kind, const void* min, size_t min_size,
                   const void* max, size_t max_size) {
  auto* st = static_cast<EncodeState*>(ctx);
  if (!ValidStreamName(name) || kind < AT1_STAT_INT64 || kind > AT1_STAT_BYTES ||
      min_size > format::kMaxStatValue || max_size > format::kMaxStatValue || (min_size && !min) ||
      (max_size && !max))
    return AT1_E_INVALID;
  if ((kind == AT1_STAT_INT64 || kind == AT1_STAT_FLOAT64) && (min_size != 8 || max_size != 8))
    return AT1_E_INVALID;
  if (st->out->stats.size() >= format::kMaxCodecStats) return AT1_E_LIMIT;
  Stat s;
  s.name = name;
  s.kind = static_cast<uint8_t>(kind);
  // Numbers arrive in host byte order and are stored little-endian (x86/ARM: the same).
  s.min.assign(static_cast<const char*>(min), min_size);
  s.max.assign(static_cast<const char*>(max), max_size);
  for (auto& existing : st->out->stats)
    if (existing.name == s.name) {
      existing = std::move(s);
      return AT1_OK;
    }
  st->out->stats.push_back(std::move(s));
  return AT1_OK;
}

const char* GetOption(void* ctx, const char* key) {
  auto* st = static_cast<EncodeState*>(ctx);
  if (!key) return nullptr;
  auto it = st->options->find(key);
  return it == st->options->end() ? nullptr : it->second.c_str();
}

void SetEncodeError(void* ctx, const char* msg) {
  static_cast<EncodeState*>(ctx)->out->error = msg ? std::string(msg).substr(0, 500) : "";
}

struct DecodeState {
  std::unordered_map<std::string_view, const StreamView*> by_name;
  OutputSink* sink;
  std::string* error;
  size_t reserved = 0;  // room of the open reservation, 0 if none
};

at1_status GetStream(void* ctx, const char* name, const uint8_t** data, size_t* size) {
  auto* st = static_cast<DecodeState*>(ctx);
  if (!name || !data || !size) return AT1_E_INVALID;
  auto it = st->by_name.find(name);
  if (it == st->by_name.end()) return AT1_E_NOT_FOUND;
  *data = it->second->data;
  *size = it->second->size;
  return AT1_OK;
}

at1_status Write(void* ctx, const uint8_t* data, size_t size) {
  auto* st = static_cast<DecodeState*>(ctx);
  if (size && !data) return AT1_E_INVALID;
  st->reserved = 0;  // a write ends any reservation
  return st->sink->Write(data, size) ? AT1_OK : AT1_E_HOST;
}

uint8_t* Reserve(void* ctx, size_t min_room, size_t* room) {
  auto* st = static_cast<DecodeState*>(ctx);
  if (!room || min_room > AT1_RESERVE_MAX) return nullptr;
  uint8_t* at = st->sink->Reserve(min_room, room);
  st->reserved = at ? *room : 0;
  return at;
}

at1_status Commit(void* ctx, size_t size) {
  auto* st = static_cast<DecodeState*>(ctx);
  if (size > st->reserved) return AT1_E_INVALID;  // more than was lent, or nothing reserved
  st->reserved = 0;
  return st->sink->Commit(size) ? AT1_OK : AT1_E_HOST;
}

void SetDecodeError(void* ctx, const char* msg) {
  *static_cast<DecodeState*>(ctx)->error = msg ? std::string(msg).substr(0, 500) : "";
}

}  // namespace

at1_status CallEncode(const at1_codec* codec, const at1_frame_info& info, const uint8_t* input, size_t size,
                      const std::map<std::string, std::string>& options, EncodeOutput* out) {
  EncodeState st{out, &options, 0, format::MaxStreamBytes(size)};
  at1_encode_host host{};
  host.struct_size = sizeof host;
  host.ctx = &st;
  host.put_stream = &PutStream;
  host.put_stat = &PutStat;
  host.get_option = &GetOption;
  host.set_error = &SetEncodeError;
  at1_status s = codec->encode(&host, &info, input, size);
  if (s == AT1_OK && out->streams.empty()) {
    out->error = "codec produced no streams";
    return AT1_E_INTERNAL;
  }
  return s;
}

at1_status CallDecode(const at1_codec* codec, const at1_frame_info& info, const std::vector<StreamView>& streams,
                      OutputSink* sink, std::string* error) {
  DecodeState st{{}, sink, error, 0};
  for (const StreamView& v : streams) st.by_name.emplace(v.name, &v);
  at1_decode_host host{};
  host.struct_size = sizeof host;
  host.ctx = &st;
  host.get_stream = &GetStream;
  host.write = &Write;
  host.set_error = &SetDecodeError;
  host.reserve = &Reserve;
  host.commit = &Commit;
  return codec->decode(&host, &info);
}

std::string DescribeCodecStatus(at1_status s) {
  switch (s) {
    case AT1_OK: return "ok";
    case AT1_E_INVALID: return "invalid argument (AT1_E_INVALID)";
    case AT1_E_CORRUPT: return "corrupt streams (AT1_E_CORRUPT)";
    case AT1_E_UNSUPPORTED: return "input not modelled (AT1_E_UNSUPPORTED)";
    case AT1_E_NOMEM: return "out of memory (AT1_E_NOMEM)";
    case AT1_E_LIMIT: return "limit exceeded (AT1_E_LIMIT)";
    case AT1_E_HOST: return "stopped by the host (AT1_E_HOST)";
    case AT1_E_NOT_FOUND: return "stream not found (AT1_E_NOT_FOUND)";
    case AT1_E_INTERNAL: return "internal codec error (AT1_E_INTERNAL)";
    default: return "unknown status " + std::to_string(s);
  }
}

}  // namespace at1::plugin
