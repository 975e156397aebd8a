// Choosing a column's type from a sample of its values (encode side).
#ifndef AT1_COLUMNAR_COLUMN_INFER_H
#define AT1_COLUMNAR_COLUMN_INFER_H

#include <string_view>
#include <vector>

#include "column_encode.h"
#include "column_spec.h"

namespace at1::columnar {

inline constexpr size_t kSampleSize = 4096;
// A typed column needs this share of its non-empty sample to fit.
inline constexpr double kTypedFit = 0.8;

// Infers type and print spec (not quote mode or int coding) from `values`
// (all of the column's cells; a spread-out sample is taken).
ColumnSpec infer_column(const ColumnCells& values, bool allow_typed);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_COLUMN_INFER_H
