#include "info_keys.hpp"

#include <algorithm>

namespace at1::vcf {

namespace {
constexpr uint64_t kMaxKeysPerRow = 1u << 16;
}

InfoEncoder::InfoEncoder(ColumnSink& sink)
    : sink_(sink),
      set_ids_(&sink.column("info.i")),
      key_names_(&sink.column("info.k")),
      perm_(&sink.column("info.p")) {}

ValueEncoder& InfoEncoder::values(uint32_t key_id) {
  if (key_id >= values_.size()) values_.resize(key_id + 1);
  if (!values_[key_id]) {
    // Key names are '\n'-free line content; the dictionary order gives the id.
    values_[key_id] = std::make_unique<ValueEncoder>(sink_, "I:" + std::to_string(key_id));
  }
  return *values_[key_id];
}

void InfoEncoder::finish() {
  for (auto& v : values_)
    if (v) v->finish();
}

void InfoEncoder::add(std::string_view info) {
  items_.clear();
  item_values_.clear();
  codes_.clear();
  size_t start = 0;
  for (;;) {
    size_t semi = info.find(';', start);
    std::string_view item =
        info.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start);
    size_t eq = item.find('=');
    bool has_value = eq != std::string_view::npos;
    std::string_view key = has_value ? item.substr(0, eq) : item;
    bool fresh = false;
    uint32_t id = keys_.intern(key, *key_names_, &fresh);
    codes_.push_back(id << 1 | (has_value ? 1u : 0u));
    item_values_.push_back(has_value ? item.substr(eq + 1) : std::string_view());
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  sorted_ = codes_;
  std::sort(sorted_.begin(), sorted_.end());
  set_key_.assign(reinterpret_cast<const char*>(sorted_.data()), sorted_.size() * sizeof(uint32_t));
  auto [it, fresh_set] = set_ids_by_content_.emplace(set_key_, static_cast<uint32_t>(sets_.size()));
  set_ids_->varint(it->second);
  if (fresh_set) {
    sets_.push_back(codes_);
    set_ids_->varint(codes_.size());
    for (uint32_t c : codes_) set_ids_->varint(c);
    perm_->u8(0);
  } else {
    const std::vector<uint32_t>& own = sets_[it->second];
    if (own == codes_) {
      perm_->u8(0);
    } else {
      perm_->u8(1);
      remaining_ = own;
      for (size_t i = 0; i + 1 < codes_.size(); ++i) {
        auto pos = std::find(remaining_.begin(), remaining_.end(), codes_[i]);
        perm_->varint(static_cast<uint64_t>(pos - remaining_.begin()));
        remaining_.erase(pos);
      }
    }
  }
  for (size_t i = 0; i < codes_.size(); ++i)
    if (codes_[i] & 1) values(codes_[i] >> 1).add(item_values_[i]);
}

InfoDecoder::InfoDecoder(const ColumnSource& source)
    : source_(source),
      set_ids_(source.column("info.i")),
      key_names_(source.column("info.k")),
      perm_(source.column("info.p")) {
  set_start_.push_back(0);
}

ValueDecoder& InfoDecoder::values(uint32_t key_id) {
  if (key_id >= values_.size()) values_.resize(key_id + 1);
  if (!values_[key_id])
    values_[key_id] = std::make_unique<ValueDecoder>(source_, "I:" + std::to_string(key_id));
  return *values_[key_id];
}

void InfoDecoder::read(std::string& out) {
  size_t nsets = set_start_.size() - 1;
  uint64_t id = set_ids_.varint_max(nsets, "vcf: bad INFO key-set id");
  if (id == nsets) {
    uint64_t n = set_ids_.varint_max(kMaxKeysPerRow, "vcf: INFO key set too large");
    if (n == 0) sdk::fail_corrupt("vcf: empty INFO key set");
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t code = set_ids_.varint_max(uint64_t(keys_.size()) << 1 | 1, "vcf: bad INFO key id");
      keys_.resolve(code >> 1, key_names_);
      set_codes_.push_back(static_cast<uint32_t>(code));
    }
    set_start_.push_back(static_cast<uint32_t>(set_codes_.size()));
  }
  const uint32_t* own = set_codes_.data() + set_start_[id];
  size_t n = set_start_[id + 1] - set_start_[id];
  const uint32_t* codes = own;
  if (perm_.u8() != 0) {
    remaining_.assign(own, own + n);
    for (size_t i = 0; i + 1 < n; ++i) {
      uint64_t d = perm_.varint_max(remaining_.size() - i - 1, "vcf: bad INFO permutation");
      // Move the chosen key to slot i; the untaken keys keep their own order.
      std::rotate(remaining_.begin() + static_cast<long>(i),
                  remaining_.begin() + static_cast<long>(i + d),
                  remaining_.begin() + static_cast<long>(i + d) + 1);
    }
    codes = remaining_.data();
  }
  for (size_t i = 0; i < n; ++i) {
    if (i) out.push_back(';');
    uint32_t code = codes[i];
    out.append(keys_.at(code >> 1));
    if (code & 1) {
      out.push_back('=');
      values(code >> 1).read(out);
    }
  }
}

}  // namespace at1::vcf
