#include "row_ref_decode.h"

#include <cstring>

#include "row_ref_encode.h"

namespace at1::columnar {

using sdk::fail_corrupt;

void RowRefDecoder::init(size_t index, const ColumnSpec& spec, PartReader& parts, uint64_t cells) {
  spec_ = spec;
  cells_total_ = cells;
  ops_ = ByteReader(parts.get(column_part(index, "")));
  lits_ = ByteReader(parts.get(column_part(index, ".l")));
}

uint64_t RowRefDecoder::decode_block(size_t count, const CellText* const* columns, CellArena& arena) {
  if (count > cells_total_ - index_) fail_corrupt("columnar: row reference cells past the column");
  cells_.resize(count);
  uint64_t rendered = 0;
  const CellText* sources[kMaxRowRefSources];
  for (uint32_t k = 0; k < spec_.nsources; ++k) sources[k] = columns[spec_.sources[k]];
  for (size_t i = 0; i < count; ++i) {
    // Ops first, each checked, so the cell's size is known before room is
    // taken; every op but the last copies kMinRowCopy bytes or more, and
    // the arena charges them to the frame's size.
    cell_ops_.clear();
    uint64_t cursor[kMaxRowRefSources] = {};
    uint64_t size = 0, lit_left = lits_.remaining();
    for (;;) {
      Op op{};
      op.literal = ops_.varint_max(lit_left, "columnar: row literal past its part");
      lit_left -= op.literal;
      size += op.literal;
      const uint64_t code = ops_.varint_max(spec_.nsources, "columnar: bad row source");
      if (code == 0) {
        op.source = kNoSource;
        cell_ops_.push_back(op);
        break;
      }
      op.source = static_cast<uint32_t>(code - 1);
      const CellText& src = sources[op.source][i];
      const int64_t delta = ops_.svarint();
      const uint64_t at = cursor[op.source] + static_cast<uint64_t>(delta);
      const uint64_t len = ops_.varint_max(src.n, "columnar: row copy past its source") + kMinRowCopy;
      if (at > src.n || len > src.n - at) fail_corrupt("columnar: row copy past its source");
      op.offset = at;
      op.length = len;
      cursor[op.source] = at + len;
      size += len;
      cell_ops_.push_back(op);
    }
    char* const out = arena.text_room(static_cast<size_t>(size));
    char* w = out;
    for (const Op& op : cell_ops_) {
      if (op.literal) {
        std::memcpy(w, lits_.bytes(static_cast<size_t>(op.literal)).data, static_cast<size_t>(op.literal));
        w += op.literal;
      }
      if (op.source != kNoSource) {
        std::memcpy(w, sources[op.source][i].p + op.offset, static_cast<size_t>(op.length));
        w += op.length;
      }
    }
    arena.commit(static_cast<size_t>(size));
    cells_[i] = CellText{out, static_cast<size_t>(size)};
    rendered += size;
  }
  index_ += count;
  return rendered;
}

void RowRefDecoder::finish() const {
  if (index_ != cells_total_) fail_corrupt("columnar: column holds fewer cells than its rows");
  if (!ops_.at_end() || !lits_.at_end()) fail_corrupt("columnar: trailing row reference bytes");
}

}  // namespace at1::columnar
