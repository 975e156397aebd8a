// INFO values written relative to the row's ID (format 3). Structural
// variant callers name a breakend's mate and event after the ID: GRIDSS
// ID gridss7fb_8542o, MATEID=gridss7fb_8542h, EVENT=gridss7fb_8542; Manta
// MantaBND:12:0:1:0:0:0:0 / MATEID=MantaBND:12:0:1:0:0:0:1. For a key in
// ID-relative mode every value is stored as d = the ID's length minus the
// common prefix of ID and value, and the rest of the value:
//   info.m  u8 per INFO key, in order of first use: 0 plain, 1 ID-relative
//           (absent when no key of the frame is ID-relative: all plain)
//   info.d  varint d per ID-relative value
//   info.x  the rest of each ID-relative value, '\n'-terminated
// All three are stored after the other columns (mid-pack their bytes would
// shift the LZMA position contexts of what follows). The encoder picks the
// mode of a key from the frame's first rows: ID-relative when at least half
// its values share 4 or more leading bytes, and half their length, with the ID.
#ifndef AT1_VCF_ID_RELATIVE_HPP
#define AT1_VCF_ID_RELATIVE_HPP

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "column_store.hpp"

namespace at1::vcf {

class IdRelativeEncoder {
 public:
  // Learning: one value of `key` in a row with this ID.
  void learn(std::string_view key, std::string_view value, std::string_view id);
  bool learning() const { return learned_ < kLearnValues; }
  // Mode of a key seen for the first time (recorded in info.m).
  bool choose(std::string_view key);
  void add(std::string_view value, std::string_view id);
  void finish(ColumnSink& sink);

 private:
  static constexpr uint64_t kLearnValues = 1 << 16;
  struct Counts {
    uint64_t values = 0, related = 0;
  };
  std::unordered_map<std::string, Counts> counts_;
  uint64_t learned_ = 0;
  bool any_ = false;
  sdk::ByteWriter modes_, drops_, rests_;
};

class IdRelativeDecoder {
 public:
  explicit IdRelativeDecoder(const ColumnSource& source);
  // Mode of a key seen for the first time.
  bool next_mode();
  // Appends the next ID-relative value; `id` must not point into `out`.
  void read(std::string& out, std::string_view id);

 private:
  sdk::ByteReader modes_, drops_, rests_;
  bool has_modes_;
};

}  // namespace at1::vcf

#endif  // AT1_VCF_ID_RELATIVE_HPP
