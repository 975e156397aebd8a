// Keyed dictionaries (decode side): each cell's entry is the one last seen
// with its key cell's text, unless the cell is listed with its own
// (keyed_dict_encode.h; format in README.md). Keys are copied into the
// decoder (key cells live only for a block); every read is bounds-checked.
#ifndef AT1_COLUMNAR_KEYED_DICT_DECODE_H
#define AT1_COLUMNAR_KEYED_DICT_DECODE_H

#include <cstdint>
#include <string_view>
#include <vector>

#include "cell_arena.h"
#include "column_spec.h"
#include "parts.h"

namespace at1::columnar {

class KeyedDictDecoder {
 public:
  void init(size_t index, const ColumnSpec& spec, PartReader& parts, uint64_t cells);
  // Renders the next `count` cells; `columns[spec.key]` is the key column's
  // block (at least `count` cells). Returns the bytes rendered.
  uint64_t decode_block(size_t count, const CellText* const* columns);
  const CellText* cells() const { return cells_.data(); }
  // Throws CORRUPT when parts hold listed cells nobody asked for.
  void finish() const;

 private:
  // The entry of key text k (inserts it with kNone when new).
  uint32_t& entry_of(std::string_view k);
  static constexpr uint32_t kNone = ~0u;
  static constexpr uint64_t kNoMoreCells = ~0ull;

  ColumnSpec spec_;
  uint64_t cells_total_ = 0;
  uint64_t index_ = 0;
  ByteReader listed_;  // the gaps, then codes_
  ByteReader codes_;
  uint64_t listed_left_ = 0;
  uint64_t next_listed_ = kNoMoreCells;
  uint32_t used_entries_ = 0;  // entries handed out so far (code 0 takes the next)
  std::vector<CellText> entries_;
  std::vector<char> entry_text_;  // entries_ point into it (slack after each)
  // Open addressing over the key texts seen: slot -> key index + 1 (0 empty).
  std::vector<uint32_t> slots_;
  std::vector<uint64_t> key_hash_;
  std::vector<uint64_t> key_at_;
  std::vector<uint32_t> key_size_;
  std::vector<uint32_t> key_entry_;
  std::vector<char> key_text_;
  // The last key looked up: runs of one key skip the hash.
  uint32_t last_key_ = kNone;
  // Key cells of a dictionary column point at its few entries: the key
  // index last found at a cell address skips the hash (bytes still
  // compared: arena addresses are reused with other text).
  struct Seen {
    const char* p = nullptr;
    uint32_t key = 0;
  };
  static constexpr size_t kSeenSlots = 1024;
  std::vector<Seen> seen_ = std::vector<Seen>(kSeenSlots);
  std::vector<CellText> cells_;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_KEYED_DICT_DECODE_H
