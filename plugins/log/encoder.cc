// Frame encoder of the `log` codec: tokenise every line, intern templates,
// then write each template's variable slots column by column (ordered by
// template, then slot) into one stream per value type, so the backend sees
// homogeneous data without paying per-stream overhead on small frames.
#include <algorithm>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "cluster.hpp"
#include "encoder.hpp"
#include "format.hpp"
#include "huge_reserve.hpp"
#include "ipv4.hpp"
#include "numcol.hpp"
#include "recent.hpp"
#include "stream_pack.hpp"
#include "template.hpp"
#include "tokenizer.hpp"

namespace at1::log {
namespace {

using at1::sdk::ByteWriter;

int64_t wrap_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}

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
  std::vector<Op> ops;          // of the folded template
  std::vector<uint32_t> slot;   // per variable op: its index among the line's variables
  std::vector<uint32_t> lines;  // lines using it, in order
  // Its string and timestamp slots (coded in line order): kind, layout, var index.
  struct LineSlot {
    uint8_t kind, param;
    uint32_t var;
  };
  std::vector<LineSlot> line_slots;
};

// 64-bit hash of a template, 8 bytes a step (templates are ~50-200 bytes).
uint64_t hash_text(std::string_view t) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ t.size();
  size_t i = 0;
  for (; i + 8 <= t.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, t.data() + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  uint64_t w = 0;
  std::memcpy(&w, t.data() + i, t.size() - i);
  h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 29);
}

// Interned template texts with ids 1.. (0 = verbatim line): an open-addressing
// table of (hash, id); texts are compared only when the full hashes match.
class TemplateSet {
 public:
  TemplateSet() : slots_(1024) {}
  uint32_t intern(std::string_view t) {
    const uint64_t h = hash_text(t);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.id) break;
      if (s.hash == h && text_[s.id - 1] == t) return s.id;
    }
    text_.emplace_back(t);
    const auto id = static_cast<uint32_t>(text_.size());
    if (text_.size() * 2 > slots_.size()) grow();
    mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].id) i = (i + 1) & mask;
    slots_[i] = Slot{h, id};
    return id;
  }
  const std::deque<std::string>& texts() const { return text_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = 0;
  };
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.id) continue;
      size_t i = s.hash & mask;
      while (slots_[i].id) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::deque<std::string> text_;
  std::vector<Slot> slots_;
};

// Lines as template ids plus a flat array of their variables.
struct Parsed {
  TemplateSet templates;
  std::vector<uint32_t> tid, var_begin;
  std::vector<Var> vars;
};

// Writes the template of `ops` with every slot whose text is the same on all
// `lines` replaced by that text; *slot gets, per remaining slot, its index
// among the line's variables. Timestamps always stay slots (their column is
// shared in line order).
void fold_constants(const std::vector<Op>& ops, const std::vector<uint32_t>& lines, const Parsed& p, std::string* out,
                    std::vector<uint32_t>* slot) {
  uint32_t k = 0;
  for (const Op& op : ops) {
    if (!op.kind) {
      out->append(op.text, op.len);
      continue;
    }
    bool constant = op.kind != kVarTs && !lines.empty();
    const std::string_view first = constant ? p.vars[p.var_begin[lines[0]] + k].text : std::string_view();
    for (size_t i = 1; constant && i < lines.size(); ++i) constant = p.vars[p.var_begin[lines[i]] + k].text == first;
    if (constant) {
      out->append(first);
    } else {
      out->push_back(static_cast<char>(op.kind));
      if (kind_has_param(op.kind)) out->push_back(static_cast<char>(kParamBias + op.param));
      slot->push_back(k);
    }
    ++k;
  }
}

class FrameEncoder {
 public:
  explicit FrameEncoder(size_t size_hint) {
    // Logs carry roughly one variable per 10-15 bytes; reserving avoids
    // regrowing (and copying) the largest arrays.
    reserve_huge(first_.vars, size_hint / 12);
    reserve_huge(first_.tid, size_hint / 64);
    reserve_huge(first_.var_begin, size_hint / 64);
    reserve_huge(line_text_, size_hint / 64);
  }

