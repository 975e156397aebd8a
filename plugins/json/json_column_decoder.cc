#include "json_column_decoder.h"

#include <cstring>

#include "json_number.h"

namespace at1json {

using at1::sdk::ByteReader;
using at1::sdk::fail_corrupt;

void ColumnDecoder::init(ByteReader& meta, const at1::sdk::Bytes parts[kPartCount]) {
  mode_ = meta.u8();
  if (mode_ == kModeDict) {
    uint64_t n = meta.varint_max(parts[kPartDict].size, "json: dictionary larger than its part");
    if (n == 0) fail_corrupt("json: empty dictionary");
    entries_.reserve(n);
    const char* p = reinterpret_cast<const char*>(parts[kPartDict].data);
    const char* end = p + parts[kPartDict].size;
    for (uint64_t i = 0; i < n; ++i) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      if (!nl || nl == p) fail_corrupt("json: bad dictionary entry");
      entries_.emplace_back(p, static_cast<size_t>(nl - p));
      p = nl + 1;
    }
    if (p != end) fail_corrupt("json: trailing dictionary bytes");
    ids_ = ByteReader(parts[kPartId]);
  } else if (mode_ == kModeTyped) {
    const_tag_ = meta.u8();
    if (const_tag_ >= kTagCount && const_tag_ != kVaries) fail_corrupt("json: bad column tag");
    uint8_t flags = meta.u8();
    if (flags & ~(kFlagDelta | kFlagTime)) fail_corrupt("json: bad column flags");
    delta_ = flags & kFlagDelta;
    const_scale_ = meta.u8();
    if (const_scale_ > kMaxScale && const_scale_ != kVaries) fail_corrupt("json: bad scale");
    if (flags & kFlagTime) time_format_.read(meta);
    tags_ = ByteReader(parts[kPartTag]);
    nums_ = ByteReader(parts[kPartNum]);
    scales_ = ByteReader(parts[kPartScale]);
    strs_ = ByteReader(parts[kPartStr]);
    times_ = ByteReader(parts[kPartTime]);
  } else if (mode_ != kModeEmpty) {
    fail_corrupt("json: bad column mode");
  }
}

bool ColumnDecoder::exhausted() const {
  return ids_.at_end() && tags_.at_end() && nums_.at_end() && scales_.at_end() && strs_.at_end() &&
         times_.at_end();
}

std::string_view ColumnDecoder::next_text() {
  const uint8_t* p = strs_.position();
  const void* nl = std::memchr(p, '\n', strs_.remaining());
  if (!nl) fail_corrupt("json: string part ends early");
  size_t n = static_cast<size_t>(static_cast<const uint8_t*>(nl) - p);
  strs_.bytes(n + 1);
  return {reinterpret_cast<const char*>(p), n};
}

void ColumnDecoder::emit_typed(OutBuf& out) {
  if (mode_ != kModeTyped) fail_corrupt("json: value from an empty column");
  uint8_t tag = const_tag_ != kVaries ? const_tag_ : tags_.u8();
  switch (tag) {
    case kTagNull: out.write("null", 4); return;
    case kTagTrue: out.write("true", 4); return;
    case kTagFalse: out.write("false", 5); return;
    case kTagStr: {
      std::string_view s = next_text();
      out.put('"');
      out.write(s.data(), s.size());
      out.put('"');
      return;
    }
    case kTagNumRaw: {
      std::string_view s = next_text();
      if (s.empty()) fail_corrupt("json: empty number");
      out.write(s.data(), s.size());
      return;
    }
    case kTagNum:
    case kTagStrNum: {
      uint64_t v = static_cast<uint64_t>(nums_.svarint());
      if (delta_) v += prev_;
      prev_ = v;
      unsigned scale = const_scale_ != kVaries ? const_scale_ : scales_.u8();
      if (scale > kMaxScale) fail_corrupt("json: bad scale");
      char* dst = out.room(kMaxDecimalText + 2);
      size_t n = 0;
      if (tag == kTagStrNum) dst[n++] = '"';
      n += render_decimal(static_cast<int64_t>(v), scale, dst + n);
      if (tag == kTagStrNum) dst[n++] = '"';
      out.commit(n);
      return;
    }
    case kTagStrTime: {
      if (time_format_.fields == 0) fail_corrupt("json: time value without a layout");
      prev_time_ += static_cast<uint64_t>(times_.svarint());
      char* dst = out.room(TimeFormat::kMaxText + 2);
      dst[0] = '"';
      size_t n = time_format_.render(static_cast<int64_t>(prev_time_), dst + 1);
      if (n == 0) fail_corrupt("json: time out of range");
      dst[n + 1] = '"';
      out.commit(n + 2);
      return;
    }
    default:
      fail_corrupt("json: bad value tag");
  }
}

}  // namespace at1json
