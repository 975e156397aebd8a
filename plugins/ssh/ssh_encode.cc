// Encoder of the `ssh` codec: one pass over the frame's lines, filling the
// columns of columns.hpp. Every choice it makes is recorded in a column, so
// the decoder never guesses.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "at1/cpp/lines.hpp"
#include "columns.hpp"
#include "number_text.hpp"
#include "recency.hpp"
#include "ssh_codec.hpp"
#include "ssh_format.hpp"
#include "syslog_header.hpp"
#include "templates.hpp"

namespace at1::ssh {
namespace {

using sdk::ByteWriter;

void put_line_string(ByteWriter& w, std::string_view s) {
  w.bytes(s);
  w.u8('\n');
}

class FrameEncoder {
 public:
  explicit FrameEncoder(size_t input_size) {
    cols_[kColTpl].reserve(input_size / 40 + 16);
    cols_[kColHdr].reserve(input_size / 30 + 16);
    slots_.reserve(64);
  }

  void add_line(std::string_view line, sdk::Eol eol) {
    eol_.add(eol);
    SyslogHeader h;
    parse_header(line, &h);
    std::string_view body = line.substr(h.body_start);
    uint8_t prefix = kPrefixNone;
    for (uint8_t p = kPrefixError; p <= kPrefixFatal; ++p) {
      if (body.size() >= kPrefixes[p].size() && body.compare(0, kPrefixes[p].size(), kPrefixes[p]) == 0) {
        prefix = p;
        body.remove_prefix(kPrefixes[p].size());
        break;
      }
    }
    bool preauth = body.size() >= kPreauth.size() &&
                   body.compare(body.size() - kPreauth.size(), kPreauth.size(), kPreauth) == 0;
    if (preauth) body.remove_suffix(kPreauth.size());

    uint8_t layout = static_cast<uint8_t>(h.ts_kind | (h.has_host ? kHostBit : 0) |
                                          (h.tag_kind << kTagShift) | (h.iso ? kIsoBit : 0));
    ByteWriter& hdr = cols_[kColHdr];
    hdr.u8(layout);
    if (h.iso) put_iso(h.iso_time);
    if (h.ts_kind != kTsNone) {
      cols_[kColTime].svarint(static_cast<int64_t>(h.time) - last_time_);
      last_time_ = h.time;
      int64_t ms = timestamp_millis(h.time);
      min_ms_ = std::min(min_ms_, ms);
      max_ms_ = std::max(max_ms_, ms);
      any_time_ = true;
    }
    if (h.has_host) put_string(hosts_, hdr, cols_[kColHStr], h.host);
    if (h.tag_kind != kTagNone) put_string(names_, hdr, cols_[kColHStr], h.name);
    if (h.tag_kind == kTagPid) put_pid(h.pid);

    int id = match_builtin(body, &slots_);
    if (id < 0) id = dynamic_template(body);
    put_kind(static_cast<uint64_t>(id) << 3 | static_cast<uint64_t>(prefix * 2 + (preauth ? kPreauthBit : 0)));
    for (const SlotValue& v : slots_) put_slot(v);
  }

  void finish(sdk::EncodeContext& ctx) {
    eol_.finish(cols_[kColEol]);
    put_columns(ctx, cols_);
    if (any_time_) ctx.stat_i64(AT1_STAT_TIME, min_ms_, max_ms_);
  }

 private:
  // Recency code (0 = new, then the literal) for hosts, names, users, texts.
  static void put_string(RecencyList<std::string_view>& list, ByteWriter& codes, ByteWriter& lits,
                         std::string_view s) {
    int r = list.find(s);
    if (r >= 0) {
      list.take(static_cast<uint32_t>(r));
      codes.u8(static_cast<uint8_t>(r + 1));
      return;
    }
    list.push(s);
    codes.u8(0);
    put_line_string(lits, s);
  }

  void put_iso(const IsoTime& t) {
    ByteWriter& hdr = cols_[kColHdr];
    hdr.u8(static_cast<uint8_t>(t.frac_digits | (t.space_sep ? kIsoSpaceBit : 0) |
                                (t.zone.empty() ? 0 : kIsoZoneBit)));
    if (!t.zone.empty()) put_string(zones_, hdr, cols_[kColHStr], t.zone);
    cols_[kColTime].svarint(t.seconds - last_iso_);
    last_iso_ = t.seconds;
    if (t.frac_digits) cols_[kColFrac].varint(t.frac);
    int64_t ms = iso_millis(t);
    min_ms_ = std::min(min_ms_, ms);
    max_ms_ = std::max(max_ms_, ms);
    any_time_ = true;
  }