  void add_line(std::string_view line) {
    tpl_buf_.clear();
    const size_t var_begin = first_.vars.size();
    first_.var_begin.push_back(static_cast<uint32_t>(var_begin));
    line_text_.push_back(line);
    if (!tokenizer_.tokenize(line, &tpl_buf_, &first_.vars)) {
      first_.tid.push_back(0);
      verbatim_.bytes(line);
      verbatim_.u8('\n');
      return;
    }
    first_.tid.push_back(first_.templates.intern(tpl_buf_));
  }

  void finish(at1::sdk::EncodeContext& ctx, const at1::sdk::EolEncoder& eol) {
    merge();
    write_streams(ctx, eol, first_);
  }

 private:
  // Rewrites every line onto merged templates (see cluster.hpp): segments that
  // vary become string variables holding the line's text there. Works in
  // place: lines of unmerged templates keep their variables where they are,
  // lines of merged ones get theirs appended to the same array (most lines
  // belong to frequent templates, which never merge, so little is copied).
  void merge() {
    const auto& texts = first_.templates.texts();
    std::vector<uint32_t> uses(texts.size(), 0);
    for (uint32_t t : first_.tid)
      if (t) ++uses[t - 1];
    const std::vector<Merge> merges = merge_templates(texts, uses);
    const size_t layout_count = tokenizer_.layouts().size();
    std::vector<uint32_t> new_id(texts.size() + 1, 0);
    std::vector<std::vector<Op>> ops(texts.size() + 1);
    TemplateSet merged;
    for (size_t t = 1; t <= texts.size(); ++t) {
      if (merges[t - 1].any && !parse_template(texts[t - 1], layout_count, &ops[t]))
        at1::sdk::fail_unsupported("log: bad template");
      new_id[t] = merged.intern(merges[t - 1].text);
    }
    std::vector<Var>& vars = first_.vars;
    std::vector<Var> line_vars;
    for (size_t line = 0; line < first_.tid.size(); ++line) {
      const uint32_t t = first_.tid[line];
      first_.tid[line] = new_id[t];
      if (!t || !merges[t - 1].any) continue;
      const Merge& m = merges[t - 1];
      line_vars.clear();
      size_t v = first_.var_begin[line];
      const char* text = line_text_[line].data();
      size_t pos = 0, seg = 0, seg_start = 0;
      auto close_segment = [&] {
        if (m.varying[seg]) line_vars.push_back(Var{0, std::string_view(text + seg_start, pos - seg_start)});
        ++seg;
        seg_start = pos + 1;
      };
      for (const Op& op : ops[t]) {
        if (op.kind) {
          if (!m.varying[seg]) line_vars.push_back(vars[v]);
          pos += vars[v++].text.size();
          continue;
        }
        for (uint32_t i = 0; i < op.len; ++i, ++pos)
          if (op.text[i] == ' ') close_segment();
      }
      close_segment();
      if (vars.size() + line_vars.size() > UINT32_MAX) at1::sdk::fail_unsupported("log: too many variables");
      first_.var_begin[line] = static_cast<uint32_t>(vars.size());
      vars.insert(vars.end(), line_vars.begin(), line_vars.end());
    }
    first_.templates = std::move(merged);
  }

