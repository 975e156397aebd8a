// What a column is: its type and how its values print, as written into the
// frame's `meta` part. Shared by the column encoder and decoder.
#ifndef AT1_COLUMNAR_COLUMN_SPEC_H
#define AT1_COLUMNAR_COLUMN_SPEC_H

#include <cstdint>

#include "at1/cpp/bytes.hpp"
#include "datetime_format.h"
#include "number_format.h"

namespace at1::columnar {

enum ColumnType : uint8_t { kText = 0, kDict = 1, kNumber = 2, kDate = 3 };
enum QuoteMode : uint8_t { kQuoteMinimal = 0, kQuoteAlways = 1 };
// How a typed column's int64 values are laid out in its value part.
enum IntCoding : uint8_t { kIntRaw = 0, kIntDelta = 1 };

// Dictionaries larger than this fall back to text.
inline constexpr uint32_t kMaxDict = 1u << 16;

struct ColumnSpec {
  uint8_t type = kText;
  uint8_t quote = kQuoteMinimal;
  uint8_t coding = kIntRaw;
  NumberSpec number;
  DateSpec date;
};

void write_spec(sdk::ByteWriter& w, const ColumnSpec& spec);
// Reads and validates a spec; throws CodecError(CORRUPT) on nonsense.
ColumnSpec read_spec(sdk::ByteReader& r);

// Characters that numbers or dates may print; such a delimiter rules out the
// typed columns (so their values never need quotes).
inline bool delimiter_allows_types(char delim) {
  return !((delim >= '0' && delim <= '9') || delim == '-' || delim == '.' || delim == ':' ||
           delim == '/' || delim == 'T' || delim == 'Z' || delim == ' ');
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_COLUMN_SPEC_H
