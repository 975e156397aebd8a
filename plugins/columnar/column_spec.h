// What a column is: its type and how its values print, as written into the
// frame's `meta` part. Shared by the column encoder and decoder.
#ifndef AT1_COLUMNAR_COLUMN_SPEC_H
#define AT1_COLUMNAR_COLUMN_SPEC_H

#include <cstdint>

#include "at1/cpp/bytes.hpp"
#include "datetime_format.h"
#include "number_format.h"

namespace at1::columnar {

// Format 3: kRowRef, cells copied from the same row's other cells
// (row_ref_encode.h); kKeyed, dictionary entries predicted from another
// column of the row (keyed_dict_encode.h).
enum ColumnType : uint8_t { kText = 0, kDict = 1, kNumber = 2, kDate = 3, kRowRef = 4, kKeyed = 5 };
// Columns decoded from other columns of the row, after the plain ones.
inline bool reads_its_row(uint8_t type) { return type == kRowRef || type == kKeyed; }
// A row-reference column copies from at most this many source columns.
inline constexpr uint32_t kMaxRowRefSources = 4;
// How a column's cells are predicted to be quoted; the cells that differ are
// listed. kQuoteNever spares the decoder a scan of every text value.
enum QuoteMode : uint8_t { kQuoteMinimal = 0, kQuoteAlways = 1, kQuoteNever = 2 };
// How a typed column's int64 values are laid out in its value part.
enum IntCoding : uint8_t {
  kIntRaw = 0,    // the value
  kIntDelta = 1,  // minus the column's previous typed value
  kIntRef = 2,    // minus the same row's value of column `ref` (an earlier typed column)
  kIntTable = 3   // format 3: the id of the value in the column's table (value_table.h)
};
// How many earlier typed columns the encoder tries as references.
inline constexpr size_t kMaxRefCandidates = 8;

// Dictionaries larger than this fall back to text.
inline constexpr uint32_t kMaxDict = 1u << 16;

struct ColumnSpec {
  uint8_t type = kText;
  uint8_t quote = kQuoteMinimal;
  uint8_t coding = kIntRaw;
  uint32_t ref = 0;  // kIntRef: the reference column
  uint32_t nsources = 0;  // kRowRef: its source columns
  uint32_t sources[kMaxRowRefSources] = {};
  uint32_t key = 0;  // kKeyed: the key column
  NumberSpec number;
  DateSpec date;
};

void write_spec(sdk::ByteWriter& w, const ColumnSpec& spec);
// Reads and validates the spec of column `index` of `ncols`; throws
// CodecError(CORRUPT) on nonsense (kRowRef and kKeyed only when `row_refs`).
ColumnSpec read_spec(sdk::ByteReader& r, uint32_t index, uint32_t ncols, bool row_refs);

// True when column b may hold residuals against column a's values.
inline bool same_units(const ColumnSpec& a, const ColumnSpec& b) {
  if (a.type != b.type) return false;
  if (a.type == kNumber) return a.number.scale == b.number.scale && a.number.inner == b.number.inner;
  return a.type == kDate && a.date.has_date == b.date.has_date &&
         a.date.has_time == b.date.has_time && a.date.frac == b.date.frac;
}

// Characters that numbers or dates may print; such a delimiter rules out the
// typed columns (so their values never need quotes).
inline bool delimiter_allows_types(char delim) {
  return !((delim >= '0' && delim <= '9') || delim == '-' || delim == '.' || delim == ':' ||
           delim == '/' || delim == 'T' || delim == 'Z' || delim == ' ');
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_COLUMN_SPEC_H