  void write_streams(at1::sdk::EncodeContext& ctx, const at1::sdk::EolEncoder& eol, const Parsed& p) {
    const auto& layouts = tokenizer_.layouts();
    const auto& texts = p.templates.texts();
    std::vector<Template> tpls(texts.size() + 1);
    for (uint32_t line = 0; line < p.tid.size(); ++line)
      if (p.tid[line]) tpls[p.tid[line]].lines.push_back(line);
    // Slots whose text is the same on every line of a template become static
    // text: no column, and the template stays readable for the backend.
    std::vector<std::string> folded(texts.size() + 1);
    std::vector<Op> ops;
    for (size_t t = 1; t <= texts.size(); ++t) {
      ops.clear();
      if (!parse_template(texts[t - 1], layouts.size(), &ops)) at1::sdk::fail_unsupported("log: internal template error");
      fold_constants(ops, tpls[t].lines, p, &folded[t], &tpls[t].slot);
    }
    ByteWriter tpl_stream;
    for (size_t t = 1; t <= texts.size(); ++t) {
      if (!parse_template(folded[t], layouts.size(), &tpls[t].ops))
        at1::sdk::fail_unsupported("log: internal template error");
      tpl_stream.bytes(folded[t]);
      tpl_stream.u8('\n');
      size_t k = 0;
      for (const Op& op : tpls[t].ops) {
        if (!op.kind) continue;
        if (op.kind == kVarStr || op.kind == kVarTs || op.kind == kVarIp) tpls[t].line_slots.push_back({op.kind, op.param, tpls[t].slot[k]});
        ++k;
      }
    }
    ByteWriter tid, ts;
    // Later stamps of a line, one section per ordinal (see README "tsr").
    const size_t lcount = layouts.size();
    std::vector<int64_t> prev_ts(lcount, 0), prev_rel(kTsOrdinals * lcount, 0), prev_abs(kTsOrdinals * lcount, 0);
    std::vector<int64_t> by_rel[kTsOrdinals], by_abs[kTsOrdinals];
    RecentStrings recent;
    std::vector<uint8_t> str_rank(p.vars.size());  // string and address slots
    RecentIps recent_ips;
    ByteWriter ipr, ips;
    std::vector<uint32_t> new_ips;
    int64_t tmin = INT64_MAX, tmax = INT64_MIN;
    uint32_t max_tid = 0;
    for (uint32_t line = 0; line < p.tid.size(); ++line) {
      const uint32_t t = p.tid[line];
      // Template ids follow first use, so a first use is always the next id:
      // coded as 1 (the backend sees one symbol instead of a rising count).
      tid.varint(t == 0 ? 0 : t == max_tid + 1 ? 1 : t + 1);
      max_tid = std::max(max_tid, t);
      if (!t) continue;
      const uint32_t vbase = p.var_begin[line];
      size_t ordinal = 0;
      uint8_t first_layout = 0;
      int64_t first_value = 0;
      for (const Template::LineSlot& op : tpls[t].line_slots) {
        const uint32_t vi = vbase + op.var;
        const Var* v = &p.vars[vi];
        if (op.kind == kVarIp) {
          const auto ip = static_cast<uint32_t>(v->value);
          const uint8_t rank = recent_ips.find(ip);
          str_rank[vi] = rank;
          if (rank) recent_ips.use(rank);
          else recent_ips.add(ip), new_ips.push_back(ip);
        } else if (op.kind == kVarStr) {
          const uint8_t rank = recent.find(v->text);
          str_rank[vi] = rank;
          if (rank) recent.use(rank);
          else recent.add(v->text);
        } else if (op.kind == kVarTs) {
          const int64_t value = static_cast<int64_t>(v->value);
          if (ordinal == 0) {
            ts.svarint(wrap_sub(value, prev_ts[op.param]));
            prev_ts[op.param] = value;
            if (ts_has_year(layouts[op.param])) {
              const int64_t ms = ts_to_millis(layouts[op.param], value);
              tmin = std::min(tmin, ms), tmax = std::max(tmax, ms);
            }
            first_layout = op.param, first_value = value;
          } else {
            // Either the line's own time again (relative to the first stamp)
            // or a clock of its own (delta to the previous such stamp).
            const size_t k = std::min(ordinal, kTsOrdinals - 1), key = k * lcount + op.param;
            const int64_t r = wrap_sub(value, ts_rebase(layouts[first_layout], first_value, layouts[op.param]));
            by_rel[k].push_back(wrap_sub(r, prev_rel[key]));
            by_abs[k].push_back(wrap_sub(value, prev_abs[key]));
            prev_rel[key] = r, prev_abs[key] = value;
          }
          ++ordinal;
        }
      }
    }
    ByteWriter tsr = write_later_stamps(by_rel, by_abs);
    for (int shift = 24; shift >= 0; shift -= 8)
      for (uint32_t ip : new_ips) ips.u8(static_cast<uint8_t>(ip >> shift));
    NumColumnEncoder nums;
    ByteWriter hex, flt, str, sref;
    std::vector<uint64_t> col;
    for (size_t t = 1; t < tpls.size(); ++t) {
      const Template& tp = tpls[t];
      size_t slot_index = 0;
      for (const Op& op : tp.ops) {
        if (!op.kind) continue;
        const size_t slot = tp.slot[slot_index++];
        if (kind_is_numeric(op.kind)) {
          col.clear();
          for (uint32_t line : tp.lines) col.push_back(p.vars[p.var_begin[line] + slot].value);
          nums.write(op.kind, col);
        } else if (kind_is_hex(op.kind)) {
          for (uint32_t line : tp.lines) put_hex(hex, p.vars[p.var_begin[line] + slot].text);
        } else if (op.kind == kVarFloat) {
          for (uint32_t line : tp.lines) {
            flt.bytes(p.vars[p.var_begin[line] + slot].text);
            flt.u8('\n');
          }
        } else if (op.kind == kVarIp) {
          for (uint32_t line : tp.lines) ipr.u8(str_rank[p.var_begin[line] + slot]);
        } else if (op.kind == kVarStr) {
          for (uint32_t line : tp.lines) {
            const uint32_t vi = p.var_begin[line] + static_cast<uint32_t>(slot);
            sref.u8(str_rank[vi]);
            if (str_rank[vi]) continue;
            str.bytes(p.vars[vi].text);
            str.u8('\n');
          }
        }
      }
    }
    ByteWriter eol_stream, tsl;
    eol.finish(eol_stream);
    if (!layouts.empty()) tsl.varint(layouts.size());
    for (const TsLayout& l : layouts) tsl.bytes(&l, sizeof l);
    // Empty streams are left out, small ones packed (each costs container
    // overhead); the decoder reads a missing stream as empty.
    StreamPacker out;
    auto put = [&](const char* name, const ByteWriter& w) { out.put(ctx, name, w); };
    put(kStreamEol, eol_stream);
    put(kStreamLayouts, tsl);
    put(kStreamModes, nums.mode);
    put(kStreamTemplateIds, tid);
    put(kStreamTimes, ts);
    put(kStreamLaterTimes, tsr);
    put(kStreamNumbers, nums.num);
    put(kStreamWide, nums.wide);
    put(kStreamHex, hex);
    put(kStreamStringRanks, sref);
    put(kStreamIpRanks, ipr);
    put(kStreamIps, ips);
    put(kStreamFloats, flt);
    put(kStreamStrings, str);
    put(kStreamTemplates, tpl_stream);
    put(kStreamVerbatim, verbatim_);
    out.finish(ctx);
    if (tmin <= tmax) ctx.stat_i64(AT1_STAT_TIME, tmin, tmax);
  }

