// Encodes one column (all the scalar spellings of one path in a frame, in
// line order) into its directory entry and its parts (see json_format.h).
#ifndef AT1_JSON_COLUMN_ENCODER_H
#define AT1_JSON_COLUMN_ENCODER_H

#include <vector>

#include "at1/cpp/bytes.hpp"
#include "json_format.h"
#include "json_scanner.h"
#include "json_stats.h"

namespace at1json {

struct EncodedColumn {
  at1::sdk::ByteWriter meta;  // mode-specific directory fields
  at1::sdk::ByteWriter parts[kPartCount];
  NumberRange numbers;  // filled when encode_column is asked for it
};

// `base` is the frame the ValRefs point into. With `want_range`, also
// gathers out->numbers for the statistics.
void encode_column(const char* base, const std::vector<ValRef>& values, bool want_range,
                   EncodedColumn* out);

}  // namespace at1json

#endif  // AT1_JSON_COLUMN_ENCODER_H
