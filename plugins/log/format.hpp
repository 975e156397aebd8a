// The `log` codec's stream layout (format version 4): placeholder bytes in
// templates, variable kinds and stream names. See README.md for the prose.
#ifndef AT1_LOG_FORMAT_HPP
#define AT1_LOG_FORMAT_HPP

#include <cstddef>
#include <cstdint>

namespace at1::log {

constexpr uint32_t kFormatVersion = 4;

// A template is the line's static text with one placeholder byte per
// variable. Lines holding NUL or any placeholder byte go verbatim, so such a
// byte in a template is always a placeholder (tab, CR etc. stay text). Kinds with a
// parameter (width, length, layout index) store it in the next byte as
// kParamBias + value, so templates stay free of '\n'.
enum VarKind : uint8_t {
  kVarInt = 1,       // decimal integer, optional '-', no leading zero: zigzag in "num"
  kVarZint = 2,      // fixed-width digits (leading zeros kept); param = width 1..19: "num"
  kVarHexLo = 3,     // fixed-length lowercase hex; param = length 1..64: packed in "hex"
  kVarHexUp = 4,     // same, uppercase
  kVarHexNumLo = 5,  // hex after "0x" without leading zeros, <= 16 digits: value in "num"
  kVarHexNumUp = 6,  // same, uppercase
  kVarTs = 7,        // timestamp; param = layout index: delta in "ts"
  kVarFloat = 8,     // d+.d+ kept as text: "flt"
  kVarStr = 11,      // a space-separated segment that varies between merged templates: "str"
  kVarIp = 14,       // canonical IPv4 dotted quad: rank in "ipr", new values in "ip" (ipv4.hpp)
};
// Above ' ', so splitting a template at spaces never cuts a parameter.
constexpr uint8_t kParamBias = 0x21;
constexpr size_t kMaxZintWidth = 19;
constexpr size_t kMaxHexLen = 64;
constexpr size_t kMaxLayouts = 200;
// Longer lines go verbatim: templates stay small and hash cheaply.
constexpr size_t kMaxModelledLine = 1 << 16;

constexpr bool is_placeholder(uint8_t b) { return (b >= 1 && b <= 8) || b == kVarStr || b == kVarIp; }
// Bytes that keep a line from being modelled (placeholders and NUL).
constexpr bool is_reserved_byte(uint8_t b) { return b == 0 || is_placeholder(b); }

inline bool kind_has_param(uint8_t k) { return k == kVarZint || k == kVarHexLo || k == kVarHexUp || k == kVarTs; }
// Kinds whose values live in the numeric column stream.
inline bool kind_is_numeric(uint8_t k) {
  return k == kVarInt || k == kVarZint || k == kVarHexNumLo || k == kVarHexNumUp;
}
inline bool kind_is_hex(uint8_t k) { return k == kVarHexLo || k == kVarHexUp; }

// Numeric column modes (one byte each in "mode").
// kModeWide is followed by a width byte (1..8). See numcol.hpp.
enum NumMode : uint8_t { kModeRaw = 0, kModeDelta = 1, kModeWide = 2 };

// Stream names.
constexpr const char* kStreamEol = "eol";
constexpr const char* kStreamTemplates = "tpl";
constexpr const char* kStreamLayouts = "tsl";
constexpr const char* kStreamTemplateIds = "tid";
constexpr const char* kStreamVerbatim = "raw";
constexpr const char* kStreamNumbers = "num";
constexpr const char* kStreamModes = "mode";
constexpr const char* kStreamWide = "wide";
constexpr const char* kStreamHex = "hex";
constexpr const char* kStreamFloats = "flt";
constexpr const char* kStreamStrings = "str";
constexpr const char* kStreamTimes = "ts";
constexpr const char* kStreamLaterTimes = "tsr";
constexpr const char* kStreamStringRanks = "sref";
constexpr const char* kStreamIpRanks = "ipr";
constexpr const char* kStreamIps = "ip";

// Later timestamps of a line are grouped by their ordinal in the line
// (capped); each group is coded relative to the line's first stamp or as a
// delta to the previous stamp of its group and layout.
constexpr size_t kTsOrdinals = 8;
enum TsMode : uint8_t { kTsRelative = 0, kTsOwnClock = 1 };

}  // namespace at1::log

#endif  // AT1_LOG_FORMAT_HPP
