// The INFO column: "KEY[=VALUE];KEY[=VALUE];..." tokenised into a key-set
// dictionary and one typed value column per key. Columns:
//   info.i  per row: varint key-set id (inline definition when new:
//           varint key_count, key_count x varint (key_id << 1 | has_value))
//   info.k  key names, '\n'-terminated, in order of first use (a key id equal
//           to the number of keys so far introduces a new key)
//   info.r  per key set, in id order: key_count-1 varint radices (1 + the
//           largest Lehmer digit seen at that position in the frame)
//   info.p  per row: the key order as Lehmer digits (index of each row key
//           among the key set's keys not used yet), packed into one
//           mixed-radix number (first digit least significant) written
//           big-endian in as many bytes as the set's radix product needs
//           (none when every row keeps the set's own order); sets whose
//           product passes 2^62 write the digits as varints instead. Some
//           writers emit INFO keys in hash order: this costs ~log2(k!) bits.
//   I:<key>.{s,n,t}  the key's values (value_column.hpp), except for keys
//           stored relative to the row's ID (id_relative.hpp)
// A key set is the multiset of (key, has_value); its own order is the order
// of the row that introduced it. "." or "" are just keys without a value.
#ifndef AT1_VCF_INFO_KEYS_HPP
#define AT1_VCF_INFO_KEYS_HPP

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "id_relative.hpp"
#include "string_dict.hpp"

namespace at1::vcf {

class InfoEncoder {
 public:
  explicit InfoEncoder(ColumnSink& sink);
  // Learning pass over the frame's first rows (id_relative.hpp).
  void learn(std::string_view info, std::string_view id);
  bool learning() const { return id_relative_.learning(); }
  void add(std::string_view info, std::string_view id);
  void finish();

 private:
  ValueEncoder& values(uint32_t key_id);
  // Splits a row's INFO into items_, item_values_, has_value_.
  void split(std::string_view info);

  ColumnSink& sink_;
  sdk::ByteWriter *set_ids_, *key_names_, *perm_;
  DictEncoder keys_;
  std::unordered_map<std::string, uint32_t> set_ids_by_content_;
  std::vector<std::vector<uint32_t>> sets_;  // codes in each set's own order
  std::vector<std::unique_ptr<ValueEncoder>> values_;
  std::vector<std::string_view> items_, item_values_;
  std::vector<bool> has_value_;
  std::vector<uint32_t> codes_, sorted_, remaining_;
  std::string set_key_;
  Prediction prediction_;
  IdRelativeEncoder id_relative_;
  std::vector<bool> relative_;  // per key id
  // Key orders, packed at finish once each set's radices are known.
  std::vector<std::vector<uint32_t>> radices_;  // per set: max digit + 1
  std::vector<uint32_t> row_sets_, row_digits_;   // digits: key_count-1 per row
};

class InfoDecoder {
 public:
  explicit InfoDecoder(const ColumnSource& source);
  // `id` (the row's ID) must not point into `out`.
  void read(std::string& out, std::string_view row_id);

 private:
  ValueDecoder& values(uint32_t key_id);

  const ColumnSource& source_;
  sdk::ByteReader set_ids_, key_names_, perm_;
  DictDecoder keys_;
  std::vector<uint32_t> set_start_, set_codes_;  // set i: codes [start[i], start[i+1])
  std::vector<uint32_t> radix_start_, radices_;  // set i: radices from radix_start_[i]
  std::vector<std::unique_ptr<ValueDecoder>> values_;
  std::vector<uint32_t> remaining_, digits_;
  sdk::ByteReader radix_stream_;
  Prediction prediction_;
  IdRelativeDecoder id_relative_;
  std::vector<bool> relative_;  // per key id
};

// Bytes of a packed order for radices r (0 = digits as varints).
size_t packed_order_width(const uint32_t* radices, size_t n, bool* packed);

}  // namespace at1::vcf

#endif  // AT1_VCF_INFO_KEYS_HPP
