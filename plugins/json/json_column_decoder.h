// Decodes one column: a cursor that writes the column's next value (its exact
// spelling) to the output each time a template slot asks for it.
#ifndef AT1_JSON_COLUMN_DECODER_H
#define AT1_JSON_COLUMN_DECODER_H

#include <string_view>
#include <vector>

#include "at1/cpp/bytes.hpp"
#include "json_format.h"
#include "json_output.h"
#include "json_time_format.h"

namespace at1json {

class ColumnDecoder {
 public:
  // Reads the column's mode fields from `meta`; parts[p] hold its part bytes.
  void init(at1::sdk::ByteReader& meta, const at1::sdk::Bytes parts[kPartCount]);

  void emit(OutBuf& out) {
    if (mode_ == kModeDict) {
      uint64_t id = ids_.varint_max(entries_.size() - 1, "json: dictionary id out of range");
      std::string_view e = entries_[id];
      out.write(e.data(), e.size());
      return;
    }
    emit_typed(out);
  }
  // True when every part has been consumed exactly.
  bool exhausted() const;

 private:
  void emit_typed(OutBuf& out);
  std::string_view next_text();

  uint8_t mode_ = kModeEmpty;
  // dict
  std::vector<std::string_view> entries_;
  at1::sdk::ByteReader ids_;
  // typed
  uint8_t const_tag_ = kVaries;
  uint8_t const_scale_ = 0;
  bool delta_ = false;
  uint64_t prev_ = 0;
  uint64_t prev_time_ = 0;
  TimeFormat time_format_;
  at1::sdk::ByteReader tags_, nums_, scales_, strs_, times_;
};

}  // namespace at1json

#endif  // AT1_JSON_COLUMN_DECODER_H
