#include "frame_encode.h"

#include <cstring>
#include <string>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "column_encode.h"
#include "csv_parse.h"
#include "dialect.h"
#include "frame_layout.h"
#include "keyed_dict_encode.h"
#include "parts.h"
#include "row_ref_encode.h"

namespace at1::columnar {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

char choose_delimiter(sdk::EncodeContext& ctx, std::string_view text) {
  const char* opt = ctx.option("delimiter");
  char delim = ',';
  if (opt) {
    if (!parse_delimiter_option(opt, &delim))
      throw sdk::CodecError(AT1_E_INVALID, "columnar: bad delimiter option");
    return delim;
  }
  return detect_delimiter(text).delim;
}

// Bytes before the first data row: a BOM, and the header record in frame 0.
size_t head_size(sdk::EncodeContext& ctx, std::string_view text, char delim) {
  int header = -1;
  const char* opt = ctx.option("header");
  if (opt && !parse_header_option(opt, &header))
    throw sdk::CodecError(AT1_E_INVALID, "columnar: bad header option");
  size_t start = text.substr(0, 3) == kBom ? kBom.size() : 0;
  if (ctx.info().frame_index != 0 || header == 0 || start == text.size()) return start;
  std::vector<Cell> fields;
  uint8_t eol = 0;
  const char* end = text.data() + text.size();
  const char* next = parse_record(text.data() + start, end, delim, &fields, nullptr, &eol);
  // (fields starts empty, so it holds just this record)
  if (!next) return start;
  if (header < 0) {
    for (const Cell& c : fields)
      if (c.size == 0 || looks_typed(c.view())) return start;
  }
  return static_cast<size_t>(next - text.data());
}

void write_rows(const ParsedFrame& pf, ByteWriter& meta, ByteWriter& vb) {
  sdk::EolEncoder eol;
  std::vector<std::pair<uint32_t, uint32_t>> shapes;  // row, code
  size_t next_verbatim = 0;
  for (uint32_t r = 0; r < pf.rows.size(); ++r) {
    const Row& row = pf.rows[r];
    eol.add(static_cast<sdk::Eol>(row.eol));
    if (row.nfields == kVerbatimShape) {
      shapes.emplace_back(r, static_cast<uint32_t>(kShapeVerbatim));
      vb.bytes(pf.verbatim[next_verbatim++]);
      vb.u8('\n');
    } else if (row.nfields != pf.width) {
      shapes.emplace_back(r, row.nfields + 1);
    }
  }
  ByteWriter e;
  eol.finish(e);
  meta.str(std::string_view(reinterpret_cast<const char*>(e.data()), e.size()));
  meta.varint(shapes.size());
  uint32_t prev = 0;
  for (auto [r, code] : shapes) {
    meta.varint(r - prev);
    meta.varint(code);
    prev = r;
  }
}

void report_stats(sdk::EncodeContext& ctx, size_t column, const ColumnSpec& spec,
                  const ColumnStats& st, bool* time_done) {
  if (!st.valid) return;
  std::string name = "col." + std::to_string(column);
  if (spec.type == kNumber) {
    if (spec.number.scale == 0) {
      ctx.stat_i64(name.c_str(), st.min, st.max);
    } else {
      double p = 1;
      for (int i = 0; i < spec.number.scale; ++i) p *= 10;
      ctx.stat_f64(name.c_str(), static_cast<double>(st.min) / p, static_cast<double>(st.max) / p);
    }
  } else if (spec.type == kDate) {
    int64_t lo = date_to_millis(st.min, spec.date), hi = date_to_millis(st.max, spec.date);
    ctx.stat_i64(name.c_str(), lo, hi);
    if (!*time_done && spec.date.has_date) {
      ctx.stat_i64(AT1_STAT_TIME, lo, hi);
      *time_done = true;
    }
  }
}

}  // namespace

void encode_frame(sdk::EncodeContext& ctx, sdk::Bytes input) {
  std::string_view text = input.view();
  if (text.size() >= kMaxFrameSize) sdk::fail_unsupported("columnar: frame of 4 GiB or more");
  const char delim = choose_delimiter(ctx, text);
  ParsedFrame pf;
  parse_frame(text, head_size(ctx, text, delim), delim, &pf);

  PartWriter parts;
  ByteWriter& meta = parts.add("meta");
  meta.u8(kFormatVersion);
  meta.u8(static_cast<uint8_t>(delim));
  meta.varint(pf.rows.size());
  meta.varint(pf.width);
  meta.varint(pf.ncols);
  meta.str(text.substr(0, pf.head_size));
  write_rows(pf, meta, parts.add("vb"));

  // One scan of the frame spares a NUL check per text cell.
  const bool may_hold_nul = !text.empty() && std::memchr(text.data(), 0, text.size()) != nullptr;
  std::vector<ColumnCells> columns(pf.ncols);
  for (size_t j = 0; j < pf.ncols; ++j) {
    columns[j].bases[0] = pf.text;
    columns[j].bases[1] = pf.arena.data();
    columns[j].limits[0] = text.data() + text.size();
    columns[j].limits[1] = pf.arena.data() + pf.arena.size();
    columns[j].cells = pf.columns[j].data();
    columns[j].n = pf.columns[j].size();
    columns[j].quoted_count = pf.quoted[j];
    columns[j].may_hold_nul = may_hold_nul;
  }
  // Per column kRowRef, kKeyed, or kText for one encode_column chooses.
  std::vector<ColumnSpec> models = choose_row_refs(columns, delim);
  choose_keyed_dicts(columns, delim, &models);
  bool any_model = false;
  for (const ColumnSpec& s : models) any_model |= s.type != kText;
  bool time_done = false;
  std::vector<TypedColumn> pool;
  for (size_t j = 0; j < pf.ncols; ++j) {
    if (models[j].type != kText) {
      write_spec(meta, models[j]);
      if (models[j].type == kRowRef) encode_row_ref(j, models[j], columns, parts);
      else encode_keyed_dict(j, models[j], columns, parts);
      continue;
    }
    ColumnStats st;
    ColumnSpec spec = encode_column(j, columns[j], delim, parts, meta, &st, &pool);
    // Its cells are encoded; free them early on wide tables (row references
    // and keyed dictionaries may still read any column).
    if (!any_model) std::vector<PackedCell>().swap(pf.columns[j]);
    report_stats(ctx, j, spec, st, &time_done);
  }
  parts.finish(ctx);
}

}  // namespace at1::columnar
