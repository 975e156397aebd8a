#include "column_store.hpp"

#include <cstdio>

namespace at1::vcf {

sdk::ByteWriter& ColumnSink::column(std::string_view name) {
  auto it = index_.find(std::string(name));
  if (it != index_.end()) return columns_[it->second].second;
  index_.emplace(std::string(name), columns_.size());
  columns_.emplace_back(std::string(name), sdk::ByteWriter());
  return columns_.back().second;
}

void ColumnSink::finish(sdk::EncodeContext& ctx) {
  sdk::ByteWriter dir, pack;
  size_t present = 0;
  for (auto& c : columns_) present += !c.second.empty();
  dir.varint(present);
  int own = 0;
  for (auto& [name, w] : columns_) {
    if (w.empty()) continue;
    bool alone = w.size() >= threshold_ && own < kMaxOwnStreams;
    dir.str(name);
    dir.varint(w.size());
    dir.u8(alone ? 1 : 0);
    if (alone) {
      char sname[16];
      std::snprintf(sname, sizeof sname, "s%d", own++);
      ctx.put(sname, w);
    } else {
      pack.bytes(w.data(), w.size());
    }
  }
  ctx.put("dir", dir);
  ctx.put("pack", pack);
}

ColumnSource::ColumnSource(sdk::DecodeContext& ctx) {
  sdk::ByteReader dir(ctx.get("dir"));
  sdk::Bytes pack_bytes = ctx.get("pack");
  sdk::ByteReader pack(pack_bytes);
  uint64_t n = dir.varint_max(kMaxColumns, "vcf: too many columns");
  int own = 0;
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view name = dir.str();
    uint64_t size = dir.varint();
    uint8_t placement = dir.u8();
    sdk::Bytes b;
    if (placement == 0) {
      if (size > pack.remaining()) sdk::fail_corrupt("vcf: packed column past end of pack");
      b = pack.bytes(static_cast<size_t>(size));
    } else if (placement == 1) {
      char sname[16];
      std::snprintf(sname, sizeof sname, "s%d", own++);
      b = ctx.get(sname);
      if (b.size != size) sdk::fail_corrupt("vcf: column size mismatch");
    } else {
      sdk::fail_corrupt("vcf: bad column placement");
    }
    if (!columns_.emplace(name, b).second) sdk::fail_corrupt("vcf: duplicate column");
  }
  if (!dir.at_end() || !pack.at_end()) sdk::fail_corrupt("vcf: trailing directory bytes");
}

sdk::Bytes ColumnSource::column(std::string_view name) const {
  auto it = columns_.find(name);
  return it == columns_.end() ? sdk::Bytes() : it->second;
}

}  // namespace at1::vcf
