// Stream layout of the `ssh` codec (format version 1). README.md has the prose.
//
// Every line is  [timestamp ' '] [host ' '] [tag ' '] [prefix] body [" [preauth]"] eol
// and becomes one layout byte in `hdr` (which header parts are present) and
// one message kind in `tpl` (template + affixes), plus what each part needs.
#ifndef AT1_SSH_FORMAT_HPP
#define AT1_SSH_FORMAT_HPP

#include <cstdint>

namespace at1::ssh {

inline constexpr uint32_t kFormatVersion = 1;

// Layout byte (stream `hdr`, one per line).
inline constexpr uint8_t kTsMask = 0x03;    // bits 0-1: timestamp kind
inline constexpr uint8_t kTsNone = 0;       //   no syslog timestamp
inline constexpr uint8_t kTsStd = 1;        //   "Jan  5" (space-padded day)
inline constexpr uint8_t kTsZero = 2;       //   "Jan 05"
inline constexpr uint8_t kTsBare = 3;       //   "Jan 5"
inline constexpr uint8_t kHostBit = 0x04;   // bit 2: "host " present
inline constexpr uint8_t kTagShift = 3;     // bits 3-4: tag kind
inline constexpr uint8_t kTagNone = 0;
inline constexpr uint8_t kTagName = 1;      //   "name: "
inline constexpr uint8_t kTagPid = 2;       //   "name[pid]: "
inline constexpr uint8_t kIsoBit = 0x20;    // bit 5: ISO 8601 timestamp (bits 0-1 are 0)
inline constexpr uint8_t kLayoutMax = 0x37;  // bits 6-7 are zero

// ISO format byte (in `hdr` after the layout byte when kIsoBit is set).
inline constexpr uint8_t kIsoFracMask = 0x0f;  // digits after '.', 0 = none
inline constexpr uint8_t kIsoSpaceBit = 0x10;  // ' ' between date and time, not 'T'
inline constexpr uint8_t kIsoZoneBit = 0x20;   // a zone follows (recency code in `hdr`)
inline constexpr uint8_t kIsoFmtMax = 0x39;

// Affixes of a message kind (column `kinds`): prefix * 2 + preauth.
inline constexpr uint8_t kPrefixNone = 0;
inline constexpr uint8_t kPrefixError = 1;  //   "error: "
inline constexpr uint8_t kPrefixFatal = 2;  //   "fatal: "
inline constexpr uint8_t kPreauthBit = 1;   //   body ends with " [preauth]"
inline constexpr uint8_t kAffixMax = 5;

// Slot types inside templates. A template is text in which the byte
// kSlotMark introduces a slot: kSlotMark <type> (and for kSlotZero a width
// byte). A literal kSlotMark byte is written kSlotMark kSlotMark.
inline constexpr char kSlotMark = '\x01';
inline constexpr char kSlotUser = 'U';   // user name: recency code in `user`, new ones in `ustr`
inline constexpr char kSlotAddr = 'A';   // IPv4 / IPv6 / host name: `addr`, `ip4`, `astr`
inline constexpr char kSlotPort = 'P';   // 0..65535: u16 big-endian in `port`
inline constexpr char kSlotNum = 'N';    // canonical decimal: varint in `num`
inline constexpr char kSlotZero = 'Z';   // zero-padded decimal of fixed width: varint in `num`
inline constexpr char kSlotText = 'T';   // free text: recency code in `text`, new ones in `tstr`

// Recency codes (see recency.hpp). For addresses, code 0 = new IPv4 (4 bytes
// in `ip4`), code 1 = new text; otherwise rank = code - 2.
inline constexpr uint8_t kAddrNewIp4 = 0;
inline constexpr uint8_t kAddrNewText = 1;
inline constexpr uint32_t kAddrWindow = 254;
// For users, texts, hosts, program names: code 0 = new, rank = code - 1.
inline constexpr uint32_t kStringWindow = 255;
// Process ids: code 0 = new (svarint delta to the previous new pid in
// `pidnew`), rank = code - 1.
inline constexpr uint32_t kPidWindow = 255;

// Longest body the builtin templates are tried on; longer ones go generic.
inline constexpr size_t kMaxBuiltinBody = 4096;

}  // namespace at1::ssh

#endif  // AT1_SSH_FORMAT_HPP