  // Message kinds get frame-local ids in order of first use, so the common
  // ones have one-byte codes whatever their template id.
  void put_kind(uint64_t key) {
    auto [it, fresh] = kinds_.emplace(key, static_cast<uint32_t>(kinds_.size()));
    cols_[kColTpl].varint(it->second);
    if (fresh) {
      cols_[kColKinds].varint(key >> 3);
      cols_[kColKinds].u8(static_cast<uint8_t>(key & 7));
    }
  }

  void put_pid(uint32_t pid) {
    int r = pids_.find(pid);
    if (r >= 0) {
      pids_.take(static_cast<uint32_t>(r));
      cols_[kColTpl].u8(static_cast<uint8_t>(r + 1));
      return;
    }
    pids_.push(pid);
    cols_[kColTpl].u8(0);
    cols_[kColPidNew].svarint(static_cast<int64_t>(pid) - last_new_pid_);
    last_new_pid_ = pid;
  }

  void put_addr(std::string_view s) {
    int r = addrs_.find(AddrEntry{s, 0});
    if (r >= 0) {
      addrs_.take(static_cast<uint32_t>(r));
      cols_[kColAddr].u8(static_cast<uint8_t>(r + 2));
      return;
    }
    addrs_.push(AddrEntry{s, AddrEntry::kNoPort});
    uint32_t ip;
    if (parse_ipv4(s, &ip)) {
      cols_[kColAddr].u8(kAddrNewIp4);
      for (int k = 3; k >= 0; --k) cols_[kColIp4].u8(static_cast<uint8_t>(ip >> (8 * k)));
    } else {
      cols_[kColAddr].u8(kAddrNewText);
      put_line_string(cols_[kColAStr], s);
    }
  }

  void put_slot(const SlotValue& v) {
    switch (v.type) {
      case kSlotUser: put_string(users_, cols_[kColUser], cols_[kColUStr], v.text); break;
      case kSlotText: put_string(texts_, cols_[kColText], cols_[kColTStr], v.text); break;
      case kSlotAddr: put_addr(v.text); break;
      case kSlotPort: put_port(static_cast<uint32_t>(v.num)); break;
      default: cols_[kColNum].varint(v.num); break;
    }
  }

  // Port minus the last port of the most recent address, mod 2^16.
  void put_port(uint32_t port) {
    uint32_t base = 0;
    if (addrs_.size()) {
      AddrEntry& a = addrs_.front();
      if (a.last_port != AddrEntry::kNoPort) base = a.last_port;
      a.last_port = port;
    }
    uint32_t d = (port - base) & 0xffff;
    cols_[kColPort].u8(static_cast<uint8_t>(d >> 8));
    cols_[kColPort].u8(static_cast<uint8_t>(d));
  }

  int dynamic_template(std::string_view body) {
    tokenize_generic(body, &key_, &slots_);
    auto it = dynamic_.find(key_);
    if (it != dynamic_.end()) return static_cast<int>(it->second);
    uint32_t id = static_cast<uint32_t>(builtin_templates().size() + dynamic_.size());
    dynamic_.emplace(key_, id);
    cols_[kColTplDef].str(key_);
    return static_cast<int>(id);
  }

  ColumnWriters cols_;
  sdk::EolEncoder eol_;
  RecencyList<std::string_view> hosts_{kStringWindow}, names_{kStringWindow}, users_{kStringWindow},
      texts_{kStringWindow}, zones_{kStringWindow};
  RecencyList<AddrEntry> addrs_{kAddrWindow};
  RecencyList<uint32_t> pids_{kPidWindow};
  int64_t last_time_ = 0;
  int64_t last_iso_ = 0;
  int64_t last_new_pid_ = 0;
  bool any_time_ = false;
  int64_t min_ms_ = INT64_MAX, max_ms_ = INT64_MIN;
  std::vector<SlotValue> slots_;
  std::string key_;
  std::unordered_map<std::string, uint32_t> dynamic_;
  std::unordered_map<uint64_t, uint32_t> kinds_;
};

}  // namespace

void encode_frame(sdk::EncodeContext& ctx, sdk::Bytes input) {
  FrameEncoder enc(input.size);
  sdk::LineCursor cursor(input);
  std::string_view line;
  sdk::Eol eol;
  while (cursor.next(&line, &eol)) enc.add_line(line, eol);
  enc.finish(ctx);
}

}  // namespace at1::ssh
