// Value tables (format 3): a number or date column with few distinct values
// in no useful order (a flight's distance, a delay in minutes, a rating)
// codes each cell as the id of its value in a per-frame table, in order of
// first appearance. Raw values spread a repeated value over byte planes
// and deltas of unordered values are wider still; ids of a few hundred
// entries are about the values' order-0 entropy.
#ifndef AT1_COLUMNAR_VALUE_TABLE_H
#define AT1_COLUMNAR_VALUE_TABLE_H

#include <cstddef>
#include <cstdint>
#include <vector>

#include "at1/cpp/bytes.hpp"

namespace at1::columnar {

// A table holds at most this many values (as a dictionary column).
inline constexpr uint32_t kMaxTableValues = 1u << 16;

struct ValueTable {
  std::vector<int64_t> values;  // in order of first appearance
  std::vector<uint32_t> ids;    // per typed cell (exceptions skipped)
};

// Fills `table` and returns true when coding the column's typed cells
// (carried[i] for i < n not in `exc`, ascending) as table ids is estimated
// well below `best_bits` (the cost model's figure for the best other
// coding). Columns whose sample shows little repetition are refused after
// a sort of at most 4096 values.
bool choose_value_table(const int64_t* carried, size_t n, const std::vector<uint32_t>& exc, double best_bits,
                        ValueTable* table);

// The `c<j>.d` part of a table-coded column: varint count, then each value
// as a zigzag varint difference from the one before (the first from 0).
void write_value_table(sdk::ByteWriter& w, const std::vector<int64_t>& values);
// Reads it back; throws CodecError(CORRUPT) on a count past kMaxTableValues
// or the part's end, or trailing bytes.
std::vector<int64_t> read_value_table(sdk::ByteReader r);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_VALUE_TABLE_H
