// Row-reference columns (encode side): a text cell coded as literal runs and
// copies from the printed text of the same row's other cells. Plain text in
// a row repeats nearby cells (a log message and its event template, an id
// inside a URL); splitting a table into columns puts those repeats far
// apart, where the backend pays for them again. The format is in README.md.
#ifndef AT1_COLUMNAR_ROW_REF_ENCODE_H
#define AT1_COLUMNAR_ROW_REF_ENCODE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "column_encode.h"
#include "column_spec.h"
#include "parts.h"

namespace at1::columnar {

// The shortest copy an op codes (shorter runs are literals).
inline constexpr size_t kMinRowCopy = 4;

// Per column: the spec of a row-reference column (type kRowRef) or type
// kText for a column coded as usual. Targets are text columns whose
// sampled cells copy enough from other columns with cells in the same rows.
std::vector<ColumnSpec> choose_row_refs(const std::vector<ColumnCells>& columns, char delim);

// Writes column `index`'s ops to c<index> and literals to c<index>.l.
void encode_row_ref(size_t index, const ColumnSpec& spec, const std::vector<ColumnCells>& columns,
                    PartWriter& parts);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_ROW_REF_ENCODE_H
