#include "frame_decode.h"

#include <cstring>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "column_decode.h"
#include "csv_parse.h"
#include "frame_layout.h"
#include "out_buffer.h"
#include "parts.h"

namespace at1::columnar {

using sdk::fail_corrupt;

namespace {

struct Shape {
  uint64_t row;
  uint32_t code;
};

}  // namespace

void decode_frame(sdk::DecodeContext& ctx) {
  PartReader parts(ctx);
  ByteReader meta(parts.get("meta"));
  if (meta.u8() != kFormatVersion) fail_corrupt("columnar: unknown frame layout version");
  const char delim = static_cast<char>(meta.u8());
  if (delim == '"' || delim == '\n' || delim == '\r') fail_corrupt("columnar: bad delimiter");
  // Every row but the last writes at least its line ending.
  const uint64_t rows = meta.varint_max(ctx.info().raw_size + 1, "columnar: too many rows");
  const uint32_t width = static_cast<uint32_t>(meta.varint_max(kMaxFields, "columnar: bad width"));
  const uint32_t ncols = static_cast<uint32_t>(meta.varint_max(kMaxFields, "columnar: bad ncols"));
  if (width > ncols) fail_corrupt("columnar: width above column count");
  std::string_view head = meta.str();
  sdk::EolDecoder eol(Bytes(meta.str()));
  if (eol.count() != rows) fail_corrupt("columnar: line endings do not match rows");

  const uint64_t nshapes = meta.varint_max(rows, "columnar: too many row shapes");
  std::vector<Shape> shapes;
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
  for (uint32_t j = 0; j < ncols; ++j) {
    ColumnSpec spec = read_spec(meta, j);
    const ColumnDecoder* ref = spec.coding == kIntRef ? &columns[spec.ref] : nullptr;
    // A reference must have a cell in every row this column has one.
    if (ref && at_least[spec.ref + 1] != at_least[j + 1])
      fail_corrupt("columnar: reference column of another length");
    columns[j].init(j, spec, parts, at_least[j + 1], delim, ref);
  }
  if (!meta.at_end()) fail_corrupt("columnar: trailing meta bytes");

  Bytes vb = parts.get("vb");
  const char* vp = reinterpret_cast<const char*>(vb.data);
  const char* vend = vp + vb.size;

  OutBuffer out(ctx);
  out.append(head.data(), head.size());
  size_t next_shape = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    uint32_t fields = width;
    bool verbatim = false;
    if (next_shape < shapes.size() && shapes[next_shape].row == r) {
      uint32_t code = shapes[next_shape++].code;
      verbatim = code == kShapeVerbatim;
      fields = verbatim ? 0 : code - 1;
    }
    if (verbatim) {
      if (vp == vend) fail_corrupt("columnar: verbatim lines end early");
      const char* nl = static_cast<const char*>(std::memchr(vp, '\n', static_cast<size_t>(vend - vp)));
      if (!nl) fail_corrupt("columnar: unterminated verbatim line");
      out.append(vp, static_cast<size_t>(nl - vp));
      vp = nl + 1;
    } else {
      for (uint32_t j = 0; j < fields; ++j) {
        if (j) out.put(delim);
        columns[j].emit(out);
      }
    }
    std::string_view e = sdk::eol_text(eol.next());
    out.append(e.data(), e.size());
  }
  for (const auto& c : columns) c.finish();
  if (vp != vend) fail_corrupt("columnar: trailing verbatim bytes");
  out.flush();
}

}  // namespace at1::columnar
