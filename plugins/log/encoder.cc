// Frame encoder of the `log` codec: tokenise every line, intern templates,
// then write each template's variable slots column by column (ordered by
// template, then slot) into one stream per value type, so the backend sees
// homogeneous data without paying per-stream overhead on small frames.
#include <algorithm>
#include <cstring>
#include <deque>
#include <span>
#include <string>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "cluster.hpp"
#include "encoder.hpp"
#include "format.hpp"
#include "ipv4.hpp"
#include "numcol.hpp"
#include "recent.hpp"
#include "stream_pack.hpp"
#include "template.hpp"
#include "tokenizer.hpp"
#include "var_store.hpp"
#include "var_text.hpp"

namespace at1::log {
namespace {

using at1::sdk::ByteWriter;

int64_t wrap_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
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
  std::vector<Op> ops;              // of the folded template
  std::vector<uint32_t> slot;       // per variable op: its index among the line's variables
  std::span<const uint32_t> lines;  // lines using it, in order
  // The line's variables (of the unfolded template): kind, layout, and
  // whether it is a string, timestamp or address slot (coded in line order).
  struct LineVar {
    uint8_t kind, param;
    bool line_order;
  };
  std::vector<LineVar> vars;
  size_t line_order_end = 0;  // variables after the last line-order one need no reading in line order
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
    // Runs of lines of one message are common; the table's slot and text are
    // likely cache misses (thousands of templates), the last one is not.
    if (h == last_hash_ && last_id_ && text_[last_id_ - 1] == t) return last_id_;
    last_hash_ = h;
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.id) break;
      if (s.hash == h && std::string_view(s.text, s.len) == t) return last_id_ = s.id;
    }
    const std::string& kept = text_.emplace_back(t);
    const auto id = last_id_ = static_cast<uint32_t>(text_.size());
    if (text_.size() * 2 > slots_.size()) grow();
    mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].id) i = (i + 1) & mask;
    slots_[i] = Slot{h, id, static_cast<uint32_t>(kept.size()), kept.data()};
    return id;
  }
  const std::deque<std::string>& texts() const { return text_; }

 private:
  // The text is reached from the slot (a deque element is two more loads,
  // each a likely cache miss); deque elements never move, so it stays valid.
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = 0;
    uint32_t len = 0;
    const char* text = nullptr;
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
  uint64_t last_hash_ = 0;
  uint32_t last_id_ = 0;  // the template interned last (0: none)
};

// Lines as template ids plus their variables: per line the position of its
// record in the store (var_store.hpp) and where the line starts in `frame`.
struct Parsed {
  const char* frame = nullptr;
  TemplateSet templates;
  std::vector<uint32_t> tid, record, line_start;
  VarStore vars;
  VarCursor cursor(uint32_t line) const { return VarCursor(vars.at(record[line]), line_start[line]); }
};

// Which variables of a template have had the same text on every line so
// far (timestamps never count: their column is shared in line order). Kept
// while lines are added, when their variables are at hand, so folding needs
// no second pass over the frame. A numeric variable's text is the same
// exactly when its value is: the tokenizer accepts one spelling per value.
struct ConstantSlots {
  std::vector<uint64_t> first;  // the first line's values (text references for text kinds)
  std::vector<uint8_t> same;
  size_t lines = 0;
  size_t upto = 0;  // variables past the last one still the same need no comparing

  // How many of the line's variables see() must be shown.
  size_t begin_line() {
    if (lines++ == 0) return SIZE_MAX;
    while (upto && !same[upto - 1]) --upto;
    return upto;
  }
  // The k-th variable of the line (a value, or a text reference into frame).
  void see(size_t k, uint8_t kind, uint64_t v, const char* frame) {
    if (lines == 1) {
      first.push_back(v);
      same.push_back(kind != kVarTs);
      upto = first.size();
    } else if (same[k]) {
      same[k] = kind_is_text(kind) ? ref_text(frame, v) == ref_text(frame, first[k]) : v == first[k];
    }
  }
};

// Writes the template of `ops` with every slot that `c` found constant
// replaced by its text; *slot gets, per remaining slot, its index among the
// line's variables.
void fold_constants(const std::vector<Op>& ops, const ConstantSlots& c, const char* frame, std::string* out,
                    std::vector<uint32_t>* slot) {
  uint32_t k = 0;
  for (const Op& op : ops) {
    if (!op.kind) {
      out->append(op.text, op.len);
      continue;
    }
    if (k < c.same.size() && c.same[k]) {
      char text[kMaxNumberText];
      if (kind_is_text(op.kind)) out->append(ref_text(frame, c.first[k]));
      else out->append(text, print_number(op.kind, op.param, c.first[k], text));
    } else {
      out->push_back(static_cast<char>(op.kind));
      if (kind_has_param(op.kind)) out->push_back(static_cast<char>(kParamBias + op.param));
      slot->push_back(k);
    }
    ++k;
  }
}

