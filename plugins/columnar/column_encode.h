// Encoding one column's cells into its parts (encode side).
#ifndef AT1_COLUMNAR_COLUMN_ENCODE_H
#define AT1_COLUMNAR_COLUMN_ENCODE_H

#include <cstdint>
#include <string_view>
#include <vector>

#include "column_spec.h"
#include "csv_parse.h"
#include "parts.h"

namespace at1::columnar {

// Min/max of a typed column's values, for the frame's statistics.
struct ColumnStats {
  bool valid = false;
  int64_t min = 0;
  int64_t max = 0;
};

// One column's cells in row order (a column of ParsedFrame::columns).
struct ColumnCells {
  const char* bases[2] = {nullptr, nullptr};  // frame text, arena
  const char* limits[2] = {nullptr, nullptr};  // their ends: reads stop there
  const PackedCell* cells = nullptr;
  size_t n = 0;
  size_t quoted_count = 0;
  bool may_hold_nul = true;  // false when the frame has no NUL byte at all
  size_t size() const { return n; }
  std::string_view value(size_t i) const {
    const PackedCell c = cells[i];
    return {bases[(c.size_flags & PackedCell::kInArena) != 0] + c.off, c.size_flags & PackedCell::kSizeMask};
  }
  // Readable bytes from cell i's text on (at least its size).
  size_t readable(size_t i) const {
    const PackedCell c = cells[i];
    const size_t k = (c.size_flags & PackedCell::kInArena) != 0;
    return static_cast<size_t>(limits[k] - bases[k]) - c.off;
  }
  bool quoted(size_t i) const { return (cells[i].size_flags & PackedCell::kQuoted) != 0; }
  // Columns walk a frame's rows, one field each: the text is far apart and
  // not in cache. Asking for cell i + kAhead's text while cell i is worked on
  // hides most of the wait.
  static constexpr size_t kAhead = 16;
  void prefetch(size_t i) const {
    if (i + kAhead < n) {
      const PackedCell c = cells[i + kAhead];
      __builtin_prefetch(bases[(c.size_flags & PackedCell::kInArena) != 0] + c.off);
    }
  }
};

// An encoded typed column, kept as a possible reference for later columns:
// per cell its value, or for an exception the last value before it (what
// the decoder has at hand at that cell).
struct TypedColumn {
  uint32_t index;
  ColumnSpec spec;
  std::vector<int64_t> carried;
};

// Chooses the column's type, writes its spec to `meta` and its parts
// c<j>, c<j>.d, c<j>.x, c<j>.q to `parts`. Typed columns may take their
// values relative to one in `pool`, and join it. Returns the spec used.
ColumnSpec encode_column(size_t index, const ColumnCells& cells, char delim, PartWriter& parts,
                         ByteWriter& meta, ColumnStats* stats, std::vector<TypedColumn>* pool);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_COLUMN_ENCODE_H
