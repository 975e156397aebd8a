// Decoder of the `ssh` codec: replays the encoder's choices from the columns.
// Every read is bounds-checked (ByteReader); every id and rank is validated
// before use, so hostile streams end in CodecError(CORRUPT), never in UB.
#include <cstring>
#include <memory>
#include <string>
#include <vector>

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

using sdk::ByteReader;
using sdk::fail_corrupt;

// A '\n'-terminated string from a literal column.
std::string_view read_line_string(ByteReader& r) {
  const uint8_t* p = r.position();
  const void* nl = std::memchr(p, '\n', r.remaining());
  if (!nl) fail_corrupt("ssh: unterminated string");
  size_t n = static_cast<size_t>(static_cast<const uint8_t*>(nl) - p);
  r.bytes(n + 1);
  return {reinterpret_cast<const char*>(p), n};
}

// Collects the output of many short pieces and hands it to the host context
// in big blocks: a line is 10-20 pieces, and the context's write() is an
// out-of-line call with its own bookkeeping.
class OutBuffer {
 public:
  explicit OutBuffer(sdk::DecodeContext& ctx) : ctx_(ctx), buf_(new char[kSize]) {}
  void write(const void* p, size_t n) {
    if (n == 0) return;  // p may be null then (an empty string_view)
    if (n > kSize - used_) {
      flush();
      if (n > kSize) {
        ctx_.write(p, n);
        return;
      }
    }
    std::memcpy(buf_.get() + used_, p, n);
    used_ += n;
  }
  void write(std::string_view s) { write(s.data(), s.size()); }
  void put(char c) {
    if (used_ == kSize) flush();
    buf_[used_++] = c;
  }
  void flush() {
    ctx_.write(buf_.get(), used_);
    used_ = 0;
  }

 private:
  static constexpr size_t kSize = 1 << 16;
  sdk::DecodeContext& ctx_;
  std::unique_ptr<char[]> buf_;
  size_t used_ = 0;
};

class FrameDecoder {
 public:
  FrameDecoder(sdk::DecodeContext& ctx, const ColumnViews& cols) : out_(ctx) {
    for (uint32_t c = 0; c < kColumnCount; ++c) r_[c] = ByteReader(cols[c]);
    // IPv4 texts live here for the whole frame (the recency list points into
    // it), so reserve the worst case up front: no reallocation, no dangling.
    ip_text_.reserve(cols[kColIp4].size / 4 * 15 + 15);
    load_dynamic_templates();
  }

  void run(const sdk::EolDecoder& eol_in) {
    sdk::EolDecoder eol = eol_in;
    for (uint64_t i = 0; i < eol.count(); ++i) {
      line();
      out_.write(sdk::eol_text(eol.next()));
    }
    out_.flush();
    for (uint32_t c = 1; c < kColumnCount; ++c)
      if (!r_[c].at_end()) fail_corrupt("ssh: trailing column bytes");
  }

 private:
  void load_dynamic_templates() {
    ByteReader& defs = r_[kColTplDef];
    while (!defs.at_end()) {
      dynamic_.emplace_back();
      if (!compile_template(defs.str(), &dynamic_.back())) fail_corrupt("ssh: bad template");
    }
  }

  void line() {
    uint8_t layout = r_[kColHdr].u8();
    uint8_t ts_kind = layout & kTsMask;
    uint8_t tag = (layout >> kTagShift) & 3;
    if (tag > kTagPid || layout > kLayoutMax || ((layout & kIsoBit) && ts_kind != kTsNone))
      fail_corrupt("ssh: bad layout byte");
    if (layout & kIsoBit) iso();
    if (ts_kind != kTsNone) {
      time_ = static_cast<int64_t>(static_cast<uint64_t>(time_) + static_cast<uint64_t>(r_[kColTime].svarint()));
      char buf[16];
      size_t n = (time_ >= 0 && time_ < kTimeLimit) ? format_timestamp(static_cast<uint32_t>(time_), ts_kind, buf) : 0;
      if (!n) fail_corrupt("ssh: time out of range");
      out_.write(buf, n);
    }
    if (layout & kHostBit) {
      out_.write(get_string(hosts_, r_[kColHdr], r_[kColHStr]));
      out_.put(' ');
    }
    if (tag != kTagNone) {
      out_.write(get_string(names_, r_[kColHdr], r_[kColHStr]));
      if (tag == kTagPid) {
        char buf[16];
        buf[0] = '[';
        size_t n = 1 + format_u64(get_pid(), buf + 1);
        std::memcpy(buf + n, "]: ", 3);
        out_.write(buf, n + 3);
      } else {
        out_.write(": ", 2);
      }
    }
    const Kind& k = kind();
    out_.write(kPrefixes[k.affixes >> 1]);
    for (const Piece& p : k.tpl->pieces) {
      out_.write(k.tpl->literals.data() + p.lit_off, p.lit_len);
      if (p.slot) slot(p);
    }
    if (k.affixes & kPreauthBit) out_.write(kPreauth);
  }

  void iso() {
    uint8_t fmt = r_[kColHdr].u8();
    if (fmt > kIsoFmtMax || (fmt & kIsoFracMask) > 9) fail_corrupt("ssh: bad ISO format byte");
    IsoTime t;
    t.frac_digits = fmt & kIsoFracMask;
    t.space_sep = fmt & kIsoSpaceBit;
    std::string_view zone;
    if (fmt & kIsoZoneBit) zone = get_string(zones_, r_[kColHdr], r_[kColHStr]);
    iso_ = static_cast<int64_t>(static_cast<uint64_t>(iso_) + static_cast<uint64_t>(r_[kColTime].svarint()));
    t.seconds = iso_;
    if (t.frac_digits) t.frac = static_cast<uint32_t>(r_[kColFrac].varint_max(999999999, "ssh: bad fraction"));
    char buf[32];
    size_t n = format_iso_time(t, buf);
    if (!n) fail_corrupt("ssh: ISO time out of range");
    out_.write(buf, n);
    out_.write(zone);
    out_.put(' ');
  }

