// A cell as the output prints it (encode side): row references and keyed
// dictionaries work on printed text, so they need no quote mode of their own.
#ifndef AT1_COLUMNAR_PRINTED_CELL_H
#define AT1_COLUMNAR_PRINTED_CELL_H

#include <string>
#include <string_view>

#include "column_encode.h"

namespace at1::columnar {

// Cell i's value, or in quotes with inner quotes doubled (built in *buf).
inline std::string_view printed(const ColumnCells& c, size_t i, std::string* buf) {
  const std::string_view v = c.value(i);
  if (!c.quoted(i)) return v;
  buf->assign(1, '"');
  for (char ch : v) {
    buf->push_back(ch);
    if (ch == '"') buf->push_back('"');
  }
  buf->push_back('"');
  return *buf;
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_PRINTED_CELL_H