// ConstantSlots of a template from its lines' records.
ConstantSlots find_constants(const std::vector<Op>& ops, std::span<const uint32_t> lines, const Parsed& p) {
  std::vector<uint8_t> kinds;
  for (const Op& op : ops)
    if (op.kind) kinds.push_back(op.kind);
  ConstantSlots c;
  for (uint32_t line : lines) {
    const size_t n = std::min(c.begin_line(), kinds.size());
    if (!n) break;
    VarCursor cursor = p.cursor(line);
    for (size_t k = 0; k < n; ++k) c.see(k, kinds[k], cursor.next(kinds[k]), p.frame);
  }
  return c;
}

class FrameEncoder {
 public:
  // The host says how many lines the frame has: per-line arrays are sized
  // once, exactly.
  FrameEncoder(const char* frame, size_t line_count) {
    p_.frame = frame;
    p_.tid.reserve(line_count);
    p_.record.reserve(line_count);
    p_.line_start.reserve(line_count);
  }

  void add_line(std::string_view line) {
    tpl_buf_.clear();
    line_vars_.clear();
    p_.line_start.push_back(static_cast<uint32_t>(line.data() - p_.frame));
    if (!tokenizer_.tokenize(line, &tpl_buf_, &line_vars_)) {
      p_.tid.push_back(0);
      p_.record.push_back(0);
      verbatim_.bytes(line);
      verbatim_.u8('\n');
      return;
    }
    VarRecord record(p_.vars.begin(VarRecord::max_bytes(line.size())));
    for (const Var& v : line_vars_) {
      if (kind_is_text(v.kind)) record.text(v.kind, static_cast<size_t>(v.text.data() - line.data()), v.text.size());
      else record.value(v.kind, v.value);
    }
    p_.record.push_back(p_.vars.commit(record.end()));
    const uint32_t id = p_.templates.intern(tpl_buf_);
    p_.tid.push_back(id);
    if (id > constants_.size()) constants_.emplace_back();
    ConstantSlots& c = constants_[id - 1];
    const size_t n = std::min(c.begin_line(), line_vars_.size());
    for (size_t k = 0; k < n; ++k) {
      const Var& v = line_vars_[k];
      const uint64_t value = kind_is_text(v.kind) ? text_ref(static_cast<size_t>(v.text.data() - p_.frame), v.text.size()) : v.value;
      c.see(k, v.kind, value, p_.frame);
    }
  }

  void finish(at1::sdk::EncodeContext& ctx, const at1::sdk::EolEncoder& eol) {
    merge();
    write_streams(ctx, eol, p_);
  }

 private:
  // Rewrites every line onto merged templates (see cluster.hpp): segments that
  // vary become string variables holding the line's text there. Lines of
  // unmerged templates keep their records; lines of merged ones get a new
  // record (most lines belong to frequent templates, which never merge).
  void merge() {
    const auto& texts = p_.templates.texts();
    std::vector<uint32_t> uses(texts.size(), 0);
    for (uint32_t t : p_.tid)
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
    // An unmerged template keeps its text, lines and ConstantSlots; merged
    // ones (few lines) get theirs from the records when the streams are written.
    std::vector<ConstantSlots> constants(merged.texts().size());
    for (size_t t = 1; t <= texts.size(); ++t)
      if (!merges[t - 1].any) constants[new_id[t] - 1] = std::move(constants_[t - 1]);
    constants_ = std::move(constants);
    for (uint32_t line = 0; line < p_.tid.size(); ++line) {
      const uint32_t t = p_.tid[line];
      p_.tid[line] = new_id[t];
      if (!t || !merges[t - 1].any) continue;
      const Merge& m = merges[t - 1];
      const size_t line_start = p_.line_start[line];
      // The line's length, at most (modelled lines are <= kMaxModelledLine).
      const size_t span = line + 1 < p_.line_start.size() ? p_.line_start[line + 1] - line_start : kMaxModelledLine;
      VarCursor c = p_.cursor(line);
      // The old record stays where it is (a few rare lines): the new one is
      // written after it.
      VarRecord record(p_.vars.begin(VarRecord::max_bytes(std::min(span, kMaxModelledLine))));
      size_t pos = 0, seg = 0, seg_start = 0;
      auto close_segment = [&] {
        if (m.varying[seg]) record.text(kVarStr, seg_start, pos - seg_start);
        ++seg;
        seg_start = pos + 1;
      };
      for (const Op& op : ops[t]) {
        if (op.kind) {
          const uint64_t v = c.next(op.kind);
          if (!m.varying[seg]) {
            if (kind_is_text(op.kind)) record.text(op.kind, (v >> 32) - line_start, ref_text(p_.frame, v).size());
            else record.value(op.kind, v);
          }
          pos += text_size(op, v);
          continue;
        }
        for (uint32_t i = 0; i < op.len; ++i, ++pos)
          if (op.text[i] == ' ') close_segment();
      }
      close_segment();
      p_.record[line] = p_.vars.commit(record.end());
    }
    p_.templates = std::move(merged);
  }

