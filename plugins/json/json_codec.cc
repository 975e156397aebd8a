// The `json` codec: NDJSON / JSON Lines, one JSON value per line.
//
// Each line is split by a strict scanner into a TEMPLATE (structure, keys and
// whitespace exactly as written, a slot marker per scalar) and its scalar
// SPELLINGS. Templates go to a dictionary and each line stores only its
// template id; spellings are shredded into one column per path and each
// column is encoded on its own (json_column_encoder.cc). Lines the scanner
// rejects go verbatim. Stream layout: README.md and json_format.h.
#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "at1/cpp/codec.hpp"
#include "at1/cpp/lines.hpp"
#include "json_column_decoder.h"
#include "json_column_encoder.h"
#include "json_format.h"
#include "json_output.h"
#include "json_paths.h"
#include "json_scanner.h"
#include "json_stats.h"

namespace at1json {
namespace {

using at1::sdk::ByteReader;
using at1::sdk::Bytes;
using at1::sdk::ByteWriter;
using at1::sdk::fail_corrupt;

std::string own_stream_name(size_t column, int part) {
  return "c" + std::to_string(column) + "." + kPartNames[part];
}

// Templates in order of first use, with the columns of their slots.
class TemplateDict {
 public:
  // Id (1-based) of `tpl`, adding it when new.
  uint32_t intern(const std::string& tpl, PathTable& paths) {
    auto it = index_.find(tpl);
    if (it != index_.end()) return it->second;
    texts_.push_back(tpl);
    uint32_t id = static_cast<uint32_t>(texts_.size());
    index_.emplace(texts_.back(), id);
    first_col_.push_back(static_cast<uint32_t>(cols_.size()));
    paths.assign(texts_.back(), &cols_);
    first_piece_.push_back(static_cast<uint32_t>(pieces_.size()));
    std::string_view text = texts_.back();
    for (size_t start = 0;;) {
      size_t slot = text.find(kSlot, start);
      pieces_.push_back(text.substr(start, slot == std::string_view::npos ? slot : slot - start));
      if (slot == std::string_view::npos) break;
      start = slot + 1;
    }
    first_piece_.push_back(static_cast<uint32_t>(pieces_.size()));
    return id;
  }
  const uint32_t* columns(uint32_t id) const { return cols_.data() + first_col_[id - 1]; }
  // The template split at its slots (LineScanner::match).
  const std::string_view* pieces(uint32_t id) const { return pieces_.data() + first_piece_[2 * (id - 1)]; }
  size_t piece_count(uint32_t id) const {
    return first_piece_[2 * (id - 1) + 1] - first_piece_[2 * (id - 1)];
  }
  void write(ByteWriter& out) const {
    out.varint(texts_.size());
    for (const auto& t : texts_) {
      out.bytes(t);
      out.u8('\n');
    }
  }

