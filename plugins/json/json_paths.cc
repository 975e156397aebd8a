#include "json_paths.h"

#include <cstring>

#include "json_format.h"

namespace at1json {

PathTable::PathTable() { paths_.push_back(Path{}); }  // path 0: the root

uint32_t PathTable::child(uint32_t parent, char kind, std::string_view step) {
  scratch_.assign(reinterpret_cast<const char*>(&parent), sizeof parent);
  scratch_.push_back(kind);
  scratch_.append(step);
  auto it = ids_.find(scratch_);
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(paths_.size());
  Path p;
  p.depth = paths_[parent].depth + (kind == 'k' ? 1 : 0);
  p.via_array = paths_[parent].via_array || kind == 'i';
  p.key = kind == 'k' ? std::string(step) : paths_[parent].key;
  paths_.push_back(std::move(p));
  ids_.emplace(scratch_, id);
  return id;
}

uint32_t PathTable::column_of(uint32_t path) {
  Path& p = paths_[path];
  if (p.column < 0) {
    if (columns_.size() < kMaxColumns) {
      p.column = static_cast<int32_t>(columns_.size());
      ColumnInfo info;
      info.depth = p.depth;
      info.via_array = p.via_array;
      info.key = p.key;
      columns_.push_back(std::move(info));
    } else {
      p.column = static_cast<int32_t>(kMaxColumns - 1);  // overflow column
    }
  }
  return static_cast<uint32_t>(p.column);
}

void PathTable::assign(std::string_view tpl, std::vector<uint32_t>* columns) {
  struct Open {
    uint32_t path;
    bool object;
    uint32_t index;     // array: position of the current element
    uint32_t key_path;  // object: path of the last key seen
  };
  std::vector<Open> stack;
  const char* p = tpl.data();
  const char* end = p + tpl.size();
  auto value_path = [&]() -> uint32_t {
    if (stack.empty()) return 0;
    Open& o = stack.back();
    if (o.object) return o.key_path;
    uint32_t idx = o.index < kArrayIndexPaths ? o.index : kArrayIndexPaths;
    return child(o.path, 'i', std::string_view(reinterpret_cast<const char*>(&idx), sizeof idx));
  };
  while (p < end) {
    char c = *p++;
    switch (c) {
      case kSlot:
        columns->push_back(column_of(value_path()));
        break;
      case '{':
      case '[': {
        uint32_t path = value_path();
        stack.push_back(Open{path, c == '{', 0, path});
        break;
      }
      case '}':
      case ']':
        if (!stack.empty()) stack.pop_back();
        break;
      case ',':
        if (!stack.empty() && !stack.back().object) ++stack.back().index;
        break;
      case '"': {
        const char* s = p;
        while (p < end && *p != '"') p += (*p == '\\' && p + 1 < end) ? 2 : 1;
        std::string_view key(s, static_cast<size_t>((p < end ? p : end) - s));
        if (p < end) ++p;
        if (!stack.empty() && stack.back().object) {
          stack.back().key_path = child(stack.back().path, 'k', key);
        }
        break;
      }
      default:
        break;  // whitespace and ':'
    }
  }
}

}  // namespace at1json
