#include "info_keys.hpp"

#include <algorithm>

namespace at1::vcf {

namespace {
constexpr uint64_t kMaxKeysPerRow = 1u << 16;
constexpr uint64_t kMaxPackedProduct = uint64_t(1) << 62;
}  // namespace

size_t packed_order_width(const uint32_t* radices, size_t n, bool* packed) {
  uint64_t product = 1;
  *packed = true;
  for (size_t i = 0; i < n; ++i) {
    if (product > kMaxPackedProduct / radices[i]) {
      *packed = false;
      return 0;
    }
    product *= radices[i];
  }
  size_t width = 0;
  for (uint64_t top = product - 1; top; top >>= 8) ++width;
  return width;
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
  id_relative_.finish(sink_);
  for (auto& v : values_)
    if (v) v->finish();
  sdk::ByteWriter& radix_out = sink_.column("info.r");
  std::vector<size_t> widths(sets_.size());
  std::vector<bool> packed(sets_.size());
  for (size_t set = 0; set < sets_.size(); ++set) {
    for (uint32_t r : radices_[set]) radix_out.varint(r);
    bool p;
    widths[set] = packed_order_width(radices_[set].data(), radices_[set].size(), &p);
    packed[set] = p;
  }
  const uint32_t* d = row_digits_.data();
  for (uint32_t set : row_sets_) {
    const std::vector<uint32_t>& r = radices_[set];
    if (!packed[set]) {
      for (size_t i = 0; i < r.size(); ++i) perm_->varint(d[i]);
    } else if (widths[set] > 0) {
      uint64_t rank = 0;
      for (size_t i = r.size(); i-- > 0;) rank = rank * r[i] + d[i];
      for (size_t b = widths[set]; b-- > 0;) perm_->u8(static_cast<uint8_t>(rank >> (8 * b)));
    }
    d += r.size();
  }
}

void InfoEncoder::split(std::string_view info) {
  items_.clear();
  item_values_.clear();
  has_value_.clear();
  size_t start = 0;
  for (;;) {
    size_t semi = info.find(';', start);
    std::string_view item =
        info.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start);
    size_t eq = item.find('=');
    bool has_value = eq != std::string_view::npos;
    items_.push_back(has_value ? item.substr(0, eq) : item);
    item_values_.push_back(has_value ? item.substr(eq + 1) : std::string_view());
    has_value_.push_back(has_value);
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
}

void InfoEncoder::learn(std::string_view info, std::string_view id) {
  split(info);
  for (size_t i = 0; i < items_.size(); ++i)
    if (has_value_[i]) id_relative_.learn(items_[i], item_values_[i], id);
}

void InfoEncoder::add(std::string_view info, std::string_view id) {
  split(info);
  codes_.clear();
  for (size_t i = 0; i < items_.size(); ++i) {
    bool fresh = false;
    uint32_t key_id = keys_.intern(items_[i], *key_names_, &fresh);
    if (fresh) relative_.push_back(id_relative_.choose(items_[i]));
    codes_.push_back(key_id << 1 | (has_value_[i] ? 1u : 0u));
  }
  sorted_ = codes_;
  std::sort(sorted_.begin(), sorted_.end());
  set_key_.assign(reinterpret_cast<const char*>(sorted_.data()), sorted_.size() * sizeof(uint32_t));
  auto [it, fresh_set] = set_ids_by_content_.emplace(set_key_, static_cast<uint32_t>(sets_.size()));
  set_ids_->varint(it->second);
  uint32_t set = it->second;
  if (fresh_set) {
    sets_.push_back(codes_);
    radices_.emplace_back(codes_.size() - 1, 1u);
    set_ids_->varint(codes_.size());
    for (uint32_t c : codes_) set_ids_->varint(c);
  }
  row_sets_.push_back(set);
  remaining_ = sets_[set];
  std::vector<uint32_t>& radix = radices_[set];
  for (size_t i = 0; i + 1 < codes_.size(); ++i) {
    auto pos = std::find(remaining_.begin(), remaining_.end(), codes_[i]);
    auto digit = static_cast<uint32_t>(pos - remaining_.begin());
    row_digits_.push_back(digit);
    radix[i] = std::max(radix[i], digit + 1);
    remaining_.erase(pos);
  }
  std::string_view ac, an;
  bool have_ac = false, have_an = false;
  for (size_t i = 0; i < codes_.size(); ++i) {
    if (!(codes_[i] & 1)) continue;
    std::string_view key = items_[i];
    std::string_view value = item_values_[i];
    if (relative_[codes_[i] >> 1]) {
      id_relative_.add(value, id);
      continue;
    }
    if (key == "AF" && have_ac && have_an && predict_af(ac, an, &prediction_)) {
      values(codes_[i] >> 1).add(value, &prediction_);
      continue;
    }
    values(codes_[i] >> 1).add(value);
    if (key == "AC") ac = value, have_ac = true;
    if (key == "AN") an = value, have_an = true;
  }
}

InfoDecoder::InfoDecoder(const ColumnSource& source)
    : source_(source),
      set_ids_(source.column("info.i")),
      key_names_(source.column("info.k")),
      perm_(source.column("info.p")),
      radix_stream_(source.column("info.r")),
      id_relative_(source) {
  set_start_.push_back(0);
}

ValueDecoder& InfoDecoder::values(uint32_t key_id) {
  if (key_id >= values_.size()) values_.resize(key_id + 1);
  if (!values_[key_id])
    values_[key_id] = std::make_unique<ValueDecoder>(source_, "I:" + std::to_string(key_id));
  return *values_[key_id];
}

void InfoDecoder::read(std::string& out, std::string_view row_id) {
  size_t nsets = set_start_.size() - 1;
  uint64_t id = set_ids_.varint_max(nsets, "vcf: bad INFO key-set id");
  if (id == nsets) {
    uint64_t n = set_ids_.varint_max(kMaxKeysPerRow, "vcf: INFO key set too large");
    if (n == 0) sdk::fail_corrupt("vcf: empty INFO key set");
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t code = set_ids_.varint_max(uint64_t(keys_.size()) << 1 | 1, "vcf: bad INFO key id");
      if ((code >> 1) == keys_.size()) relative_.push_back(id_relative_.next_mode());
      keys_.resolve(code >> 1, key_names_);
      set_codes_.push_back(static_cast<uint32_t>(code));
    }
    set_start_.push_back(static_cast<uint32_t>(set_codes_.size()));
    radix_start_.push_back(static_cast<uint32_t>(radices_.size()));
    for (uint64_t i = 0; i + 1 < n; ++i) {
      uint64_t r = radix_stream_.varint_max(n - i, "vcf: bad INFO order radix");
      if (r == 0) sdk::fail_corrupt("vcf: zero INFO order radix");
      radices_.push_back(static_cast<uint32_t>(r));
    }
  }
  const uint32_t* own = set_codes_.data() + set_start_[id];
  size_t n = set_start_[id + 1] - set_start_[id];
  const uint32_t* codes = own;
  const uint32_t* radix = radices_.data() + radix_start_[id];
  size_t ndigits = n - 1;
  bool packed;
  size_t width = packed_order_width(radix, ndigits, &packed);
  digits_.assign(ndigits, 0);
  bool reordered = false;
  if (!packed) {
    for (size_t i = 0; i < ndigits; ++i) {
      digits_[i] = static_cast<uint32_t>(perm_.varint_max(radix[i] - 1, "vcf: bad INFO order digit"));
      reordered |= digits_[i] != 0;
    }
  } else if (width > 0) {
    uint64_t rank = 0;
    for (size_t b = 0; b < width; ++b) rank = rank << 8 | perm_.u8();
    reordered = rank != 0;
    for (size_t i = 0; i < ndigits; ++i) {
      digits_[i] = static_cast<uint32_t>(rank % radix[i]);
      rank /= radix[i];
    }
    if (rank != 0) sdk::fail_corrupt("vcf: INFO order out of range");
  }
  if (reordered) {
    remaining_.assign(own, own + n);
    for (size_t i = 0; i < ndigits; ++i) {
      size_t d = digits_[i];
      // Move the chosen key to slot i; the untaken keys keep their own order.
      std::rotate(remaining_.begin() + static_cast<long>(i),
                  remaining_.begin() + static_cast<long>(i + d),
                  remaining_.begin() + static_cast<long>(i + d) + 1);
    }
    codes = remaining_.data();
  }
  // AC / AN values of this row so far, as offsets into out (which grows).
  size_t ac_at = 0, ac_len = 0, an_at = 0, an_len = 0;
  bool have_ac = false, have_an = false;
  for (size_t i = 0; i < n; ++i) {
    if (i) out.push_back(';');
    uint32_t code = codes[i];
    std::string_view key = keys_.at(code >> 1);
    out.append(key);
    if (!(code & 1)) continue;
    out.push_back('=');
    size_t at = out.size();
    if (relative_[code >> 1]) {
      id_relative_.read(out, row_id);
      continue;
    }
    if (key == "AF" && have_ac && have_an &&
        predict_af(std::string_view(out).substr(ac_at, ac_len),
                   std::string_view(out).substr(an_at, an_len), &prediction_)) {
      values(code >> 1).read(out, &prediction_);
      continue;
    }
    values(code >> 1).read(out);
    if (key == "AC") ac_at = at, ac_len = out.size() - at, have_ac = true;
    if (key == "AN") an_at = at, an_len = out.size() - at, have_an = true;
  }
}

}  // namespace at1::vcf
