// Stream layout constants of the `json` codec (format version 1). The layout
// itself is described in README.md; this header is the single place decoder
// and encoder take names, tags and limits from, so they cannot drift apart.
#ifndef AT1_JSON_FORMAT_H
#define AT1_JSON_FORMAT_H

#include <cstddef>
#include <cstdint>

namespace at1json {

// Marks a value slot inside a template. Strict JSON forbids raw control
// bytes in strings and allows only space/tab/CR/LF as whitespace, so 0x01 can
// never be part of a template's literal text.
constexpr char kSlot = '\x01';

// Fixed streams of every frame.
constexpr const char* kStreamEol = "eol";        // line endings (SDK EolEncoder)
constexpr const char* kStreamTemplates = "tpl";  // template dictionary
constexpr const char* kStreamLines = "line";     // template id per line, 0 = verbatim
constexpr const char* kStreamVerbatim = "verb";  // lines that are not JSON, '\n'-terminated
constexpr const char* kStreamColumns = "cols";   // column directory

// Each column stores its data in up to kPartCount parts. A part lives in the
// shared stream named kPartNames[p] (small parts, concatenated in column
// order) or, when large, in its own stream "c<column>.<name>".
enum Part : uint8_t { kPartTag, kPartNum, kPartScale, kPartStr, kPartDict, kPartId, kPartTime, kPartCount };
constexpr const char* kPartNames[kPartCount] = {"tag", "num", "scale", "str", "dict", "id", "time"};
// Parts at least this big get their own stream. Measured on the corpus: with
// xz, merging the small parts of many columns wins (the backend matches across
// columns), while big parts gain from a clean model of their own.
constexpr size_t kOwnStreamMin = 65536;

// Column modes.
enum ColumnMode : uint8_t {
  kModeEmpty = 0,  // no values in this frame
  kModeDict = 1,   // whole spellings in a dictionary, one id per value
  kModeTyped = 2,  // one tag per value; numbers, scales and strings apart
};

// Value tags of the typed mode.
enum ValueTag : uint8_t {
  kTagNull = 0,
  kTagTrue = 1,
  kTagFalse = 2,
  kTagStr = 3,     // string: content (escapes as written) in part str
  kTagNum = 4,     // canonical decimal number: mantissa in num, scale in scale
  kTagNumRaw = 5,  // any other number spelling: text in part str
  kTagStrNum = 6,  // string whose content is a canonical decimal number
  kTagStrTime = 7, // string timestamp in the column's TimeFormat: delta in time
  kTagCount = 8,
};
constexpr uint8_t kVaries = 0xFF;  // "not constant: read from the part stream"

// Typed-mode flags.
constexpr uint8_t kFlagDelta = 1;  // num holds differences to the previous number
constexpr uint8_t kFlagTime = 2;   // a TimeFormat follows the typed-mode fields

// Limits.
constexpr int kMaxDigits = 19;        // significant digits of a canonical mantissa
constexpr int kMaxScale = 60;         // fraction digits of a canonical decimal
constexpr uint32_t kMaxColumns = 4000;  // paths beyond share the last column
constexpr int kMaxDepth = 512;        // deeper lines go verbatim
constexpr uint32_t kArrayIndexPaths = 4;  // array elements >= this share a path

}  // namespace at1json

#endif  // AT1_JSON_FORMAT_H
