#include "parts.h"

#include <algorithm>
#include <vector>

namespace at1::columnar {

ByteWriter& PartWriter::add(std::string name) {
  parts_.emplace_back(std::move(name), ByteWriter());
  return parts_.back().second;
}

void PartWriter::finish(sdk::EncodeContext& ctx, size_t small_limit) {
  std::vector<const std::pair<std::string, ByteWriter>*> big;
  ByteWriter small;
  for (const auto& p : parts_) {
    if (p.second.empty()) continue;  // absent == empty for the reader
    if (p.second.size() < small_limit) {
      small.str(p.first);
      small.str(std::string_view(reinterpret_cast<const char*>(p.second.data()), p.second.size()));
    } else {
      big.push_back(&p);
    }
  }
  // Stay far below AT1_MAX_STREAMS: the smallest of too many big parts join `small`.
  if (big.size() > kMaxSeparateStreams) {
    std::stable_sort(big.begin(), big.end(),
                     [](auto* a, auto* b) { return a->second.size() > b->second.size(); });
    for (size_t i = kMaxSeparateStreams; i < big.size(); ++i) {
      small.str(big[i]->first);
      small.str(std::string_view(reinterpret_cast<const char*>(big[i]->second.data()),
                                 big[i]->second.size()));
    }
    big.resize(kMaxSeparateStreams);
  }
  for (auto* p : big) ctx.put(p->first.c_str(), p->second);
  ctx.put("small", small);
}

PartReader::PartReader(sdk::DecodeContext& ctx) : ctx_(ctx) {
  Bytes s;
  if (!ctx_.find("small", &s)) return;
  ByteReader r(s);
  while (!r.at_end()) {
    std::string_view name = r.str();
    std::string_view body = r.str();
    small_[name] = Bytes(body);
  }
}

Bytes PartReader::get(std::string_view name) {
  auto it = small_.find(name);
  if (it != small_.end()) return it->second;
  Bytes b;
  std::string key(name);
  if (ctx_.find(key.c_str(), &b)) return b;
  return Bytes();
}

std::string column_part(size_t column, const char* suffix) {
  std::string s = "c" + std::to_string(column);
  s += suffix;
  return s;
}

}  // namespace at1::columnar
