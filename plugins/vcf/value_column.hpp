// A typed value column: INFO values and FORMAT subfields. A value is split
// at ',' into elements; each element is a number with its exact spelling,
// '.', or text (vcf_number.hpp). Logical columns, for base name B:
//   B.s  per value: varint shape id. A shape is the list of element format
//        codes; shapes are numbered in order of first use and defined inline:
//        id == shapes so far -> varint element_count, element_count x u8 code
//   B.n  per numeric element: zigzag varint of the mantissa
//   B.t  per text element: its bytes, then '\n' (lines never hold '\n')
//   B.h  for values added with a prediction (predictors.hpp): u8 0 = the value
//        is the predicted spelling (nothing else stored), 1 = stored above,
//        numbers as residuals against the predicted numbers by position
#ifndef AT1_VCF_VALUE_COLUMN_HPP
#define AT1_VCF_VALUE_COLUMN_HPP

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "column_store.hpp"
#include "predictors.hpp"

namespace at1::vcf {

class ValueEncoder {
 public:
  ValueEncoder(ColumnSink& sink, const std::string& base);
  void add(std::string_view value, const Prediction* prediction = nullptr);
  // Scale of the first element of the last value that started with a number.
  int last_scale() const { return last_scale_; }

 private:
  sdk::ByteWriter* flags_;
  sdk::ByteWriter* shapes_;
  sdk::ByteWriter* numbers_;
  sdk::ByteWriter* texts_;
  std::unordered_map<std::string, uint32_t> shape_ids_;
  std::string shape_;  // scratch: format codes of the current value
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
  sdk::ByteReader shapes_;
  sdk::ByteReader numbers_;
  sdk::ByteReader texts_;
  std::vector<uint32_t> shape_start_;  // into shape_codes_, one past per shape
  std::vector<uint8_t> shape_codes_;
  int last_scale_ = 0;
};

// Reads one '\n'-terminated text from a stream.
std::string_view read_text(sdk::ByteReader& r);

}  // namespace at1::vcf

#endif  // AT1_VCF_VALUE_COLUMN_HPP
