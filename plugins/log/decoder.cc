// Frame decoder of the `log` codec: parse templates, pull every numeric,
// hex and float column into flat arrays, then rebuild the lines in order.
// All lengths and counts from the streams are checked before use.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "encoder.hpp"
#include "format.hpp"
#include "ipv4.hpp"
#include "numcol.hpp"
#include "out_window.hpp"
#include "recent.hpp"
#include "stream_pack.hpp"
#include "template.hpp"
#include "timestamp.hpp"
#include "var_text.hpp"

namespace at1::log {
namespace {

using at1::sdk::ByteReader;
using at1::sdk::fail_corrupt;

// The longest variable a fixed-size op prints (hex: 64 digits, timestamps:
// kTsMaxText, numbers: 20 + sign).
constexpr size_t kMaxToken = 80;

// Lines visit hundreds of columns in turn, each one sequentially: too many
// streams for the hardware prefetcher, so a slot asks for its column's next
// cache line itself when it reads a value (a hint: any address is harmless).
inline void prefetch_ahead(const void* p) {
  __builtin_prefetch(reinterpret_cast<const void*>(reinterpret_cast<uintptr_t>(p) + 64));
}

// The k-th value of numeric slot op.
inline uint64_t number(Op& op, const std::vector<uint64_t>& wide_values, uint64_t k) {
  if (op.mode == kModeWide) {
    prefetch_ahead(wide_values.data() + op.base + k);
    return wide_values[op.base + k];
  }
  prefetch_ahead(op.at);
  return next_value(op.mode, op.kind == kVarInt, &op.at, &op.next);
}

void put_eol(OutWindow& out, at1::sdk::Eol kind) {
  char* b = out.room(2);
  if (kind == at1::sdk::kEolLF) b[0] = '\n', out.advance(1);
  else if (kind == at1::sdk::kEolCRLF) b[0] = '\r', b[1] = '\n', out.advance(2);
}

inline int64_t wrap_add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
inline int64_t wrap_add(int64_t a, uint64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + b); }

// The "tsr" stream: per ordinal group a mode and a reader over its section.
class LaterStamps {
 public:
  explicit LaterStamps(at1::sdk::Bytes b) {
    ByteReader r(b);
    if (r.at_end()) return;
    const size_t n = static_cast<size_t>(r.varint_max(kTsOrdinals, "log: too many stamp groups"));
    size_t lens[kTsOrdinals] = {};
    for (size_t g = 1; g < n; ++g) {
      modes_[g] = r.u8();
      if (modes_[g] > kTsOwnClock) fail_corrupt("log: bad stamp group mode");
      lens[g] = static_cast<size_t>(r.varint_max(r.remaining(), "log: stamp group past end"));
    }
    for (size_t g = 1; g < n; ++g) groups_[g] = ByteReader(r.bytes(lens[g]));
    if (!r.at_end()) fail_corrupt("log: trailing stamp bytes");
  }
  int64_t next(size_t g) { return groups_[g].svarint(); }
  uint8_t mode(size_t g) const { return modes_[g]; }
  bool at_end() const {
    for (const auto& r : groups_)
      if (!r.at_end()) return false;
    return true;
  }

