// A typed value column: INFO values and FORMAT subfields. A value is split
// at ',' into elements; each element is a number with its exact spelling,
// '.', or text (vcf_number.hpp). Logical columns, for base name B:
//   B.s  per value: varint shape id. A shape is the list of element format
//        codes; shapes are numbered in order of first use and defined inline:
//        id == shapes so far -> varint element_count, element_count x u8 code
//   B.n  per numeric element: zigzag varint of the mantissa; or, in columns
//        of at most two numbers per value on average, the same varints split into
//        B.ns / B.ns+ (split_varint.hpp; B.n is then empty)
//   B.t  per text element: its bytes, then '\n' (lines never hold '\n')
//   B.h  for values added with a prediction (predictors.hpp): u8 0 = the value
//        is the predicted spelling (nothing else stored), 1 = stored above,
//        numbers as residuals against the predicted numbers by position
// DICTIONARY mode, chosen at the end of the frame when the column has few
// distinct values (e.g. genotype likelihood triples): B.s/B.n/B.t are empty and
//   B.d  varint entry_count, then per stored value varint entry id, split
//        into B.d / B.d+ (split_varint.hpp); ids are
//        sorted by falling frequency so the common values take one byte
//        (the 128 most common; the others follow in text order)
//   B.e.{s,n,t}  the entries in id order, in the element form above
// Stored values under a prediction are whole strings in this mode.
#ifndef AT1_VCF_VALUE_COLUMN_HPP
#define AT1_VCF_VALUE_COLUMN_HPP

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "column_store.hpp"
#include "predictors.hpp"
#include "split_varint.hpp"

namespace at1::vcf {

// Values in element form (B.s, B.n, B.t).
class ElementWriter {
 public:
  ElementWriter(ColumnSink& sink, const std::string& base);
  void add(std::string_view value, const Prediction* prediction);
  void clear();
  // Splits the numbers when values hold at most two numbers on average.
  void finish();

 private:
  ColumnSink& sink_;
  std::string base_;
  sdk::ByteWriter* shapes_;
  sdk::ByteWriter* numbers_;
  sdk::ByteWriter* texts_;
  uint64_t numeric_values_ = 0, numbers_count_ = 0;
  std::unordered_map<std::string, uint32_t> shape_ids_;
  std::string shape_;  // scratch: format codes of the current value
};

class ElementReader {
 public:
  ElementReader(const ColumnSource& source, const std::string& base);
  void read(std::string& out, const Prediction* prediction);

 private:
  sdk::ByteReader shapes_;
  SplitVarintReader numbers_;
  sdk::ByteReader texts_;
  std::vector<uint32_t> shape_start_;  // into shape_codes_, one past per shape
  std::vector<uint8_t> shape_codes_;
};

class ValueEncoder {
 public:
  ValueEncoder(ColumnSink& sink, const std::string& base);
  // `value` must stay valid until finish() (it points into the frame).
  void add(std::string_view value, const Prediction* prediction = nullptr);
  // Scale of the first element of the last stored value if it is a number.
  int last_scale() const { return last_scale_; }
  // Picks element or dictionary mode; call once after the last add.
  void finish();

 private:
  ColumnSink& sink_;
  std::string base_;
  sdk::ByteWriter* flags_;
  ElementWriter elements_;
  // Dictionary candidate: distinct stored values, their counts, the id sequence.
  bool dict_viable_ = true;
  std::unordered_map<std::string_view, uint32_t> dict_ids_;
  std::vector<std::string_view> dict_values_;
  std::vector<uint32_t> dict_counts_, dict_sequence_;
  int last_scale_ = 0;
};

class ValueDecoder {
 public:
  ValueDecoder(const ColumnSource& source, const std::string& base);
  // Appends the next value to out.
  void read(std::string& out, const Prediction* prediction = nullptr);
  int last_scale() const { return last_scale_; }

 private:
  sdk::ByteReader flags_;
  ElementReader elements_;
  bool dict_mode_ = false;
  SplitVarintReader dict_ids_;
  std::string dict_arena_;
  std::vector<size_t> dict_start_;  // entry i: [start[i], start[i+1])
  int last_scale_ = 0;
};

// Scale of a value's first element when it is a number, else -1.
int leading_scale(std::string_view value);

// Reads one '\n'-terminated text from a stream.
std::string_view read_text(sdk::ByteReader& r);

}  // namespace at1::vcf

#endif  // AT1_VCF_VALUE_COLUMN_HPP
