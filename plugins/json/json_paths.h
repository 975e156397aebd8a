// Paths and columns. A value's PATH is where it sits: the chain of object
// keys (as written) and array positions from the line's root. Every path that
// holds scalars gets a COLUMN, numbered in order of first appearance.
//
// Columns are a pure function of the templates in dictionary order, so the
// decoder recomputes them by walking the same template texts with the same
// code: the format stores no path or column table at all.
#ifndef AT1_JSON_PATHS_H
#define AT1_JSON_PATHS_H

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace at1json {

// What the statistics want to know about a column's path.
struct ColumnInfo {
  uint32_t depth = 0;     // object keys from the root (0 = the root value itself)
  bool via_array = false; // some step is an array position
  std::string key;        // last key as written (without quotes), if any
};

class PathTable {
 public:
  PathTable();
  // Walks a template and appends the column of each of its slots, in order.
  // Deterministic and bounds-safe for any bytes (hostile templates included).
  void assign(std::string_view tpl, std::vector<uint32_t>* columns);

  uint32_t column_count() const { return static_cast<uint32_t>(columns_.size()); }
  const ColumnInfo& column_info(uint32_t c) const { return columns_[c]; }

 private:
  struct Path {
    int32_t column = -1;
    uint32_t depth = 0;
    bool via_array = false;
    std::string key;  // last key as written
  };
  uint32_t child(uint32_t parent, char kind, std::string_view step);
  uint32_t column_of(uint32_t path);

  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<Path> paths_;
  std::vector<ColumnInfo> columns_;
  std::string scratch_;
};

}  // namespace at1json

#endif  // AT1_JSON_PATHS_H