 private:
  std::deque<std::string> texts_;  // stable addresses for the index's views
  std::unordered_map<std::string_view, uint32_t> index_;
  std::vector<uint32_t> first_col_;
  std::vector<uint32_t> cols_;
  std::vector<uint32_t> first_piece_;  // per template: begin, end in pieces_
  std::vector<std::string_view> pieces_;
};

void encode_frame(at1::sdk::EncodeContext& ctx, Bytes input) {
  if (input.size > UINT32_MAX) at1::sdk::fail_unsupported("json: frame over 4 GiB");
  const char* base = reinterpret_cast<const char*>(input.data);
  at1::sdk::LineCursor cursor(input);
  at1::sdk::EolEncoder eol;
  LineScanner scanner;
  TemplateDict templates;
  PathTable paths;
  std::vector<ColumnValues> columns;
  ByteWriter line_ids, verbatim;
  std::string tpl;
  std::vector<ValRef> vals;
  std::string_view line;
  at1::sdk::Eol kind;
  uint32_t last_id = 0;  // lines mostly repeat their predecessor's template
  while (cursor.next(&line, &kind)) {
    eol.add(kind);
    vals.clear();
    uint32_t id = last_id;
    if (!id || !LineScanner::match(base, line, templates.pieces(id), templates.piece_count(id), &vals)) {
      vals.clear();
      if (!scanner.scan(base, line, &tpl, &vals)) {
        line_ids.u8(0);
        verbatim.bytes(line);
        verbatim.u8('\n');
        continue;
      }
      id = last_id = templates.intern(tpl, paths);
      if (columns.size() < paths.column_count()) columns.resize(paths.column_count(), ColumnValues{base, {}});
    }
    const uint32_t* cols = templates.columns(id);
    for (size_t i = 0; i < vals.size(); ++i) columns[cols[i]].refs.push_back(vals[i]);
    line_ids.varint(id);
  }

  ByteWriter eol_stream, tpl_stream, dir;
  eol.finish(eol_stream);
  templates.write(tpl_stream);
  ctx.put(kStreamEol, eol_stream);
  ctx.put(kStreamTemplates, tpl_stream);
  ctx.put(kStreamLines, line_ids);
  ctx.put(kStreamVerbatim, verbatim);

  ByteWriter shared[kPartCount];
  std::vector<NumberRange> ranges(columns.size());
  dir.varint(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    EncodedColumn col;
    // Only top-level fields get statistics (json_stats.cc).
    const bool want_range = c < paths.column_count() && paths.column_info(c).depth == 1 &&
                            !paths.column_info(c).via_array;
    encode_column(base, columns[c].refs, want_range, &col);
    ranges[c] = col.numbers;
    for (int p = 0; p < kPartCount; ++p) {
      const ByteWriter& part = col.parts[p];
      bool own = part.size() >= kOwnStreamMin;
      dir.varint(part.size() << 1 | (own ? 1 : 0));
      if (own) {
        ctx.put(own_stream_name(c, p).c_str(), part);
      } else {
        shared[p].bytes(part.data(), part.size());
      }
    }
    dir.bytes(col.meta.data(), col.meta.size());
  }
  ctx.put(kStreamColumns, dir);
  for (int p = 0; p < kPartCount; ++p)
    if (!shared[p].empty()) ctx.put(kPartNames[p], shared[p]);
  emit_stats(ctx, paths, columns, ranges);
}

// A decoded template: literal pieces and the column after each piece.
struct Segment {
  const char* text;
  uint32_t size;
  uint32_t column;  // kNoColumn after the last piece
};
constexpr uint32_t kNoColumn = UINT32_MAX;

void decode_frame(at1::sdk::DecodeContext& ctx) {
  const uint64_t raw_size = ctx.info().raw_size;
  at1::sdk::EolDecoder eol(ctx.get(kStreamEol));
  if (eol.count() > raw_size + 1) fail_corrupt("json: more lines than bytes");

  // Templates -> segments, and the columns they imply.
  ByteReader tr(ctx.get(kStreamTemplates));
  uint64_t ntpl = tr.varint_max(tr.remaining(), "json: template count too large");
  PathTable paths;
  std::vector<uint32_t> cols;
  std::vector<Segment> segs;
  std::vector<uint32_t> first_seg(ntpl + 1);
  for (uint64_t t = 0; t < ntpl; ++t) {
    const char* p = reinterpret_cast<const char*>(tr.position());
    const void* nl = std::memchr(p, '\n', tr.remaining());
    if (!nl) fail_corrupt("json: template ends early");
    size_t n = static_cast<size_t>(static_cast<const char*>(nl) - p);
    if (n == 0) fail_corrupt("json: empty template");
    tr.bytes(n + 1);
    std::string_view text(p, n);
    cols.clear();
    paths.assign(text, &cols);
    if (cols.size() != static_cast<size_t>(std::count(text.begin(), text.end(), kSlot)))
      fail_corrupt("json: slot marker inside a template string");
    first_seg[t] = static_cast<uint32_t>(segs.size());
    size_t start = 0, slot = 0;
    for (size_t i = 0; i <= n; ++i) {
      if (i == n || text[i] == kSlot) {
        segs.push_back({p + start, static_cast<uint32_t>(i - start), i == n ? kNoColumn : cols[slot++]});
        start = i + 1;
      }
    }
  }
  first_seg[ntpl] = static_cast<uint32_t>(segs.size());
  if (!tr.at_end()) fail_corrupt("json: trailing template bytes");

  // Column directory and parts.
  ByteReader dir(ctx.get(kStreamColumns));
  uint64_t ncols = dir.varint_max(kMaxColumns, "json: too many columns");
  if (ncols != paths.column_count()) fail_corrupt("json: column count disagrees with templates");
  ByteReader shared[kPartCount];
  for (int p = 0; p < kPartCount; ++p) {
    Bytes b;
    if (ctx.find(kPartNames[p], &b)) shared[p] = ByteReader(b);
  }
  std::vector<ColumnDecoder> columns(ncols);
  for (uint64_t c = 0; c < ncols; ++c) {
    Bytes parts[kPartCount];
    for (int p = 0; p < kPartCount; ++p) {
      uint64_t v = dir.varint();
      uint64_t size = v >> 1;
      if (v & 1) {
        parts[p] = ctx.get(own_stream_name(c, p).c_str());
        if (parts[p].size != size) fail_corrupt("json: own stream size mismatch");
      } else {
        parts[p] = shared[p].bytes(static_cast<size_t>(std::min<uint64_t>(size, SIZE_MAX)));
      }
    }
    columns[c].init(dir, parts);
  }
  if (!dir.at_end()) fail_corrupt("json: trailing directory bytes");
  for (auto& s : shared)
    if (!s.at_end()) fail_corrupt("json: trailing part bytes");

  ByteReader ids(ctx.get(kStreamLines));
  ByteReader verb(ctx.get(kStreamVerbatim));
  OutBuf out(ctx);
  for (uint64_t i = 0; i < eol.count(); ++i) {
    uint64_t id = ids.varint_max(ntpl, "json: template id out of range");
    if (id == 0) {
      const uint8_t* p = verb.position();
      const void* nl = std::memchr(p, '\n', verb.remaining());
      if (!nl) fail_corrupt("json: verbatim line ends early");
      size_t n = static_cast<size_t>(static_cast<const uint8_t*>(nl) - p);
      out.write(reinterpret_cast<const char*>(p), n);
      verb.bytes(n + 1);
    } else {
      const Segment* s = segs.data() + first_seg[id - 1];
      for (;; ++s) {
        out.write(s->text, s->size);
        if (s->column == kNoColumn) break;
        columns[s->column].emit(out);
      }
    }
    std::string_view e = at1::sdk::eol_text(eol.next());
    out.write(e.data(), e.size());
  }
  out.flush();
  if (!ids.at_end() || !verb.at_end()) fail_corrupt("json: trailing line bytes");
  for (const auto& c : columns)
    if (!c.exhausted()) fail_corrupt("json: column has values left");
}

int32_t probe_sample(Bytes sample) {
  at1::sdk::LineCursor cursor(sample);
  LineScanner scanner;
  std::string tpl;
  std::vector<ValRef> vals;
  std::string_view line;
  at1::sdk::Eol kind;
  int lines = 0, containers = 0, scalars = 0;
  while (lines < 200 && cursor.next(&line, &kind)) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ++lines;
    vals.clear();
    if (!scanner.scan(reinterpret_cast<const char*>(sample.data), line, &tpl, &vals)) continue;
    size_t first = line.find_first_not_of(" \t\r");
    if (line[first] == '{' || line[first] == '[') {
      ++containers;
    } else {
      ++scalars;
    }
  }
  if (lines == 0) return 0;
  if (containers * 10 >= lines * 9) return 90;
  if (containers * 2 >= lines) return 60;
  if (containers > 0) return 20;
  return scalars * 2 >= lines ? 5 : 0;
}

struct JsonCodec {
  static constexpr const char* kName = "json";
  static constexpr const char* kDescription =
      "NDJSON / JSON Lines: templates per line shape, one column per path";
  static constexpr uint32_t kFormatVersion = 1;
  static constexpr uint32_t kMinFormatVersion = 1;
  static constexpr uint64_t kCapabilities = AT1_CAP_PROBE | AT1_CAP_STATS;

  static int32_t probe(Bytes sample) { return probe_sample(sample); }
  static void encode(at1::sdk::EncodeContext& ctx, Bytes input) { encode_frame(ctx, input); }
  static void decode(at1::sdk::DecodeContext& ctx) { decode_frame(ctx); }
};

}  // namespace
}  // namespace at1json

AT1_PLUGIN("at1-json", "1.0.0", at1json::JsonCodec)