 private:
  ByteReader groups_[kTsOrdinals];
  uint8_t modes_[kTsOrdinals] = {};
};

// Static text up to kMaxBlockText bytes is copied in whole blocks of
// kTextBlock bytes (cheaper than a memcpy of the exact length); the
// templates' copy is padded so those reads stay inside it.
constexpr size_t kTextBlock = 32;
constexpr size_t kMaxBlockText = 256;

struct Templates {
  std::string text;  // the "tpl" stream + kTextBlock bytes of padding (on the heap: ops point into it)
  std::vector<Op> ops;
  std::vector<uint32_t> begin;  // ops of template t: [begin[t], begin[t+1])
};

std::vector<TsLayout> read_layouts(at1::sdk::Bytes b) {
  if (b.size == 0) return {};  // left out: no timestamps
  ByteReader r(b);
  const uint64_t n = r.varint_max(kMaxLayouts, "log: too many layouts");
  std::vector<TsLayout> layouts(n);
  for (auto& l : layouts) {
    std::memcpy(&l, r.bytes(sizeof l).data, sizeof l);
    if (!valid_layout(l)) fail_corrupt("log: bad timestamp layout");
  }
  if (!r.at_end()) fail_corrupt("log: trailing layout bytes");
  return layouts;
}

Templates read_templates(at1::sdk::Bytes b, size_t layout_count) {
  Templates t;
  t.begin.push_back(0);  // template 0 = verbatim, no ops
  t.begin.push_back(0);
  t.text.reserve(b.size + kTextBlock);
  t.text.assign(b.view());
  std::string_view s = t.text;
  t.text.append(kTextBlock, '\0');  // within the reserved capacity: s stays valid
  while (!s.empty()) {
    const size_t nl = s.find('\n');
    if (nl == std::string_view::npos) fail_corrupt("log: unterminated template");
    if (!parse_template(s.substr(0, nl), layout_count, &t.ops)) fail_corrupt("log: malformed template");
    t.begin.push_back(static_cast<uint32_t>(t.ops.size()));
    s.remove_prefix(nl + 1);
  }
  return t;
}

// Sizes the wide column array: every value takes at least one byte of "num",
// which caps what hostile counts can reserve (pages are touched only by the
// few wide columns).
void reserve_wide(const Templates& tp, const std::vector<uint64_t>& uses, size_t num_bytes,
                  std::vector<uint64_t>* nums) {
  uint64_t num_count = 0;
  for (size_t t = 1; t + 1 < tp.begin.size(); ++t)
    for (uint32_t o = tp.begin[t]; o < tp.begin[t + 1]; ++o)
      if (kind_is_numeric(tp.ops[o].kind)) num_count += uses[t];
  nums->reserve(static_cast<size_t>(std::min<uint64_t>(num_count, num_bytes)));
}

// The next text of a float slot, or new text of a string slot, whose
// '\n'-terminated texts (up to `end`) were checked when the column was opened.
inline std::string_view next_text(Op& op, const char* end) {
  const auto* p = reinterpret_cast<const char*>(op.at);
  const auto len = static_cast<size_t>(static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))) - p);
  op.at += len + 1;
  return std::string_view(p, len);
}

}  // namespace

