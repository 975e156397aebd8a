#include "column_spec.h"

namespace at1::columnar {

namespace {

// Format 3: set in a number's fraction style byte when it is grouped.
constexpr uint8_t kGroupedBit = 0x80;

}  // namespace

void write_spec(sdk::ByteWriter& w, const ColumnSpec& s) {
  w.u8(s.type);
  w.u8(s.quote);
  if (s.type == kRowRef) {
    w.varint(s.nsources);
    for (uint32_t i = 0; i < s.nsources; ++i) w.varint(s.sources[i]);
  }
  if (s.type == kKeyed) w.varint(s.key);
  if (s.type == kNumber || s.type == kDate) {
    w.u8(s.coding);
    if (s.coding == kIntRef) w.varint(s.ref);
  }
  if (s.type == kNumber) {
    w.u8(s.number.scale);
    w.u8(static_cast<uint8_t>(s.number.frac_mode | (s.number.grouped ? kGroupedBit : 0)));
    w.u8(s.number.width);
    w.u8(s.number.inner);
    w.u8(s.number.zeros);
  } else if (s.type == kDate) {
    w.u8(static_cast<uint8_t>(s.date.has_date | s.date.has_time << 1 | s.date.zulu << 2 |
                              (s.date.date_sep == '/') << 3 | (s.date.time_sep == ' ') << 4));
    w.u8(s.date.frac);
  }
}

ColumnSpec read_spec(sdk::ByteReader& r, uint32_t index, uint32_t ncols, bool row_refs) {
  ColumnSpec s;
  s.type = r.u8();
  if (s.type > (row_refs ? kKeyed : kDate)) sdk::fail_corrupt("columnar: bad column type");
  s.quote = r.u8();
  if (s.quote > kQuoteNever) sdk::fail_corrupt("columnar: bad quote mode");
  if (s.type == kRowRef) {
    s.nsources = static_cast<uint32_t>(r.varint_max(kMaxRowRefSources, "columnar: too many row sources"));
    if (s.nsources == 0) sdk::fail_corrupt("columnar: row reference without sources");
    for (uint32_t i = 0; i < s.nsources; ++i) {
      const uint32_t src = static_cast<uint32_t>(r.varint_max(ncols, "columnar: bad row source"));
      if (src >= ncols || src == index) sdk::fail_corrupt("columnar: bad row source");
      for (uint32_t k = 0; k < i; ++k)
        if (s.sources[k] == src) sdk::fail_corrupt("columnar: row source listed twice");
      s.sources[i] = src;
    }
  }
  if (s.type == kKeyed) {
    s.key = static_cast<uint32_t>(r.varint_max(ncols, "columnar: bad key column"));
    if (s.key >= ncols || s.key == index) sdk::fail_corrupt("columnar: bad key column");
  }
  if (s.type == kNumber || s.type == kDate) {
    s.coding = r.u8();
    if (s.coding > (row_refs ? kIntTable : kIntRef)) sdk::fail_corrupt("columnar: bad int coding");
    if (s.coding == kIntRef) {
      s.ref = static_cast<uint32_t>(r.varint_max(index, "columnar: bad reference column"));
      if (s.ref >= index) sdk::fail_corrupt("columnar: reference column not earlier");
    }
  }
  if (s.type == kNumber) {
    s.number.scale = r.u8();
    s.number.frac_mode = r.u8();
    if (row_refs && (s.number.frac_mode & kGroupedBit)) {
      s.number.grouped = true;
      s.number.frac_mode &= static_cast<uint8_t>(~kGroupedBit);
    }
    s.number.width = r.u8();
    s.number.inner = r.u8();
    s.number.zeros = r.u8();
    bool binary32_ok = s.number.inner == kNoBinary32 ||
                       (s.number.inner <= kMaxInner && s.number.inner < s.number.scale);
    if (s.number.scale > kMaxScale || s.number.frac_mode > kFracTrimKeep1 ||
        s.number.width > kMaxWidth || !binary32_ok || s.number.zeros > kMaxScale ||
        (s.number.zeros && (s.number.scale || s.number.inner != kNoBinary32)) ||
        (s.number.grouped && (s.number.width > 1 || s.number.inner != kNoBinary32)))
      sdk::fail_corrupt("columnar: bad number spec");
  } else if (s.type == kDate) {
    uint8_t bits = r.u8();
    if (bits >> 5) sdk::fail_corrupt("columnar: bad date spec");
    s.date.has_date = bits & 1;
    s.date.has_time = bits >> 1 & 1;
    s.date.zulu = bits >> 2 & 1;
    s.date.date_sep = (bits >> 3 & 1) ? '/' : '-';
    s.date.time_sep = (bits >> 4 & 1) ? ' ' : 'T';
    s.date.frac = r.u8();
    if (!date_spec_valid(s.date)) sdk::fail_corrupt("columnar: bad date spec");
  }
  return s;
}

}  // namespace at1::columnar
