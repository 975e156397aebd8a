#include "value_table.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace at1::columnar {

namespace {

constexpr size_t kTableSample = 4096;
// A sample with more distinct values than this share of its size has too
// little repetition for ids to beat the other codings.
constexpr size_t kSampleDistinctShare = 3;
// At most this many distinct deltas in the sample are regular steps.
constexpr size_t kRegularSteps = 16;
// What a table entry costs beyond its varint: the first appearance the
// entropy coder cannot predict, in bits.
constexpr double kEntryBits = 8;
// Ids must be estimated this much below the best other coding: the
// estimates err in different directions (the cost model leaves low bits
// out as incompressible, order-0 entropy ignores the byte planes).
constexpr double kTableMargin = 0.95;

// Value -> id with open addressing, grown at half load.
class IdMap {
 public:
  IdMap() { resize(1024); }
  // The id of v, a new one (== size()) when v is new.
  uint32_t intern(int64_t v) {
    size_t slot = home(v);
    while (ids_[slot] != kEmpty) {
      if (keys_[slot] == v) return ids_[slot];
      slot = (slot + 1) & mask_;
    }
    const uint32_t id = size_++;
    keys_[slot] = v;
    ids_[slot] = id;
    if (size_ * 2 > mask_ + 1) resize((mask_ + 1) * 2);
    return id;
  }
  uint32_t size() const { return size_; }

 private:
  static constexpr uint32_t kEmpty = ~uint32_t{0};
  size_t home(int64_t v) const {
    return static_cast<size_t>((static_cast<uint64_t>(v) * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void resize(size_t cap) {
    std::vector<int64_t> keys(cap);
    std::vector<uint32_t> ids(cap, kEmpty);
    keys_.swap(keys);
    ids_.swap(ids);
    mask_ = cap - 1;
    shift_ = 64 - std::countr_zero(cap);
    for (size_t s = 0; s < ids.size(); ++s) {
      if (ids[s] == kEmpty) continue;
      size_t slot = home(keys[s]);
      while (ids_[slot] != kEmpty) slot = (slot + 1) & mask_;
      keys_[slot] = keys[s];
      ids_[slot] = ids[s];
    }
  }
  std::vector<int64_t> keys_;
  std::vector<uint32_t> ids_;
  size_t mask_ = 0;
  int shift_ = 64;
  uint32_t size_ = 0;
};

// Order-0 entropy in bits per value of a sample (sorted in place), and its
// distinct values.
double sample_entropy(std::vector<int64_t>& sample, size_t* distinct) {
  std::sort(sample.begin(), sample.end());
  const double n = static_cast<double>(sample.size());
  double bits = 0;
  *distinct = 0;
  for (size_t i = 0; i < sample.size();) {
    size_t j = i + 1;
    while (j < sample.size() && sample[j] == sample[i]) ++j;
    const double c = static_cast<double>(j - i);
    bits += c * std::log2(n / c);
    ++*distinct;
    i = j;
  }
  return sample.empty() ? 0 : bits / n;
}

// On an evenly spaced sample: false when it has too many distinct values
// for a table; else the order-0 entropy per value of the deltas at the
// sampled cells when they are few. The cost model's log buckets take the
// low bits of a big delta as incompressible, but deltas that repeat
// exactly (a month in seconds) cost about their entropy, which a table
// must beat too.
bool sample_repeats(const int64_t* carried, size_t n, double* delta_bits) {
  const size_t step = n > kTableSample ? n / kTableSample : 1;
  std::vector<int64_t> values, deltas;
  values.reserve(kTableSample + 1);
  deltas.reserve(kTableSample + 1);
  for (size_t i = 0; i < n; i += step) {
    values.push_back(carried[i]);
    deltas.push_back(static_cast<int64_t>(static_cast<uint64_t>(carried[i]) -
                                          static_cast<uint64_t>(i ? carried[i - 1] : 0)));
  }
  size_t distinct;
  sample_entropy(values, &distinct);
  if (distinct * kSampleDistinctShare > values.size()) return false;
  // Only a handful of distinct deltas (regular steps: a month in seconds)
  // code in byte planes near their entropy; where there are more, planes
  // lose the exact repeats the entropy counts, and it is no bound.
  *delta_bits = sample_entropy(deltas, &distinct);
  if (distinct > kRegularSteps) *delta_bits = HUGE_VAL;
  return true;
}

}  // namespace

bool choose_value_table(const int64_t* carried, size_t n, const std::vector<uint32_t>& exc, double best_bits,
                        ValueTable* table) {
  double delta_bits;
  if (n == 0 || !sample_repeats(carried, n, &delta_bits)) return false;
  const double delta_estimate = delta_bits * static_cast<double>(n - exc.size());
  IdMap map;
  std::vector<uint32_t> ids;
  std::vector<uint32_t> counts;
  ids.reserve(n - exc.size());
  auto take = [&](size_t i) {
    const uint32_t id = map.intern(carried[i]);
    if (id == counts.size()) {
      counts.push_back(0);
      table->values.push_back(carried[i]);
    }
    ++counts[id];
    ids.push_back(id);
  };
  size_t i = 0;
  for (uint32_t e : exc) {
    for (; i < e; ++i) take(i);
    i = e + 1;
    if (map.size() > kMaxTableValues) break;
  }
  for (; i < n && map.size() <= kMaxTableValues; ++i) take(i);
  if (map.size() > kMaxTableValues || ids.empty()) {
    table->values.clear();
    return false;
  }
  const double total = static_cast<double>(ids.size());
  // The table as written (varints of differences), and the ids' order-0 entropy.
  double bits = kEntryBits * static_cast<double>(counts.size());
  uint64_t prev = 0;
  for (int64_t v : table->values) {
    const uint64_t u = sdk::zigzag_encode(static_cast<int64_t>(static_cast<uint64_t>(v) - prev));
    bits += 8.0 * (1 + (std::bit_width(u | 1) - 1) / 7);
    prev = static_cast<uint64_t>(v);
  }
  for (uint32_t c : counts) bits += c * std::log2(total / c);
  // The deltas' entropy is an estimate of the same kind as the table's: no margin.
  if (!(bits < kTableMargin * best_bits && bits < delta_estimate)) {
    table->values.clear();
    return false;
  }
  table->ids = std::move(ids);
  return true;
}

void write_value_table(sdk::ByteWriter& w, const std::vector<int64_t>& values) {
  w.varint(values.size());
  uint64_t prev = 0;
  for (int64_t v : values) {
    w.varint(sdk::zigzag_encode(static_cast<int64_t>(static_cast<uint64_t>(v) - prev)));
    prev = static_cast<uint64_t>(v);
  }
}

std::vector<int64_t> read_value_table(sdk::ByteReader r) {
  // Each value takes at least a byte: the count cannot pass the part.
  const uint64_t count = r.varint_max(kMaxTableValues, "columnar: value table too large");
  if (count > r.remaining()) sdk::fail_corrupt("columnar: value table past its part");
  std::vector<int64_t> values(count);
  uint64_t prev = 0;
  for (auto& v : values) {
    prev += static_cast<uint64_t>(sdk::zigzag_decode(r.varint()));
    v = static_cast<int64_t>(prev);
  }
  if (!r.at_end()) sdk::fail_corrupt("columnar: trailing bytes in value table");
  return values;
}

}  // namespace at1::columnar
