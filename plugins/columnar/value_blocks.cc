#include "value_blocks.h"

#include <algorithm>
#include <bit>
#include <vector>

#include "plane_unpack.h"

namespace at1::columnar {

using sdk::fail_corrupt;

namespace {

// A block's width W and how many of its values are wider (its patches).
struct BlockWidth {
  int w;
  size_t patches;
};

// The width that makes the block smallest before the backend: W bytes per
// value, plus per wider value a patch (about a byte of gap, and its bits
// above W as a varint). Ties go to the wider W (fewer patches to apply).
// The patch count falls out of the same histogram of bit lengths.
// n > 0 (no block is empty).
BlockWidth choose_width(const uint64_t* values, size_t n) {
  size_t count[65] = {};
  uint64_t any = 0;
  // bit_width(v) is the top bit of 2v + 1, which is never 0: no test for
  // v == 0 per value. Values of 64 bits overflow 2v + 1; they are counted
  // again below.
  for (size_t k = 0; k < n; ++k) {
    const uint64_t v = values[k];
    any |= v;
    ++count[63 - __builtin_clzll(2 * v + 1)];
  }
  if (any >> 63) [[unlikely]] {
    std::fill(count, count + 65, 0);
    for (size_t k = 0; k < n; ++k) ++count[std::bit_width(values[k])];
  }
  // No value is wider than `top` bits; widths that hold them all cost n
  // bytes each, so the narrowest of those is the one to beat, and only
  // narrower ones pay for patches (ties go to the wider W).
  const int top = std::bit_width(any);
  int best = (top + 7) / 8;
  size_t best_cost = n * static_cast<size_t>(best);
  for (int w = best - 1; w >= 0; --w) {
    size_t cost = n * static_cast<size_t>(w);
    for (int bits = 8 * w + 1; bits <= top; ++bits)
      cost += count[bits] * static_cast<size_t>(1 + (bits - 8 * w + 6) / 7);
    if (cost < best_cost) {
      best_cost = cost;
      best = w;
    }
  }
  size_t patches = 0;
  for (int bits = 8 * best + 1; bits <= top; ++bits) patches += count[bits];
  return {best, patches};
}

void write_block(sdk::ByteWriter& out, const uint64_t* values, size_t n) {
  const auto [w, patches] = choose_width(values, n);
  const uint64_t limit = w == 8 ? ~uint64_t(0) : (uint64_t(1) << (8 * w)) - 1;
  out.u8(static_cast<uint8_t>(w));
  out.varint(patches);
  // Planes written in place: a push_back per byte was most of this function.
  std::vector<uint8_t>& buf = out.buffer();
  const size_t at = buf.size();
  buf.resize(at + n * static_cast<size_t>(w));
  uint8_t* plane = buf.data() + at;
  for (int b = 0; b < w; ++b, plane += n)
    for (size_t k = 0; k < n; ++k) plane[k] = static_cast<uint8_t>(values[k] >> (8 * b));
  if (patches == 0) return;
  size_t prev = 0;
  for (size_t k = 0; k < n; ++k) {
    if (values[k] <= limit) continue;
    out.varint(k - prev);
    out.varint(values[k] >> (8 * w));
    prev = k;
  }
}

// Room for about 3 bytes per value and each block's header.
void reserve_for(sdk::ByteWriter& out, size_t n) {
  out.reserve(out.size() + n * 3 + n / kValueBlock * 4 + 4);
}

// A block's patches over its n unpacked values (w < 8: patches of W = 8
// are refused before). The reader is a local, taken and given back by
// value: through a pointer its position would be written back every byte
// (airports' coordinates have a patch for 1 value in 5).
template <bool kZigzag>
sdk::ByteReader apply_patches(sdk::ByteReader in, uint64_t patches, size_t n, unsigned w, uint64_t* out) {
  uint64_t at = 0;
  for (uint64_t i = 0; i < patches; ++i) {
    const uint64_t gap = in.varint_max(n, "columnar: value patch past block end");
    if (i > 0 && gap == 0) fail_corrupt("columnar: value patches out of order");
    at += gap;
    if (at >= n) fail_corrupt("columnar: value patch past block end");
    // The value's high bytes over its low ones as unpacked: zigzag-encoding
    // the unpacked value gives its low bytes back, with no read of the planes.
    const uint64_t low = kZigzag ? zigzag_encode_bits(out[at]) : out[at];
    const uint64_t v = in.varint() << (8 * w) | low;
    out[at] = kZigzag ? zigzag_decode_bits(v) : v;
  }
  return in;
}

}  // namespace

void write_value_blocks(sdk::ByteWriter& out, const uint64_t* values, size_t n) {
  reserve_for(out, n);
  for (size_t at = 0; at < n; at += kValueBlock)
    write_block(out, values + at, n - at < kValueBlock ? n - at : kValueBlock);
}

ValueBlockWriter::ValueBlockWriter(sdk::ByteWriter& out, size_t expected) : out_(out) {
  reserve_for(out, expected);
}

void ValueBlockWriter::flush() {
  write_block(out_, buf_, count_);
  count_ = 0;
}

namespace {
// Zigzag-decoded or not, a block of zero bytes is values 0.
constinit const uint64_t kZeroBlock[kValueBlock] = {};
}  // namespace

void ValueBlockReader::refill() {
  if (left_ == 0) fail_corrupt("columnar: value part ends early");
  const size_t n = static_cast<size_t>(left_ < kValueBlock ? left_ : kValueBlock);
  uint64_t* out = buf_;
  block_ = buf_;
  if (!planes_) {
    for (size_t k = 0; k < n; ++k) out[k] = zigzag_ ? zigzag_decode_bits(in_.varint()) : in_.varint();
  } else {
    const unsigned w = in_.u8();
    if (w > 8) fail_corrupt("columnar: value block wider than 8 bytes");
    const uint64_t patches = in_.varint_max(w == 8 ? 0 : n, "columnar: too many value patches");
    const uint8_t* planes = in_.bytes(n * w).data;
    if (w == 0 && patches == 0) {
      // Every value 0 (a constant column's deltas): handed out from a shared
      // block of zeros instead of writing 8 KiB each block.
      block_ = kZeroBlock;
    } else {
      if (zigzag_) {
        unpack_planes<true>(planes, n, w, out);
      } else {
        unpack_planes<false>(planes, n, w, out);
      }
      in_ = zigzag_ ? apply_patches<true>(in_, patches, n, w, out) : apply_patches<false>(in_, patches, n, w, out);
    }
  }
  at_ = 0;
  count_ = static_cast<uint32_t>(n);
  left_ -= n;
}

}  // namespace at1::columnar
