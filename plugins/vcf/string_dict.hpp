// Inline string dictionaries (CHROM, FILTER, INFO keys, FORMAT keys, GT):
// each use writes a varint id to the id column; ids count up from 0 in order
// of first use, and the first use of an id (id == entries so far) is followed
// by the string itself, '\n'-terminated, in the string column.
#ifndef AT1_VCF_STRING_DICT_HPP
#define AT1_VCF_STRING_DICT_HPP

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "value_column.hpp"

namespace at1::vcf {

class DictEncoder {
 public:
  // Returns the id; writes the string to `strings` when it is new.
  uint32_t intern(std::string_view s, sdk::ByteWriter& strings, bool* fresh = nullptr) {
    auto [it, is_new] = ids_.emplace(std::string(s), static_cast<uint32_t>(ids_.size()));
    if (is_new) {
      strings.bytes(s);
      strings.u8('\n');
    }
    if (fresh) *fresh = is_new;
    return it->second;
  }
  void put(std::string_view s, sdk::ByteWriter& ids, sdk::ByteWriter& strings) {
    ids.varint(intern(s, strings));
  }
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

class DictDecoder {
 public:
  // Resolves an id read elsewhere; a new id reads its string.
  std::string_view resolve(uint64_t id, sdk::ByteReader& strings) {
    if (id < entries_.size()) return entries_[id];
    if (id != entries_.size()) sdk::fail_corrupt("vcf: dictionary id out of range");
    entries_.push_back(read_text(strings));
    return entries_.back();
  }
  std::string_view get(sdk::ByteReader& ids, sdk::ByteReader& strings) {
    return resolve(ids.varint_max(entries_.size(), "vcf: dictionary id out of range"), strings);
  }
  size_t size() const { return entries_.size(); }
  std::string_view at(size_t i) const { return entries_[i]; }

 private:
  std::vector<std::string_view> entries_;  // views into host-owned stream bytes
};

}  // namespace at1::vcf

#endif  // AT1_VCF_STRING_DICT_HPP
