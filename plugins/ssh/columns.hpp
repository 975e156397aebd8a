// The codec's columns and how they become streams. Each column is one
// homogeneous byte sequence; big columns are streams of their own, small ones
// share the `pack` stream so a short frame does not pay a container entry and
// a backend header per tiny column.
#ifndef AT1_SSH_COLUMNS_HPP
#define AT1_SSH_COLUMNS_HPP

#include <array>

#include "at1/cpp/codec.hpp"

namespace at1::ssh {

enum Column : uint32_t {
  kColEol,     // line endings (SDK EolEncoder)
  kColHdr,     // layout byte per line + host / program recency codes
  kColTime,    // svarint delta of the syslog time per timestamped line
  kColPid,     // pid recency code per "name[pid]: " tag
  kColPidNew,  // svarint delta of each new pid to the previous new pid
  kColTpl,     // varint template id per line
  kColTplDef,  // frame templates: varint length + escaped text, in id order
  kColAddr,    // address recency code per address slot
  kColIp4,     // new IPv4 addresses, 4 bytes big-endian
  kColPort,    // ports, u16 big-endian
  kColNum,     // numbers, varint
  kColUser,    // user recency code per user slot
  kColText,    // text recency code per text slot
  kColUStr,    // new user names, '\n'-terminated
  kColAStr,    // new non-IPv4 addresses (IPv6, host names), '\n'-terminated
  kColTStr,    // new texts, '\n'-terminated
  kColHStr,    // new host and program names, '\n'-terminated
  kColumnCount
};

inline constexpr const char* kColumnNames[kColumnCount] = {
    "eol",  "hdr",  "time", "pid",  "pidnew", "tpl",  "tpldef", "addr", "ip4",
    "port", "num",  "user", "text", "ustr",   "astr", "tstr",   "hstr"};

using ColumnWriters = std::array<sdk::ByteWriter, kColumnCount>;
using ColumnViews = std::array<sdk::Bytes, kColumnCount>;

// Emits the columns as streams (small ones packed together).
void put_columns(sdk::EncodeContext& ctx, const ColumnWriters& cols);

// Finds every column again; throws CodecError(CORRUPT) when one is missing.
void get_columns(sdk::DecodeContext& ctx, ColumnViews* cols);

}  // namespace at1::ssh

#endif  // AT1_SSH_COLUMNS_HPP
