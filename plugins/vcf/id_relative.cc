#include "id_relative.hpp"

#include "value_column.hpp"

namespace at1::vcf {

namespace {

size_t common_prefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

void IdRelativeEncoder::learn(std::string_view key, std::string_view value, std::string_view id) {
  if (!learning()) return;
  ++learned_;
  Counts& c = counts_[std::string(key)];
  ++c.values;
  size_t p = common_prefix(value, id);
  c.related += p >= 4 && 2 * p >= value.size();
}

bool IdRelativeEncoder::choose(std::string_view key) {
  auto it = counts_.find(std::string(key));
  bool relative = it != counts_.end() && it->second.values >= 4 && 2 * it->second.related >= it->second.values;
  modes_.u8(relative ? 1 : 0);
  any_ |= relative;
  return relative;
}

void IdRelativeEncoder::add(std::string_view value, std::string_view id) {
  size_t p = common_prefix(value, id);
  drops_.varint(id.size() - p);
  rests_.bytes(value.substr(p));
  rests_.u8('\n');
}

void IdRelativeEncoder::finish(ColumnSink& sink) {
  if (!any_) return;
  sink.column("info.m").bytes(modes_.data(), modes_.size());
  sink.column("info.d").bytes(drops_.data(), drops_.size());
  sink.column("info.x").bytes(rests_.data(), rests_.size());
}

IdRelativeDecoder::IdRelativeDecoder(const ColumnSource& source)
    : modes_(source.column("info.m")),
      drops_(source.column("info.d")),
      rests_(source.column("info.x")),
      has_modes_(!modes_.at_end()) {}

bool IdRelativeDecoder::next_mode() {
  if (!has_modes_) return false;
  uint8_t mode = modes_.u8();
  if (mode > 1) sdk::fail_corrupt("vcf: bad INFO key mode");
  return mode == 1;
}

void IdRelativeDecoder::read(std::string& out, std::string_view id) {
  uint64_t d = drops_.varint_max(id.size(), "vcf: ID-relative value drops more than the ID");
  out.append(id.substr(0, id.size() - static_cast<size_t>(d)));
  out.append(read_text(rests_));
}

}  // namespace at1::vcf
