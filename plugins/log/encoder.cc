// Frame encoder of the `log` codec: tokenise every line, intern templates,
// then write each template's variable slots column by column (ordered by
// template, then slot) into one stream per value type, so the backend sees
// homogeneous data without paying per-stream overhead on small frames.
#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "encoder.hpp"
#include "format.hpp"
#include "template.hpp"
#include "tokenizer.hpp"

namespace at1::log {
namespace {

using at1::sdk::ByteWriter;

size_t varint_size(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

uint8_t hex_nibble(char c) {
  return static_cast<uint8_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
}

// Packs hex digits two per byte (high nibble first; odd length pads with 0).
void put_hex(ByteWriter& w, std::string_view h) {
  size_t i = 0;
  for (; i + 1 < h.size(); i += 2) w.u8(static_cast<uint8_t>(hex_nibble(h[i]) << 4 | hex_nibble(h[i + 1])));
  if (i < h.size()) w.u8(static_cast<uint8_t>(hex_nibble(h[i]) << 4));
}

struct Template {
  std::vector<Op> ops;
  std::vector<uint32_t> lines;  // lines using it, in order
};

class FrameEncoder {
 public:
  void add_line(std::string_view line) {
    tpl_buf_.clear();
    const size_t var_begin = vars_.size();
    if (!tokenizer_.tokenize(line, &tpl_buf_, &vars_)) {
      line_tid_.push_back(0);
      line_var_.push_back(static_cast<uint32_t>(var_begin));
      verbatim_.bytes(line);
      verbatim_.u8('\n');
      return;
    }
    auto it = ids_.find(tpl_buf_);
    uint32_t id;
    if (it == ids_.end()) {
      text_.emplace_back(tpl_buf_);
      id = static_cast<uint32_t>(text_.size());
      ids_.emplace(text_.back(), id);
    } else {
      id = it->second;
    }
    line_tid_.push_back(id);
    line_var_.push_back(static_cast<uint32_t>(var_begin));
  }

  void finish(at1::sdk::EncodeContext& ctx, const at1::sdk::EolEncoder& eol) {
    const auto& layouts = tokenizer_.layouts();
    std::vector<Template> tpls(text_.size() + 1);
    ByteWriter tpl_stream;
    for (size_t t = 1; t <= text_.size(); ++t) {
      if (!parse_template(text_[t - 1], layouts.size(), &tpls[t].ops))
        at1::sdk::fail_unsupported("log: internal template error");
      tpl_stream.bytes(text_[t - 1]);
      tpl_stream.u8('\n');
    }
    ByteWriter tid, ts;
    std::vector<int64_t> prev_ts(layouts.size(), 0);
    int64_t tmin = INT64_MAX, tmax = INT64_MIN;
    for (uint32_t line = 0; line < line_tid_.size(); ++line) {
      const uint32_t t = line_tid_[line];
      tid.varint(t);
      if (!t) continue;
      tpls[t].lines.push_back(line);
      const Var* v = &vars_[line_var_[line]];
      bool first_ts = true;
      for (const Op& op : tpls[t].ops) {
        if (!op.kind) continue;
        if (op.kind == kVarTs) {
          const int64_t value = static_cast<int64_t>(v->value);
          ts.svarint(static_cast<int64_t>(static_cast<uint64_t>(value) - static_cast<uint64_t>(prev_ts[op.param])));
          prev_ts[op.param] = value;
          if (first_ts && ts_has_year(layouts[op.param])) {
            const int64_t ms = ts_to_millis(layouts[op.param], value);
            tmin = std::min(tmin, ms), tmax = std::max(tmax, ms);
          }
          first_ts = false;
        }
        ++v;
      }
    }
    ByteWriter num, mode, hex, flt;
    std::vector<uint64_t> col;
    for (size_t t = 1; t < tpls.size(); ++t) {
      const Template& tp = tpls[t];
      size_t slot = 0;
      for (const Op& op : tp.ops) {
        if (!op.kind) continue;
        if (kind_is_numeric(op.kind)) {
          col.clear();
          for (uint32_t line : tp.lines) col.push_back(vars_[line_var_[line] + slot].value);
          write_numeric(op.kind, col, mode, num);
        } else if (kind_is_hex(op.kind)) {
          for (uint32_t line : tp.lines) put_hex(hex, vars_[line_var_[line] + slot].text);
        } else if (op.kind == kVarFloat) {
          for (uint32_t line : tp.lines) {
            flt.bytes(vars_[line_var_[line] + slot].text);
            flt.u8('\n');
          }
        }
        ++slot;
      }
    }
    ByteWriter eol_stream, tsl;
    eol.finish(eol_stream);
    tsl.varint(layouts.size());
    for (const TsLayout& l : layouts) tsl.bytes(&l, sizeof l);
    ctx.put(kStreamEol, eol_stream);
    ctx.put(kStreamTemplates, tpl_stream);
    ctx.put(kStreamLayouts, tsl);
    ctx.put(kStreamTemplateIds, tid);
    ctx.put(kStreamVerbatim, verbatim_);
    ctx.put(kStreamNumbers, num);
    ctx.put(kStreamModes, mode);
    ctx.put(kStreamHex, hex);
    ctx.put(kStreamFloats, flt);
    ctx.put(kStreamTimes, ts);
    if (tmin <= tmax) ctx.stat_i64(AT1_STAT_TIME, tmin, tmax);
  }

 private:
  // Raw or delta against the previous value of the same column, whichever
  // needs fewer varint bytes.
  static void write_numeric(uint8_t kind, const std::vector<uint64_t>& col, ByteWriter& mode, ByteWriter& num) {
    const bool is_signed = kind == kVarInt;
    auto raw = [&](uint64_t v) { return is_signed ? at1::sdk::zigzag_encode(static_cast<int64_t>(v)) : v; };
    size_t raw_cost = 0, delta_cost = 0;
    uint64_t prev = 0;
    for (uint64_t v : col) {
      raw_cost += varint_size(raw(v));
      delta_cost += varint_size(at1::sdk::zigzag_encode(static_cast<int64_t>(v - prev)));
      prev = v;
    }
    const bool delta = delta_cost < raw_cost;
    mode.u8(delta ? kModeDelta : kModeRaw);
    prev = 0;
    for (uint64_t v : col) {
      num.varint(delta ? at1::sdk::zigzag_encode(static_cast<int64_t>(v - prev)) : raw(v));
      prev = v;
    }
  }

  Tokenizer tokenizer_;
  std::string tpl_buf_;
  std::vector<Var> vars_;
  std::vector<uint32_t> line_tid_, line_var_;
  std::deque<std::string> text_;
  std::unordered_map<std::string_view, uint32_t> ids_;
  ByteWriter verbatim_;
};

}  // namespace

void encode_frame(at1::sdk::EncodeContext& ctx, at1::sdk::Bytes input) {
  if (input.size > UINT32_MAX) at1::sdk::fail_unsupported("log: frame over 4 GiB");
  FrameEncoder enc;
  at1::sdk::EolEncoder eol;
  at1::sdk::LineCursor cursor(input);
  std::string_view line;
  at1::sdk::Eol kind;
  while (cursor.next(&line, &kind)) {
    enc.add_line(line);
    eol.add(kind);
  }
  enc.finish(ctx, eol);
}

}  // namespace at1::log
