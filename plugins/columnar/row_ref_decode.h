// Row-reference columns (decode side): each cell's printed text rebuilt from
// literal runs and copies of the same row's source cells, which are decoded
// first (row_ref_encode.h; format in README.md). Every op is bounds-checked
// against its literal part and its source cell.
#ifndef AT1_COLUMNAR_ROW_REF_DECODE_H
#define AT1_COLUMNAR_ROW_REF_DECODE_H

#include <cstdint>
#include <vector>

#include "cell_arena.h"
#include "column_spec.h"
#include "parts.h"

namespace at1::columnar {

class RowRefDecoder {
 public:
  void init(size_t index, const ColumnSpec& spec, PartReader& parts, uint64_t cells);
  // Renders the next `count` cells; `columns[k]` is column k's block of
  // cells (the sources' hold at least `count`). Returns the bytes rendered.
  uint64_t decode_block(size_t count, const CellText* const* columns, CellArena& arena);
  const CellText* cells() const { return cells_.data(); }
  // Throws CORRUPT when parts hold ops or literals nobody asked for.
  void finish() const;

 private:
  struct Op {
    uint64_t literal;
    uint32_t source;  // kNoSource: none (the cell's last op)
    uint64_t offset;
    uint64_t length;
  };
  static constexpr uint32_t kNoSource = ~0u;

  ColumnSpec spec_;
  uint64_t cells_total_ = 0;
  uint64_t index_ = 0;
  ByteReader ops_;
  ByteReader lits_;
  std::vector<Op> cell_ops_;
  std::vector<CellText> cells_;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_ROW_REF_DECODE_H