  // Bytes of the line a variable of `op` with this value (or text reference) spans.
  size_t text_size(const Op& op, uint64_t value) const {
    if (kind_is_text(op.kind)) return ref_text(p_.frame, value).size();
    char text[kTsMaxText];
    if (op.kind == kVarTs) return format_ts(tokenizer_.layouts()[op.param], static_cast<int64_t>(value), text);
    return print_number(op.kind, op.param, value, text);
  }

  // Fills in the rank bytes of p's string and address variables.
  void write_streams(at1::sdk::EncodeContext& ctx, const at1::sdk::EolEncoder& eol, Parsed& p) {
    const auto& layouts = tokenizer_.layouts();
    const auto& texts = p.templates.texts();
    std::vector<Template> tpls(texts.size() + 1);
    // Lines grouped by template (a counting sort into one array).
    std::vector<uint32_t> by_template(p.tid.size()), start(texts.size() + 2, 0);
    for (uint32_t t : p.tid) ++start[t + 1];
    for (size_t t = 1; t < start.size(); ++t) start[t] += start[t - 1];
    for (size_t t = 0; t <= texts.size(); ++t)
      tpls[t].lines = std::span<const uint32_t>(by_template.data() + start[t], start[t + 1] - start[t]);
    for (uint32_t line = 0; line < p.tid.size(); ++line) by_template[start[p.tid[line]]++] = line;
    // Slots whose text is the same on every line of a template become static
    // text: no column, and the template stays readable for the backend.
    std::vector<std::string> folded(texts.size() + 1);
    std::vector<Op> ops;
    for (size_t t = 1; t <= texts.size(); ++t) {
      ops.clear();
      if (!parse_template(texts[t - 1], layouts.size(), &ops)) at1::sdk::fail_unsupported("log: internal template error");
      ConstantSlots& c = constants_[t - 1];
      if (c.lines == 0) c = find_constants(ops, tpls[t].lines, p);
      fold_constants(ops, c, p.frame, &folded[t], &tpls[t].slot);
      for (const Op& op : ops)
        if (op.kind) tpls[t].vars.push_back({op.kind, op.param, false});
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
        if (op.kind == kVarStr || op.kind == kVarTs || op.kind == kVarIp) {
          tpls[t].vars[tpls[t].slot[k]].line_order = true;
          tpls[t].line_order_end = tpls[t].slot[k] + 1;
        }
        ++k;
      }
    }
    ByteWriter tid, ts;
    // Later stamps of a line, one section per ordinal (see README "tsr").
    const size_t lcount = layouts.size();
    std::vector<int64_t> prev_ts(lcount, 0), prev_rel(kTsOrdinals * lcount, 0), prev_abs(kTsOrdinals * lcount, 0);
    ByteWriter by_rel[kTsOrdinals], by_abs[kTsOrdinals];  // both codings, zigzag varints
    RecentStrings recent;
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
      size_t ordinal = 0;
      uint8_t first_layout = 0;
      int64_t first_value = 0;
      VarCursor c = p.cursor(line);
      const Template& tp = tpls[t];
      for (size_t k = 0; k < tp.line_order_end; ++k) {
        const Template::LineVar& var = tp.vars[k];
        uint8_t* rank = nullptr;
        const uint64_t v = c.next(var.kind, &rank);
        if (!var.line_order) continue;
        if (var.kind == kVarIp) {
          const auto ip = static_cast<uint32_t>(v);
          *rank = recent_ips.find(ip);
          if (*rank) recent_ips.use(*rank);
          else recent_ips.add(ip), new_ips.push_back(ip);
        } else if (var.kind == kVarStr) {
          const std::string_view text = ref_text(p.frame, v);
          *rank = recent.find(text);
          if (*rank) recent.use(*rank);
          else recent.add(text);
        } else if (var.kind == kVarTs) {
          const int64_t value = static_cast<int64_t>(v);
          if (ordinal == 0) {
            ts.svarint(wrap_sub(value, prev_ts[var.param]));
            prev_ts[var.param] = value;
            if (ts_has_year(layouts[var.param])) {
              const int64_t ms = ts_to_millis(layouts[var.param], value);
              tmin = std::min(tmin, ms), tmax = std::max(tmax, ms);
            }
            first_layout = var.param, first_value = value;
          } else {
            // Either the line's own time again (relative to the first stamp)
            // or a clock of its own (delta to the previous such stamp).
            const size_t g = std::min(ordinal, kTsOrdinals - 1), key = g * lcount + var.param;
            const int64_t r = wrap_sub(value, ts_rebase(layouts[first_layout], first_value, layouts[var.param]));
            by_rel[g].svarint(wrap_sub(r, prev_rel[key]));
            by_abs[g].svarint(wrap_sub(value, prev_abs[key]));
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
    std::vector<uint32_t> next;  // per line of the template: position of its next variable
    for (size_t t = 1; t < tpls.size(); ++t) {
      const Template& tp = tpls[t];
      next.clear();
      for (uint32_t line : tp.lines) next.push_back(p.record[line]);
      size_t slot_index = 0, next_var = 0;
      for (const Op& op : tp.ops) {
        if (!op.kind) continue;
        const size_t slot = tp.slot[slot_index++];
        // Calls fn(value, rank byte) with the slot's variable on each line.
        auto column = [&](auto&& fn) {
          for (size_t i = 0; i < tp.lines.size(); ++i) {
            VarCursor c(p.vars.at(next[i]), p.line_start[tp.lines[i]]);
            for (size_t k = next_var; k < slot; ++k) c.next(tp.vars[k].kind);
            uint8_t* rank = nullptr;
            const uint64_t v = c.next(op.kind, &rank);
            next[i] = p.vars.position(next[i], c.position());
            fn(v, rank);
          }
        };
        if (kind_is_numeric(op.kind)) {
          col.clear();
          column([&](uint64_t v, const uint8_t*) { col.push_back(v); });
          nums.write(op.kind, col);
        } else if (kind_is_hex(op.kind)) {
          column([&](uint64_t v, const uint8_t*) { put_hex(hex, ref_text(p.frame, v)); });
        } else if (op.kind == kVarFloat) {
          column([&](uint64_t v, const uint8_t*) {
            flt.bytes(ref_text(p.frame, v));
            flt.u8('\n');
          });
        } else if (op.kind == kVarIp) {
          column([&](uint64_t, const uint8_t* rank) { ipr.u8(*rank); });
        } else if (op.kind == kVarStr) {
          column([&](uint64_t v, const uint8_t* rank) {
            sref.u8(*rank);
            if (*rank) return;
            str.bytes(ref_text(p.frame, v));
            str.u8('\n');
          });
        } else {
          column([](uint64_t, const uint8_t*) {});  // timestamps: coded in line order
        }
        next_var = slot + 1;
      }
    }
    // The host copies every stream it is given: the frame's variables go
    // first, so they and the copies are never resident together.
    p = Parsed();
    std::vector<uint32_t>().swap(by_template);
    std::vector<uint32_t>().swap(next);
    tpls.clear();
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
  static ByteWriter write_later_stamps(const ByteWriter* by_rel, const ByteWriter* by_abs) {
    size_t n = kTsOrdinals;
    while (n > 1 && by_rel[n - 1].empty()) --n;
    ByteWriter head;
    if (n == 1) return head;
    head.varint(n);
    for (size_t k = 1; k < n; ++k) {
      const bool rel = by_rel[k].size() <= by_abs[k].size();
      head.u8(rel ? kTsRelative : kTsOwnClock);
      head.varint((rel ? by_rel : by_abs)[k].size());
    }
    for (size_t k = 1; k < n; ++k) {
      const ByteWriter& body = by_rel[k].size() <= by_abs[k].size() ? by_rel[k] : by_abs[k];
      head.bytes(body.data(), body.size());
    }
    return head;
  }

  Tokenizer tokenizer_;
  std::string tpl_buf_;
  std::vector<Var> line_vars_;  // the line being added
  Parsed p_;
  std::vector<ConstantSlots> constants_;  // per template id - 1
  ByteWriter verbatim_;
};

}  // namespace

void encode_frame(at1::sdk::EncodeContext& ctx, at1::sdk::Bytes input) {
  if (input.size > UINT32_MAX) at1::sdk::fail_unsupported("log: frame over 4 GiB");
  // The host's line count sizes the per-line arrays (a line takes a byte at least).
  const size_t lines = static_cast<size_t>(std::min<uint64_t>(ctx.info().line_count, input.size));
  FrameEncoder enc(reinterpret_cast<const char*>(input.data), lines);
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