void decode_frame(at1::sdk::DecodeContext& ctx) {
  StreamSource src(ctx);
  at1::sdk::EolDecoder eol(src.get(kStreamEol));
  const uint64_t line_count = eol.count();
  if (line_count > ctx.info().raw_size) fail_corrupt("log: more lines than bytes");
  const std::vector<TsLayout> layouts = read_layouts(src.optional(kStreamLayouts));
  Templates tp = read_templates(src.optional(kStreamTemplates), layouts.size());
  const size_t tcount = tp.begin.size() - 1;  // including the verbatim id 0

  // Template id per line and lines per template.
  std::vector<uint32_t> tids(line_count);
  std::vector<uint64_t> uses(tcount, 0);
  {
    ByteReader r(src.optional(kStreamTemplateIds));
    // 0 = verbatim, 1 = the next template not used yet, v >= 2 = template v - 1.
    uint32_t max_tid = 0;
    for (auto& id : tids) {
      const uint64_t v = r.varint_max(tcount, "log: template id out of range");
      if (v == 1 && max_tid + 1 >= tcount) fail_corrupt("log: more new templates than templates");
      id = v == 0 ? 0 : v == 1 ? max_tid + 1 : static_cast<uint32_t>(v - 1);
      max_tid = std::max(max_tid, id);
      ++uses[id];
    }
    if (!r.at_end()) fail_corrupt("log: trailing template ids");
  }

  // Columns, in (template, slot) order, into flat arrays.
  const at1::sdk::Bytes hex_b = src.optional(kStreamHex);
  const at1::sdk::Bytes num_b = src.optional(kStreamNumbers);
  const size_t num_bytes = num_b.size;
  NumColumnDecoder num(num_b, src.optional(kStreamModes), src.optional(kStreamWide));
  ByteReader hex(hex_b), sref(src.optional(kStreamStringRanks));
  std::string_view flt = src.optional(kStreamFloats).view(), str = src.optional(kStreamStrings).view();
  std::vector<uint64_t> nums;  // values of wide numeric columns
  reserve_wide(tp, uses, num_bytes, &nums);
  // Float and string slots read their texts and ranks in place (Op::at, Op::base).
  const char* const flt_end = flt.data() + flt.size();
  const char* const str_end = str.data() + str.size();
  const uint8_t* const ranks = sref.position();
  const at1::sdk::Bytes ip_ranks = src.optional(kStreamIpRanks);
  size_t ipr_next = 0;
  for (size_t t = 1; t < tcount; ++t) {
    const uint64_t c = uses[t];
    for (uint32_t o = tp.begin[t]; o < tp.begin[t + 1]; ++o) {
      Op& op = tp.ops[o];
      if (kind_is_numeric(op.kind)) {
        const NumColumn col = num.open(op.kind, c, &nums);
        op.mode = col.mode, op.at = col.at, op.base = col.base, op.next = 0;
      } else if (kind_is_hex(op.kind)) {
        if (c > hex.remaining() / op.len) fail_corrupt("log: hex column past end");
        op.base = static_cast<uint64_t>(hex.position() - hex_b.data);
        hex.bytes(static_cast<size_t>(c * op.len));
      } else if (op.kind == kVarIp) {
        if (c > ip_ranks.size - ipr_next) fail_corrupt("log: address ranks past end");
        op.base = ipr_next;
        ipr_next += static_cast<size_t>(c);
      } else if (op.kind == kVarFloat || op.kind == kVarStr) {
        std::string_view& src = op.kind == kVarFloat ? flt : str;
        uint64_t new_texts = c;
        if (op.kind == kVarStr) {
          if (c > sref.remaining()) fail_corrupt("log: string ranks past end");
          op.base = static_cast<uint64_t>(sref.position() - ranks);
          new_texts = 0;
          for (uint64_t k = 0; k < c; ++k) {
            const uint8_t r = sref.u8();
            if (r > RecentStrings::kSize) fail_corrupt("log: bad string rank");
            new_texts += r == 0;
          }
        }
        op.at = reinterpret_cast<const uint8_t*>(src.data());
        for (uint64_t k = 0; k < new_texts; ++k) {
          const size_t nl = src.find('\n');
          if (nl == std::string_view::npos) fail_corrupt("log: text column past end");
          src.remove_prefix(nl + 1);
        }
      }
    }
  }
  if (ipr_next != ip_ranks.size) fail_corrupt("log: trailing address ranks");
  if (!num.at_end() || !hex.at_end() || !sref.at_end() || !flt.empty() || !str.empty())
    fail_corrupt("log: trailing column bytes");

  // Lines.
  ByteReader ts(src.optional(kStreamTimes));
  std::string_view raw = src.optional(kStreamVerbatim).view();
  const size_t lcount = layouts.size();
  LaterStamps later(src.optional(kStreamLaterTimes));
  std::vector<int64_t> prev_ts(lcount, 0), prev_rel(kTsOrdinals * lcount, 0), prev_abs(kTsOrdinals * lcount, 0);
  RecentStrings recent;
  std::vector<uint64_t> occ(tcount, 0);
  TsPrinter stamps(layouts);
  // Addresses: ranks in line order; new ones as four byte planes.
  const at1::sdk::Bytes ip_planes = src.optional(kStreamIps);
  size_t new_ips = 0, ip_next = 0;
  for (size_t i = 0; i < ip_ranks.size; ++i) new_ips += ip_ranks.data[i] == 0;
  if (ip_planes.size != new_ips * 4) fail_corrupt("log: address planes do not match the ranks");
  RecentIps recent_ips;
  OutWindow out(ctx);
  constexpr size_t kOpsAhead = 4;
  for (uint64_t line = 0; line < line_count; ++line) {
    const uint32_t t = tids[line];
    // The ops of a template a few lines ahead (templates are hundreds).
    if (line + kOpsAhead < line_count) __builtin_prefetch(tp.ops.data() + tp.begin[tids[line + kOpsAhead]]);
    if (t == 0) {
      const size_t nl = raw.find('\n');
      if (nl == std::string_view::npos) fail_corrupt("log: verbatim stream too short");
      out.put(raw.data(), nl);
      raw.remove_prefix(nl + 1);
    } else {
      const uint64_t k = occ[t]++;
      size_t ordinal = 0;
      uint8_t first_layout = 0;
      int64_t first_value = 0;
      for (uint32_t o = tp.begin[t]; o < tp.begin[t + 1]; ++o) {
        Op& op = tp.ops[o];
        switch (op.kind) {
          case 0:
            if (op.len <= kMaxBlockText) {
              char* b = out.room(kMaxBlockText);
              for (uint32_t i = 0; i < op.len; i += kTextBlock) std::memcpy(b + i, op.text + i, kTextBlock);
              out.advance(op.len);
            } else {
              out.put(op.text, op.len);
            }
            break;
          case kVarInt:
            out.advance(put_int(out.room(kMaxToken), number(op, nums, k)));
            break;
          case kVarZint:
            out.advance(put_fixed(out.room(kMaxToken), number(op, nums, k), op.param));
            break;
          case kVarHexNumLo:
          case kVarHexNumUp:
            out.advance(put_hexnum(out.room(kMaxToken), number(op, nums, k), op.kind == kVarHexNumLo ? kHexLo : kHexUp));
            break;
          case kVarHexLo:
          case kVarHexUp: {
            const char* digits = op.kind == kVarHexLo ? kHexLo : kHexUp;
            const uint8_t* p = hex_b.data + op.base + k * op.len;
            prefetch_ahead(p);
            char* b = out.room(kMaxToken);
            for (size_t i = 0; i + 1 < op.param; i += 2) {
              b[i] = digits[p[i >> 1] >> 4];
              b[i + 1] = digits[p[i >> 1] & 15];
            }
            if (op.param & 1) b[op.param - 1] = digits[p[op.param >> 1] >> 4];
            out.advance(op.param);
            break;
          }
          case kVarFloat:
            prefetch_ahead(op.at);
            out.put(next_text(op, flt_end));
            break;
          case kVarStr: {
            prefetch_ahead(ranks + op.base + k);
            const uint8_t r = ranks[op.base + k];
            if (r == 0) {
              prefetch_ahead(op.at);
              const std::string_view text = next_text(op, str_end);
              recent.add(text);
              out.put(text);
            } else {
              if (r > recent.count()) fail_corrupt("log: string rank past the recent texts");
              out.put(recent.use(r));
            }
            break;
          }
          case kVarIp: {
            prefetch_ahead(ip_ranks.data + op.base + k);
            const uint8_t r = ip_ranks.data[op.base + k];
            uint32_t ip;
            if (r == 0) {
              if (ip_next >= new_ips) fail_corrupt("log: address planes past end");
              const uint8_t* p = ip_planes.data + ip_next++;
              ip = uint32_t(p[0]) << 24 | uint32_t(p[new_ips]) << 16 | uint32_t(p[2 * new_ips]) << 8 | p[3 * new_ips];
              recent_ips.add(ip);
            } else {
              if (r > recent_ips.count()) fail_corrupt("log: address rank past the recent ones");
              ip = recent_ips.use(r);
            }
            out.advance(format_ipv4(ip, out.room(kMaxToken)));
            break;
          }
          case kVarTs: {
            int64_t v;
            if (ordinal == 0) {
              v = wrap_add(prev_ts[op.param], ts.svarint());
              prev_ts[op.param] = v;
              first_layout = op.param, first_value = v;
            } else {
              const size_t g = std::min(ordinal, kTsOrdinals - 1), key = g * lcount + op.param;
              const int64_t base = ts_rebase(layouts[first_layout], first_value, layouts[op.param]);
              const int64_t d = later.next(g);
              v = later.mode(g) == kTsRelative ? wrap_add(wrap_add(prev_rel[key], d), base) : wrap_add(prev_abs[key], d);
              prev_rel[key] = wrap_add(v, 0 - static_cast<uint64_t>(base)), prev_abs[key] = v;
            }
            ++ordinal;
            const size_t n = stamps.print(op.param, v, out.room(kMaxToken));
            if (!n) fail_corrupt("log: timestamp out of range");
            out.advance(n);
            break;
          }
          default:
            fail_corrupt("log: bad op");
        }
      }
    }
    put_eol(out, eol.next());
  }
  out.finish();
  if (!raw.empty() || !ts.at_end() || !later.at_end()) fail_corrupt("log: trailing stream bytes");
}

}  // namespace at1::log