  // "tsr": varint section count n, then per ordinal 1..n-1 a mode byte and
  // the section's byte length, then the sections (zigzag varints).
  static ByteWriter write_later_stamps(const std::vector<int64_t>* by_rel, const std::vector<int64_t>* by_abs) {
    size_t n = kTsOrdinals;
    while (n > 1 && by_rel[n - 1].empty()) --n;
    ByteWriter head, body;
    if (n == 1) return head;
    head.varint(n);
    for (size_t k = 1; k < n; ++k) {
      size_t rel_cost = 0, abs_cost = 0;
      for (int64_t d : by_rel[k]) rel_cost += varint_size(at1::sdk::zigzag_encode(d));
      for (int64_t d : by_abs[k]) abs_cost += varint_size(at1::sdk::zigzag_encode(d));
      const bool rel = rel_cost <= abs_cost;
      const size_t start = body.size();
      for (int64_t d : rel ? by_rel[k] : by_abs[k]) body.svarint(d);
      head.u8(rel ? kTsRelative : kTsOwnClock);
      head.varint(body.size() - start);
    }
    head.bytes(body.data(), body.size());
    return head;
  }

  Tokenizer tokenizer_;
  std::string tpl_buf_;
  Parsed first_;
  std::vector<std::string_view> line_text_;
  ByteWriter verbatim_;
};

}  // namespace

void encode_frame(at1::sdk::EncodeContext& ctx, at1::sdk::Bytes input) {
  if (input.size > UINT32_MAX) at1::sdk::fail_unsupported("log: frame over 4 GiB");
  FrameEncoder enc(input.size);
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