  struct Kind {
    const Template* tpl;
    uint8_t affixes;
  };

  const Kind& kind() {
    uint64_t index = r_[kColTpl].varint_max(kinds_.size(), "ssh: message kind out of range");
    if (index < kinds_.size()) return kinds_[index];
    uint64_t id = r_[kColKinds].varint();
    uint8_t affixes = r_[kColKinds].u8();
    if (affixes > kAffixMax) fail_corrupt("ssh: bad affixes");
    const std::vector<Template>& builtin = builtin_templates();
    const Template* t;
    if (id < builtin.size()) {
      t = &builtin[id];
    } else if (id - builtin.size() < dynamic_.size()) {
      t = &dynamic_[id - builtin.size()];
    } else {
      fail_corrupt("ssh: template id out of range");
    }
    kinds_.push_back(Kind{t, affixes});
    return kinds_.back();
  }

  void slot(const Piece& p) {
    char buf[24];
    switch (p.slot) {
      case kSlotUser: out_.write(get_string(users_, r_[kColUser], r_[kColUStr])); break;
      case kSlotText: out_.write(get_string(texts_, r_[kColText], r_[kColTStr])); break;
      case kSlotAddr: out_.write(get_addr()); break;
      case kSlotPort: out_.write(buf, format_u64(get_port(), buf)); break;
      case kSlotNum: out_.write(buf, format_u64(r_[kColNum].varint(), buf)); break;
      default: {  // kSlotZero
        uint64_t v = r_[kColNum].varint();
        size_t n = format_padded(v, p.width, buf);
        if (n != p.width) fail_corrupt("ssh: number wider than its slot");
        out_.write(buf, n);
        break;
      }
    }
  }

  static std::string_view get_string(RecencyList<std::string_view>& list, ByteReader& codes,
                                     ByteReader& lits) {
    uint8_t code = codes.u8();
    if (code == 0) {
      std::string_view s = read_line_string(lits);
      list.push(s);
      return s;
    }
    if (code - 1u >= list.size()) fail_corrupt("ssh: recency rank out of range");
    return list.take(code - 1u);
  }

  uint32_t get_port() {
    uint32_t hi = r_[kColPort].u8();
    uint32_t d = hi << 8 | r_[kColPort].u8();
    uint32_t base = 0;
    AddrEntry* a = addrs_.size() ? &addrs_.front() : nullptr;
    if (a && a->last_port != AddrEntry::kNoPort) base = a->last_port;
    uint32_t port = (base + d) & 0xffff;
    if (a) a->last_port = port;
    return port;
  }

  std::string_view get_addr() {
    uint8_t code = r_[kColAddr].u8();
    if (code == kAddrNewIp4) {
      uint32_t ip = 0;
      for (int k = 0; k < 4; ++k) ip = ip << 8 | r_[kColIp4].u8();
      if (ip_text_.size() + 15 > ip_text_.capacity()) fail_corrupt("ssh: too many addresses");
      size_t at = ip_text_.size();
      char buf[16];
      size_t n = format_ipv4(ip, buf);
      ip_text_.append(buf, n);
      std::string_view s(ip_text_.data() + at, n);
      addrs_.push(AddrEntry{s, AddrEntry::kNoPort});
      return s;
    }
    if (code == kAddrNewText) {
      std::string_view s = read_line_string(r_[kColAStr]);
      addrs_.push(AddrEntry{s, AddrEntry::kNoPort});
      return s;
    }
    if (code - 2u >= addrs_.size()) fail_corrupt("ssh: address rank out of range");
    return addrs_.take(code - 2u).text;
  }

  uint32_t get_pid() {
    uint8_t code = r_[kColTpl].u8();
    if (code == 0) {
      last_new_pid_ = static_cast<int64_t>(static_cast<uint64_t>(last_new_pid_) +
                                          static_cast<uint64_t>(r_[kColPidNew].svarint()));
      if (last_new_pid_ < 0 || last_new_pid_ > 999999999) fail_corrupt("ssh: pid out of range");
      uint32_t pid = static_cast<uint32_t>(last_new_pid_);
      pids_.push(pid);
      return pid;
    }
    if (code - 1u >= pids_.size()) fail_corrupt("ssh: pid rank out of range");
    return pids_.take(code - 1u);
  }

  OutBuffer out_;
  ByteReader r_[kColumnCount];
  std::string ip_text_;
  std::vector<Template> dynamic_;
  RecencyList<std::string_view> hosts_{kStringWindow}, names_{kStringWindow}, users_{kStringWindow},
      texts_{kStringWindow}, zones_{kStringWindow};
  RecencyList<AddrEntry> addrs_{kAddrWindow};
  std::vector<Kind> kinds_;
  RecencyList<uint32_t> pids_{kPidWindow};
  int64_t time_ = 0;
  int64_t iso_ = 0;
  int64_t last_new_pid_ = 0;
};

}  // namespace

void decode_frame(sdk::DecodeContext& ctx) {
  ColumnViews cols;
  get_columns(ctx, &cols);
  sdk::EolDecoder eol(cols[kColEol]);
  auto dec = std::make_unique<FrameDecoder>(ctx, cols);
  dec->run(eol);
}

}  // namespace at1::ssh
