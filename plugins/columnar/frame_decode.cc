#include "frame_decode.h"

#include <cstring>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "cell_arena.h"
#include "column_decode.h"
#include "csv_parse.h"
#include "frame_layout.h"
#include "out_buffer.h"
#include "parts.h"
#include "row_assembly.h"
#include "keyed_dict_decode.h"
#include "row_ref_decode.h"

namespace at1::columnar {

using sdk::fail_corrupt;

void decode_frame(sdk::DecodeContext& ctx) {
  PartReader parts(ctx);
  ByteReader meta(parts.get("meta"));
  const uint8_t version = meta.u8();
  if (version < kMinFormatVersion || version > kFormatVersion) fail_corrupt("columnar: unknown frame layout version");
  const char delim = static_cast<char>(meta.u8());
  if (delim == '"' || delim == '\n' || delim == '\r') fail_corrupt("columnar: bad delimiter");
  // Every row but the last writes at least its line ending.
  const uint64_t rows = meta.varint_max(ctx.info().raw_size + 1, "columnar: too many rows");
  const uint32_t width = static_cast<uint32_t>(meta.varint_max(kMaxFields, "columnar: bad width"));
  const uint32_t ncols = static_cast<uint32_t>(meta.varint_max(kMaxFields, "columnar: bad ncols"));
  if (width > ncols) fail_corrupt("columnar: width above column count");
  std::string_view head = meta.str();
  sdk::EolDecoder eol{Bytes(meta.str())};  // refuses a malformed stream
  sdk::Eol eol_kind;
  const int same_eol = eol.uniform(&eol_kind) ? static_cast<int>(eol_kind) : kNoSameEol;
  if (eol.count() != rows) fail_corrupt("columnar: line endings do not match rows");

  const uint64_t nshapes = meta.varint_max(rows, "columnar: too many row shapes");
  std::vector<RowShape> shapes;
  shapes.reserve(static_cast<size_t>(nshapes));
  std::vector<uint64_t> with_fields(ncols + 2, 0);  // rows with exactly k fields
  uint64_t row = 0;
  for (uint64_t i = 0; i < nshapes; ++i) {
    uint64_t gap = meta.varint_max(rows, "columnar: shape gap too large");
    if (i > 0 && gap == 0) fail_corrupt("columnar: shapes out of order");
    row += gap;
    if (row >= rows) fail_corrupt("columnar: shape past last row");
    uint64_t code = meta.varint_max(uint64_t(ncols) + 1, "columnar: row wider than ncols");
    shapes.push_back({row, static_cast<uint32_t>(code)});
    if (code != kShapeVerbatim) ++with_fields[code - 1];
  }
  with_fields[width] += rows - nshapes;

  std::vector<ColumnDecoder> columns(ncols);
  // Column j holds one cell per row with more than j fields.
  std::vector<uint64_t> at_least(ncols + 2, 0);
  for (uint32_t k = ncols + 1; k-- > 0;) at_least[k] = with_fields[k] + at_least[k + 1];
  // Keyed dictionaries decode after the plain columns (their keys), row
  // references after both (their sources).
  std::vector<KeyedDictDecoder> keyed(ncols);
  std::vector<RowRefDecoder> row_refs(ncols);
  std::vector<uint32_t> keyed_columns, row_ref_columns;
  std::vector<ColumnSpec> specs(ncols);
  for (uint32_t j = 0; j < ncols; ++j) {
    ColumnSpec spec = read_spec(meta, j, ncols, version >= kRowRefFormatVersion);
    specs[j] = spec;
    if (reads_its_row(spec.type)) {
      if (spec.type == kRowRef) {
        row_refs[j].init(j, spec, parts, at_least[j + 1]);
        row_ref_columns.push_back(j);
      } else {
        keyed[j].init(j, spec, parts, at_least[j + 1]);
        keyed_columns.push_back(j);
      }
      continue;
    }
    const ColumnDecoder* ref = spec.coding == kIntRef ? &columns[spec.ref] : nullptr;
    // A reference must have a cell in every row this column has one, and
    // typed values.
    if (ref && at_least[spec.ref + 1] != at_least[j + 1])
      fail_corrupt("columnar: reference column of another length");
    if (ref && !ref->typed()) fail_corrupt("columnar: reference column is not typed");
    columns[j].init(j, spec, parts, at_least[j + 1], delim, ref, version);
  }
  if (!meta.at_end()) fail_corrupt("columnar: trailing meta bytes");
  // A key or source has a cell in every row its column has one (so in
  // every block), and is decoded before it.
  for (uint32_t j : keyed_columns) {
    const uint32_t key = specs[j].key;
    if (reads_its_row(specs[key].type) || at_least[key + 1] != at_least[j + 1]) fail_corrupt("columnar: bad key column");
  }
  for (uint32_t j : row_ref_columns) {
    for (uint32_t k = 0; k < specs[j].nsources; ++k) {
      const uint32_t src = specs[j].sources[k];
      if (specs[src].type == kRowRef || at_least[src + 1] != at_least[j + 1])
        fail_corrupt("columnar: bad row reference source");
    }
  }

  Bytes vb = parts.get("vb");
  VerbatimLines verbatim(vb);
  if (head.size() > ctx.info().raw_size) fail_corrupt("columnar: head longer than the frame");
  uint64_t remaining = ctx.info().raw_size - head.size();

  OutBuffer out(ctx);
  out.append(head.data(), head.size());
  CellArena arena(ctx.info().raw_size);
  BlockRows block(ncols);
  size_t next_shape = 0;
  size_t block_rows = kBlockCells;
  for (uint64_t r0 = 0; r0 < rows; r0 += block.rows) {
    block.rows = static_cast<size_t>(rows - r0 < block_rows ? rows - r0 : block_rows);
    block.uniform = next_shape == shapes.size() || shapes[next_shape].row >= r0 + block.rows;
    // Cell text and verbatim lines of the block, all of it output.
    uint64_t bytes = 0;
    if (block.uniform) {
      for (uint32_t j = 0; j < ncols; ++j) block.counts[j] = j < width ? block.rows : 0;
    } else {
      bytes += block.read_shapes(r0, width, shapes, &next_shape, verbatim);
    }
    // Every cell after a row's first writes a delimiter: checked before the
    // cells are rendered, so a hostile row count cannot make the arena grow
    // far past the frame's size.
    uint64_t delimiters = 0;
    for (uint32_t j = 1; j < ncols; ++j) delimiters += block.counts[j];
    if (delimiters > remaining) fail_corrupt("columnar: frame longer than its raw size");
    arena.reset();
    for (uint32_t j = 0; j < ncols; ++j) {
      if (reads_its_row(specs[j].type)) continue;
      if (block.counts[j]) bytes += columns[j].decode_block(block.counts[j], arena);
      block.cells[j] = columns[j].cells();
    }
    for (uint32_t j : keyed_columns) {
      if (block.counts[j]) bytes += keyed[j].decode_block(block.counts[j], block.cells.data());
      block.cells[j] = keyed[j].cells();
    }
    for (uint32_t j : row_ref_columns) {
      if (block.counts[j]) bytes += row_refs[j].decode_block(block.counts[j], block.cells.data(), arena);
      block.cells[j] = row_refs[j].cells();
    }
    if (bytes > remaining) fail_corrupt("columnar: frame longer than its raw size");
    // Delimiters and line endings: fewer than ncols + 2 per row.
    const size_t bound = static_cast<size_t>(bytes) + block.rows * (size_t(ncols) + 2) + kCellSlack;
    block_rows = OutBuffer::rows_that_fit(block.rows, bound, kBlockCells);
    char* const start = out.reserve(bound);
    char* const end = block.uniform ? block.assemble_uniform(start, width, delim, eol, same_eol)
                                    : block.assemble(start, delim, eol);
    const size_t n = static_cast<size_t>(end - start);
    if (n > remaining) fail_corrupt("columnar: frame longer than its raw size");
    remaining -= n;
    out.commit(n);
  }
  for (uint32_t j = 0; j < ncols; ++j) {
    if (specs[j].type == kRowRef) row_refs[j].finish();
    else if (specs[j].type == kKeyed) keyed[j].finish();
    else columns[j].finish();
  }
  verbatim.finish();
  out.flush();
}

}  // namespace at1::columnar
