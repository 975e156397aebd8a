// The codec's columns and how they become streams. Each column is one
// homogeneous byte sequence; big columns are streams of their own, small ones
// share the `pack` stream so a short frame does not pay a container entry and
// a backend header per tiny column.
#ifndef AT1_SSH_COLUMNS_HPP
#define AT1_SSH_COLUMNS_HPP

#include <array>

#include "at1/cpp/codec.hpp"

namespace at1::ssh {

// Enum order is the order inside `pack`: codes, then numbers, then text, so
// neighbours in the packed stream look alike.
enum Column : uint32_t {
  kColEol,     // line endings (SDK EolEncoder)
  kColHdr,     // layout byte per line + host / program recency codes
  kColTpl,     // per line: pid recency code (when the tag has a pid), then the
               // message kind as a varint index into the frame's kinds. One
               // column because a new pid and a session-opening message go together.
  kColKinds,   // each new kind: varint template id, u8 affixes (prefix * 2 + preauth)
  kColUser,    // user recency code per user slot
  kColAddr,    // address recency code per address slot
  kColText,    // text recency code per text slot
  kColTime,    // svarint delta of the syslog time per timestamped line (ISO
               // timestamps: of their epoch seconds, against the previous ISO one)
  kColFrac,    // varint fraction of each ISO timestamp that has one
  kColPidNew,  // svarint delta of each new pid to the previous new pid
  kColPort,    // ports, u16 big-endian, minus the last port of the current address
  kColNum,     // numbers, varint
  kColIp4,     // new IPv4 addresses, 4 bytes big-endian
  kColTplDef,  // frame templates: varint length + escaped text, in id order
  kColTStr,    // new texts, '\n'-terminated
  kColUStr,    // new user names, '\n'-terminated
  kColAStr,    // new non-IPv4 addresses (IPv6, host names), '\n'-terminated
  kColHStr,    // new host and program names, '\n'-terminated
  kColumnCount
};

inline constexpr const char* kColumnNames[kColumnCount] = {
    "eol",    "hdr",  "tpl", "kinds", "user", "addr", "text", "time", "frac",
    "pidnew", "port", "num", "ip4",   "tpldef", "tstr", "ustr", "astr", "hstr"};

using ColumnWriters = std::array<sdk::ByteWriter, kColumnCount>;
using ColumnViews = std::array<sdk::Bytes, kColumnCount>;

// Emits the columns as streams (small ones packed together).
void put_columns(sdk::EncodeContext& ctx, const ColumnWriters& cols);

// Finds every column again; throws CodecError(CORRUPT) when one is missing.
void get_columns(sdk::DecodeContext& ctx, ColumnViews* cols);

}  // namespace at1::ssh

#endif  // AT1_SSH_COLUMNS_HPP
