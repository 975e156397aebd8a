#include "columns.hpp"

namespace at1::ssh {
namespace {

// Columns below this size share the `pack` stream. Measured on the corpus:
// one LZMA2/zstd stream for all columns beats separate streams even for a
// 2000-line file (each stream costs ~10 bytes of container entry plus ~12 of
// backend framing, and the backend re-learns its statistics per stream).
// Only big columns of big frames get streams of their own, which keeps them
// homogeneous and lets the host compress them in parallel.
constexpr size_t kPackBelow = 64 * 1024;

}  // namespace

// pack = varint bitmask of packed columns, then for each, in column order,
// varint length + bytes. Columns not in the mask are streams named after them.
void put_columns(sdk::EncodeContext& ctx, const ColumnWriters& cols) {
  sdk::ByteWriter pack;
  uint64_t mask = 0;
  for (uint32_t c = 0; c < kColumnCount; ++c)
    if (cols[c].size() < kPackBelow) mask |= uint64_t(1) << c;
  pack.varint(mask);
  for (uint32_t c = 0; c < kColumnCount; ++c) {
    if (mask & (uint64_t(1) << c)) {
      pack.varint(cols[c].size());
      pack.bytes(cols[c].data(), cols[c].size());
    } else {
      ctx.put(kColumnNames[c], cols[c]);
    }
  }
  ctx.put("pack", pack);
}

void get_columns(sdk::DecodeContext& ctx, ColumnViews* cols) {
  sdk::ByteReader pack(ctx.get("pack"));
  uint64_t mask = pack.varint_max((uint64_t(1) << kColumnCount) - 1, "ssh: bad pack mask");
  for (uint32_t c = 0; c < kColumnCount; ++c) {
    if (mask & (uint64_t(1) << c)) {
      uint64_t n = pack.varint_max(pack.remaining(), "ssh: packed column past end");
      (*cols)[c] = pack.bytes(static_cast<size_t>(n));
    } else {
      (*cols)[c] = ctx.get(kColumnNames[c]);
    }
  }
  if (!pack.at_end()) sdk::fail_corrupt("ssh: trailing bytes in pack");
}

}  // namespace at1::ssh
