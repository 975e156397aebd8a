#include "keyed_dict_decode.h"

#include <cstring>

namespace at1::columnar {

using sdk::fail_corrupt;

namespace {

uint64_t hash_bytes(const char* p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull ^ n;
  for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<uint8_t>(p[i])) * 0x100000001b3ull;
  return h ^ h >> 29;
}

}  // namespace

void KeyedDictDecoder::init(size_t index, const ColumnSpec& spec, PartReader& parts, uint64_t cells) {
  spec_ = spec;
  cells_total_ = cells;
  listed_ = ByteReader(parts.get(column_part(index, "")));
  ByteReader dict(parts.get(column_part(index, ".d")));
  // Entries into one buffer with slack after each (rows are assembled
  // with fixed-size moves); each costs at least its length byte, so the
  // buffer is bounded by the part.
  std::vector<std::pair<const uint8_t*, size_t>> raw;
  size_t total = 0;
  while (!dict.at_end()) {
    const std::string_view e = dict.str();
    raw.emplace_back(reinterpret_cast<const uint8_t*>(e.data()), e.size());
    total += e.size() + kCellCopy;
  }
  entry_text_.resize(total + kCellCopy);
  size_t at = 0;
  for (auto [p, n] : raw) {
    if (n) std::memcpy(entry_text_.data() + at, p, n);
    entries_.push_back(CellText{entry_text_.data() + at, n});
    at += n + kCellCopy;
  }
  listed_left_ = listed_.varint_max(cells, "columnar: too many listed cells");
  // The codes follow the gaps: find them by reading the gaps once.
  ByteReader gaps = listed_;
  for (uint64_t i = 0; i < listed_left_; ++i) gaps.varint();
  codes_ = ByteReader(gaps.position(), gaps.remaining());
  if (listed_left_) next_listed_ = listed_.varint_max(cells, "columnar: listed cell past the column");
}

uint32_t& KeyedDictDecoder::entry_of(std::string_view k) {
  auto same = [&](uint32_t i) {
    return key_size_[i] == k.size() && std::memcmp(key_text_.data() + key_at_[i], k.data(), k.size()) == 0;
  };
  if (last_key_ != kNone && same(last_key_)) return key_entry_[last_key_];
  Seen& seen = seen_[(reinterpret_cast<uintptr_t>(k.data()) >> 3) & (kSeenSlots - 1)];
  if (seen.p == k.data() && same(seen.key)) {
    last_key_ = seen.key;
    return key_entry_[seen.key];
  }
  seen.p = k.data();
  if (2 * (key_entry_.size() + 1) > slots_.size()) {
    // Grow and rehash (keys are few: one per distinct key text).
    std::vector<uint32_t> grown(slots_.empty() ? 64 : 2 * slots_.size(), 0);
    const size_t mask = grown.size() - 1;
    for (uint32_t i = 0; i < key_entry_.size(); ++i) {
      size_t s = key_hash_[i] & mask;
      while (grown[s]) s = (s + 1) & mask;
      grown[s] = i + 1;
    }
    slots_.swap(grown);
  }
  const uint64_t h = hash_bytes(k.data(), k.size());
  const size_t mask = slots_.size() - 1;
  size_t s = h & mask;
  for (; slots_[s]; s = (s + 1) & mask) {
    const uint32_t i = slots_[s] - 1;
    if (key_hash_[i] == h && same(i)) {
      last_key_ = seen.key = i;
      return key_entry_[i];
    }
  }
  const uint32_t i = static_cast<uint32_t>(key_entry_.size());
  slots_[s] = i + 1;
  key_hash_.push_back(h);
  key_at_.push_back(key_text_.size());
  key_size_.push_back(static_cast<uint32_t>(k.size()));
  key_entry_.push_back(kNone);
  key_text_.insert(key_text_.end(), k.data(), k.data() + k.size());
  last_key_ = seen.key = i;
  return key_entry_[i];
}

uint64_t KeyedDictDecoder::decode_block(size_t count, const CellText* const* columns) {
  if (count > cells_total_ - index_) fail_corrupt("columnar: keyed cells past the column");
  cells_.resize(count);
  const CellText* keys = columns[spec_.key];
  uint64_t rendered = 0;
  for (size_t i = 0; i < count; ++i, ++index_) {
    uint32_t& entry = entry_of(std::string_view(keys[i].p, keys[i].n));
    if (index_ == next_listed_) {
      const uint64_t code = codes_.varint_max(entries_.size(), "columnar: bad keyed entry");
      if (code == 0) {
        if (used_entries_ == entries_.size()) fail_corrupt("columnar: bad keyed entry");
        entry = used_entries_++;
      } else {
        if (code > used_entries_) fail_corrupt("columnar: keyed entry not yet used");
        entry = static_cast<uint32_t>(code - 1);
      }
      next_listed_ = --listed_left_ ? next_listed_ + listed_.varint_max(cells_total_, "columnar: bad listed gap")
                                    : kNoMoreCells;
      if (listed_left_ && next_listed_ <= index_) fail_corrupt("columnar: listed cells out of order");
    } else if (entry == kNone) {
      fail_corrupt("columnar: keyed cell without an entry");
    }
    cells_[i] = entries_[entry];
    rendered += entries_[entry].n;
  }
  return rendered;
}

void KeyedDictDecoder::finish() const {
  if (index_ != cells_total_ || next_listed_ != kNoMoreCells || !codes_.at_end() ||
      used_entries_ != entries_.size())
    fail_corrupt("columnar: keyed column does not match its rows");
}

}  // namespace at1::columnar
