// The INFO column: "KEY[=VALUE];KEY[=VALUE];..." tokenised into a key-set
// dictionary and one typed value column per key. Columns:
//   info.i  per row: varint key-set id (inline definition when new:
//           varint key_count, key_count x varint (key_id << 1 | has_value))
//   info.k  key names, '\n'-terminated, in order of first use (a key id equal
//           to the number of keys so far introduces a new key)
//   info.p  per row: u8 0 when the keys come in the key set's own order, else
//           1 and key_count-1 varint Lehmer digits (index of each row key
//           among the key set's keys not used yet) -- some writers emit INFO
//           keys in hash order
//   I:<key>.{s,n,t}  the key's values (value_column.hpp)
// A key set is the multiset of (key, has_value); its own order is the order
// of the row that introduced it. "." or "" are just keys without a value.
#ifndef AT1_VCF_INFO_KEYS_HPP
#define AT1_VCF_INFO_KEYS_HPP

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "string_dict.hpp"

namespace at1::vcf {

class InfoEncoder {
 public:
  explicit InfoEncoder(ColumnSink& sink);
  void add(std::string_view info);
  void finish();

 private:
  ValueEncoder& values(uint32_t key_id);

  ColumnSink& sink_;
  sdk::ByteWriter *set_ids_, *key_names_, *perm_;
  DictEncoder keys_;
  std::unordered_map<std::string, uint32_t> set_ids_by_content_;
  std::vector<std::vector<uint32_t>> sets_;  // codes in each set's own order
  std::vector<std::unique_ptr<ValueEncoder>> values_;
  std::vector<std::string_view> items_, item_values_;
  std::vector<uint32_t> codes_, sorted_, remaining_;
  std::string set_key_;
};

class InfoDecoder {
 public:
  explicit InfoDecoder(const ColumnSource& source);
  void read(std::string& out);

 private:
  ValueDecoder& values(uint32_t key_id);

  const ColumnSource& source_;
  sdk::ByteReader set_ids_, key_names_, perm_;
  DictDecoder keys_;
  std::vector<uint32_t> set_start_, set_codes_;  // set i: codes [start[i], start[i+1])
  std::vector<std::unique_ptr<ValueDecoder>> values_;
  std::vector<uint32_t> remaining_;
};

}  // namespace at1::vcf

#endif  // AT1_VCF_INFO_KEYS_HPP
