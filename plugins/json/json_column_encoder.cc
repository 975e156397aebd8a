// Column encoding. Two modes, picked per column:
//  - dict: few distinct spellings (the usual case for categories, flags,
//    small integers, repeated floats): spellings once, ranked by frequency so
//    the ids are small and skewed, which the backend's entropy coder likes;
//  - typed: per-value tag, canonical decimals as (mantissa, scale) with an
//    optional delta against the previous number, strings and odd numbers as
//    text.
#include "json_column_encoder.h"

#include <algorithm>
#include <string_view>

#include "json_number.h"
#include "at1/cpp/string_index.hpp"
#include "json_time_format.h"

namespace at1json {
namespace {

using at1::sdk::ByteWriter;

size_t varint_size(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

std::string_view spelling(const char* base, ValRef v) { return {base + v.off, v.len}; }

// How many values ahead the column passes prefetch.
constexpr size_t kPrefetchAhead = 8;

// Tries the dictionary mode; false when the column has too many distinct
// spellings for it to pay.
bool try_dict(const char* base, const std::vector<ValRef>& values, bool want_range,
              EncodedColumn* out) {
  const size_t n = values.size();
  const size_t limit = n / 6;
  if (limit == 0) return false;
  struct Entry {
    uint32_t count;
    uint32_t first;
  };
  at1::sdk::StringIndex index;
  std::vector<Entry> entries;
  std::vector<std::string_view> texts;
  std::vector<uint32_t> ids(n);
  std::string_view prev;
  uint32_t prev_id = 0;
  for (size_t i = 0; i < n; ++i) {
    // A column's values lie a line apart in the frame: fetch ahead, or
    // every value is a cache miss.
    if (i + kPrefetchAhead < n) __builtin_prefetch(base + values[i + kPrefetchAhead].off);
    const std::string_view v = spelling(base, values[i]);
    if (i > 0 && at1::sdk::same_text(v, prev)) {  // runs of one value are common: skip the hash
      ++entries[prev_id].count;
      ids[i] = prev_id;
      continue;
    }
    bool fresh;
    const uint32_t id = index.intern(v, &fresh);
    prev = v;
    prev_id = id;
    if (fresh) {
      if (entries.size() >= limit) return false;
      entries.push_back({0, static_cast<uint32_t>(i)});
      texts.push_back(v);
    }
    ++entries[id].count;
    ids[i] = id;
  }
  if (want_range)
    for (std::string_view t : texts) out->numbers.add_spelling(t);
  std::vector<uint32_t> order(entries.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return entries[a].count != entries[b].count ? entries[a].count > entries[b].count
                                                : entries[a].first < entries[b].first;
  });
  std::vector<uint32_t> rank(entries.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  out->meta.u8(kModeDict);
  out->meta.varint(entries.size());
  ByteWriter& dict = out->parts[kPartDict];
  for (uint32_t e : order) {
    dict.bytes(texts[e]);
    dict.u8('\n');
  }
  ByteWriter& id = out->parts[kPartId];
  for (size_t i = 0; i < n; ++i) id.varint(rank[ids[i]]);
  return true;
}

void encode_typed(const char* base, const std::vector<ValRef>& values, bool want_range,
                  EncodedColumn* out) {
  std::vector<uint8_t> tags;
  std::vector<int64_t> mantissas;
  std::vector<uint8_t> scales;
  tags.reserve(values.size());
  ByteWriter& str = out->parts[kPartStr];
  ByteWriter& time = out->parts[kPartTime];
  TimeFormat time_format;
  bool time_tried = false, has_time = false;
  int64_t prev_time = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i + kPrefetchAhead < values.size()) __builtin_prefetch(base + values[i + kPrefetchAhead].off);
    std::string_view s = spelling(base, values[i]);
    int64_t m;
    uint8_t sc;
    uint8_t tag;
    switch (s[0]) {
      case 'n': tag = kTagNull; break;
      case 't': tag = kTagTrue; break;
      case 'f': tag = kTagFalse; break;
      case '"':
        s = s.substr(1, s.size() - 2);
        int64_t t;
        if (!s.empty() && parse_decimal(s, &m, &sc)) {
          tag = kTagStrNum;
          break;
        }
        if (!time_tried) {  // the column's first plain string picks the layout
          time_tried = true;
          has_time = time_format.infer(s);
        }
        if (has_time && time_format.parse(s, &t)) {
          tag = kTagStrTime;
          time.svarint(static_cast<int64_t>(static_cast<uint64_t>(t) - static_cast<uint64_t>(prev_time)));
          prev_time = t;
        } else {
          tag = kTagStr;
          str.bytes(s);
          str.u8('\n');
        }
        break;
      default:
        if (parse_decimal(s, &m, &sc)) {
          tag = kTagNum;
          if (want_range) out->numbers.add(decimal_value(m, sc), sc == 0);
        } else {
          tag = kTagNumRaw;
          if (want_range) out->numbers.add_spelling(s);
          str.bytes(s);
          str.u8('\n');
        }
        break;
    }
    if (tag == kTagNum || tag == kTagStrNum) {
      mantissas.push_back(m);
      scales.push_back(sc);
    }
    tags.push_back(tag);
  }

  bool one_tag = std::all_of(tags.begin(), tags.end(), [&](uint8_t t) { return t == tags[0]; });
  bool one_scale = std::all_of(scales.begin(), scales.end(), [&](uint8_t s) { return s == scales[0]; });
  size_t plain = 0, delta = 0;
  uint64_t prev = 0;
  for (int64_t m : mantissas) {
    plain += varint_size(at1::sdk::zigzag_encode(m));
    delta += varint_size(at1::sdk::zigzag_encode(static_cast<int64_t>(static_cast<uint64_t>(m) - prev)));
    prev = static_cast<uint64_t>(m);
  }
  const bool use_delta = delta < plain;

  out->meta.u8(kModeTyped);
  out->meta.u8(one_tag ? tags[0] : kVaries);
  const bool time_used = std::find(tags.begin(), tags.end(), kTagStrTime) != tags.end();
  out->meta.u8((use_delta ? kFlagDelta : 0) | (time_used ? kFlagTime : 0));
  out->meta.u8(scales.empty() ? 0 : (one_scale ? scales[0] : kVaries));
  if (time_used) time_format.write(out->meta);
  if (!one_tag) out->parts[kPartTag].bytes(tags.data(), tags.size());
  if (!one_scale) out->parts[kPartScale].bytes(scales.data(), scales.size());
  ByteWriter& num = out->parts[kPartNum];
  prev = 0;
  for (int64_t m : mantissas) {
    num.svarint(use_delta ? static_cast<int64_t>(static_cast<uint64_t>(m) - prev) : m);
    prev = static_cast<uint64_t>(m);
  }
}

}  // namespace

void encode_column(const char* base, const std::vector<ValRef>& values, bool want_range,
                   EncodedColumn* out) {
  if (values.empty()) {
    out->meta.u8(kModeEmpty);
    return;
  }
  if (try_dict(base, values, want_range, out)) return;
  encode_typed(base, values, want_range, out);
}

}  // namespace at1json
