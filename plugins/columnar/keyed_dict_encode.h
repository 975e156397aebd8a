// Keyed dictionaries (encode side): a dictionary column whose value follows
// from another column of the same row (event id -> template, code -> name)
// lists only the cells where the entry last seen with the key's text does
// not predict it. The format is in README.md.
#ifndef AT1_COLUMNAR_KEYED_DICT_ENCODE_H
#define AT1_COLUMNAR_KEYED_DICT_ENCODE_H

#include <vector>

#include "column_encode.h"
#include "column_spec.h"
#include "parts.h"

namespace at1::columnar {

// Marks in `specs` (kRowRef or plain so far) the dict columns worth keying
// on another column: type kKeyed and their key.
void choose_keyed_dicts(const std::vector<ColumnCells>& columns, char delim, std::vector<ColumnSpec>* specs);

// Writes column `index`'s listed cells to c<index> and entries to c<index>.d.
void encode_keyed_dict(size_t index, const ColumnSpec& spec, const std::vector<ColumnCells>& columns,
                       PartWriter& parts);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_KEYED_DICT_ENCODE_H
